package io.github.linkyj.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** Aggregates load-curve points. */
public final class LoadCurves {
  private LoadCurves() {}

  /**
   * Sums interval energies per local day. An interval belongs to the day it starts on, so the point
   * stamped {@code D+1 00:00:00} counts for day D. Days without any point are absent.
   *
   * <p>On the recorded Enedis data the sum equals the {@code daily_consumption} value to the Wh.
   */
  public static SortedMap<LocalDate, DayTotal> totalsByDay(Collection<IntervalReading> readings) {
    requireNonNull(readings, "readings");
    SortedMap<LocalDate, DayTotal> totals = new TreeMap<>();
    for (IntervalReading reading : readings) {
      LocalDate day = reading.day();
      DayTotal previous = totals.get(day);
      Energy energy = reading.energy();
      Duration covered = reading.length();
      if (previous != null) {
        energy = energy.plus(previous.energy());
        covered = covered.plus(previous.covered());
      }
      totals.put(day, dayTotal(day, energy, covered, reading.start().getZone()));
    }
    return Collections.unmodifiableSortedMap(totals);
  }

  private static DayTotal dayTotal(LocalDate day, Energy energy, Duration covered, ZoneId zone) {
    Duration dayLength =
        Duration.between(day.atStartOfDay(zone), day.plusDays(1).atStartOfDay(zone));
    return ImmutableDayTotal.builder()
        .date(day)
        .energy(energy)
        .covered(covered)
        .dayLength(dayLength)
        .build();
  }
}
