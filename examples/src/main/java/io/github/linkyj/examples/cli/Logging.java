package io.github.linkyj.examples.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Switches the command's log level; {@link LogbackConfigurator} sets the format. */
final class Logging {
  private static final String PROJECT_LOGGER = "io.github.linkyj";

  private Logging() {}

  /** Logs only errors of the project, for commands whose output already reports the rest. */
  static void quiet() {
    if (LoggerFactory.getLogger(PROJECT_LOGGER) instanceof Logger logger) {
      logger.setLevel(Level.ERROR);
    }
  }

  /** Logs DEBUG lines of the project when {@code verbose}, INFO and above otherwise. */
  static void verbose(boolean verbose) {
    if (LoggerFactory.getLogger(PROJECT_LOGGER) instanceof Logger logger) {
      logger.setLevel(verbose ? Level.DEBUG : Level.INFO);
    }
  }
}
