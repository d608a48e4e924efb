package io.github.linkyj.examples;

import io.github.linkyj.offpeak.Direction;
import io.github.linkyj.offpeak.OffPeakSchedule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits load-curve intervals into peak and off-peak minutes and energy, using linky-offpeak alone.
 *
 * <p>An interval's energy is its average power times its length; the off-peak part is the power
 * times the interval's off-peak minutes, so the split is exact in watt-minutes. Example:
 *
 * <pre>
 * printf '2026-03-02 06:30,1200\n2026-03-02 07:00,800\n' | java -cp linky.jar \
 *     io.github.linkyj.examples.SplitLoadCurve 22516914714270 "22h00-6h15" 30
 * </pre>
 */
public final class SplitLoadCurve {
  private static final DateTimeFormatter INPUT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private SplitLoadCurve() {}

  /**
   * One load-curve point.
   *
   * @param end the local end of the interval, as Enedis stamps a point
   * @param minutes the interval length in minutes
   * @param averageWatts the average power over the interval in W
   */
  public record Interval(LocalDateTime end, int minutes, long averageWatts) {
    /** Checks the fields. */
    public Interval {
      Objects.requireNonNull(end, "end");
      if (minutes <= 0) {
        throw new IllegalArgumentException("Invalid interval length " + minutes + ": must be > 0");
      }
    }
  }

  /**
   * The peak and off-peak totals of some intervals; energies in watt-minutes, exact.
   *
   * @param peakMinutes minutes at the peak rate
   * @param offPeakMinutes minutes at the off-peak rate
   * @param peakWattMinutes energy at the peak rate, W·min
   * @param offPeakWattMinutes energy at the off-peak rate, W·min
   */
  public record Split(
      long peakMinutes, long offPeakMinutes, long peakWattMinutes, long offPeakWattMinutes) {

    /** Returns the peak energy in Wh. */
    public double peakWattHours() {
      return peakWattMinutes / 60.0;
    }

    /** Returns the off-peak energy in Wh. */
    public double offPeakWattHours() {
      return offPeakWattMinutes / 60.0;
    }
  }

  /** Splits the consumption intervals of {@code usagePointId} with {@code schedule}. */
  public static Split split(
      OffPeakSchedule schedule, String usagePointId, List<Interval> intervals) {
    Objects.requireNonNull(schedule, "schedule");
    long peakMinutes = 0;
    long offPeakMinutes = 0;
    long peakEnergy = 0;
    long offPeakEnergy = 0;
    for (Interval interval : intervals) {
      LocalDateTime start = interval.end().minusMinutes(interval.minutes());
      long off =
          schedule.offPeakMinutes(usagePointId, Direction.CONSUMPTION, start, interval.end());
      long peak = interval.minutes() - off;

      offPeakMinutes += off;
      peakMinutes += peak;
      offPeakEnergy += off * interval.averageWatts();
      peakEnergy += peak * interval.averageWatts();
    }
    return new Split(peakMinutes, offPeakMinutes, peakEnergy, offPeakEnergy);
  }

  /**
   * Reads {@code yyyy-MM-dd HH:mm,W} lines (interval end, average power) from standard input and
   * prints the split.
   *
   * @param args the usage point id, the off-peak schedule and the interval length in minutes
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("Usage: SplitLoadCurve USAGE_POINT_ID SCHEDULE MINUTES < end,watts lines");
      System.exit(2);
    }
    OffPeakSchedule schedule = OffPeakSchedule.parse(args[1]);
    int minutes = Integer.parseInt(args[2]);
    List<Interval> intervals = new ArrayList<>();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",");
      LocalDateTime end = LocalDateTime.parse(cells[0].strip(), INPUT_TIME);
      intervals.add(new Interval(end, minutes, Long.parseLong(cells[1].strip())));
    }

    Split split = split(schedule, args[0], intervals);

    System.out.printf(
        "peak: %d min, %.1f Wh%noff-peak: %d min, %.1f Wh%n",
        split.peakMinutes(),
        split.peakWattHours(),
        split.offPeakMinutes(),
        split.offPeakWattHours());
  }
}
