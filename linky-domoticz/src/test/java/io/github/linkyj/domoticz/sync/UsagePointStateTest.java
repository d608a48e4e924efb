package io.github.linkyj.domoticz.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.domoticz.sync.EnergyAggregator.DirectionInput;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class UsagePointStateTest {
  private static final String A = "11111111111111";
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

  private static SortedMap<LocalDate, DayEnergy> days(DateRange range) {
    return EnergyAggregator.paris()
        .aggregate(
            A,
            new DirectionInput(TestData.flatCurve(range, 1000), List.of(), TestData.nights()),
            DirectionInput.EMPTY);
  }

  private static UsagePointState write(
      UsagePointState state, SortedMap<LocalDate, DayEnergy> days, LocalDate today) {
    HistoryRows rows = HistoryRows.build(days.values(), today, 7, state::counterBaseAt);
    List<DayStatistics> stats = new ArrayList<>();
    days.values().forEach(day -> stats.add(DayStatistics.of(day)));
    return state.withDaysWritten(stats, false).withShortLog(rows);
  }

  @Test
  void countersContinueOnTheNextDay() {
    UsagePointState state =
        write(
            UsagePointState.empty(A),
            days(DateRange.ofDay(TODAY.minusDays(2))),
            TODAY.minusDays(1));

    assertThat(state.shortLogAnchor()).isPresent();
    assertThat(state.shortLogAnchor().get().counters()).isEqualTo(new Registers(16000, 8000, 0, 0));
    assertThat(state.counterBaseAt(TODAY.minusDays(1))).isEqualTo(new Registers(16000, 8000, 0, 0));
  }

  @Test
  void rewritingDaysStartsFromTheirBase() {
    UsagePointState state =
        write(UsagePointState.empty(A), days(DateRange.of(TODAY.minusDays(3), TODAY)), TODAY);

    // Writing the last two days again starts where the first day ended.
    assertThat(state.counterBaseAt(TODAY.minusDays(2))).isEqualTo(new Registers(16000, 8000, 0, 0));
    UsagePointState again = write(state, days(DateRange.of(TODAY.minusDays(2), TODAY)), TODAY);
    assertThat(again.shortLogAnchor()).isEqualTo(state.shortLogAnchor());
  }

  @Test
  void unwrittenDaysAreFetchedAgain() {
    UsagePointState state =
        write(UsagePointState.empty(A), days(DateRange.of(TODAY.minusDays(3), TODAY)), TODAY);

    UsagePointState unwritten = state.withDaysUnwritten(List.of(TODAY.minusDays(2)));

    assertThat(
            unwritten
                .writtenDays(Direction.CONSUMPTION)
                .missingIn(DateRange.of(TODAY.minusDays(3), TODAY)))
        .containsExactly(DateRange.ofDay(TODAY.minusDays(2)));
    assertThat(unwritten.statistics()).isEqualTo(state.statistics());
    assertThat(unwritten.shortLogAnchor()).isEqualTo(state.shortLogAnchor());
  }

  @Test
  void unwrittenDirectionKeepsTheOther() {
    DateRange range = DateRange.of(TODAY.minusDays(3), TODAY);
    UsagePointState state = write(UsagePointState.empty(A), days(range), TODAY);
    UsagePointState withProduction =
        state.withDaysWritten(
            List.of(
                DayStatistics.of(
                    new DayEnergy(
                        TODAY.minusDays(1),
                        new Registers(0, 0, 600, 300),
                        new Registers(0, 0, 0, 0),
                        List.of(),
                        DaySource.NONE,
                        DaySource.DAILY))),
            false);

    UsagePointState unwritten =
        withProduction.withDaysUnwritten(Direction.PRODUCTION, List.of(TODAY.minusDays(1)));

    assertThat(unwritten.writtenDays(Direction.PRODUCTION).missingIn(range)).containsExactly(range);
    assertThat(unwritten.writtenDays(Direction.CONSUMPTION).missingIn(range)).isEmpty();
    assertThat(unwritten.statistics()).isEqualTo(withProduction.statistics());
  }

  @Test
  void withoutAnchorCountersStartAtZero() {
    assertThat(UsagePointState.empty(A).counterBaseAt(TODAY)).isEqualTo(Registers.ZERO);
  }

  @Test
  void incompleteDayLeavesWrittenDays() {
    LocalDate day = TODAY.minusDays(1);
    UsagePointState state = write(UsagePointState.empty(A), days(DateRange.ofDay(day)), TODAY);
    DayEnergy partial =
        EnergyAggregator.paris()
            .aggregate(
                A,
                new DirectionInput(
                    TestData.curve(day, 30, t -> 5).subList(0, 40), List.of(), OffPeakMinutes.NONE),
                DirectionInput.EMPTY)
            .get(day);

    assertThat(state.writtenDays(Direction.CONSUMPTION).contains(day)).isTrue();
    UsagePointState after = state.withDaysWritten(List.of(DayStatistics.of(partial)), false);
    assertThat(after.writtenDays(Direction.CONSUMPTION).contains(day)).isFalse();
  }

  @Test
  void peaksSurviveEnergyRewrite() {
    LocalDate day = TODAY.minusDays(1);
    DailyPeak peak = new DailyPeak(LocalDateTime.of(2026, 12, 3, 19, 31), 5000);
    UsagePointState state = UsagePointState.empty(A).withPeaks(List.of(peak));

    UsagePointState after = write(state, days(DateRange.ofDay(day)), TODAY);

    assertThat(after.statistics().get(day).peak()).contains(peak);
    assertThat(after.statistics().get(day).consumption()).isEqualTo(DaySource.CURVE);
  }

  @Test
  void statisticsArePruned() {
    UsagePointState state =
        write(UsagePointState.empty(A), days(DateRange.of(TODAY.minusDays(5), TODAY)), TODAY);

    UsagePointState pruned = state.withStatisticsFrom(TODAY.minusDays(2));

    assertThat(pruned.statistics()).containsOnlyKeys(TODAY.minusDays(2), TODAY.minusDays(1));
    assertThat(pruned.writtenDays(Direction.CONSUMPTION))
        .isEqualTo(state.writtenDays(Direction.CONSUMPTION));
    assertThat(pruned.hasData(Direction.CONSUMPTION)).isTrue();
    assertThat(pruned.hasData(Direction.PRODUCTION)).isFalse();
  }
}
