package io.github.linkyj.offpeak;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The off-peak ranges of each day type: a default list, optional lists of their own for some
 * weekdays, and an optional list for public holidays.
 *
 * <p>The list of a date is chosen in this order: the holiday list if the date is a public holiday
 * and the plan has one, else the weekday's own list if it has one, else the default list. A list
 * classifies the minutes of its own calendar date only: with a default of {@code 22:00-06:00} and a
 * Saturday list of {@code 00:00-24:00}, Sunday 00:00 to 06:00 is off-peak through the default list
 * and Saturday 00:00 to 24:00 through Saturday's list. Ranges are half-open, see {@link TimeRange}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class WeekPlan {
  private static final int DAY_TYPES = DayType.values().length;
  private static final WeekPlan NONE = new WeekPlan(DayRanges.none(), new DayRanges[DAY_TYPES]);

  private final DayRanges defaultRanges;

  /** The own lists indexed by {@link DayType#ordinal()}, null where a day type has none. */
  private final DayRanges[] ownRanges;

  /** The holiday list, or null when holidays use their weekday's list. */
  private final DayRanges holidayRanges;

  /**
   * The list of each {@link FrenchHolidays#dayCode}, null for a year without holidays when the plan
   * has a holiday list.
   */
  private final DayRanges[] rangesByDayCode;

  private WeekPlan(DayRanges defaultRanges, DayRanges[] ownRanges) {
    this.defaultRanges = defaultRanges;
    this.ownRanges = ownRanges;
    this.holidayRanges = ownRanges[DayType.HOLIDAY.ordinal()];
    this.rangesByDayCode = new DayRanges[FrenchHolidays.DAY_CODES];
    for (int day = 0; day < 7; day++) {
      DayRanges weekday = ownRanges[day] != null ? ownRanges[day] : defaultRanges;
      rangesByDayCode[day] = weekday;
      rangesByDayCode[day + FrenchHolidays.HOLIDAY] =
          holidayRanges != null ? holidayRanges : weekday;
      rangesByDayCode[day + FrenchHolidays.UNKNOWN_YEAR] = holidayRanges != null ? null : weekday;
    }
  }

  /** Returns the plan without off-peak minutes on any day. */
  public static WeekPlan none() {
    return NONE;
  }

  /**
   * Obtains the plan that uses the same ranges every day, holidays included.
   *
   * @param everyDay the ranges of every day, not null
   * @return the plan
   */
  public static WeekPlan of(DayRanges everyDay) {
    requireNonNull(everyDay, "everyDay");
    return new WeekPlan(everyDay, new DayRanges[DAY_TYPES]);
  }

  /**
   * Returns a copy of this plan where a weekday has a list of its own, which replaces the default
   * list on that weekday.
   *
   * @param day the weekday, not null
   * @param ranges the ranges of that weekday, not null; {@link DayRanges#none()} makes it all peak
   * @return the new plan
   */
  public WeekPlan with(DayOfWeek day, DayRanges ranges) {
    requireNonNull(day, "day");
    requireNonNull(ranges, "ranges");
    return with(DayType.of(day), ranges);
  }

  /**
   * Returns a copy of this plan with a list for public holidays, which replaces the weekday and
   * default lists on a holiday.
   *
   * @param ranges the ranges of a public holiday, not null
   * @return the new plan
   */
  public WeekPlan withHolidays(DayRanges ranges) {
    requireNonNull(ranges, "ranges");
    return with(DayType.HOLIDAY, ranges);
  }

  WeekPlan with(DayType type, DayRanges ranges) {
    DayRanges[] copy = ownRanges.clone();
    copy[type.ordinal()] = ranges;
    return new WeekPlan(defaultRanges, copy);
  }

  /** Returns the list of every day without a list of its own. */
  public DayRanges defaultRanges() {
    return defaultRanges;
  }

  /**
   * Returns the list of a weekday if it has one of its own.
   *
   * @param day the weekday, not null
   * @return its own list, or empty when the weekday uses the default list
   */
  public Optional<DayRanges> ownRanges(DayOfWeek day) {
    requireNonNull(day, "day");
    return Optional.ofNullable(ownRanges[day.ordinal()]);
  }

  /** Returns the list of public holidays, or empty when holidays use their weekday's list. */
  public Optional<DayRanges> holidayRanges() {
    return Optional.ofNullable(holidayRanges);
  }

  /** Returns whether no date has any off-peak minute under this plan. */
  public boolean isNone() {
    for (int day = 0; day < 7; day++) {
      if (!rangesByDayCode[day].isEmpty()) {
        return false;
      }
    }
    return holidayRanges == null || holidayRanges.isEmpty();
  }

  /**
   * Returns the list that applies on a date.
   *
   * @param date the date, not null
   * @param holidays the holiday calendar, not null
   * @return the holiday list on a holiday if the plan has one, else the weekday's list
   * @throws java.time.DateTimeException if the plan has a holiday list and the year is outside the
   *     years of {@link FrenchHolidays}
   */
  public DayRanges rangesOn(LocalDate date, FrenchHolidays holidays) {
    requireNonNull(date, "date");
    requireNonNull(holidays, "holidays");
    return rangesOnDate(date, holidays);
  }

  DayRanges rangesOnDate(LocalDate date, FrenchHolidays holidays) {
    DayRanges ranges = rangesByDayCode[holidays.dayCode(date)];
    if (ranges == null) {
      FrenchHolidays.checkYear(date.getYear());
    }
    return ranges;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WeekPlan
        && ((WeekPlan) other).defaultRanges.equals(defaultRanges)
        && Arrays.equals(((WeekPlan) other).ownRanges, ownRanges);
  }

  @Override
  public int hashCode() {
    return Objects.hash(defaultRanges, Arrays.hashCode(ownRanges));
  }

  /**
   * Returns the plan in the syntax of {@link OffPeakSchedule#parse(CharSequence)}: the default
   * ranges, then each group of day types that share a list, with the day types whose list is empty
   * last. For example {@code 02:00-07:00 wed sat 08:00-15:00 holiday 00:00-24:00 sun}.
   */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(" ");
    if (!defaultRanges.isEmpty()) {
      text.add(defaultRanges.toString());
    }
    List<DayType> emptyDays = new ArrayList<>();
    for (Map.Entry<DayRanges, List<DayType>> group : groups().entrySet()) {
      if (group.getKey().isEmpty()) {
        emptyDays.addAll(group.getValue());
      } else {
        text.add(words(group.getValue()));
        text.add(group.getKey().toString());
      }
    }
    if (!emptyDays.isEmpty()) {
      text.add(words(emptyDays));
    }
    return text.toString();
  }

  private Map<DayRanges, List<DayType>> groups() {
    Map<DayRanges, List<DayType>> groups = new LinkedHashMap<>();
    for (DayType type : DayType.values()) {
      DayRanges ranges = ownRanges[type.ordinal()];
      if (ranges != null) {
        groups.computeIfAbsent(ranges, key -> new ArrayList<>()).add(type);
      }
    }
    return groups;
  }

  private static String words(List<DayType> types) {
    StringJoiner words = new StringJoiner(" ");
    for (DayType type : types) {
      words.add(type.canonicalWord());
    }
    return words.toString();
  }
}
