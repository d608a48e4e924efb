package io.github.linkyj.offpeak;

import static java.util.Objects.requireNonNull;

import io.github.linkyj.offpeak.Token.Kind;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * The off-peak ranges of one calendar day, such as {@code 02:00-07:00 13:00-16:00}.
 *
 * <p>The ranges are a set of minutes of the wall-clock day. Each range is half-open (start
 * included, end excluded). A range that crosses midnight, such as {@code 22:00-06:00}, covers the
 * minutes from 22:00 to 24:00 and from 00:00 to 06:00 of the same day. The list of ranges is kept
 * in a canonical form: overlapping and touching ranges are merged, ranges are sorted by start, and
 * off-peak minutes that run through midnight form one range that crosses midnight, which comes
 * last. So {@code of(0:00-6:00, 22:00-24:00, 5:00-7:00)} has the ranges {@code 22:00-07:00}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class DayRanges {
  private static final int MINUTES = TimeRange.MINUTES_PER_DAY;
  private static final DayRanges NONE = new DayRanges(new boolean[MINUTES]);

  private final List<TimeRange> ranges;

  /** Element {@code m} is the number of off-peak minutes before minute {@code m} of the day. */
  private final short[] offPeakBefore;

  private DayRanges(boolean[] offPeak) {
    this.ranges = List.copyOf(canonicalRanges(offPeak));
    this.offPeakBefore = new short[MINUTES + 1];
    for (int minute = 0; minute < MINUTES; minute++) {
      offPeakBefore[minute + 1] = (short) (offPeakBefore[minute] + (offPeak[minute] ? 1 : 0));
    }
  }

  /** Returns the day without off-peak minutes. */
  public static DayRanges none() {
    return NONE;
  }

  /**
   * Obtains the day whose off-peak minutes are those of the given ranges.
   *
   * @param ranges the ranges, which may overlap, not null
   * @return the day in canonical form
   */
  public static DayRanges of(TimeRange... ranges) {
    requireNonNull(ranges, "ranges");
    return of(Arrays.asList(ranges));
  }

  /**
   * Obtains the day whose off-peak minutes are those of the given ranges.
   *
   * @param ranges the ranges, which may overlap, not null
   * @return the day in canonical form
   */
  public static DayRanges of(Collection<TimeRange> ranges) {
    requireNonNull(ranges, "ranges");
    boolean[] offPeak = new boolean[MINUTES];
    for (TimeRange range : ranges) {
      requireNonNull(range, "ranges element");
      mark(offPeak, range);
    }
    return new DayRanges(offPeak);
  }

  /**
   * Obtains a day from a text such as {@code 2h00-7h00 13h00-16h00} or {@code 02:00-07:00,
   * 13:00-16:00}: ranges separated by white space, commas, semicolons, {@code et} or {@code and}.
   * The empty text gives {@link #none()}.
   *
   * @param text the text to parse, not null
   * @return the day in canonical form
   * @throws OffPeakParseException if the text is not a list of valid ranges
   */
  public static DayRanges parse(CharSequence text) {
    requireNonNull(text, "text");
    Lexer lexer = new Lexer(text.toString());
    List<TimeRange> ranges = new ArrayList<>();
    for (Token token = lexer.next(); !token.is(Kind.END); token = lexer.next()) {
      if (token.is(Kind.TIME)) {
        ranges.add(RangeReader.read(lexer, token));
      } else if (!token.is(Kind.PUNCTUATION) && !token.isWord("et") && !token.isWord("and")) {
        throw lexer.error(
            "Unexpected \"" + token.text() + "\"", token, "a time range such as 22h00-06h00");
      }
    }
    return of(ranges);
  }

  /** Returns the disjoint ranges in canonical order, see the class description. */
  public List<TimeRange> ranges() {
    return ranges;
  }

  /** Returns whether the day has no off-peak minute. */
  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Returns the number of off-peak minutes of the day, from 0 to 1440. */
  public int offPeakMinutes() {
    return offPeakBefore[MINUTES];
  }

  /**
   * Returns the tariff of the minute of {@code time}; seconds are ignored.
   *
   * @param time the wall-clock time, not null
   * @return {@link Tariff#OFF_PEAK} if a range contains the minute, else {@link Tariff#PEAK}
   */
  public Tariff tariff(LocalTime time) {
    requireNonNull(time, "time");
    return tariffAt(time.getHour() * 60 + time.getMinute());
  }

  Tariff tariffAt(int minuteOfDay) {
    return offPeakBefore[minuteOfDay + 1] != offPeakBefore[minuteOfDay]
        ? Tariff.OFF_PEAK
        : Tariff.PEAK;
  }

  /**
   * Returns the off-peak minutes in {@code [fromMinute, toMinute)}, with 0 <= from <= to <= 1440.
   */
  int offPeakMinutes(int fromMinute, int toMinute) {
    return offPeakBefore[toMinute] - offPeakBefore[fromMinute];
  }

  private static void mark(boolean[] offPeak, TimeRange range) {
    if (range.crossesMidnight()) {
      Arrays.fill(offPeak, range.startMinute(), MINUTES, true);
      Arrays.fill(offPeak, 0, range.endMinute(), true);
    } else {
      Arrays.fill(offPeak, range.startMinute(), range.endMinute(), true);
    }
  }

  private static List<TimeRange> canonicalRanges(boolean[] offPeak) {
    List<int[]> runs = runs(offPeak);
    int count = runs.size();
    boolean wraps = count > 1 && runs.get(0)[0] == 0 && runs.get(count - 1)[1] == MINUTES;
    if (wraps) {
      int[] morning = runs.remove(0);
      int[] evening = runs.remove(count - 2);
      runs.add(new int[] {evening[0], morning[1]});
    }
    List<TimeRange> ranges = new ArrayList<>(runs.size());
    for (int[] run : runs) {
      ranges.add(TimeRange.ofMinutes(run[0], run[1]));
    }
    return ranges;
  }

  /** Returns the maximal runs of off-peak minutes as {@code {start, end}} pairs, by start. */
  private static List<int[]> runs(boolean[] offPeak) {
    List<int[]> runs = new ArrayList<>();
    int minute = 0;
    while (minute < MINUTES) {
      if (!offPeak[minute]) {
        minute++;
        continue;
      }
      int start = minute;
      while (minute < MINUTES && offPeak[minute]) {
        minute++;
      }
      runs.add(new int[] {start, minute});
    }
    return runs;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DayRanges && ((DayRanges) other).ranges.equals(ranges);
  }

  @Override
  public int hashCode() {
    return ranges.hashCode();
  }

  /**
   * Returns the ranges separated by spaces, such as {@code 12:30-14:30 22:00-06:00}, or the empty
   * string for {@link #none()}.
   */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(" ");
    for (TimeRange range : ranges) {
      text.add(range.toString());
    }
    return text.toString();
  }
}
