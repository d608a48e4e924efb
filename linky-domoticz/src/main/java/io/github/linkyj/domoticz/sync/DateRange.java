package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Range of local dates from {@code startInclusive} to {@code endExclusive}, the convention of the
 * Enedis request windows. A range is never empty.
 *
 * <p>The text form is {@code 2024-01-01/2024-01-08}, both ends as given (end exclusive).
 */
public record DateRange(LocalDate startInclusive, LocalDate endExclusive) {
  /**
   * Creates the range.
   *
   * @throws IllegalArgumentException if the end is not after the start
   */
  public DateRange {
    requireNonNull(startInclusive, "startInclusive");
    requireNonNull(endExclusive, "endExclusive");
    if (!endExclusive.isAfter(startInclusive)) {
      throw new IllegalArgumentException(
          "Invalid date range: end " + endExclusive + " must be after start " + startInclusive);
    }
  }

  /** Returns the range {@code [startInclusive, endExclusive)}. */
  public static DateRange of(LocalDate startInclusive, LocalDate endExclusive) {
    return new DateRange(startInclusive, endExclusive);
  }

  /** Returns the range of the single day {@code day}. */
  public static DateRange ofDay(LocalDate day) {
    return new DateRange(day, day.plusDays(1));
  }

  /** Returns the number of days in the range. */
  public long days() {
    return ChronoUnit.DAYS.between(startInclusive, endExclusive);
  }

  /** Returns whether {@code day} is in the range. */
  public boolean contains(LocalDate day) {
    return !day.isBefore(startInclusive) && day.isBefore(endExclusive);
  }

  /** Returns the last day of the range. */
  public LocalDate endInclusive() {
    return endExclusive.minusDays(1);
  }

  /**
   * Splits the range into ranges of at most {@code maxDays} days, newest first, as the Enedis
   * endpoints limit one request (7 days for a load curve).
   */
  public List<DateRange> chunksNewestFirst(int maxDays) {
    if (maxDays < 1) {
      throw new IllegalArgumentException("Invalid chunk size " + maxDays + ": expected 1 or more");
    }
    List<DateRange> chunks = new ArrayList<>();
    LocalDate end = endExclusive;
    while (end.isAfter(startInclusive)) {
      LocalDate start = end.minusDays(maxDays);
      if (start.isBefore(startInclusive)) {
        start = startInclusive;
      }
      chunks.add(new DateRange(start, end));
      end = start;
    }
    return chunks;
  }

  /** Returns the text form, such as {@code 2024-01-01/2024-01-08}. */
  @Override
  public String toString() {
    return startInclusive + "/" + endExclusive;
  }
}
