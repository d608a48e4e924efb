package io.github.linkyj.offpeak;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The off-peak ("heures creuses") hours of a set of usage points, for consumption and production,
 * with the public-holiday calendar they use.
 *
 * <p>A schedule has a default section for every usage point without a section of its own, and
 * sections for given 14-digit usage point ids. A section contains a consumption {@link WeekPlan}
 * and, optionally, a production plan. Without one, production follows the consumption plan. A plan
 * gives each day type (weekday or public holiday) a {@link DayRanges} list.
 *
 * <p>Ranges are half-open at minute precision: {@code 02:00-07:00} contains 02:00 and excludes
 * 07:00. A range that crosses midnight, such as {@code 22:00-06:00}, is one range that covers the
 * minutes from 22:00 to 24:00 and from 00:00 to 06:00 of each day whose list contains it; 06:00 is
 * peak. Every list classifies the minutes of its own calendar date, so the night from Saturday to
 * Sunday takes its evening from Saturday's list and its morning from Sunday's list.
 *
 * <p>Times are local wall-clock date-times, normally in Europe/Paris. This class does not look at
 * time zones: on the day clocks go back, the repeated hour is classified twice by its wall-clock
 * time.
 *
 * <p>The text form is described at {@link #parse(CharSequence)}; {@link #toString()} returns the
 * canonical text, which parses back to an equal schedule. The schedule without any off-peak hours,
 * {@link #none()}, is the empty text.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class OffPeakSchedule {
  private static final int MINUTES_PER_DAY = TimeRange.MINUTES_PER_DAY;

  private static final OffPeakSchedule NONE =
      new OffPeakSchedule(FrenchHolidays.metropolitan(), Section.NONE, Map.of());

  private final FrenchHolidays holidays;
  private final Section defaultSection;

  /** The sections of usage points, hashed for the classification methods. */
  private final Map<String, Section> sections;

  /** The keys of {@link #sections} in ascending order. */
  private final SortedSet<String> usagePointIds;

  /**
   * The section of the last usage point id looked up, so that repeated calls with the same String
   * instance skip the hash lookup and the 14-digit check. Threads may race on it, which is safe
   * because a {@link LastLookup} is immutable and only ever contains a valid id with its section.
   */
  private LastLookup lastLookup;

  OffPeakSchedule(FrenchHolidays holidays, Section defaultSection, Map<String, Section> sections) {
    this.holidays = holidays;
    this.defaultSection = defaultSection;
    this.sections = Map.copyOf(sections);
    this.usagePointIds = Collections.unmodifiableSortedSet(new TreeSet<>(sections.keySet()));
  }

  /** Returns the schedule without off-peak hours: every minute is peak for every usage point. */
  public static OffPeakSchedule none() {
    return NONE;
  }

  /**
   * Obtains the schedule that uses one plan for every usage point, in both directions.
   *
   * @param plan the plan, not null
   * @return the schedule, with the metropolitan holiday calendar
   */
  public static OffPeakSchedule of(WeekPlan plan) {
    requireNonNull(plan, "plan");
    return new OffPeakSchedule(FrenchHolidays.metropolitan(), new Section(plan, null), Map.of());
  }

  /**
   * Obtains the schedule that uses one consumption plan and one production plan for every usage
   * point.
   *
   * @param consumption the consumption plan, not null
   * @param production the production plan, not null
   * @return the schedule, with the metropolitan holiday calendar
   */
  public static OffPeakSchedule of(WeekPlan consumption, WeekPlan production) {
    requireNonNull(consumption, "consumption");
    requireNonNull(production, "production");
    Section section = new Section(consumption, production);
    return new OffPeakSchedule(FrenchHolidays.metropolitan(), section, Map.of());
  }

  /**
   * Parses the free text form of a schedule, as typed in the DomoticzLinky "Heures creuses" field.
   *
   * <p>Examples:
   *
   * <ul>
   *   <li>{@code 2h00-7h00 13h00-16h00}: off-peak from 02:00 to 07:00 and from 13:00 to 16:00 every
   *       day, for every usage point.
   *   <li>{@code 22:00-06:00 sa di 0h-24h fériés 0h-24h}: nights, week-ends and public holidays.
   *   <li>{@code 2h-4h 12345678901234 1h-6h mercredi 11h-16h 88888888888888}: a default, a section
   *       for the first usage point, and no off-peak for the second one.
   *   <li>{@code 2h-4h P 17h-22h}: consumption 02:00-04:00, production 17:00-22:00.
   * </ul>
   *
   * <p>The text is a sequence of tokens, case-insensitive and accent-insensitive:
   *
   * <ul>
   *   <li>a range {@code START SEP END}: times {@code 7h}, {@code 7h30}, {@code 07h30}, {@code
   *       7:30}, {@code 24h00}; separators {@code -}, {@code _}, {@code à}, {@code a}, {@code to}.
   *       An end of {@code 0h00}, {@code 23h59} or {@code 24h00} is the end of the day, an end
   *       before the start crosses midnight, and a range whose end equals its start is an error.
   *   <li>day words in French or English, full or abbreviated ({@code lundi}, {@code lu}, {@code
   *       monday}, {@code mon}, {@code mo} ...), {@code weekend}, and holiday words ({@code fe},
   *       {@code férié}, {@code jours fériés}, {@code ba}, {@code bank holiday}, {@code holiday},
   *       {@code public holiday} ...). Consecutive day words share the ranges that follow them,
   *       which replace the default ranges on those days. A day word with no range after it has no
   *       off-peak hours.
   *   <li>{@code P}, {@code prod} or {@code production}, once per section: the rest of the section
   *       is the production plan. A {@code P} with nothing after it disables production off-peak.
   *   <li>a 14-digit usage point id starts the section of that usage point; an id followed by
   *       another id or by nothing disables off-peak for it. The text before the first id is the
   *       default section.
   *   <li>{@code alsace-moselle}, only as the first word: the holiday calendar includes Good Friday
   *       and 26 December.
   *   <li>connecting words {@code et}, {@code and}, {@code de}, {@code from}, commas and
   *       semicolons, which change nothing.
   * </ul>
   *
   * <p>The whole text may also be the Enedis contract form, see {@link #parseContract}. The empty
   * or blank text is {@link #none()}.
   *
   * @param text the text to parse, not null
   * @return the schedule
   * @throws OffPeakParseException if any part of the text is not understood; the exception names
   *     the index, the token and what is accepted there
   */
  public static OffPeakSchedule parse(CharSequence text) {
    requireNonNull(text, "text");
    return new ScheduleParser(new Lexer(text.toString())).parse();
  }

  /**
   * Parses the {@code offpeak_hours} field of an Enedis contract, such as {@code HC
   * (22H00-6H00;12H30-14H30)}, into a schedule that uses those ranges every day, for every usage
   * point and both directions.
   *
   * <p>Accepted forms: {@code HC}, then one or more groups in parentheses separated by commas, each
   * with ranges separated by semicolons, as in {@code HC (22H30-6H30), (13H00-15H00)}. Times have
   * the syntax of {@link #parse(CharSequence)}. The empty or blank text and {@code HC ()} are
   * {@link #none()}.
   *
   * @param text the contract text, not null
   * @return the schedule
   * @throws OffPeakParseException if the text is not in that form
   */
  public static OffPeakSchedule parseContract(CharSequence text) {
    requireNonNull(text, "text");
    DayRanges ranges = new ContractParser(new Lexer(text.toString())).parse();
    return ranges.isEmpty() ? NONE : of(WeekPlan.of(ranges));
  }

  /**
   * Returns a copy of this schedule where a usage point has its own section, whose production
   * follows its consumption plan.
   *
   * @param usagePointId the 14-digit usage point id, not null
   * @param plan the plan of both directions, not null
   * @return the new schedule
   * @throws IllegalArgumentException if the id does not have 14 digits
   */
  public OffPeakSchedule withUsagePoint(String usagePointId, WeekPlan plan) {
    requireNonNull(plan, "plan");
    return withSection(usagePointId, new Section(plan, null));
  }

  /**
   * Returns a copy of this schedule where a usage point has its own section.
   *
   * @param usagePointId the 14-digit usage point id, not null
   * @param consumption the consumption plan, not null
   * @param production the production plan, not null
   * @return the new schedule
   * @throws IllegalArgumentException if the id does not have 14 digits
   */
  public OffPeakSchedule withUsagePoint(
      String usagePointId, WeekPlan consumption, WeekPlan production) {
    requireNonNull(consumption, "consumption");
    requireNonNull(production, "production");
    return withSection(usagePointId, new Section(consumption, production));
  }

  /**
   * Returns a copy of this schedule with another holiday calendar.
   *
   * @param holidays the calendar, not null
   * @return the new schedule
   */
  public OffPeakSchedule withHolidays(FrenchHolidays holidays) {
    requireNonNull(holidays, "holidays");
    return new OffPeakSchedule(holidays, defaultSection, sections);
  }

  private OffPeakSchedule withSection(String usagePointId, Section section) {
    checkUsagePointId(usagePointId);
    Map<String, Section> copy = new HashMap<>(sections);
    copy.put(usagePointId, section);
    return new OffPeakSchedule(holidays, defaultSection, copy);
  }

  /** Returns the holiday calendar used for the holiday lists. */
  public FrenchHolidays holidays() {
    return holidays;
  }

  /** Returns the ids of the usage points that have their own section, in ascending order. */
  public SortedSet<String> usagePointIds() {
    return usagePointIds;
  }

  /**
   * Returns the plan of a usage point and direction. The plan comes from the usage point's own
   * section if it has one, else from the default section. It is the production plan of that section
   * if the direction is production and the section has one, else the consumption plan.
   *
   * @param usagePointId the 14-digit usage point id, not null
   * @param direction the direction, not null
   * @return the plan, {@link WeekPlan#none()} when off-peak is disabled
   * @throws IllegalArgumentException if the id does not have 14 digits
   */
  public WeekPlan plan(String usagePointId, Direction direction) {
    requireNonNull(usagePointId, "usagePointId");
    requireNonNull(direction, "direction");
    LastLookup last = lastLookup;
    if (last != null && last.usagePointId == usagePointId) {
      return last.section.plan(direction);
    }
    return lookUp(usagePointId).plan(direction);
  }

  /** Returns the section of an id not found in {@link #lastLookup}, and caches it there. */
  private Section lookUp(String usagePointId) {
    Section section = sections.get(usagePointId);
    if (section == null) {
      checkUsagePointId(usagePointId);
      section = defaultSection;
    }
    lastLookup = new LastLookup(usagePointId, section);
    return section;
  }

  /** A usage point id with the section that applies to it. */
  private record LastLookup(String usagePointId, Section section) {}

  /**
   * Returns the tariff of a usage point and direction at a wall-clock date-time.
   *
   * @param usagePointId the 14-digit usage point id, not null
   * @param direction the direction, not null
   * @param at the local date-time; its minute is classified and seconds are ignored, not null
   * @return the tariff of that minute
   * @throws IllegalArgumentException if the id does not have 14 digits
   * @throws java.time.DateTimeException if the plan has a holiday list and the year is outside the
   *     years of {@link FrenchHolidays}
   */
  public Tariff tariff(String usagePointId, Direction direction, LocalDateTime at) {
    requireNonNull(at, "at");
    WeekPlan plan = plan(usagePointId, direction);
    DayRanges ranges = plan.rangesOnDate(at.toLocalDate(), holidays);
    return ranges.tariffAt(minuteOfDay(at));
  }

  /**
   * Returns the number of off-peak minutes of a usage point and direction in the interval {@code
   * [startInclusive, endExclusive)} of wall-clock date-times. The interval may cross midnight and
   * span several day types. Each minute is classified by the list of its own date. The peak minutes
   * are the interval length minus this number, so an interval's energy can be split pro rata.
   *
   * @param usagePointId the 14-digit usage point id, not null
   * @param direction the direction, not null
   * @param startInclusive the first minute of the interval, a whole minute, not null
   * @param endExclusive the minute after the interval, a whole minute not before the start, not
   *     null
   * @return the off-peak minutes, from 0 to the interval length in minutes
   * @throws IllegalArgumentException if the id does not have 14 digits, a bound has seconds or
   *     nanoseconds, or the end is before the start
   * @throws java.time.DateTimeException if the plan has a holiday list and a year is outside the
   *     years of {@link FrenchHolidays}
   */
  public long offPeakMinutes(
      String usagePointId,
      Direction direction,
      LocalDateTime startInclusive,
      LocalDateTime endExclusive) {
    requireNonNull(startInclusive, "startInclusive");
    requireNonNull(endExclusive, "endExclusive");
    checkWholeMinute(startInclusive, "startInclusive");
    checkWholeMinute(endExclusive, "endExclusive");
    WeekPlan plan = plan(usagePointId, direction);

    LocalDate date = startInclusive.toLocalDate();
    int fromMinute = minuteOfDay(startInclusive);
    int toMinute = minuteOfDay(endExclusive);
    LocalDate endDate = endExclusive.toLocalDate();
    if (date.equals(endDate)) {
      if (fromMinute <= toMinute) {
        return plan.rangesOnDate(date, holidays).offPeakMinutes(fromMinute, toMinute);
      }
    } else if (toMinute == 0 && isNextDayOfSameMonth(date, endDate)) {
      // The last interval of a day, such as 23:30 to 00:00 of the next date.
      return plan.rangesOnDate(date, holidays).offPeakMinutes(fromMinute, MINUTES_PER_DAY);
    }
    return offPeakMinutesAcrossDates(plan, startInclusive, endExclusive);
  }

  /** Returns whether {@code next} is the day after {@code date} in the same month. */
  private static boolean isNextDayOfSameMonth(LocalDate date, LocalDate next) {
    return next.getDayOfMonth() == date.getDayOfMonth() + 1
        && next.getMonthValue() == date.getMonthValue()
        && next.getYear() == date.getYear();
  }

  /** Counts the off-peak minutes of an interval that does not stay within one date. */
  private long offPeakMinutesAcrossDates(
      WeekPlan plan, LocalDateTime startInclusive, LocalDateTime endExclusive) {
    LocalDate date = startInclusive.toLocalDate();
    LocalDate lastDate = endExclusive.toLocalDate();
    int fromMinute = minuteOfDay(startInclusive);
    if (isNextDayOfSameMonth(date, lastDate)) {
      // An interval through midnight that ends after 00:00, such as 23:45 to 00:15.
      return offPeakMinutesThroughMidnight(plan, date, fromMinute, endExclusive);
    }

    checkOrder(startInclusive.isBefore(endExclusive), startInclusive, endExclusive);
    long offPeak = plan.rangesOnDate(date, holidays).offPeakMinutes(fromMinute, MINUTES_PER_DAY);
    long wholeDays = lastDate.toEpochDay() - date.toEpochDay() - 1;
    for (long day = 1; day <= wholeDays; day++) {
      offPeak += plan.rangesOnDate(date.plusDays(day), holidays).offPeakMinutes(0, MINUTES_PER_DAY);
    }

    int toMinute = minuteOfDay(endExclusive);
    if (toMinute > 0) {
      offPeak += plan.rangesOnDate(lastDate, holidays).offPeakMinutes(0, toMinute);
    }
    return offPeak;
  }

  /** Counts the off-peak minutes from a minute of {@code date} to a time of the next date. */
  private long offPeakMinutesThroughMidnight(
      WeekPlan plan, LocalDate date, int fromMinute, LocalDateTime endExclusive) {
    long offPeak = plan.rangesOnDate(date, holidays).offPeakMinutes(fromMinute, MINUTES_PER_DAY);
    int toMinute = minuteOfDay(endExclusive);
    if (toMinute > 0) {
      offPeak +=
          plan.rangesOnDate(endExclusive.toLocalDate(), holidays).offPeakMinutes(0, toMinute);
    }
    return offPeak;
  }

  private static void checkOrder(
      boolean inOrder, LocalDateTime startInclusive, LocalDateTime endExclusive) {
    if (!inOrder) {
      throw new IllegalArgumentException(
          "endExclusive "
              + endExclusive
              + " is before startInclusive "
              + startInclusive
              + ". Pass the interval bounds in time order");
    }
  }

  private static void checkWholeMinute(LocalDateTime dateTime, String name) {
    if (dateTime.getSecond() != 0 || dateTime.getNano() != 0) {
      throw new IllegalArgumentException(
          name + " " + dateTime + " is not a whole minute. Truncate it with truncatedTo(MINUTES)");
    }
  }

  private static int minuteOfDay(LocalDateTime dateTime) {
    return dateTime.getHour() * 60 + dateTime.getMinute();
  }

  static boolean isUsagePointId(CharSequence text) {
    if (text.length() != 14) {
      return false;
    }
    // Without a branch per character: the OR turns negative if any character is not a digit.
    int outside = 0;
    for (int i = 0; i < 14; i++) {
      char c = text.charAt(i);
      outside |= (c - '0') | ('9' - c);
    }
    return outside >= 0;
  }

  private static void checkUsagePointId(String usagePointId) {
    requireNonNull(usagePointId, "usagePointId");
    if (!isUsagePointId(usagePointId)) {
      throw new IllegalArgumentException(
          "Invalid usage point id \""
              + usagePointId
              + "\". Expected the 14 digits of the PRM, such as 12345678901234");
    }
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof OffPeakSchedule)) {
      return false;
    }
    OffPeakSchedule that = (OffPeakSchedule) other;
    return holidays.equals(that.holidays)
        && defaultSection.equals(that.defaultSection)
        && sections.equals(that.sections);
  }

  @Override
  public int hashCode() {
    return Objects.hash(holidays, defaultSection, sections);
  }

  /**
   * Returns the canonical text of this schedule, which {@link #parse(CharSequence)} reads back to
   * an equal schedule: {@code alsace-moselle} first if that calendar is used, the default section,
   * then each usage point section in ascending id order. Times are written {@code HH:MM}, day types
   * {@code mon} to {@code sun} and {@code holiday}, and production {@code P}. For example {@code
   * 02:00-04:00 16:00-19:00 P 17:00-22:00 wed 11:00-16:00 12345678901234}. The schedule without
   * off-peak hours is the empty string.
   */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(" ");
    if (holidays.isAlsaceMoselle()) {
      text.add(ScheduleParser.ALSACE_MOSELLE);
    }
    String defaultText = defaultSection.text();
    if (!defaultText.isEmpty()) {
      text.add(defaultText);
    }
    for (String usagePointId : usagePointIds) {
      text.add(usagePointId);
      String sectionText = sections.get(usagePointId).text();
      if (!sectionText.isEmpty()) {
        text.add(sectionText);
      }
    }
    return text.toString();
  }
}
