package io.github.linkyj.domoticz.sync;

import static io.github.linkyj.domoticz.sync.TestData.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.linkyj.domoticz.sync.EnergyAggregator.DirectionInput;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class EnergyAggregatorTest {
  private static final EnergyAggregator AGGREGATOR = EnergyAggregator.paris();
  private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

  private static SortedMap<LocalDate, DayEnergy> consumption(
      List<LoadCurveInterval> curve, List<DailyEnergy> daily, OffPeakMinutes offPeak) {
    return AGGREGATOR.aggregate(
        "11111111111111", new DirectionInput(curve, daily, offPeak), DirectionInput.EMPTY);
  }

  private static ZonedDateTime at(String local) {
    return LocalDateTime.parse(local).atZone(PARIS);
  }

  @Test
  void fullDaySplitsByTariff() {
    SortedMap<LocalDate, DayEnergy> days =
        consumption(TestData.curve(DAY, 30, TestData::dayAndNight), List.of(), TestData.nights());

    DayEnergy day = days.get(DAY);
    assertThat(day.energy()).isEqualTo(new Registers(1500 * 960, 500 * 480, 0, 0));
    assertThat(day.tariffMinutes()).isEqualTo(new Registers(960, 480, 0, 0));
    assertThat(day.hours()).hasSize(24);
    assertThat(day.hours().get(0).energy()).isEqualTo(new Registers(0, 500 * 60, 0, 0));
    assertThat(day.hours().get(12).energy()).isEqualTo(new Registers(1500 * 60, 0, 0, 0));
    assertThat(day.consumption()).isEqualTo(DaySource.CURVE);
    assertThat(day.production()).isEqualTo(DaySource.NONE);
  }

  @Test
  void daysNotCoveredListsHolesAndPartialDays() {
    List<LoadCurveInterval> curve = new ArrayList<>();
    curve.addAll(TestData.curve(DAY, 30, TestData::dayAndNight));
    curve.addAll(TestData.curve(DAY.plusDays(2), 30, TestData::dayAndNight).subList(0, 40));
    curve.addAll(TestData.curve(DAY.plusDays(3), 30, TestData::dayAndNight));

    List<LocalDate> missing =
        AGGREGATOR.daysNotCovered(
            "11111111111111", Direction.CONSUMPTION, DateRange.of(DAY, DAY.plusDays(5)), curve);

    assertThat(missing).containsExactly(DAY.plusDays(1), DAY.plusDays(2), DAY.plusDays(4));
  }

  @Test
  void completeCurveLeavesNoDayUncovered() {
    List<LoadCurveInterval> curve = TestData.curve(DAY, 30, TestData::dayAndNight);

    List<LocalDate> missing =
        AGGREGATOR.daysNotCovered(
            "11111111111111", Direction.PRODUCTION, DateRange.ofDay(DAY), curve);

    assertThat(missing).isEmpty();
  }

  @Test
  void mixedStepsUseEachIntervalLength() {
    // Interval lengths 60, 30 and 10 minutes: 1200 Wh, 300 + 200 Wh, 300 Wh.
    List<LoadCurveInterval> curve = new ArrayList<>();
    curve.add(new LoadCurveInterval(at("2020-08-20T00:00"), at("2020-08-20T01:00"), 1200));
    curve.add(new LoadCurveInterval(at("2020-08-20T01:00"), at("2020-08-20T01:30"), 600));
    curve.add(new LoadCurveInterval(at("2020-08-20T01:30"), at("2020-08-20T02:00"), 400));
    long[] tenMinutes = {300, 360, 240, 180, 120, 600};
    for (int i = 0; i < tenMinutes.length; i++) {
      ZonedDateTime start = at("2020-08-20T02:00").plusMinutes(10L * i);
      curve.add(new LoadCurveInterval(start, start.plusMinutes(10), tenMinutes[i]));
    }

    DayEnergy day =
        consumption(curve, List.of(), OffPeakMinutes.NONE).get(LocalDate.of(2020, 8, 20));

    assertThat(day.energy().usage1()).isEqualTo(2000 * 60);
    assertThat(day.hours())
        .extracting(h -> h.energy().usage1())
        .containsExactly(1200L * 60, 500L * 60, 300L * 60);
  }

  @Test
  void tariffBoundaryInsideIntervalIsProRata() {
    // 22:00 to 06:00 off-peak; the interval 21:45 to 22:15 is half peak, half off-peak.
    LoadCurveInterval interval =
        new LoadCurveInterval(at("2026-11-30T21:45"), at("2026-11-30T22:15"), 1000);

    DayEnergy day = consumption(List.of(interval), List.of(), TestData.nights()).get(DAY);

    assertThat(day.energy()).isEqualTo(new Registers(15000, 15000, 0, 0));
    assertThat(day.tariffMinutes()).isEqualTo(new Registers(15, 15, 0, 0));
  }

  @Test
  void lastHalfHourBelongsToPreviousDay() {
    // The point dated 2020-08-26 00:00 covers 23:30 to 24:00 of the 25th.
    List<LoadCurveInterval> curve =
        List.of(
            new LoadCurveInterval(at("2020-08-25T23:00"), at("2020-08-25T23:30"), 170),
            new LoadCurveInterval(at("2020-08-25T23:30"), at("2020-08-26T00:00"), 200));

    SortedMap<LocalDate, DayEnergy> days = consumption(curve, List.of(), OffPeakMinutes.NONE);

    assertThat(days).containsOnlyKeys(LocalDate.of(2020, 8, 25));
    DayEnergy day = days.get(LocalDate.of(2020, 8, 25));
    assertThat(day.energy().usage1()).isEqualTo(185 * 60);
    assertThat(day.hours())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.end()).isEqualTo(at("2020-08-26T00:00"));
              assertThat(h.energy().usage1()).isEqualTo(185 * 60);
            });
  }

  @Test
  void springDayHasTwentyThreeHours() {
    LocalDate spring = LocalDate.of(2024, 3, 31);
    List<LoadCurveInterval> curve = TestData.curve(spring, 30, t -> 1000);

    DayEnergy day = consumption(curve, List.of(), OffPeakMinutes.NONE).get(spring);

    assertThat(curve).hasSize(46);
    assertThat(day.energy().usage1()).isEqualTo(23000 * 60);
    assertThat(day.hours()).hasSize(23);
    assertThat(day.hours()).extracting(h -> h.start().toLocalTime().getHour()).doesNotContain(2);
    assertThat(day.consumption()).isEqualTo(DaySource.CURVE);
  }

  @Test
  void autumnDayHasTwentyFiveHours() {
    LocalDate autumn = LocalDate.of(2024, 10, 27);
    List<LoadCurveInterval> curve = TestData.curve(autumn, 30, t -> 1000);

    DayEnergy day = consumption(curve, List.of(), OffPeakMinutes.NONE).get(autumn);

    assertThat(curve).hasSize(50);
    assertThat(day.energy().usage1()).isEqualTo(25000 * 60);
    assertThat(day.hours()).hasSize(25);
    assertThat(day.hours().get(2).start().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    assertThat(day.hours().get(3).start().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
    assertThat(day.hours().get(2).start().toLocalTime())
        .isEqualTo(day.hours().get(3).start().toLocalTime());
    assertThat(day.hours()).allSatisfy(h -> assertThat(h.energy().usage1()).isEqualTo(60000));
  }

  @Test
  void dailyValueReplacesIncompleteCurve() {
    List<LoadCurveInterval> partial = TestData.curve(DAY, 30, t -> 1000).subList(0, 10);

    DayEnergy day =
        consumption(partial, List.of(new DailyEnergy(DAY, 10441)), TestData.nights()).get(DAY);

    // Spread evenly: 8 of 24 hours are off-peak, so a third of 10441 Wh.
    assertThat(day.consumption()).isEqualTo(DaySource.DAILY);
    assertThat(day.energy().total()).isEqualTo(10441 * 60);
    assertThat(day.energy().usage2()).isEqualTo(Math.round(10441 * 60 / 3.0));
    assertThat(day.hours()).isEmpty();
    assertThat(day.tariffMinutes()).isEqualTo(Registers.ZERO);
  }

  @Test
  void completeCurveWinsOverDailyValue() {
    DayEnergy day =
        consumption(
                TestData.curve(DAY, 30, t -> 1000),
                List.of(new DailyEnergy(DAY, 1)),
                OffPeakMinutes.NONE)
            .get(DAY);

    assertThat(day.consumption()).isEqualTo(DaySource.CURVE);
    assertThat(day.energy().usage1()).isEqualTo(24000 * 60);
  }

  @Test
  void partialCurveWithoutDailyIsIncomplete() {
    List<LoadCurveInterval> partial = TestData.curve(DAY, 30, t -> 1000).subList(0, 47);

    DayEnergy day = consumption(partial, List.of(), OffPeakMinutes.NONE).get(DAY);

    assertThat(day.consumption()).isEqualTo(DaySource.CURVE_INCOMPLETE);
    assertThat(day.energy().usage1()).isEqualTo(23500 * 60);
  }

  @Test
  void duplicateIntervalsCountOnce() {
    List<LoadCurveInterval> curve = new ArrayList<>(TestData.curve(DAY, 30, t -> 1000));
    curve.addAll(TestData.curve(DAY, 30, t -> 9999));

    DayEnergy day = consumption(curve, List.of(), OffPeakMinutes.NONE).get(DAY);

    assertThat(day.energy().usage1()).isEqualTo(24000 * 60);
  }

  @Test
  void productionUsesItsOwnSchedule() {
    DirectionInput consumption =
        new DirectionInput(TestData.curve(DAY, 30, t -> 1000), List.of(), TestData.nights());
    DirectionInput production =
        new DirectionInput(TestData.curve(DAY, 30, t -> 600), List.of(), OffPeakMinutes.NONE);

    DayEnergy day = AGGREGATOR.aggregate("1", consumption, production).get(DAY);

    assertThat(day.energy()).isEqualTo(new Registers(16000 * 60, 8000 * 60, 14400 * 60, 0));
    assertThat(day.hours()).hasSize(24);
    assertThat(day.hours().get(0).energy()).isEqualTo(new Registers(0, 60000, 36000, 0));
    assertThat(day.production()).isEqualTo(DaySource.CURVE);
  }

  @Test
  void offPeakMinutesOutOfRangeIsRejected() {
    LoadCurveInterval interval =
        new LoadCurveInterval(at("2026-11-30T10:00"), at("2026-11-30T10:30"), 1);

    assertThatThrownBy(() -> consumption(List.of(interval), List.of(), (s, e) -> 31))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid off-peak minutes 31 for the interval 2026-11-30T10:00+01:00[Europe/Paris] to"
                + " 2026-11-30T10:30+01:00[Europe/Paris]: expected 0 to 30");
  }

  @Test
  void invalidIntervalIsRejected() {
    assertThatThrownBy(
            () -> new LoadCurveInterval(at("2026-11-30T10:00"), at("2026-11-30T10:00"), 1))
        .hasMessage(
            "Invalid load-curve interval 2026-11-30T10:00+01:00[Europe/Paris] to"
                + " 2026-11-30T10:00+01:00[Europe/Paris]: the end must be a whole number of"
                + " minutes after the start");
    assertThatThrownBy(
            () -> new LoadCurveInterval(at("2026-11-30T10:00"), at("2026-11-30T10:30"), -5))
        .hasMessage(
            "Invalid load-curve power -5 W at 2026-11-30T10:00+01:00[Europe/Paris]: expected 0 or"
                + " more");
  }
}
