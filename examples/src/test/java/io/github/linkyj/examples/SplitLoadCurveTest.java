package io.github.linkyj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.examples.SplitLoadCurve.Interval;
import io.github.linkyj.examples.SplitLoadCurve.Split;
import io.github.linkyj.offpeak.OffPeakSchedule;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitLoadCurveTest {
  private static final String USAGE_POINT = "22516914714270";

  @Test
  void intervalAcrossBoundarySplitsProRata() {
    OffPeakSchedule schedule = OffPeakSchedule.parse("22h00-6h15");
    // 05:30-06:00 is off-peak, 06:00-06:30 has 15 off-peak and 15 peak minutes, 06:30-07:00 peak.
    List<Interval> intervals =
        List.of(
            new Interval(LocalDateTime.parse("2026-03-02T06:00"), 30, 1200),
            new Interval(LocalDateTime.parse("2026-03-02T06:30"), 30, 1000),
            new Interval(LocalDateTime.parse("2026-03-02T07:00"), 30, 800));

    Split split = SplitLoadCurve.split(schedule, USAGE_POINT, intervals);

    assertThat(split.offPeakMinutes()).isEqualTo(45);
    assertThat(split.peakMinutes()).isEqualTo(45);
    assertThat(split.offPeakWattMinutes()).isEqualTo(30 * 1200 + 15 * 1000);
    assertThat(split.peakWattMinutes()).isEqualTo(15 * 1000 + 30 * 800);
    assertThat(split.offPeakWattHours()).isEqualTo(850.0);
    assertThat(split.peakWattHours()).isEqualTo(650.0);
  }

  @Test
  void wholeDayKeepsEveryWattMinute() {
    OffPeakSchedule schedule = OffPeakSchedule.parse("22h00-6h00 12h30-14h30");
    List<Interval> intervals = new ArrayList<>();
    LocalDateTime end = LocalDateTime.parse("2026-03-02T00:30");
    for (int i = 0; i < 48; i++) {
      intervals.add(new Interval(end.plusMinutes(30L * i), 30, 100 + i));
    }

    Split split = SplitLoadCurve.split(schedule, USAGE_POINT, intervals);

    long total = intervals.stream().mapToLong(v -> v.averageWatts() * 30).sum();
    assertThat(split.peakWattMinutes() + split.offPeakWattMinutes()).isEqualTo(total);
    assertThat(split.offPeakMinutes()).isEqualTo(10 * 60);
    assertThat(split.peakMinutes()).isEqualTo(14 * 60);
  }

  @Test
  void noScheduleIsAllPeak() {
    List<Interval> intervals =
        List.of(new Interval(LocalDateTime.parse("2026-03-02T03:00"), 60, 500));

    Split split = SplitLoadCurve.split(OffPeakSchedule.none(), USAGE_POINT, intervals);

    assertThat(split).isEqualTo(new Split(60, 0, 30_000, 0));
  }
}
