package io.github.linkyj.domoticz;

/**
 * Levels that Domoticz's {@code addlogmessage} command accepts. Domoticz rejects any other level.
 */
public enum DomoticzLogLevel {
  /** A plain log line (level 1). */
  NORMAL(1),
  /** A status line (level 2), shown with the prefix {@code Status:}. */
  STATUS(2),
  /** An error line (level 4), shown with the prefix {@code Error:}. */
  ERROR(4);

  private final int code;

  DomoticzLogLevel(int code) {
    this.code = code;
  }

  /** Returns the number that Domoticz expects in the {@code level} parameter. */
  public int code() {
    return code;
  }
}
