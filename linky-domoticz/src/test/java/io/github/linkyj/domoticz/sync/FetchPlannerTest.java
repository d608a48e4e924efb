package io.github.linkyj.domoticz.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.domoticz.sync.FetchRequest.Endpoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FetchPlannerTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
  private static final String A = "11111111111111";
  private static final String URL = "http://127.0.0.1:8080";

  private static final String OFF_PEAK = "22h00-6h00";

  /** Settings with off-peak hours, so every day of the history needs its load curve. */
  private static SyncSettings settings(int otherViewDays) {
    return SyncSettings.builder().otherViewDays(otherViewDays).offPeakSchedule(OFF_PEAK).build();
  }

  private static FetchRequest request(
      Direction direction, Endpoint endpoint, LocalDate start, LocalDate end) {
    return new FetchRequest(A, direction, endpoint, DateRange.of(start, end));
  }

  /** State after a successful cycle yesterday that wrote every day before yesterday. */
  private static SyncState warmState(int otherViewDays, LocalDate nextComplete) {
    UsagePointState point =
        new UsagePointState(
            A,
            java.util.Map.of(
                Direction.CONSUMPTION,
                DaySet.empty().plus(DateRange.of(TODAY.minusDays(730), TODAY.minusDays(1)))),
            java.util.Map.of(),
            false,
            true,
            new java.util.TreeMap<>(
                java.util.Map.of(
                    TODAY.minusDays(2),
                    DayStatistics.ofPeak(
                        new DailyPeak(LocalDateTime.of(2026, 12, 2, 19, 0), 4000)))),
            null);
    return SyncState.empty(URL, "Linky")
        .with(point)
        .withSuccess(
            Instant.parse("2026-12-03T07:40:00Z"),
            SyncState.HistoryShape.of(settings(otherViewDays)),
            true,
            nextComplete);
  }

  @Test
  void firstRunFetchesCompleteHistory() {
    FetchPlan plan =
        FetchPlanner.plan(settings(730), TODAY, SyncState.empty(URL, "Linky"), List.of(A));

    LocalDate start = LocalDate.of(2024, 12, 4);
    assertThat(plan.completeHistory()).isTrue();
    assertThat(plan.window()).isEqualTo(DateRange.of(start, TODAY));
    assertThat(plan.requests())
        .containsExactly(
            request(Direction.CONSUMPTION, Endpoint.LOAD_CURVE, start, TODAY),
            request(Direction.CONSUMPTION, Endpoint.MAX_POWER, TODAY.minusDays(1), TODAY),
            request(Direction.PRODUCTION, Endpoint.LOAD_CURVE, start, TODAY));
    assertThat(plan.requests().get(0).chunksNewestFirst()).hasSize(105);
    assertThat(plan.nextCompleteHistory()).contains(TODAY.plusDays(365));
  }

  @Test
  void warmRunFetchesOnlyYesterday() {
    FetchPlan plan =
        FetchPlanner.plan(settings(730), TODAY, warmState(730, TODAY.plusDays(300)), List.of(A));

    assertThat(plan.completeHistory()).isFalse();
    assertThat(plan.window()).isEqualTo(DateRange.of(TODAY.minusDays(35), TODAY));
    assertThat(plan.requests())
        .containsExactly(
            request(Direction.CONSUMPTION, Endpoint.LOAD_CURVE, TODAY.minusDays(1), TODAY),
            request(Direction.CONSUMPTION, Endpoint.MAX_POWER, TODAY.minusDays(1), TODAY));
  }

  @Test
  void growingSettingFetchesCompleteHistory() {
    SyncSettings bigger = settings(365);

    FetchPlan plan =
        FetchPlanner.plan(bigger, TODAY, warmState(60, TODAY.plusDays(20)), List.of(A));

    assertThat(plan.completeHistory()).isTrue();
    assertThat(plan.requests().get(0))
        .isEqualTo(
            request(Direction.CONSUMPTION, Endpoint.LOAD_CURVE, TODAY.minusDays(365), TODAY));
  }

  @Test
  void halfHistoryLaterFetchesCompleteHistory() {
    FetchPlan due = FetchPlanner.plan(settings(730), TODAY, warmState(730, TODAY), List.of(A));
    FetchPlan notDue =
        FetchPlanner.plan(settings(730), TODAY, warmState(730, TODAY.plusDays(1)), List.of(A));

    assertThat(due.completeHistory()).isTrue();
    assertThat(notDue.completeHistory()).isFalse();
  }

  @Test
  void interruptedCompleteHistoryResumes() {
    // A first cycle wrote the newest days, then failed; nothing was marked successful.
    UsagePointState point =
        UsagePointState.empty(A)
            .withDaysWritten(daysFrom(LocalDate.of(2025, 6, 1), TODAY), true)
            .withAbsent(Direction.PRODUCTION, true);
    SyncState state = SyncState.empty(URL, "Linky").with(point).withFailure();

    FetchPlan plan = FetchPlanner.plan(settings(730), TODAY, state, List.of(A));

    assertThat(plan.completeHistory()).isTrue();
    assertThat(plan.requests())
        .containsExactly(
            request(
                Direction.CONSUMPTION,
                Endpoint.LOAD_CURVE,
                LocalDate.of(2024, 12, 4),
                LocalDate.of(2025, 6, 1)));
  }

  private static List<DayStatistics> daysFrom(LocalDate start, LocalDate end) {
    List<DayStatistics> days = new java.util.ArrayList<>();
    for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) {
      days.add(
          new DayStatistics(
              d,
              new Registers(60, 0, 0, 0),
              Registers.ZERO,
              new Registers(1440, 0, 0, 0),
              DaySource.CURVE,
              DaySource.NONE,
              Optional.of(new DailyPeak(d.atTime(8, 0), 3000)),
              Registers.ZERO));
    }
    return days;
  }

  @Test
  void shortHistoryFetchesMissingDaysOnly() {
    UsagePointState point =
        UsagePointState.empty(A)
            .withDaysWritten(daysFrom(TODAY.minusDays(7), TODAY.minusDays(1)), false)
            .withDaysWritten(
                List.of(
                    new DayStatistics(
                        TODAY.minusDays(4),
                        Registers.ZERO,
                        Registers.ZERO,
                        Registers.ZERO,
                        DaySource.CURVE_INCOMPLETE,
                        DaySource.NONE,
                        Optional.empty(),
                        Registers.ZERO)),
                false)
            .withAbsent(Direction.PRODUCTION, true);
    SyncState state =
        SyncState.empty(URL, "Linky")
            .with(point)
            .withSuccess(
                Instant.parse("2026-12-03T07:40:00Z"),
                SyncState.HistoryShape.of(settings(7)),
                false,
                null);

    FetchPlan plan = FetchPlanner.plan(settings(7), TODAY, state, List.of(A));

    assertThat(plan.completeHistory()).isFalse();
    assertThat(plan.nextCompleteHistory()).isEmpty();
    assertThat(plan.requests())
        .containsExactly(
            request(Direction.CONSUMPTION, Endpoint.LOAD_CURVE, TODAY.minusDays(1), TODAY),
            request(
                Direction.CONSUMPTION, Endpoint.LOAD_CURVE, TODAY.minusDays(4), TODAY.minusDays(3)),
            request(Direction.CONSUMPTION, Endpoint.MAX_POWER, TODAY.minusDays(1), TODAY));
  }

  @Test
  void olderDaysComeFromDailyEndpoint() {
    SyncSettings settings =
        SyncSettings.builder()
            .dailyEndpointForOlderDays(true)
            .otherViewDays(1000)
            .offPeakSchedule(OFF_PEAK)
            .build();

    FetchPlan plan = FetchPlanner.plan(settings, TODAY, SyncState.empty(URL, "Linky"), List.of(A));

    LocalDate curveStart = LocalDate.of(2024, 12, 4);
    assertThat(plan.requestsOf(A))
        .containsExactly(
            request(Direction.CONSUMPTION, Endpoint.LOAD_CURVE, curveStart, TODAY),
            request(Direction.CONSUMPTION, Endpoint.DAILY, TODAY.minusDays(1000), curveStart),
            request(Direction.CONSUMPTION, Endpoint.MAX_POWER, TODAY.minusDays(1), TODAY),
            request(Direction.PRODUCTION, Endpoint.LOAD_CURVE, curveStart, TODAY),
            request(Direction.PRODUCTION, Endpoint.DAILY, TODAY.minusDays(1000), curveStart));
  }

  @Test
  void baseTariffHistoryComesFromDailyEndpoint() {
    SyncSettings settings = SyncSettings.builder().otherViewDays(730).build();

    FetchPlan plan = FetchPlanner.plan(settings, TODAY, SyncState.empty(URL, "Linky"), List.of(A));

    LocalDate start = LocalDate.of(2024, 12, 4);
    LocalDate hourlyView = TODAY.minusDays(7);
    assertThat(plan.requests())
        .containsExactly(
            request(Direction.CONSUMPTION, Endpoint.LOAD_CURVE, hourlyView, TODAY),
            request(Direction.CONSUMPTION, Endpoint.DAILY, start, hourlyView),
            request(Direction.CONSUMPTION, Endpoint.MAX_POWER, TODAY.minusDays(1), TODAY),
            request(Direction.PRODUCTION, Endpoint.LOAD_CURVE, hourlyView, TODAY),
            request(Direction.PRODUCTION, Endpoint.DAILY, start, hourlyView));
    assertThat(plan.batchesOf(A)).hasSize(1 + 2 + 1);
  }

  @Test
  void baseTariffKeepsCurveForMaxFigure() {
    SyncSettings settings =
        SyncSettings.builder()
            .otherViewDays(730)
            .hourlyViewDays(2)
            .secondaryFigure(new SecondaryFigure(Statistic.MAX, Period.LAST_MONTH))
            .build();
    UsagePointState point = UsagePointState.empty(A).withAbsent(Direction.PRODUCTION, true);

    FetchPlan plan =
        FetchPlanner.plan(settings, TODAY, SyncState.empty(URL, "Linky").with(point), List.of(A));

    LocalDate lastMonth = LocalDate.of(2026, 11, 1);
    LocalDate thisMonth = LocalDate.of(2026, 12, 1);
    LocalDate hourlyView = TODAY.minusDays(2);
    assertThat(plan.requests())
        .containsExactly(
            request(Direction.CONSUMPTION, Endpoint.LOAD_CURVE, hourlyView, TODAY),
            request(Direction.CONSUMPTION, Endpoint.LOAD_CURVE, lastMonth, thisMonth),
            request(Direction.CONSUMPTION, Endpoint.DAILY, thisMonth, hourlyView),
            request(Direction.CONSUMPTION, Endpoint.DAILY, LocalDate.of(2024, 12, 4), lastMonth),
            request(Direction.CONSUMPTION, Endpoint.MAX_POWER, TODAY.minusDays(1), TODAY));
  }

  @Test
  void scheduleOfOtherPointLeavesBaseTariff() {
    SyncSettings settings =
        SyncSettings.builder()
            .otherViewDays(730)
            .offPeakSchedule("22222222222222 22h00-6h00")
            .build();
    UsagePointState point = UsagePointState.empty(A).withAbsent(Direction.PRODUCTION, true);

    FetchPlan plan =
        FetchPlanner.plan(settings, TODAY, SyncState.empty(URL, "Linky").with(point), List.of(A));

    assertThat(plan.requests())
        .extracting(FetchRequest::endpoint)
        .containsExactly(Endpoint.LOAD_CURVE, Endpoint.DAILY, Endpoint.MAX_POWER);
  }

  @Test
  void contractScheduleKeepsCurve() {
    SyncSettings settings =
        SyncSettings.builder().otherViewDays(730).offPeakFromContract(true).build();
    UsagePointState point = UsagePointState.empty(A).withAbsent(Direction.PRODUCTION, true);

    FetchPlan plan =
        FetchPlanner.plan(settings, TODAY, SyncState.empty(URL, "Linky").with(point), List.of(A));

    assertThat(plan.requests())
        .containsExactly(
            request(Direction.CONSUMPTION, Endpoint.LOAD_CURVE, LocalDate.of(2024, 12, 4), TODAY),
            request(Direction.CONSUMPTION, Endpoint.MAX_POWER, TODAY.minusDays(1), TODAY));
  }

  @Test
  void dashboardPeriodsExtendTheWindow() {
    SyncSettings settings =
        SyncSettings.builder()
            .otherViewDays(7)
            .secondaryFigure(new SecondaryFigure(Statistic.VALUE, Period.YEAR))
            .mainFigure(new MainFigure(Period.LAST_MONTH))
            .build();

    FetchPlan plan = FetchPlanner.plan(settings, TODAY, SyncState.empty(URL, "Linky"), List.of(A));

    assertThat(plan.window()).isEqualTo(DateRange.of(LocalDate.of(2026, 1, 1), TODAY));
    assertThat(plan.requests())
        .contains(
            request(
                Direction.CONSUMPTION,
                Endpoint.MAX_POWER,
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 1)));
  }

  @Test
  void unknownDirectionIsOnlyProbed() {
    UsagePointState point =
        UsagePointState.empty(A)
            .withDaysWritten(daysFrom(TODAY.minusDays(35), TODAY.minusDays(1)), false);
    SyncState state =
        SyncState.empty(URL, "Linky")
            .with(point)
            .withSuccess(
                Instant.parse("2026-12-03T07:40:00Z"),
                SyncState.HistoryShape.of(settings(730)),
                true,
                TODAY.plusDays(100));

    FetchPlan plan = FetchPlanner.plan(settings(730), TODAY, state, List.of(A));

    assertThat(plan.requests())
        .containsExactly(
            request(Direction.CONSUMPTION, Endpoint.LOAD_CURVE, TODAY.minusDays(1), TODAY),
            request(Direction.CONSUMPTION, Endpoint.MAX_POWER, TODAY.minusDays(1), TODAY),
            request(Direction.PRODUCTION, Endpoint.LOAD_CURVE, TODAY.minusDays(7), TODAY));
  }

  @Test
  void absentConsumptionSkipsPeaks() {
    UsagePointState point = UsagePointState.empty(A).withAbsent(Direction.CONSUMPTION, true);
    SyncState state = SyncState.empty(URL, "Linky").with(point);

    FetchPlan plan = FetchPlanner.plan(settings(7), TODAY, state, List.of(A));

    assertThat(plan.requests())
        .containsExactly(
            request(Direction.PRODUCTION, Endpoint.LOAD_CURVE, TODAY.minusDays(7), TODAY));
  }

  @Test
  void longAbsenceFetchesCompleteHistory() {
    SyncState state = warmState(60, TODAY.plusDays(200));

    // The last success was on 2026-12-03: 60 days later is 2027-02-01.
    assertThat(FetchPlanner.completeHistoryDue(settings(60), LocalDate.of(2027, 1, 31), state))
        .isFalse();
    assertThat(FetchPlanner.completeHistoryDue(settings(60), LocalDate.of(2027, 2, 1), state))
        .isTrue();
  }

  @Test
  void growingHourlyViewRefetchesItsDays() {
    SyncSettings before = SyncSettings.builder().otherViewDays(730).hourlyViewDays(2).build();
    SyncState state = warmState(730, TODAY.plusDays(300));
    state =
        state.withSuccess(
            Instant.parse("2026-12-03T07:40:00Z"), SyncState.HistoryShape.of(before), false, null);

    FetchPlan plan = FetchPlanner.plan(settings(730), TODAY, state, List.of(A));

    assertThat(plan.completeHistory()).isFalse();
    assertThat(plan.requests().get(0))
        .isEqualTo(request(Direction.CONSUMPTION, Endpoint.LOAD_CURVE, TODAY.minusDays(7), TODAY));
  }
}
