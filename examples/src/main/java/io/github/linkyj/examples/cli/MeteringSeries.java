package io.github.linkyj.examples.cli;

import io.github.linkyj.core.DailyEnergy;
import io.github.linkyj.core.IntervalReading;
import io.github.linkyj.core.MaxPowerReading;
import io.github.linkyj.core.MeteringData;
import io.github.linkyj.core.MeteringKind;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The readings of one usage point and metering kind, merged from one or more responses in time
 * order. A reading seen twice is kept once. When a second reading of the same interval or day has
 * another value, the first one is kept and the second is reported as a conflict.
 */
final class MeteringSeries {
  private final String usagePointId;
  private final MeteringKind kind;
  private final Map<ZonedDateTime, IntervalReading> intervals = new TreeMap<>();
  private final Map<LocalDate, DailyEnergy> days = new TreeMap<>();
  private final Map<LocalDate, MaxPowerReading> maxPowers = new TreeMap<>();
  private final List<String> conflicts = new ArrayList<>();

  MeteringSeries(String usagePointId, MeteringKind kind) {
    this.usagePointId = usagePointId;
    this.kind = kind;
  }

  /** Adds the readings of {@code data}, read from {@code origin} (a file name or a request). */
  void add(MeteringData data, String origin) {
    for (IntervalReading reading : data.intervals()) {
      IntervalReading kept = intervals.putIfAbsent(reading.start(), reading);
      if (kept != null && !kept.equals(reading)) {
        conflicts.add(
            origin
                + ": the interval starting "
                + reading.start().toLocalDateTime()
                + " has "
                + reading.averagePower()
                + " W but an earlier file has "
                + kept.averagePower()
                + " W; kept the earlier value");
      }
    }
    for (DailyEnergy day : data.dailyEnergies()) {
      DailyEnergy kept = days.putIfAbsent(day.date(), day);
      if (kept != null && !kept.equals(day)) {
        conflicts.add(
            origin
                + ": the day "
                + day.date()
                + " has "
                + MeteringWriter.wattHours(day.energy())
                + " Wh but an earlier file has "
                + MeteringWriter.wattHours(kept.energy())
                + " Wh"
                + "; kept the earlier value");
      }
    }
    for (MaxPowerReading power : data.maxPowers()) {
      maxPowers.putIfAbsent(power.date(), power);
    }
  }

  String usagePointId() {
    return usagePointId;
  }

  MeteringKind kind() {
    return kind;
  }

  Collection<IntervalReading> intervals() {
    return intervals.values();
  }

  Collection<DailyEnergy> days() {
    return days.values();
  }

  Collection<MaxPowerReading> maxPowers() {
    return maxPowers.values();
  }

  /** Returns a message per reading that two inputs gave different values for. */
  List<String> conflicts() {
    return List.copyOf(conflicts);
  }
}
