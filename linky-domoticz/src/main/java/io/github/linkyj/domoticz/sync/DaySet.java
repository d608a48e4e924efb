package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Set of local days stored as disjoint date ranges, compact for long runs of days.
 *
 * <p>The text form is a list of {@link DateRange} texts ({@code 2024-01-01/2024-03-01}, end
 * exclusive), in date order, with no two ranges touching. This class is immutable and thread-safe.
 */
public final class DaySet {
  private static final DaySet EMPTY = new DaySet(new TreeMap<>());

  /** Start of each range to its exclusive end; ranges neither overlap nor touch. */
  private final TreeMap<LocalDate, LocalDate> ranges;

  private DaySet(TreeMap<LocalDate, LocalDate> ranges) {
    this.ranges = ranges;
  }

  /** Returns the empty set. */
  public static DaySet empty() {
    return EMPTY;
  }

  /** Returns the set of the days of {@code ranges}. */
  public static DaySet of(Collection<DateRange> ranges) {
    DaySet set = EMPTY;
    for (DateRange range : ranges) {
      set = set.plus(range);
    }
    return set;
  }

  /**
   * Parses the text form.
   *
   * @throws IllegalArgumentException naming the invalid range text
   */
  public static DaySet parse(List<String> texts) {
    List<DateRange> ranges = new ArrayList<>();
    for (String text : texts) {
      String[] parts = requireNonNull(text, "text").split("/", -1);
      try {
        if (parts.length != 2) {
          throw new IllegalArgumentException("expected start/end");
        }
        ranges.add(DateRange.of(LocalDate.parse(parts[0]), LocalDate.parse(parts[1])));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "Invalid day range '" + text + "': expected YYYY-MM-DD/YYYY-MM-DD, end exclusive", e);
      }
    }
    return of(ranges);
  }

  /** Returns the set with the days of {@code range} added. */
  public DaySet plus(DateRange range) {
    TreeMap<LocalDate, LocalDate> copy = new TreeMap<>(ranges);
    LocalDate start = range.startInclusive();
    LocalDate end = range.endExclusive();
    Map.Entry<LocalDate, LocalDate> before = copy.floorEntry(start);
    if (before != null && !before.getValue().isBefore(start)) {
      start = before.getKey();
      end = max(end, before.getValue());
      copy.remove(before.getKey());
    }
    Map.Entry<LocalDate, LocalDate> next = copy.ceilingEntry(start);
    while (next != null && !next.getKey().isAfter(end)) {
      end = max(end, next.getValue());
      copy.remove(next.getKey());
      next = copy.ceilingEntry(start);
    }
    copy.put(start, end);
    return new DaySet(copy);
  }

  /** Returns the set with {@code day} added. */
  public DaySet plus(LocalDate day) {
    return plus(DateRange.ofDay(day));
  }

  /** Returns the set with the days of {@code range} removed. */
  public DaySet minus(DateRange range) {
    TreeMap<LocalDate, LocalDate> copy = new TreeMap<>();
    for (Map.Entry<LocalDate, LocalDate> entry : ranges.entrySet()) {
      LocalDate start = entry.getKey();
      LocalDate end = entry.getValue();
      if (!end.isAfter(range.startInclusive()) || !start.isBefore(range.endExclusive())) {
        copy.put(start, end);
        continue;
      }
      if (start.isBefore(range.startInclusive())) {
        copy.put(start, range.startInclusive());
      }
      if (end.isAfter(range.endExclusive())) {
        copy.put(range.endExclusive(), end);
      }
    }
    return new DaySet(copy);
  }

  /** Returns the set with {@code day} removed. */
  public DaySet minus(LocalDate day) {
    return minus(DateRange.ofDay(day));
  }

  /** Returns whether {@code day} is in the set. */
  public boolean contains(LocalDate day) {
    Map.Entry<LocalDate, LocalDate> entry = ranges.floorEntry(day);
    return entry != null && entry.getValue().isAfter(day);
  }

  /** Returns whether the set has no day. */
  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Returns the ranges of {@code window} whose days are not in the set, oldest first. */
  public List<DateRange> missingIn(DateRange window) {
    List<DateRange> missing = new ArrayList<>();
    LocalDate cursor = window.startInclusive();
    for (DateRange range : minus(DateRange.of(LocalDate.MIN, window.startInclusive())).ranges()) {
      if (!range.startInclusive().isBefore(window.endExclusive())) {
        break;
      }
      if (range.startInclusive().isAfter(cursor)) {
        missing.add(DateRange.of(cursor, range.startInclusive()));
      }
      cursor = max(cursor, range.endExclusive());
    }
    if (cursor.isBefore(window.endExclusive())) {
      missing.add(DateRange.of(cursor, window.endExclusive()));
    }
    return missing;
  }

  /** Returns the ranges of the set, oldest first. */
  public List<DateRange> ranges() {
    List<DateRange> list = new ArrayList<>();
    ranges.forEach((start, end) -> list.add(DateRange.of(start, end)));
    return list;
  }

  /** Returns the text form. */
  public List<String> toStrings() {
    List<String> texts = new ArrayList<>();
    for (DateRange range : ranges()) {
      texts.add(range.toString());
    }
    return texts;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DaySet that && ranges.equals(that.ranges);
  }

  @Override
  public int hashCode() {
    return ranges.hashCode();
  }

  @Override
  public String toString() {
    return toStrings().toString();
  }
}
