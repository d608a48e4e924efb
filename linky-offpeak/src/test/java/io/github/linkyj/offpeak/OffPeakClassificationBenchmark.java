package io.github.linkyj.offpeak;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Classifies the 35,040 half-hour intervals of 730 days (2024-01-01 to 2025-12-30) for one usage
 * point, with a parsed schedule that has weekday, week-end and holiday lists. The score is the time
 * per interval. The pro-rata benchmark shifts the intervals by 15 minutes, so that each boundary of
 * the schedule (all at :00 or :30) falls inside an interval, as 22:30 falls inside 22:15-22:45. The
 * command and the measured figures are in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OffPeakClassificationBenchmark {
  private static final int DAYS = 730;
  private static final int INTERVALS = DAYS * 48;

  /** A usage point with its own section, and one that falls back to the default section. */
  @Param({"12345678901234", "88888888888888"})
  public String usagePoint;

  private OffPeakSchedule schedule;
  private LocalDateTime[] bounds;
  private LocalDateTime[] shiftedBounds;

  /** The average power of each interval in W, a repeating pattern from 200 W to 6,099 W. */
  private long[] watts;

  /**
   * The 30-minute intervals centred on each boundary of the usage point's lists over the 730 days,
   * such as 22:15-22:45 around 22:30, as start and end pairs in date order.
   */
  private LocalDateTime[] aroundBoundaries;

  private int nextAroundBoundary;

  @Setup
  public void parseScheduleAndIntervals() {
    schedule =
        OffPeakSchedule.parse(
            "22h00-6h00 12h30-14h30 sa di fériés 0h00-24h00"
                + " 12345678901234 23h30-7h30 mercredi 1h-7h 12h-14h weekend fe 0h-24h");
    bounds = halfHours(LocalDateTime.of(2024, 1, 1, 0, 0));
    shiftedBounds = halfHours(LocalDateTime.of(2024, 1, 1, 0, 15));
    watts = new long[INTERVALS];
    for (int i = 0; i < INTERVALS; i++) {
      watts[i] = 200 + (i * 7919L) % 5900;
    }
    aroundBoundaries = intervalsAroundBoundaries();
  }

  private LocalDateTime[] intervalsAroundBoundaries() {
    WeekPlan plan = schedule.plan(usagePoint, Direction.CONSUMPTION);
    List<LocalDateTime> intervals = new ArrayList<>();
    LocalDate first = bounds[0].toLocalDate();
    for (LocalDate date = first; date.isBefore(first.plusDays(DAYS)); date = date.plusDays(1)) {
      for (TimeRange range : plan.rangesOn(date, schedule.holidays()).ranges()) {
        for (LocalTime boundary : List.of(range.startInclusive(), range.endExclusive())) {
          if (!boundary.equals(LocalTime.MIDNIGHT)) {
            LocalDateTime at = date.atTime(boundary);
            intervals.add(at.minusMinutes(15));
            intervals.add(at.plusMinutes(15));
          }
        }
      }
    }
    return intervals.toArray(new LocalDateTime[0]);
  }

  private static LocalDateTime[] halfHours(LocalDateTime start) {
    LocalDateTime[] halfHours = new LocalDateTime[INTERVALS + 1];
    for (int i = 0; i <= INTERVALS; i++) {
      halfHours[i] = start.plusMinutes(30L * i);
    }
    return halfHours;
  }

  /** Off-peak minutes of each interval, as the pro-rata split of a load curve needs. */
  @Benchmark
  @OperationsPerInvocation(INTERVALS)
  public long offPeakMinutesPerInterval() {
    long offPeak = 0;
    for (int i = 0; i < INTERVALS; i++) {
      offPeak +=
          schedule.offPeakMinutes(usagePoint, Direction.CONSUMPTION, bounds[i], bounds[i + 1]);
    }
    return offPeak;
  }

  /**
   * Peak and off-peak energy of each interval from 00:15 to 00:45 and so on, split pro rata by its
   * off-peak minutes as the Domoticz sync does. Each weekday has two to four intervals with a
   * boundary inside, and week-ends and holidays (all off-peak) have none.
   */
  @Benchmark
  @OperationsPerInvocation(INTERVALS)
  public void proRataSplitPerInterval(Blackhole blackhole) {
    long peakWattMinutes = 0;
    long offPeakWattMinutes = 0;
    for (int i = 0; i < INTERVALS; i++) {
      long offPeak =
          schedule.offPeakMinutes(
              usagePoint, Direction.CONSUMPTION, shiftedBounds[i], shiftedBounds[i + 1]);
      offPeakWattMinutes += watts[i] * offPeak;
      peakWattMinutes += watts[i] * (30 - offPeak);
    }
    blackhole.consume(peakWattMinutes);
    blackhole.consume(offPeakWattMinutes);
  }

  /**
   * Off-peak minutes of one interval that has a boundary inside, such as 22:15-22:45 against a
   * range that starts at 22:30; each call takes the next interval of {@link #aroundBoundaries}.
   */
  @Benchmark
  public long offPeakMinutesAroundBoundary() {
    int i = nextAroundBoundary;
    nextAroundBoundary = i + 2 < aroundBoundaries.length ? i + 2 : 0;
    return schedule.offPeakMinutes(
        usagePoint, Direction.CONSUMPTION, aroundBoundaries[i], aroundBoundaries[i + 1]);
  }

  /** Tariff of the first minute of each interval. */
  @Benchmark
  @OperationsPerInvocation(INTERVALS)
  public int tariffPerInterval() {
    int offPeak = 0;
    for (int i = 0; i < INTERVALS; i++) {
      if (schedule.tariff(usagePoint, Direction.CONSUMPTION, bounds[i]) == Tariff.OFF_PEAK) {
        offPeak++;
      }
    }
    return offPeak;
  }
}
