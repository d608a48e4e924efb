package io.github.linkyj.examples.cli;

import io.github.linkyj.core.DayTotal;
import io.github.linkyj.core.Energy;
import io.github.linkyj.core.IntervalReading;
import io.github.linkyj.core.LoadCurves;
import io.github.linkyj.offpeak.Direction;
import io.github.linkyj.offpeak.OffPeakSchedule;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums load-curve intervals per day and splits each interval's energy between peak and off-peak pro
 * rata of its off-peak minutes.
 *
 * <p>An interval is classified on the wall clock from its local start for its real length, so the
 * hour repeated or skipped on a clock-change day still gets exactly its own minutes.
 */
final class EnergySplit {
  private EnergySplit() {}

  /** Returns the off-peak energy of {@code reading} for a usage point and direction. */
  static Energy offPeak(
      IntervalReading reading, OffPeakSchedule schedule, String usagePointId, Direction direction) {
    long minutes = reading.length().toMinutes();
    LocalDateTime start = reading.start().toLocalDateTime();
    long offPeakMinutes =
        schedule.offPeakMinutes(usagePointId, direction, start, start.plusMinutes(minutes));
    return Energy.ofAveragePower(reading.averagePower(), offPeakMinutes);
  }

  /**
   * Returns one row per day of the curve, in date order.
   *
   * @param schedule the off-peak schedule, or null to leave the split out
   */
  static List<DayRow> days(
      String usagePointId,
      String kind,
      Collection<IntervalReading> readings,
      OffPeakSchedule schedule,
      Direction direction) {
    Map<java.time.LocalDate, Energy> offPeakByDay = new HashMap<>();
    if (schedule != null) {
      for (IntervalReading reading : readings) {
        offPeakByDay.merge(
            reading.day(), offPeak(reading, schedule, usagePointId, direction), Energy::plus);
      }
    }
    List<DayRow> rows = new ArrayList<>();
    for (DayTotal total : LoadCurves.totalsByDay(readings).values()) {
      Energy offPeak =
          schedule == null ? null : offPeakByDay.getOrDefault(total.date(), Energy.ZERO);
      rows.add(
          new DayRow(
              usagePointId,
              kind,
              total.date(),
              total.energy(),
              offPeak,
              total.covered(),
              total.dayLength()));
    }
    return rows;
  }
}
