package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.DailyEnergy;
import io.github.linkyj.core.MeteringData;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.core.testing.Fault;
import io.github.linkyj.domoticz.sync.SyncSettings;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Days the load curve misses, filled from the daily endpoint within the curve's 24 months. */
class DailyFallbackTest {
  private static final String HOUSE = "22516914714270";
  private static final String NO_CURVE = "32320647321714";
  private static final String RECORDED = "22222222222222";
  private static final LocalDateTime MORNING = LocalDateTime.of(2026, 12, 4, 9, 17);
  private static final LocalDate TODAY = MORNING.toLocalDate();

  @TempDir Path directory;
  private SyncFixture fixture;

  private SyncFixture start(LocalDateTime time, UnaryOperator<EnedisSimulator.Builder> simulator)
      throws Exception {
    fixture = new SyncFixture(time, directory, simulator);
    return fixture;
  }

  @AfterEach
  void close() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  /** 8 off-peak hours a day: a day from its daily value is one third off-peak. */
  private static SyncSettings settings(int days) {
    return SyncSettings.builder()
        .otherViewDays(days)
        .hourlyViewDays(7)
        .offPeakSchedule("22h00-6h00")
        .build();
  }

  /** Returns the Enedis endpoint and start date of each metering request, in order. */
  private List<String> meteringRequests() {
    return fixture.simulator.requests().stream()
        .filter(r -> r.path().contains("/metering_data_"))
        .map(r -> r.path().replaceAll(".*/", "") + " " + r.query().get("start"))
        .toList();
  }

  private long dailyRequests() {
    return meteringRequests().stream().filter(r -> r.startsWith("daily_consumption ")).count();
  }

  private Map<LocalDate, Long> dailyValues(String id, LocalDate start, LocalDate end)
      throws Exception {
    MeteringData data = fixture.client.dailyConsumption(id, start, end);
    Map<LocalDate, Long> values = new TreeMap<>();
    for (DailyEnergy day : data.dailyEnergies()) {
      values.put(day.date(), day.energy().wattHours(RoundingMode.HALF_UP));
    }
    return values;
  }

  private static long offPeakThird(long wattHours) {
    return Math.round(wattHours / 3.0);
  }

  @Test
  void pointWithoutCurveGetsDailyRows() throws Exception {
    start(MORNING, b -> b.sandboxCustomer(2));
    LinkySync sync = fixture.sync(settings(7), List.of(NO_CURVE), fixture.target()).build();

    SyncReport report = sync.runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(meteringRequests())
        .contains(
            "consumption_load_curve " + TODAY.minusDays(7),
            "daily_consumption " + TODAY.minusDays(7));
    assertThat(dailyRequests()).isEqualTo(1);
    SyncReport.Meter meter = report.meter(NO_CURVE).orElseThrow();
    assertThat(meter.hourlyPoints()).isEmpty();
    Map<LocalDate, Long> daily = dailyValues(NO_CURVE, TODAY.minusDays(7), TODAY);
    assertThat(daily).hasSize(7);
    assertThat(meter.dayRows()).hasSize(7);
    for (SyncReport.DayRow row : meter.dayRows()) {
      long total = daily.get(row.date());
      assertThat(row.usage1() + row.usage2()).as("total of %s", row.date()).isEqualTo(total);
      assertThat(row.usage2()).as("off-peak of %s", row.date()).isEqualTo(offPeakThird(total));
    }
  }

  @Test
  void dailyRowsAreNotFetchedAgain() throws Exception {
    start(MORNING, b -> b.sandboxCustomer(2));
    LinkySync sync = fixture.sync(settings(7), List.of(NO_CURVE), fixture.target()).build();
    sync.runOnce();
    fixture.simulator.clearRequests();
    fixture.moveTo(MORNING.plusDays(1));

    SyncReport report = sync.runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(meteringRequests())
        .contains("consumption_load_curve " + TODAY, "daily_consumption " + TODAY);
    assertThat(report.meter(NO_CURVE).orElseThrow().dayRows())
        .extracting(SyncReport.DayRow::date)
        .containsExactly(TODAY);
  }

  @Test
  void curveWithoutDataFallsBackToDaily() throws Exception {
    start(MORNING, b -> b.sandboxCustomer(0));
    fixture.simulator.inject(
        Fault.enedisError(404, "no_data_found", "no measure found for this usage point")
            .onPath("consumption_load_curve"));
    LinkySync sync = fixture.sync(settings(14), List.of(HOUSE), fixture.target()).build();

    SyncReport report = sync.runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(meteringRequests())
        .containsSubsequence(
            "consumption_load_curve " + TODAY.minusDays(7),
            "daily_consumption " + TODAY.minusDays(7),
            "consumption_load_curve " + TODAY.minusDays(14));
    assertThat(dailyRequests()).isEqualTo(1);
    SyncReport.Meter meter = report.meter(HOUSE).orElseThrow();
    assertThat(meter.dayRows()).hasSize(14);
    assertThat(meter.hourlyPoints())
        .allSatisfy(point -> assertThat(point.end()).isBefore(TODAY.minusDays(7).atStartOfDay()));
    Map<LocalDate, Long> daily = dailyValues(HOUSE, TODAY.minusDays(7), TODAY);
    for (SyncReport.DayRow row : meter.dayRows()) {
      if (!row.date().isBefore(TODAY.minusDays(7))) {
        long total = daily.get(row.date());
        assertThat(row.usage1() + row.usage2()).as("total of %s", row.date()).isEqualTo(total);
        assertThat(row.usage2()).as("off-peak of %s", row.date()).isEqualTo(offPeakThird(total));
      }
    }
  }

  @Test
  void holeWithoutDailyValueIsFetchedAgain() throws Exception {
    // Sandbox customer 4 has neither curve nor daily value on Tuesdays and Wednesdays.
    start(MORNING, b -> b.sandboxCustomer(4));
    String id = "42900589957123";
    LinkySync sync = fixture.sync(settings(7), List.of(id), fixture.target()).build();

    SyncReport report = sync.runOnce();

    LocalDate tuesday = LocalDate.of(2026, 12, 1);
    LocalDate wednesday = LocalDate.of(2026, 12, 2);
    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(meteringRequests()).contains("daily_consumption " + tuesday);
    assertThat(dailyRequests()).isEqualTo(1);
    assertThat(report.meter(id).orElseThrow().dayRows())
        .extracting(SyncReport.DayRow::date)
        .hasSize(5)
        .doesNotContain(tuesday, wednesday);

    fixture.simulator.clearRequests();
    fixture.moveTo(MORNING.plusDays(1));
    sync.runOnce();
    assertThat(meteringRequests())
        .contains("consumption_load_curve " + tuesday, "daily_consumption " + tuesday);
  }

  @Test
  void completeCurveMakesNoDailyRequest() throws Exception {
    start(MORNING, b -> b.sandboxCustomer(0));
    LinkySync sync = fixture.sync(settings(14), List.of(HOUSE), fixture.target()).build();

    SyncReport first = sync.runOnce();
    fixture.moveTo(MORNING.plusDays(1));
    SyncReport second = sync.runOnce();

    assertThat(first.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(second.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(dailyRequests()).isZero();
    assertThat(second.meter(HOUSE).orElseThrow().hourlyPoints()).hasSize(24);
  }

  @Test
  void recordedDailyValueFillsLastDay() throws Exception {
    Path recorded =
        Path.of(DailyFallbackTest.class.getResource("/enedis-recorded-2020-12").toURI());
    LocalDateTime morning = LocalDateTime.of(2020, 12, 10, 9, 17);
    start(morning, b -> b.recordedData(recorded).ignoreHistoryLimits());
    LinkySync sync = fixture.sync(settings(7), List.of(RECORDED), fixture.target()).build();

    SyncReport report = sync.runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(meteringRequests())
        .contains("consumption_load_curve 2020-12-03", "daily_consumption 2020-12-09");
    SyncReport.Meter meter = report.meter(RECORDED).orElseThrow();
    assertThat(meter.dayRows())
        .extracting(SyncReport.DayRow::date)
        .containsExactly(
            LocalDate.of(2020, 12, 3),
            LocalDate.of(2020, 12, 4),
            LocalDate.of(2020, 12, 5),
            LocalDate.of(2020, 12, 6),
            LocalDate.of(2020, 12, 7),
            LocalDate.of(2020, 12, 8),
            LocalDate.of(2020, 12, 9));
    SyncReport.DayRow last = meter.dayRows().get(6);
    assertThat(last.usage1()).isEqualTo(28634);
    assertThat(last.usage2()).isEqualTo(14317);
    assertThat(meter.hourlyPoints()).hasSize(6 * 24);
    assertThat(meter.hourlyPoints())
        .allSatisfy(
            point ->
                assertThat(point.end()).isBeforeOrEqualTo(LocalDateTime.of(2020, 12, 9, 0, 0)));
    assertThat(fixture.device("Linky " + RECORDED).dayRows())
        .containsKey(LocalDate.of(2020, 12, 9));

    // The curve of 2020-12-09 may still come, so the next cycle requests it again.
    fixture.simulator.clearRequests();
    fixture.moveTo(morning.plusDays(1));
    sync.runOnce();
    assertThat(meteringRequests()).contains("consumption_load_curve 2020-12-09");
  }
}
