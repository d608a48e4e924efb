package io.github.linkyj.domoticz.sync;

import static io.github.linkyj.domoticz.sync.TestData.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.domoticz.sync.EnergyAggregator.DirectionInput;
import io.github.linkyj.domoticz.sync.HistoryRows.HourPoint;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryRowsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

  private static SortedMap<LocalDate, DayEnergy> days(
      List<LoadCurveInterval> curve, OffPeakMinutes offPeak) {
    return EnergyAggregator.paris()
        .aggregate("1", new DirectionInput(curve, List.of(), offPeak), DirectionInput.EMPTY);
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "29, 0", "30, 1", "89, 1", "90, 2", "-30, 0", "-31, -1"})
  void roundsHalfUp(long wattMinutes, long wattHours) {
    assertThat(WattHours.roundHalfUp(wattMinutes)).isEqualTo(wattHours);
  }

  @ParameterizedTest
  @CsvSource({
    // registers in Wmin -> registers in Wh; the sum is the rounded total.
    "30, 30, 0, 0, 1, 0, 0, 0",
    "45, 45, 45, 0, 1, 1, 0, 0",
    "59, 1, 0, 0, 1, 0, 0, 0",
    "90, 90, 90, 90, 2, 2, 1, 1",
    "120, 0, 0, 0, 2, 0, 0, 0",
    "0, 0, 0, 0, 0, 0, 0, 0"
  })
  void dayRegistersAddUpToRoundedTotal(
      long a, long b, long c, long d, long ea, long eb, long ec, long ed) {
    Registers rounded = WattHours.roundDay(new Registers(a, b, c, d));

    assertThat(rounded).isEqualTo(new Registers(ea, eb, ec, ed));
    assertThat(rounded.total()).isEqualTo(WattHours.roundHalfUp(a + b + c + d));
  }

  @Test
  void dayRowsAreWholeWattHours() {
    LocalDate day = TODAY.minusDays(1);
    // 333 W for 30 minutes is 166.5 Wh per interval.
    HistoryRows rows =
        HistoryRows.build(
            days(TestData.curve(day, 30, t -> 333), TestData.nights()).values(),
            TODAY,
            0,
            Registers.ZERO);

    assertThat(rows.dayRows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.wattHours().total()).isEqualTo(7992);
              assertThat(row.wattHours()).isEqualTo(new Registers(5328, 2664, 0, 0));
              assertThat(row.sValue()).isEqualTo("5328;2664;0;0;0;0;2026-12-03");
            });
    assertThat(rows.hourPoints()).isEmpty();
  }

  @Test
  void hourPointsAreRunningCountersAtHourEnd() {
    LocalDate day = TODAY.minusDays(1);
    HistoryRows rows =
        HistoryRows.build(
            days(TestData.curve(day, 30, TestData::dayAndNight), TestData.nights()).values(),
            TODAY,
            1,
            new Registers(100, 200, 0, 0));

    List<HourPoint> points = rows.hourPoints();
    assertThat(points).hasSize(24);
    assertThat(points.get(0).localEnd()).isEqualTo(LocalDateTime.of(2026, 12, 3, 1, 0));
    assertThat(points.get(0).counters()).isEqualTo(new Registers(100, 700, 0, 0));
    assertThat(points.get(6).counters()).isEqualTo(new Registers(1600, 3200, 0, 0));
    assertThat(points.get(23).localEnd()).isEqualTo(LocalDateTime.of(2026, 12, 4, 0, 0));
    assertThat(points.get(23).counters()).isEqualTo(new Registers(24100, 4200, 0, 0));
    assertThat(points.get(23).sValue()).isEqualTo("24100;4200;0;0;0;0;2026-12-04 00:00:00");
    assertThat(rows.endCounters()).contains(new Registers(24100, 4200, 0, 0));
    assertThat(rows.shortLogEnergy()).containsEntry(day, new Registers(24000, 4000, 0, 0));
  }

  @Test
  void countersNeverDriftFromDayRows() {
    // 7 days of awkward powers: the last point of each day equals the base plus the day rows.
    DateRange week = DateRange.of(TODAY.minusDays(7), TODAY);
    List<LoadCurveInterval> curve = new java.util.ArrayList<>();
    for (LocalDate d = week.startInclusive(); d.isBefore(TODAY); d = d.plusDays(1)) {
      curve.addAll(TestData.curve(d, 10, t -> 101 + t.getMinute() * 7L + t.getHour()));
    }
    HistoryRows rows =
        HistoryRows.build(days(curve, TestData.nights()).values(), TODAY, 7, Registers.ZERO);

    Registers sum = Registers.ZERO;
    int point = -1;
    for (HistoryRows.DayRow row : rows.dayRows()) {
      sum = sum.plus(row.wattHours());
      point += 24;
      assertThat(rows.hourPoints().get(point).counters()).isEqualTo(sum);
    }
    assertThat(rows.endCounters()).contains(sum);
    for (int i = 1; i < rows.hourPoints().size(); i++) {
      long[] before = rows.hourPoints().get(i - 1).counters().toArray();
      long[] after = rows.hourPoints().get(i).counters().toArray();
      for (int r = 0; r < 4; r++) {
        assertThat(after[r]).isGreaterThanOrEqualTo(before[r]);
      }
    }
  }

  @Test
  void hourlyViewLimitsPoints() {
    DateRange week = DateRange.of(TODAY.minusDays(7), TODAY);
    HistoryRows rows =
        HistoryRows.build(
            days(TestData.flatCurve(week, 1000), OffPeakMinutes.NONE).values(),
            TODAY,
            2,
            Registers.ZERO);

    assertThat(rows.dayRows()).hasSize(7);
    assertThat(rows.hourPoints()).hasSize(48);
    assertThat(rows.hourPoints().get(0).localEnd()).isEqualTo(LocalDateTime.of(2026, 12, 2, 1, 0));
    assertThat(rows.shortLogEnergy()).containsOnlyKeys(TODAY.minusDays(2), TODAY.minusDays(1));
  }

  @Test
  void autumnDayKeepsTwentyFiveDistinctPoints() {
    LocalDate autumn = LocalDate.of(2024, 10, 27);
    HistoryRows rows =
        HistoryRows.build(
            days(TestData.curve(autumn, 30, t -> 1000), OffPeakMinutes.NONE).values(),
            autumn.plusDays(1),
            1,
            Registers.ZERO);

    assertThat(rows.hourPoints()).hasSize(25);
    assertThat(rows.hourPoints()).extracting(HourPoint::end).doesNotHaveDuplicates();
    assertThat(rows.hourPoints().get(24).counters().usage1()).isEqualTo(25000);
    assertThat(rows.dayRows().get(0).wattHours().usage1()).isEqualTo(25000);
  }

  @Test
  void springDayHasTwentyThreePoints() {
    LocalDate spring = LocalDate.of(2024, 3, 31);
    HistoryRows rows =
        HistoryRows.build(
            days(TestData.curve(spring, 30, t -> 1000), OffPeakMinutes.NONE).values(),
            spring.plusDays(1),
            1,
            Registers.ZERO);

    assertThat(rows.hourPoints()).hasSize(23);
    assertThat(rows.hourPoints().get(1).end())
        .isEqualTo(ZonedDateTime.of(2024, 3, 31, 3, 0, 0, 0, PARIS));
    assertThat(rows.hourPoints().get(22).counters().usage1()).isEqualTo(23000);
  }

  @Test
  void dayFromDailyValueMovesNoCounter() {
    LocalDate day = TODAY.minusDays(1);
    SortedMap<LocalDate, DayEnergy> days =
        EnergyAggregator.paris()
            .aggregate(
                "1",
                new DirectionInput(
                    List.of(), List.of(new DailyEnergy(day, 9000)), OffPeakMinutes.NONE),
                DirectionInput.EMPTY);

    HistoryRows rows = HistoryRows.build(days.values(), TODAY, 7, new Registers(5, 0, 0, 0));

    assertThat(rows.dayRows())
        .singleElement()
        .satisfies(row -> assertThat(row.wattHours().usage1()).isEqualTo(9000));
    assertThat(rows.hourPoints()).isEmpty();
    assertThat(rows.endCounters()).isEmpty();
  }

  @Test
  void daysFromTodaySkipped() {
    HistoryRows rows =
        HistoryRows.build(
            days(
                    TestData.flatCurve(DateRange.of(TODAY.minusDays(1), TODAY.plusDays(1)), 10),
                    OffPeakMinutes.NONE)
                .values(),
            TODAY,
            7,
            Registers.ZERO);

    assertThat(rows.dayRows())
        .extracting(HistoryRows.DayRow::day)
        .containsExactly(TODAY.minusDays(1));
  }

  @Test
  void rewritingADayGivesTheSameRow() {
    LocalDate day = TODAY.minusDays(1);
    List<LoadCurveInterval> curve = TestData.curve(day, 30, t -> 333 + t.getHour());
    HistoryRows alone =
        HistoryRows.build(days(curve, TestData.nights()).values(), TODAY, 0, Registers.ZERO);
    List<LoadCurveInterval> withMore = new java.util.ArrayList<>(curve);
    withMore.addAll(TestData.curve(day.minusDays(1), 30, t -> 777));
    HistoryRows together =
        HistoryRows.build(days(withMore, TestData.nights()).values(), TODAY, 0, Registers.ZERO);

    assertThat(together.dayRows().get(1)).isEqualTo(alone.dayRows().get(0));
  }

  @Test
  void gapRestartsFromCallerBase() {
    // Days D-5 and D-1 are written; the days between keep their earlier points.
    List<LoadCurveInterval> curve = new java.util.ArrayList<>();
    curve.addAll(TestData.curve(TODAY.minusDays(5), 30, t -> 1000));
    curve.addAll(TestData.curve(TODAY.minusDays(1), 30, t -> 1000));
    java.util.Map<LocalDate, Registers> bases =
        java.util.Map.of(
            TODAY.minusDays(5), new Registers(1000, 0, 0, 0),
            TODAY.minusDays(1), new Registers(97000, 0, 0, 0));

    HistoryRows rows =
        HistoryRows.build(days(curve, OffPeakMinutes.NONE).values(), TODAY, 7, bases::get);

    assertThat(rows.hourPoints()).hasSize(48);
    assertThat(rows.hourPoints().get(23).counters().usage1()).isEqualTo(25000);
    assertThat(rows.hourPoints().get(24).counters().usage1()).isEqualTo(98000);
    assertThat(rows.endCounters()).contains(new Registers(121000, 0, 0, 0));
  }

  @Test
  void roundingHoldsForManyRandomDays() {
    java.util.Random random = new java.util.Random(20261204);
    for (int i = 0; i < 100_000; i++) {
      long[] exact = new long[4];
      for (int r = 0; r < 4; r++) {
        exact[r] = random.nextInt(4) == 0 ? 0 : random.nextInt(2_000_000);
      }
      Registers wattMinutes = Registers.of(exact);

      long[] rounded = WattHours.roundDay(wattMinutes).toArray();

      long total = 0;
      for (int r = 0; r < 4; r++) {
        total += rounded[r];
        assertThat(Math.abs(rounded[r] * 60 - exact[r])).isLessThan(60);
        if (exact[r] == 0) {
          assertThat(rounded[r]).isZero();
        }
      }
      assertThat(total).isEqualTo(WattHours.roundHalfUp(wattMinutes.total()));
    }
  }
}
