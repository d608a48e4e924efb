package io.github.linkyj.examples.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * Logging of the linky command: one short line per event on standard error, INFO and above for the
 * project, WARN and above for the libraries. {@link Logging} lowers the project's level for {@code
 * --verbose}.
 *
 * <p>Logback finds this class through {@code META-INF/services} and runs it instead of reading an
 * XML file: the XML configuration reader and the JDK's XML parser would add about 500 classes to
 * every start of the command. A file named by the {@code logback.configurationFile} system property
 * still replaces this configuration.
 */
public final class LogbackConfigurator extends ContextAwareBase implements Configurator {
  /** The system property that names a Logback configuration file. */
  static final String CONFIGURATION_FILE_PROPERTY = "logback.configurationFile";

  /** The layout of a log line, such as {@code 08:12:03 INFO LinkySync: Processing ...}. */
  static final String PATTERN = "%d{HH:mm:ss} %-5level %logger{0}: %msg%n";

  /** Creates the configurator; Logback calls it through the service loader. */
  public LogbackConfigurator() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(CONFIGURATION_FILE_PROPERTY) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    NopStatusListener quiet = new NopStatusListener();
    context.getStatusManager().add(quiet);

    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("STDERR");
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(appender);
    context.getLogger("io.github.linkyj").setLevel(Level.INFO);
    context.getLogger("okhttp3.mockwebserver").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
