package io.github.linkyj.core.audit;

/**
 * Connects the logging back end of a test class path to {@link LogRecorder}. The secrets audit
 * loads one with {@link java.util.ServiceLoader} and falls back to {@link Slf4jTap}, which suits
 * slf4j-simple; a module that logs through Logback registers its own.
 */
public interface LogTap {

  /**
   * Starts feeding {@link LogRecorder} with every event of the project's loggers, DEBUG included,
   * without printing more than the back end's own levels allow. Called once, before the first test
   * and, where the back end allows, before SLF4J starts.
   */
  void install();

  /**
   * Returns null when events reach the recorder, or a message that says why they do not and how to
   * fix it.
   */
  String problem();
}
