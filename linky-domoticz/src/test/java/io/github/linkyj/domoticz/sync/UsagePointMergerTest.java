package io.github.linkyj.domoticz.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.domoticz.sync.EnergyAggregator.DirectionInput;
import io.github.linkyj.domoticz.sync.UsagePointMerger.Pair;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class UsagePointMergerTest {
  private static final String C = "12345678901234";
  private static final String P = "10284856584123";
  private static final LocalDate D1 = LocalDate.of(2026, 12, 1);
  private static final LocalDate D2 = LocalDate.of(2026, 12, 2);
  private static final LocalDate D3 = LocalDate.of(2026, 12, 3);

  private static SortedMap<LocalDate, DayEnergy> consumption(DateRange days) {
    return EnergyAggregator.paris()
        .aggregate(
            C,
            new DirectionInput(TestData.flatCurve(days, 1000), List.of(), TestData.nights()),
            DirectionInput.EMPTY);
  }

  private static SortedMap<LocalDate, DayEnergy> production(DateRange days) {
    // Production with its own schedule: 12:00 to 14:00 counts as off-peak.
    return EnergyAggregator.paris()
        .aggregate(
            P,
            DirectionInput.EMPTY,
            new DirectionInput(
                TestData.flatCurve(days, 600),
                List.of(),
                TestData.offPeak(java.time.LocalTime.of(12, 0), java.time.LocalTime.of(14, 0))));
  }

  private static SortedMap<LocalDate, DayStatistics> stats(Map<LocalDate, DayEnergy> days) {
    SortedMap<LocalDate, DayStatistics> stats = new TreeMap<>();
    days.forEach((day, energy) -> stats.put(day, DayStatistics.of(energy)));
    return stats;
  }

  @Test
  void consumerAndProducerArePaired() {
    UsagePointState consumer =
        UsagePointState.empty(C)
            .withDaysWritten(stats(consumption(DateRange.ofDay(D1))).values(), false);
    UsagePointState producer =
        UsagePointState.empty(P)
            .withDaysWritten(stats(production(DateRange.ofDay(D1))).values(), false)
            .withAbsent(Direction.CONSUMPTION, true);
    UsagePointState both =
        UsagePointState.empty("33333333333333")
            .withDaysWritten(stats(consumption(DateRange.ofDay(D1))).values(), false)
            .withDaysWritten(
                List.of(DayStatistics.of(production(DateRange.ofDay(D2)).get(D2))), false);

    List<Pair> pairs = UsagePointMerger.pairs(List.of(consumer, both, producer));

    assertThat(pairs).containsExactly(new Pair(C, P));
    assertThat(pairs.get(0).mergedId()).isEqualTo("12345678901234 / 10284856584123");
  }

  @Test
  void pairingDoesNotNeedCurrentYearData() {
    // On 1 January the stored days are all from the previous year.
    LocalDate lastYear = LocalDate.of(2026, 12, 31);
    UsagePointState consumer =
        UsagePointState.empty(C)
            .withDaysWritten(stats(consumption(DateRange.ofDay(lastYear))).values(), false);
    UsagePointState producer =
        UsagePointState.empty(P)
            .withDaysWritten(stats(production(DateRange.ofDay(lastYear))).values(), false);

    assertThat(UsagePointMerger.pairs(List.of(consumer, producer))).containsExactly(new Pair(C, P));
  }

  @Test
  void mergedMeterKeepsEveryDayOfBoth() {
    // Consumption on days 1 and 2; production on days 2 and 3.
    SortedMap<LocalDate, DayEnergy> consumed = consumption(DateRange.of(D1, D3));
    SortedMap<LocalDate, DayEnergy> produced = production(DateRange.of(D2, D3.plusDays(1)));

    SortedMap<LocalDate, DayEnergy> merged =
        UsagePointMerger.mergeDays(consumed, stats(consumed), produced, stats(produced));

    assertThat(merged).containsOnlyKeys(D1, D2, D3);
    assertThat(merged.get(D1).energy()).isEqualTo(new Registers(16000 * 60, 8000 * 60, 0, 0));
    assertThat(merged.get(D2).energy())
        .isEqualTo(new Registers(16000 * 60, 8000 * 60, 13200 * 60, 1200 * 60));
    assertThat(merged.get(D3).energy()).isEqualTo(new Registers(0, 0, 13200 * 60, 1200 * 60));
    assertThat(merged.get(D3).consumption()).isEqualTo(DaySource.NONE);
    assertThat(merged.get(D3).production()).isEqualTo(DaySource.CURVE);
    assertThat(merged.get(D2).hours()).hasSize(24);
    assertThat(merged.get(D2).hours().get(12).energy())
        .isEqualTo(new Registers(60000, 0, 0, 36000));
  }

  @Test
  void sideNotFetchedComesFromStoredDay() {
    SortedMap<LocalDate, DayEnergy> consumedEarlier = consumption(DateRange.ofDay(D2));
    SortedMap<LocalDate, DayEnergy> producedNow = production(DateRange.ofDay(D2));

    SortedMap<LocalDate, DayEnergy> merged =
        UsagePointMerger.mergeDays(
            Map.of(), stats(consumedEarlier), producedNow, stats(producedNow));

    DayEnergy day = merged.get(D2);
    assertThat(day.energy()).isEqualTo(new Registers(16000 * 60, 8000 * 60, 13200 * 60, 1200 * 60));
    assertThat(day.hours()).allSatisfy(h -> assertThat(h.energy().usage1()).isZero());
  }

  @Test
  void mergedStatisticsFeedTheDashboard() {
    SortedMap<LocalDate, DayStatistics> consumer = stats(consumption(DateRange.ofDay(D1)));
    consumer.put(
        D1, consumer.get(D1).withPeak(new DailyPeak(LocalDateTime.of(2026, 12, 1, 19, 0), 6000)));
    SortedMap<LocalDate, DayStatistics> producer = stats(production(DateRange.of(D1, D2)));

    SortedMap<LocalDate, DayStatistics> merged =
        UsagePointMerger.mergeStatistics(consumer, producer);

    DashboardOutcome outcome =
        DashboardComposer.compose(
            MainFigure.DEFAULT,
            SecondaryFigure.DEFAULT,
            D2,
            merged,
            java.util.EnumSet.noneOf(Direction.class));
    assertThat(outcome)
        .isEqualTo(
            new DashboardOutcome.Ready(
                new DashboardValue(new Registers(16000, 8000, 13200, 1200), 6000, 0)));
  }
}
