package io.github.linkyj.domoticz.sync;

/** Source of the energy of one direction of a day. */
public enum DaySource {
  /** No data for this direction on this day. */
  NONE,
  /** The load curve covers the whole day; the day has hourly detail. */
  CURVE,
  /**
   * The load curve covers only part of the day and no daily value exists. The day total is the sum
   * of the curve, and the day is fetched again later.
   */
  CURVE_INCOMPLETE,
  /** The daily endpoint; the day has no hourly detail. */
  DAILY;

  /** Returns whether the day is final for this direction: from the whole curve or daily. */
  public boolean isComplete() {
    return this == CURVE || this == DAILY;
  }
}
