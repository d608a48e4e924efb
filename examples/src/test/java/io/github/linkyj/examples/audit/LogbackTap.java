package io.github.linkyj.examples.audit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.github.linkyj.core.audit.LogRecorder;
import io.github.linkyj.core.audit.LogTap;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

/**
 * Feeds the secrets audit from Logback with a turbo filter. Logback calls turbo filters before it
 * compares a call with the logger's level, so the filter sees DEBUG calls whatever level {@code
 * linky --verbose} or {@code Logging.quiet()} set, and it lets Logback decide what to print.
 */
public final class LogbackTap implements LogTap {
  private final Recorder recorder = new Recorder();

  /** Creates the tap; the audit loads it through {@link java.util.ServiceLoader}. */
  public LogbackTap() {}

  @Override
  public void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      recorder.setName("secrets-audit");
      recorder.setContext(context);
      recorder.start();
      context.addTurboFilter(recorder);
    }
  }

  @Override
  public String problem() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return "the SLF4J provider is "
          + LoggerFactory.getILoggerFactory().getClass().getName()
          + ", not Logback";
    }
    if (!context.getTurboFilterList().contains(recorder)) {
      return "Logback was reset after the audit added its turbo filter";
    }
    return null;
  }

  /** Records each logging call, then stays neutral. */
  private static final class Recorder extends TurboFilter {
    @Override
    public FilterReply decide(
        Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
      // A null format is a level check such as isDebugEnabled(), not an event.
      if (format != null) {
        // Without an explicit throwable, a trailing exception argument is the throwable, as
        // Logback itself reads it.
        FormattingTuple message =
            t != null
                ? MessageFormatter.arrayFormat(format, params, t)
                : MessageFormatter.arrayFormat(format, params);
        Throwable thrown = t != null ? t : message.getThrowable();
        LogRecorder.record(logger.getName(), level.toString(), message.getMessage(), thrown);
      }
      return FilterReply.NEUTRAL;
    }
  }
}
