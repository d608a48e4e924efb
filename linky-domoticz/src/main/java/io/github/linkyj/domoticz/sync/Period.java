package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Period of the dashboard statistics, computed from "today" (the local date of the sync).
 *
 * <p>Enedis publishes the data of a day on the next day, so every period ends at the latest on
 * yesterday. The "current" periods are the week (Monday to Sunday), month and year that contain
 * yesterday, up to and including yesterday. So on a Monday the current week is the whole previous
 * week, and on the 1st of a month the current month is the whole previous month. The "last" periods
 * are the full week or month before the current one.
 */
public enum Period {
  /** Yesterday. */
  DAY("day"),
  /** Monday of yesterday's week up to yesterday. */
  CURRENT_WEEK("cweek"),
  /** The full week before the current week. */
  LAST_WEEK("lweek"),
  /** First day of yesterday's month up to yesterday. */
  CURRENT_MONTH("cmonth"),
  /** The full month before the current month. */
  LAST_MONTH("lmonth"),
  /** 1 January of yesterday's year up to yesterday. */
  YEAR("year");

  private final String code;

  Period(String code) {
    this.code = code;
  }

  /** Returns the code used in the plugin's dashboard options, such as {@code cweek}. */
  public String code() {
    return code;
  }

  /**
   * Returns the days of this period for a sync on {@code today}, as a half-open range.
   *
   * @param today the local date of the sync, not null
   */
  public DateRange range(LocalDate today) {
    requireNonNull(today, "today");
    LocalDate yesterday = today.minusDays(1);
    LocalDate monday = yesterday.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate firstOfMonth = yesterday.withDayOfMonth(1);
    switch (this) {
      case DAY:
        return DateRange.of(yesterday, today);
      case CURRENT_WEEK:
        return DateRange.of(monday, today);
      case LAST_WEEK:
        return DateRange.of(monday.minusWeeks(1), monday);
      case CURRENT_MONTH:
        return DateRange.of(firstOfMonth, today);
      case LAST_MONTH:
        return DateRange.of(firstOfMonth.minusMonths(1), firstOfMonth);
      case YEAR:
        return DateRange.of(yesterday.withDayOfYear(1), today);
    }
    throw new AssertionError(this);
  }

  /**
   * Returns the period with the given code.
   *
   * @throws IllegalArgumentException if the code is not one of day, cweek, lweek, cmonth, lmonth,
   *     year
   */
  public static Period ofCode(String code) {
    requireNonNull(code, "code");
    for (Period period : values()) {
      if (period.code.equals(code)) {
        return period;
      }
    }
    throw new IllegalArgumentException(
        "Invalid period '" + code + "': expected day, cweek, lweek, cmonth, lmonth or year");
  }
}
