package io.github.linkyj.examples.cli;

import io.github.linkyj.core.Energy;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The energy of one local day, with its off-peak part when a schedule was given.
 *
 * @param offPeak the off-peak energy, or null without a schedule or for daily series
 * @param covered the time the readings cover, equal to {@code dayLength} for a complete day
 */
record DayRow(
    String usagePointId,
    String kind,
    LocalDate date,
    Energy energy,
    Energy offPeak,
    Duration covered,
    Duration dayLength) {

  boolean isComplete() {
    return covered.compareTo(dayLength) >= 0;
  }

  /** Returns the peak energy: the day's energy minus its off-peak part. */
  Energy peak() {
    return Energy.ofWattMinutes(energy.wattMinutes() - offPeak.wattMinutes());
  }
}
