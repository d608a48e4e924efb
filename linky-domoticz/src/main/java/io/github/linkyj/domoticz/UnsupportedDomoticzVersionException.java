package io.github.linkyj.domoticz;

/** Signals a Domoticz version whose history insertion this client cannot use safely. */
public final class UnsupportedDomoticzVersionException extends DomoticzException {
  private static final long serialVersionUID = 1L;

  private final DomoticzVersion version;

  UnsupportedDomoticzVersionException(DomoticzVersion version, String message) {
    super(message);
    this.version = version;
  }

  /** Returns the version that Domoticz reported. */
  public DomoticzVersion version() {
    return version;
  }
}
