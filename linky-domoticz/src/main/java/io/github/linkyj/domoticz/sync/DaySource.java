package io.github.linkyj.domoticz.sync;

/** Where the energy of one direction of a day comes from. */
public enum DaySource {
  /** No data for this direction on this day. */
  NONE,
  /** The load curve covers the whole day; the day has hourly detail. */
  CURVE,
  /**
   * The load curve covers only part of the day and no daily value exists; the day total is what the
   * curve has, and the day must be fetched again.
   */
  CURVE_INCOMPLETE,
  /** The daily endpoint; the day has no hourly detail. */
  DAILY;

  /** Returns whether the day is final for this direction: from the whole curve or daily. */
  public boolean isComplete() {
    return this == CURVE || this == DAILY;
  }
}
