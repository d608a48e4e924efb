package io.github.linkyj.domoticz;

import io.github.linkyj.core.IntervalReading;
import io.github.linkyj.core.MeteringData;
import io.github.linkyj.domoticz.sync.Direction;
import io.github.linkyj.domoticz.sync.LoadCurveInterval;
import io.github.linkyj.domoticz.sync.OffPeakMinutes;
import io.github.linkyj.offpeak.OffPeakSchedule;
import io.github.linkyj.offpeak.Tariff;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Turns a parsed load curve and an off-peak schedule into the inputs of the energy aggregator. */
final class LoadCurveInputs {
  private LoadCurveInputs() {}

  /** Returns the intervals of a load-curve response, in the order of its readings. */
  static List<LoadCurveInterval> intervals(MeteringData data) {
    List<LoadCurveInterval> intervals = new ArrayList<>();
    for (IntervalReading reading : data.intervals()) {
      intervals.add(new LoadCurveInterval(reading.start(), reading.end(), reading.averagePower()));
    }
    return intervals;
  }

  /**
   * Returns the off-peak minutes of a usage point's schedule for one direction, with each minute
   * classified by its wall-clock time in {@code zone}.
   */
  static OffPeakMinutes offPeakMinutes(
      OffPeakSchedule schedule, String id, Direction direction, ZoneId zone) {
    io.github.linkyj.offpeak.Direction side =
        direction == Direction.CONSUMPTION
            ? io.github.linkyj.offpeak.Direction.CONSUMPTION
            : io.github.linkyj.offpeak.Direction.PRODUCTION;
    return (start, end) -> {
      LocalDateTime from = start.withZoneSameInstant(zone).toLocalDateTime();
      LocalDateTime to = end.withZoneSameInstant(zone).toLocalDateTime();
      long minutes = elapsed(start, end).toMinutes();
      if (elapsed(from, to).toMinutes() == minutes) {
        return schedule.offPeakMinutes(id, side, from, to);
      }
      // The range crosses a clock change: classify each real minute by its own wall-clock time.
      long offPeak = 0;
      for (ZonedDateTime t = start; t.isBefore(end); t = t.plusMinutes(1)) {
        LocalDateTime local = t.withZoneSameInstant(zone).toLocalDateTime();
        if (schedule.tariff(id, side, local) == Tariff.OFF_PEAK) {
          offPeak++;
        }
      }
      return offPeak;
    };
  }

  /**
   * Returns the time between two instants, as {@link Duration#between} does, from their epoch
   * seconds, which avoids the local date-time arithmetic of {@link ZonedDateTime#until}.
   */
  private static Duration elapsed(ZonedDateTime start, ZonedDateTime end) {
    return Duration.ofSeconds(
        end.toEpochSecond() - start.toEpochSecond(), end.getNano() - start.getNano());
  }

  /** Returns the time between two wall-clock date-times, as {@link Duration#between} does. */
  private static Duration elapsed(LocalDateTime start, LocalDateTime end) {
    return Duration.ofSeconds(
        end.toEpochSecond(ZoneOffset.UTC) - start.toEpochSecond(ZoneOffset.UTC),
        end.getNano() - start.getNano());
  }
}
