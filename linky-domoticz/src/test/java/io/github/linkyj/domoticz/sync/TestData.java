package io.github.linkyj.domoticz.sync;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** Builders of load curves and off-peak functions for the tests. */
final class TestData {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private TestData() {}

  /**
   * Returns an off-peak function for the daily window {@code [from, to)}, crossing midnight when
   * {@code to} is before {@code from}; it counts minute by minute in local time.
   */
  static OffPeakMinutes offPeak(LocalTime from, LocalTime to) {
    return (start, end) -> {
      long minutes = 0;
      for (ZonedDateTime t = start; t.isBefore(end); t = t.plusMinutes(1)) {
        LocalTime local = t.withZoneSameInstant(PARIS).toLocalTime();
        boolean off =
            from.isBefore(to)
                ? !local.isBefore(from) && local.isBefore(to)
                : !local.isBefore(from) || local.isBefore(to);
        if (off) {
          minutes++;
        }
      }
      return minutes;
    };
  }

  /** Returns the 22:00 to 06:00 off-peak function. */
  static OffPeakMinutes nights() {
    return offPeak(LocalTime.of(22, 0), LocalTime.of(6, 0));
  }

  /** Returns the intervals of {@code step} minutes covering local day {@code day}. */
  static List<LoadCurveInterval> curve(
      LocalDate day, int step, ToLongFunction<ZonedDateTime> wattsAtStart) {
    List<LoadCurveInterval> intervals = new ArrayList<>();
    ZonedDateTime end = day.plusDays(1).atStartOfDay(PARIS);
    for (ZonedDateTime t = day.atStartOfDay(PARIS); t.isBefore(end); t = t.plusMinutes(step)) {
      intervals.add(new LoadCurveInterval(t, t.plusMinutes(step), wattsAtStart.applyAsLong(t)));
    }
    return intervals;
  }

  /** Returns half-hour intervals of {@code watts} covering the local days of {@code range}. */
  static List<LoadCurveInterval> flatCurve(DateRange range, long watts) {
    List<LoadCurveInterval> intervals = new ArrayList<>();
    for (LocalDate d = range.startInclusive();
        d.isBefore(range.endExclusive());
        d = d.plusDays(1)) {
      intervals.addAll(curve(d, 30, t -> watts));
    }
    return intervals;
  }

  /** Returns 1500 W from 06:00 to 22:00 and 500 W at night. */
  static long dayAndNight(ZonedDateTime start) {
    int hour = start.toLocalTime().getHour();
    return hour >= 6 && hour < 22 ? 1500 : 500;
  }

  static SortedDays consumption(EnergyAggregator.DirectionInput input) {
    return new SortedDays(
        EnergyAggregator.paris()
            .aggregate("11111111111111", input, EnergyAggregator.DirectionInput.EMPTY));
  }

  /** Wrapper that keeps the aggregator's map at hand. */
  record SortedDays(java.util.SortedMap<LocalDate, DayEnergy> days) {}
}
