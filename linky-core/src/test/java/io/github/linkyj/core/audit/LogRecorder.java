package io.github.linkyj.core.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects, for the secrets audit, every line that the project's loggers emit at any level, with
 * the messages of the exceptions they carry, and any other text a test helper hands over, such as a
 * command's output. Lines come from every thread. Thread-safe.
 */
public final class LogRecorder {
  /** The loggers of the project; other loggers are not recorded. */
  public static final String PROJECT_LOGGERS = "io.github.linkyj";

  private static final Object LOCK = new Object();
  private static List<String> lines = new ArrayList<>(); // Guarded by LOCK.

  private LogRecorder() {}

  /**
   * Records one log event.
   *
   * @param logger the logger name; events of loggers outside {@link #PROJECT_LOGGERS} are skipped
   * @param level the level name, such as {@code DEBUG}
   * @param message the formatted message
   * @param thrown the exception logged with the message, or null
   */
  public static void record(String logger, String level, String message, Throwable thrown) {
    if (!logger.startsWith(PROJECT_LOGGERS)) {
      return;
    }
    StringBuilder line = new StringBuilder();
    line.append(level).append(' ').append(logger).append(": ").append(message);
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      line.append(" | ").append(cause);
      if (cause.getCause() == cause) {
        break;
      }
    }
    add(line.toString());
  }

  /** Records text that is not a log line, such as a command's standard output. */
  public static void recordText(String origin, String text) {
    add(origin + ": " + text);
  }

  /** Returns the lines recorded since the previous call and starts a new list. */
  public static List<String> drain() {
    synchronized (LOCK) {
      List<String> drained = lines;
      lines = new ArrayList<>();
      return drained;
    }
  }

  private static void add(String line) {
    synchronized (LOCK) {
      lines.add(line);
    }
  }
}
