package io.github.linkyj.offpeak;

import static java.util.Objects.requireNonNull;

import java.time.LocalTime;

/**
 * A range of the wall-clock day, such as {@code 22:00-06:00}, at minute precision.
 *
 * <p>A range is half-open: it contains its start and excludes its end, so {@code 02:00-07:00}
 * contains 02:00 and 06:59 but not 07:00. A range whose end is not after its start crosses midnight
 * and is stored as one range: {@code 22:00-06:00} contains the minutes from 22:00 to 23:59 and from
 * 00:00 to 05:59 of the same calendar day, and 06:00 is not in it. The end of the day is written
 * {@code 24:00} and {@link #endExclusive()} returns it as {@link LocalTime#MIDNIGHT}. An end of
 * 23:59 also means the end of the day, because many users write midnight that way, so no range ends
 * at 23:59. A range is never empty: the longest one, {@link #allDay()}, is {@code 00:00-24:00}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TimeRange {
  static final int MINUTES_PER_DAY = 24 * 60;

  private static final TimeRange ALL_DAY = new TimeRange(0, MINUTES_PER_DAY);

  /** The first minute in the range, from 0 to 1439. */
  private final int startMinute;

  /** The minute after the last one, from 1 to 1440, never equal to {@link #startMinute}. */
  private final int endMinute;

  private TimeRange(int startMinute, int endMinute) {
    this.startMinute = startMinute;
    this.endMinute = endMinute;
  }

  /**
   * Obtains a range from its start and end times.
   *
   * <p>An end of {@link LocalTime#MIDNIGHT} or 23:59 means the end of the day, so {@code
   * of(MIDNIGHT, MIDNIGHT)} is the whole day. An end before the start gives a range that crosses
   * midnight.
   *
   * @param startInclusive the first minute in the range, not null
   * @param endExclusive the minute after the range, not null
   * @return the range
   * @throws IllegalArgumentException if a time has seconds or nanoseconds, or if the start and the
   *     end are the same time other than midnight
   */
  public static TimeRange of(LocalTime startInclusive, LocalTime endExclusive) {
    requireNonNull(startInclusive, "startInclusive");
    requireNonNull(endExclusive, "endExclusive");
    int start = wholeMinute(startInclusive, "startInclusive");
    int end = wholeMinute(endExclusive, "endExclusive");
    if (start == end && start != 0) {
      throw new IllegalArgumentException(
          "Empty off-peak range "
              + startInclusive
              + "-"
              + endExclusive
              + ": the start equals the end. Use TimeRange.allDay() for the whole day");
    }
    return ofMinutes(start, end);
  }

  /** Returns the range {@code 00:00-24:00} that contains every minute of the day. */
  public static TimeRange allDay() {
    return ALL_DAY;
  }

  /**
   * Obtains a range from a text such as {@code 22h00-6h00}, {@code 22:00-06:00} or {@code 22h à
   * 6h}, with the syntax of one range in {@link OffPeakSchedule#parse(CharSequence)}.
   *
   * @param text the text to parse, not null
   * @return the range
   * @throws OffPeakParseException if the text is not one valid range
   */
  public static TimeRange parse(CharSequence text) {
    requireNonNull(text, "text");
    Lexer lexer = new Lexer(text.toString());
    Token first = lexer.next();
    if (!first.is(Token.Kind.TIME)) {
      throw lexer.error(
          first.is(Token.Kind.END) ? "Missing range" : "Unexpected \"" + first.text() + "\"",
          first,
          "a time range such as 22h00-06h00");
    }
    TimeRange range = RangeReader.read(lexer, first);
    Token end = lexer.next();
    if (!end.is(Token.Kind.END)) {
      throw lexer.error(
          "Unexpected \"" + end.text() + "\" after the range", end, "the end of the text");
    }
    return range;
  }

  /**
   * Returns the range from {@code startMinute} (0 to 1439) to {@code endMinute} (0 to 1440), where
   * an end of 0 or 1439 is the end of the day. The caller has rejected empty ranges.
   */
  static TimeRange ofMinutes(int startMinute, int endMinute) {
    boolean endOfDay = endMinute == 0 || endMinute == MINUTES_PER_DAY - 1;
    return new TimeRange(startMinute, endOfDay ? MINUTES_PER_DAY : endMinute);
  }

  private static int wholeMinute(LocalTime time, String name) {
    if (time.getSecond() != 0 || time.getNano() != 0) {
      throw new IllegalArgumentException(
          name + " " + time + " is not a whole minute. Truncate it with truncatedTo(MINUTES)");
    }
    return time.getHour() * 60 + time.getMinute();
  }

  /** Returns the first minute in the range. */
  public LocalTime startInclusive() {
    return LocalTime.of(startMinute / 60, startMinute % 60);
  }

  /** Returns the minute after the range, {@link LocalTime#MIDNIGHT} when it ends at 24:00. */
  public LocalTime endExclusive() {
    return endMinute == MINUTES_PER_DAY
        ? LocalTime.MIDNIGHT
        : LocalTime.of(endMinute / 60, endMinute % 60);
  }

  /** Returns whether the range contains 23:59 and 00:00 but not every minute of the day. */
  public boolean crossesMidnight() {
    return endMinute < startMinute;
  }

  /** Returns whether the range is {@code 00:00-24:00}. */
  public boolean isAllDay() {
    return startMinute == 0 && endMinute == MINUTES_PER_DAY;
  }

  /** Returns the number of minutes in the range, from 1 to 1440. */
  public int minutes() {
    return crossesMidnight() ? MINUTES_PER_DAY - startMinute + endMinute : endMinute - startMinute;
  }

  /**
   * Returns whether the range contains the minute of {@code time}; seconds are ignored.
   *
   * @param time the wall-clock time, not null
   * @return true if the minute is in the range
   */
  public boolean contains(LocalTime time) {
    requireNonNull(time, "time");
    return containsMinute(time.getHour() * 60 + time.getMinute());
  }

  boolean containsMinute(int minuteOfDay) {
    if (crossesMidnight()) {
      return minuteOfDay >= startMinute || minuteOfDay < endMinute;
    }
    return minuteOfDay >= startMinute && minuteOfDay < endMinute;
  }

  int startMinute() {
    return startMinute;
  }

  int endMinute() {
    return endMinute;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TimeRange
        && ((TimeRange) other).startMinute == startMinute
        && ((TimeRange) other).endMinute == endMinute;
  }

  @Override
  public int hashCode() {
    return startMinute * 1441 + endMinute;
  }

  /**
   * Returns the range as {@code HH:MM-HH:MM}, such as {@code 22:00-06:00} or {@code 00:00-24:00}.
   */
  @Override
  public String toString() {
    return formatMinute(startMinute) + "-" + formatMinute(endMinute);
  }

  private static String formatMinute(int minuteOfDay) {
    int hour = minuteOfDay / 60;
    int minute = minuteOfDay % 60;
    return (hour < 10 ? "0" : "") + hour + (minute < 10 ? ":0" : ":") + minute;
  }
}
