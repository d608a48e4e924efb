package io.github.linkyj.core.audit;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J provider that wraps the other provider of the class path (slf4j-simple in this project's
 * tests). The project's loggers report DEBUG as enabled and hand every event to {@link
 * LogRecorder}; the wrapped provider still prints only what its own levels allow, so test output
 * and tests that read standard error see no change.
 */
public final class AuditingServiceProvider implements SLF4JServiceProvider {
  private final SLF4JServiceProvider delegate;
  private Factory factory;

  /**
   * Creates the provider around the first other provider of the class path. SLF4J requests the MDC
   * adapter before it calls {@link #initialize()}, so the wrapped provider is found here.
   */
  public AuditingServiceProvider() {
    SLF4JServiceProvider found = null;
    for (SLF4JServiceProvider provider : ServiceLoader.load(SLF4JServiceProvider.class)) {
      if (!(provider instanceof AuditingServiceProvider)) {
        found = provider;
        break;
      }
    }
    if (found == null) {
      throw new IllegalStateException(
          "The secrets audit found no SLF4J provider to wrap; add slf4j-simple to the test class"
              + " path");
    }
    this.delegate = found;
  }

  @Override
  public void initialize() {
    delegate.initialize();
    factory = new Factory(delegate.getLoggerFactory());
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return delegate.getMarkerFactory();
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return delegate.getMDCAdapter();
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  /** Returns one recording logger per name. */
  static final class Factory implements ILoggerFactory {
    private final ILoggerFactory wrapped;
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

    Factory(ILoggerFactory wrapped) {
      this.wrapped = wrapped;
    }

    @Override
    public Logger getLogger(String name) {
      return loggers.computeIfAbsent(name, n -> new RecordingLogger(wrapped.getLogger(n)));
    }
  }

  /** Records every event of a project logger, then forwards it to the wrapped logger. */
  private static final class RecordingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    private final transient Logger wrapped;
    private final boolean project;

    RecordingLogger(Logger wrapped) {
      this.wrapped = wrapped;
      this.name = wrapped.getName();
      this.project = name.startsWith(LogRecorder.PROJECT_LOGGERS);
    }

    @Override
    public boolean isTraceEnabled() {
      return project || wrapped.isTraceEnabled();
    }

    @Override
    public boolean isDebugEnabled() {
      return project || wrapped.isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
      return project || wrapped.isInfoEnabled();
    }

    @Override
    public boolean isWarnEnabled() {
      return project || wrapped.isWarnEnabled();
    }

    @Override
    public boolean isErrorEnabled() {
      return project || wrapped.isErrorEnabled();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] arguments, Throwable thrown) {
      String message = MessageFormatter.basicArrayFormat(pattern, arguments);
      LogRecorder.record(name, level.name(), message, thrown);
      if (!wrapped.isEnabledForLevel(level)) {
        return;
      }
      // A single argument goes through the one-argument method, which formats an exception
      // argument into the message instead of printing its stack trace.
      if (thrown == null && arguments != null && arguments.length == 1) {
        forwardOne(level, pattern, arguments[0]);
      } else {
        forward(level, pattern, withThrowable(arguments, thrown));
      }
    }

    private void forwardOne(Level level, String pattern, Object argument) {
      switch (level) {
        case ERROR -> wrapped.error(pattern, argument);
        case WARN -> wrapped.warn(pattern, argument);
        case INFO -> wrapped.info(pattern, argument);
        case DEBUG -> wrapped.debug(pattern, argument);
        case TRACE -> wrapped.trace(pattern, argument);
      }
    }

    private static Object[] withThrowable(Object[] arguments, Throwable thrown) {
      int count = arguments == null ? 0 : arguments.length;
      Object[] all = new Object[count + (thrown == null ? 0 : 1)];
      if (arguments != null) {
        System.arraycopy(arguments, 0, all, 0, count);
      }
      if (thrown != null) {
        all[count] = thrown;
      }
      return all;
    }

    private void forward(Level level, String pattern, Object[] arguments) {
      switch (level) {
        case ERROR -> wrapped.error(pattern, arguments);
        case WARN -> wrapped.warn(pattern, arguments);
        case INFO -> wrapped.info(pattern, arguments);
        case DEBUG -> wrapped.debug(pattern, arguments);
        case TRACE -> wrapped.trace(pattern, arguments);
      }
    }
  }
}
