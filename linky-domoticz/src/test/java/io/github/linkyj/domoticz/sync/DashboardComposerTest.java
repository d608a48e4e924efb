package io.github.linkyj.domoticz.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.domoticz.sync.EnergyAggregator.DirectionInput;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DashboardComposerTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final LocalDate YESTERDAY = TODAY.minusDays(1);
  private static final Set<Direction> NONE_ABSENT = EnumSet.noneOf(Direction.class);

  /** A year of consumption: peak power p(d) from 06:00 to 22:00, off-peak power q(d). */
  private static SortedMap<LocalDate, DayStatistics> year;

  private static long peakPower(LocalDate day) {
    return 1000 + (day.getDayOfYear() * 37L) % 900;
  }

  private static long offPeakPower(LocalDate day) {
    return 200 + (day.getDayOfYear() * 13L) % 300;
  }

  /** Returns 8 off-peak hours, 7 on the spring daylight-saving day and 9 on the autumn one. */
  private static long offPeakHours(LocalDate day) {
    return java.time.Duration.between(
                day.atStartOfDay(TestData.PARIS), day.plusDays(1).atStartOfDay(TestData.PARIS))
            .toHours()
        - 16;
  }

  private static long maxPower(LocalDate day) {
    return 3000 + day.getDayOfYear();
  }

  @BeforeAll
  static void buildYear() {
    List<LoadCurveInterval> curve = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2026, 1, 1); d.isBefore(TODAY); d = d.plusDays(1)) {
      LocalDate day = d;
      curve.addAll(
          TestData.curve(
              day,
              30,
              t -> t.getHour() >= 6 && t.getHour() < 22 ? peakPower(day) : offPeakPower(day)));
    }
    SortedMap<LocalDate, DayEnergy> days =
        EnergyAggregator.paris()
            .aggregate(
                "1", new DirectionInput(curve, List.of(), TestData.nights()), DirectionInput.EMPTY);
    year = new TreeMap<>();
    days.forEach(
        (day, energy) ->
            year.put(
                day,
                DayStatistics.of(energy)
                    .withPeak(new DailyPeak(day.atTime(7, 46), maxPower(day)))));
  }

  static Stream<Arguments> everyCombination() {
    List<Arguments> arguments = new ArrayList<>();
    for (Period main : Period.values()) {
      for (SecondaryFigure secondary : SecondaryFigure.all()) {
        arguments.add(Arguments.of(new MainFigure(main), secondary));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest
  @MethodSource("everyCombination")
  void everyCombinationMatchesTheCurve(MainFigure main, SecondaryFigure secondary) {
    DashboardOutcome outcome = DashboardComposer.compose(main, secondary, TODAY, year, NONE_ABSENT);

    DateRange period = secondary.period().range(TODAY);
    long usage1;
    long usage2;
    switch (secondary.statistic()) {
      case VALUE:
        usage1 = sum(period, d -> 16 * peakPower(d));
        usage2 = sum(period, d -> offPeakHours(d) * offPeakPower(d));
        break;
      case MAX:
        usage1 = max(period, DashboardComposerTest::peakPower);
        usage2 = max(period, DashboardComposerTest::offPeakPower);
        break;
      default:
        usage1 = meanRoundedHalfUp(sum(period, DashboardComposerTest::peakPower), period.days());
        usage2 =
            meanRoundedHalfUp(
                sum(period, d -> offPeakHours(d) * offPeakPower(d)),
                sum(period, DashboardComposerTest::offPeakHours));
    }
    long peak = max(main.period().range(TODAY), DashboardComposerTest::maxPower);
    assertThat(outcome)
        .isEqualTo(
            new DashboardOutcome.Ready(
                new DashboardValue(new Registers(usage1, usage2, 0, 0), peak, 0)));
  }

  private static long sum(DateRange range, java.util.function.ToLongFunction<LocalDate> f) {
    long total = 0;
    for (LocalDate d = range.startInclusive();
        d.isBefore(range.endExclusive());
        d = d.plusDays(1)) {
      total += f.applyAsLong(d);
    }
    return total;
  }

  private static long max(DateRange range, java.util.function.ToLongFunction<LocalDate> f) {
    long max = 0;
    for (LocalDate d = range.startInclusive();
        d.isBefore(range.endExclusive());
        d = d.plusDays(1)) {
      max = Math.max(max, f.applyAsLong(d));
    }
    return max;
  }

  private static long meanRoundedHalfUp(long sum, long count) {
    return Math.floorDiv(2 * sum + count, 2 * count);
  }

  @Test
  void valueDayIsYesterdaysRow() {
    DashboardOutcome outcome =
        DashboardComposer.compose(
            MainFigure.DEFAULT, SecondaryFigure.DEFAULT, TODAY, year, NONE_ABSENT);

    long p = peakPower(YESTERDAY);
    long q = offPeakPower(YESTERDAY);
    assertThat(((DashboardOutcome.Ready) outcome).value().sValue())
        .isEqualTo((16 * p) + ";" + (8 * q) + ";0;0;" + maxPower(YESTERDAY) + ";0");
  }

  @Test
  void meanDividesByTariffHours() {
    // Yesterday: 1500 W for 16 peak hours, 500 W for 8 off-peak hours.
    Map<LocalDate, DayStatistics> days = Map.of(YESTERDAY, dayAndNight(YESTERDAY));

    DashboardOutcome outcome =
        DashboardComposer.compose(
            MainFigure.DEFAULT,
            new SecondaryFigure(Statistic.MEAN, Period.DAY),
            TODAY,
            days,
            NONE_ABSENT);

    // The plugin divided by all 24 hours and showed 1000 and 167.
    assertThat(outcome)
        .isEqualTo(
            new DashboardOutcome.Ready(
                new DashboardValue(new Registers(1500, 500, 0, 0), 5000, 0)));
  }

  @Test
  void meanWithoutOffPeakHoursIsZero() {
    SortedMap<LocalDate, DayEnergy> energy =
        EnergyAggregator.paris()
            .aggregate(
                "1",
                new DirectionInput(
                    TestData.curve(YESTERDAY, 30, t -> 800), List.of(), OffPeakMinutes.NONE),
                DirectionInput.EMPTY);
    Map<LocalDate, DayStatistics> days =
        Map.of(YESTERDAY, withPeak(DayStatistics.of(energy.get(YESTERDAY))));

    DashboardOutcome outcome =
        DashboardComposer.compose(
            MainFigure.DEFAULT,
            new SecondaryFigure(Statistic.MEAN, Period.DAY),
            TODAY,
            days,
            NONE_ABSENT);

    assertThat(outcome)
        .isEqualTo(
            new DashboardOutcome.Ready(new DashboardValue(new Registers(800, 0, 0, 0), 5000, 0)));
  }

  @Test
  void missingYesterdayIsReported() {
    Map<LocalDate, DayStatistics> days = new TreeMap<>(year);
    days.remove(YESTERDAY);

    DashboardOutcome outcome =
        DashboardComposer.compose(
            MainFigure.DEFAULT,
            new SecondaryFigure(Statistic.VALUE, Period.CURRENT_WEEK),
            TODAY,
            days,
            NONE_ABSENT);

    assertThat(outcome)
        .isEqualTo(
            new DashboardOutcome.Missing(
                "no consumption data on [2026-12-06]", List.of(YESTERDAY)));
  }

  @Test
  void earlierHoleInPeriodIsTolerated() {
    Map<LocalDate, DayStatistics> days = new TreeMap<>(year);
    days.remove(LocalDate.of(2026, 11, 25));

    DashboardOutcome outcome =
        DashboardComposer.compose(
            MainFigure.DEFAULT,
            new SecondaryFigure(Statistic.VALUE, Period.LAST_WEEK),
            TODAY,
            days,
            NONE_ABSENT);

    DateRange week = Period.LAST_WEEK.range(TODAY);
    long expected = sum(week, d -> 16 * peakPower(d)) - 16 * peakPower(LocalDate.of(2026, 11, 25));
    assertThat(((DashboardOutcome.Ready) outcome).value().registers().usage1()).isEqualTo(expected);
  }

  @Test
  void missingPeakIsReported() {
    Map<LocalDate, DayStatistics> days =
        Map.of(YESTERDAY, DayStatistics.of(dayAndNightEnergy(YESTERDAY)));

    DashboardOutcome outcome =
        DashboardComposer.compose(
            MainFigure.DEFAULT, SecondaryFigure.DEFAULT, TODAY, days, NONE_ABSENT);

    assertThat(outcome)
        .isEqualTo(
            new DashboardOutcome.Missing("no maximum power on 2026-12-06", List.of(YESTERDAY)));
  }

  @Test
  void noDataAtAllIsReported() {
    DashboardOutcome outcome =
        DashboardComposer.compose(
            MainFigure.DEFAULT, SecondaryFigure.DEFAULT, TODAY, Map.of(), NONE_ABSENT);

    assertThat(outcome)
        .isEqualTo(new DashboardOutcome.Missing("no consumption or production data", List.of()));
  }

  @Test
  void maxWithoutHourlyDetailIsReported() {
    SortedMap<LocalDate, DayEnergy> energy =
        EnergyAggregator.paris()
            .aggregate(
                "1",
                new DirectionInput(
                    List.of(), List.of(new DailyEnergy(YESTERDAY, 12000)), OffPeakMinutes.NONE),
                DirectionInput.EMPTY);
    Map<LocalDate, DayStatistics> days =
        Map.of(YESTERDAY, withPeak(DayStatistics.of(energy.get(YESTERDAY))));

    assertThat(
            DashboardComposer.compose(
                MainFigure.DEFAULT,
                new SecondaryFigure(Statistic.MAX, Period.DAY),
                TODAY,
                days,
                NONE_ABSENT))
        .isEqualTo(
            new DashboardOutcome.Missing(
                "no hourly detail between 2026-12-06 and 2026-12-06", List.of()));
    assertThat(
            DashboardComposer.compose(
                MainFigure.DEFAULT, SecondaryFigure.DEFAULT, TODAY, days, NONE_ABSENT))
        .isEqualTo(
            new DashboardOutcome.Ready(new DashboardValue(new Registers(12000, 0, 0, 0), 5000, 0)));
  }

  @Test
  void productionOnlyNeedsNoPeak() {
    SortedMap<LocalDate, DayEnergy> energy =
        EnergyAggregator.paris()
            .aggregate(
                "2",
                DirectionInput.EMPTY,
                new DirectionInput(
                    TestData.curve(YESTERDAY, 30, t -> 600), List.of(), OffPeakMinutes.NONE));
    Map<LocalDate, DayStatistics> days = Map.of(YESTERDAY, DayStatistics.of(energy.get(YESTERDAY)));

    DashboardOutcome outcome =
        DashboardComposer.compose(
            MainFigure.DEFAULT,
            SecondaryFigure.DEFAULT,
            TODAY,
            days,
            EnumSet.of(Direction.CONSUMPTION));

    assertThat(outcome)
        .isEqualTo(
            new DashboardOutcome.Ready(new DashboardValue(new Registers(0, 0, 14400, 0), 0, 0)));
  }

  @Test
  void absentProductionGivesZeroReturns() {
    DashboardOutcome outcome =
        DashboardComposer.compose(
            MainFigure.DEFAULT,
            SecondaryFigure.DEFAULT,
            TODAY,
            Map.of(YESTERDAY, dayAndNight(YESTERDAY)),
            EnumSet.of(Direction.PRODUCTION));

    assertThat(outcome)
        .isEqualTo(
            new DashboardOutcome.Ready(
                new DashboardValue(new Registers(24000, 4000, 0, 0), 5000, 0)));
  }

  private static DayEnergy dayAndNightEnergy(LocalDate day) {
    return EnergyAggregator.paris()
        .aggregate(
            "1",
            new DirectionInput(
                TestData.curve(day, 30, TestData::dayAndNight), List.of(), TestData.nights()),
            DirectionInput.EMPTY)
        .get(day);
  }

  private static DayStatistics dayAndNight(LocalDate day) {
    return withPeak(DayStatistics.of(dayAndNightEnergy(day)));
  }

  private static DayStatistics withPeak(DayStatistics day) {
    return day.withPeak(
        new DailyPeak(LocalDateTime.of(day.day(), java.time.LocalTime.of(19, 31)), 5000));
  }
}
