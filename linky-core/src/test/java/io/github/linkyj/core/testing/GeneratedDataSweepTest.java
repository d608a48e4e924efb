package io.github.linkyj.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.testing.GeneratedData.Interval;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sweeps every day of a year through the generator, without HTTP. */
class GeneratedDataSweepTest {
  private static final GeneratedData DATA = new GeneratedData(11);
  private static final LocalDate SPRING = LocalDate.of(2025, 3, 30);
  private static final LocalDate AUTUMN = LocalDate.of(2025, 10, 26);

  private static int expectedPoints(LocalDate day, int minutes) {
    int hours = day.equals(SPRING) ? 23 : day.equals(AUTUMN) ? 25 : 24;
    return hours * 60 / minutes;
  }

  @Test
  void everyDayHasWholeGrid() {
    for (int minutes : new int[] {5, 10, 15, 30, 60}) {
      MeterProfile profile = MeterProfile.consumption().withStep(Duration.ofMinutes(minutes));
      for (LocalDate day = LocalDate.of(2025, 1, 1); day.getYear() == 2025; day = day.plusDays(1)) {
        List<Interval> curve = DATA.dayCurve("12345678901234", profile, false, day);

        assertThat(curve).as("%s PT%sM", day, minutes).hasSize(expectedPoints(day, minutes));
        assertThat(curve.get(curve.size() - 1).endLabel()).isEqualTo(day.plusDays(1) + " 00:00:00");
        assertThat(curve.get(0).endLabel())
            .isEqualTo(day.atStartOfDay().plusMinutes(minutes).format(GeneratedData.STAMP));
      }
    }
  }

  @Test
  void curvePointsAreWholeWattHours() {
    MeterProfile profile = MeterProfile.selfConsumption().withStep(Duration.ofMinutes(15));
    for (LocalDate day = LocalDate.of(2025, 1, 1); day.getYear() == 2025; day = day.plusDays(1)) {
      for (boolean production : new boolean[] {false, true}) {
        List<Interval> curve = DATA.dayCurve("12655648759651", profile, production, day);
        long fromWatts = 0;
        for (Interval interval : curve) {
          assertThat(interval.energyWh()).isNotNegative();
          fromWatts += interval.averageWatts() * interval.minutes() / 60;
        }

        assertThat(fromWatts).as("%s", day).isEqualTo(GeneratedData.dayTotal(curve));
      }
    }
  }

  @Test
  void solarIsZeroAtMidnight() {
    MeterProfile profile = MeterProfile.production();
    for (LocalDate day = LocalDate.of(2025, 1, 1); day.getYear() == 2025; day = day.plusDays(1)) {
      List<Interval> curve = DATA.dayCurve("24880057139941", profile, true, day);

      assertThat(curve.get(0).energyWh()).as("%s", day).isZero();
      assertThat(curve.get(curve.size() - 1).energyWh()).as("%s", day).isZero();
      assertThat(GeneratedData.dayTotal(curve)).as("%s", day).isPositive();
    }
  }

  @Test
  void householdNeverBelowBaseLoad() {
    MeterProfile profile = MeterProfile.consumption();
    for (LocalDate day = LocalDate.of(2025, 1, 1); day.getYear() == 2025; day = day.plusDays(1)) {
      for (Interval interval : DATA.dayCurve("22516914714270", profile, false, day)) {
        // The smallest base load is 180 W, lowered by at most 15 % of noise.
        assertThat(interval.averageWatts()).as("%s", interval.endLabel()).isGreaterThan(140);
      }
    }
  }
}
