package io.github.linkyj.core.audit;

import org.slf4j.LoggerFactory;

/**
 * Puts {@link AuditingServiceProvider} in front of the class path's SLF4J provider by setting the
 * {@code slf4j.provider} system property, which SLF4J reads once, when the first logger is created.
 */
final class Slf4jTap implements LogTap {

  @Override
  public void install() {
    System.setProperty("slf4j.provider", AuditingServiceProvider.class.getName());
    // SLF4J otherwise reports the explicit provider on standard error, in the middle of test
    // output.
    System.setProperty("slf4j.internal.verbosity", "WARN");
  }

  @Override
  public String problem() {
    if (LoggerFactory.getILoggerFactory() instanceof AuditingServiceProvider.Factory) {
      return null;
    }
    return "SLF4J started with "
        + LoggerFactory.getILoggerFactory().getClass().getName()
        + " before the secrets audit could put "
        + AuditingServiceProvider.class.getName()
        + " in front of it; run the tests with -Dslf4j.provider="
        + AuditingServiceProvider.class.getName();
  }
}
