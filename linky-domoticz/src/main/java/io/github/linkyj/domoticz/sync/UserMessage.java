package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

/**
 * A message for the user, in the language of the settings.
 *
 * @param key which message it is, independent of the language
 * @param level how the message is logged
 * @param text the text to show
 */
public record UserMessage(Key key, Level level, String text) {
  /** Log level of a message; the caller maps it to a Domoticz log level. */
  public enum Level {
    /** Something the user must act on; the Python plugin logged these as errors. */
    ERROR,
    /** Progress of the sync, shown as a status line. */
    STATUS,
    /** Detail, shown as a normal log line. */
    LOG
  }

  /** The messages of the catalogue. */
  public enum Key {
    CONSENT_REQUIRED,
    DASHBOARD_DATA_MISSING,
    SERVERS_UNREACHABLE_AT_NIGHT,
    TOO_MANY_FAILURES,
    NEXT_CONNECTION,
    COMPLETE_HISTORY,
    SHORT_HISTORY,
    NEXT_COMPLETE_HISTORY,
    PROCESSING_USAGE_POINT,
    MERGING_USAGE_POINTS,
    NO_DATA_IN_EITHER_DIRECTION,
    DEBUG_LOG_FILE,
    STATE_RESET,
    SHORT_LOG_RETENTION,
    HISTORY_NOT_STORED,
    CONTRACT_OFF_PEAK_UNAVAILABLE,
    SYNC_FAILED,
    CONSENT_MISSING
  }

  /** Creates the message. */
  public UserMessage {
    requireNonNull(key, "key");
    requireNonNull(level, "level");
    requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return text;
  }
}
