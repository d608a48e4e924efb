package io.github.linkyj.domoticz;

import java.io.IOException;

/** Signals that a Domoticz request failed or that Domoticz rejected a command. */
public class DomoticzException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that names what failed and what to do. */
  public DomoticzException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the failure that caused it. */
  public DomoticzException(String message, Throwable cause) {
    super(message, cause);
  }
}
