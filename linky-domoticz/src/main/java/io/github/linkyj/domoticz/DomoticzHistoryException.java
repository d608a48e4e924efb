package io.github.linkyj.domoticz;

import java.util.List;

/**
 * Signals that Domoticz returned OK to history writes but did not store some of them, as found by
 * reading the history back. Domoticz returns OK even when it rejects a dated row, for instance when
 * the device lacks the {@code AddDBLogEntry} option.
 */
public final class DomoticzHistoryException extends DomoticzException {
  private static final long serialVersionUID = 1L;

  private final P1Device device;
  private final List<String> problems;

  DomoticzHistoryException(P1Device device, List<String> problems, String message) {
    super(message);
    this.device = device;
    this.problems = List.copyOf(problems);
  }

  /** Returns the device whose history is incomplete. */
  public P1Device device() {
    return device;
  }

  /**
   * Returns one line per row that Domoticz did not store, each starting with the date or date-time
   * of the row.
   */
  public List<String> problems() {
    return problems;
  }
}
