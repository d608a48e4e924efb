package io.github.linkyj.offpeak;

import java.time.LocalDateTime;
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

/**
 * Classifies the 35,040 half-hour intervals of 730 days (2024-01-01 to 2025-12-30) for one usage
 * point, with a parsed schedule that has weekday, week-end and holiday lists. The score is the time
 * per interval. The command and the measured figures are in docs/benchmarks.md.
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

  @Setup
  public void parseScheduleAndIntervals() {
    schedule =
        OffPeakSchedule.parse(
            "22h00-6h00 12h30-14h30 sa di fériés 0h00-24h00"
                + " 12345678901234 23h30-7h30 mercredi 1h-7h 12h-14h weekend fe 0h-24h");
    bounds = new LocalDateTime[INTERVALS + 1];
    LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
    for (int i = 0; i <= INTERVALS; i++) {
      bounds[i] = start.plusMinutes(30L * i);
    }
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
