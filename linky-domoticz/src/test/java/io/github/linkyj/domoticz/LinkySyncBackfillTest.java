package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.IntervalReading;
import io.github.linkyj.core.MaxPowerReading;
import io.github.linkyj.core.MeteringData;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.domoticz.sync.SyncSettings;
import io.github.linkyj.domoticz.sync.UserMessage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkySyncBackfillTest {
  static final String ID = "22516914714270";
  static final LocalDateTime MORNING = LocalDateTime.of(2026, 12, 4, 9, 17);
  static final LocalDate TODAY = MORNING.toLocalDate();

  @TempDir Path directory;
  SyncFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new SyncFixture(MORNING, directory, b -> b.sandboxCustomer(0));
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  private SyncSettings settings(int days) {
    return SyncSettings.builder().otherViewDays(days).offPeakSchedule("22h00-6h00").build();
  }

  /** Returns the expected registers of each day, from the curve split by interval start hour. */
  static Map<LocalDate, long[]> expectedDays(MeteringData curve) {
    Map<LocalDate, long[]> wattMinutes = new TreeMap<>();
    for (IntervalReading r : curve.intervals()) {
      int hour = r.start().getHour();
      boolean offPeak = hour >= 22 || hour < 6;
      long[] day = wattMinutes.computeIfAbsent(r.day(), d -> new long[2]);
      day[offPeak ? 1 : 0] += r.energy().wattMinutes();
    }
    Map<LocalDate, long[]> wattHours = new TreeMap<>();
    wattMinutes.forEach(
        (day, wm) ->
            wattHours.put(
                day, new long[] {Math.floorDiv(wm[0] + 30, 60), Math.floorDiv(wm[1] + 30, 60)}));
    return wattHours;
  }

  @Test
  void backfillWritesEveryDayOnce() throws Exception {
    DomoticzTarget target = fixture.target();
    LinkySync sync = fixture.sync(settings(730), List.of(ID), target).build();

    SyncReport report = sync.runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(report.problems()).isEmpty();
    EnedisSimulator sim = fixture.simulator;
    assertThat(sim.requestCount("consumption_load_curve")).isEqualTo(105);
    assertThat(sim.requestCount("production_load_curve")).isEqualTo(1);
    assertThat(sim.requestCount("daily_consumption_max_power")).isEqualTo(1);
    assertThat(report.requests()).isEqualTo(107);

    FakeDevice device = fixture.device("Linky " + ID);
    assertThat(device.dayRows()).hasSize(730);
    assertThat(device.dayRows().firstKey()).isEqualTo(TODAY.minusDays(730));
    assertThat(device.dayRows().lastKey()).isEqualTo(TODAY.minusDays(1));
    assertThat(dayRowWrites(ID)).hasSize(730).allSatisfy((day, n) -> assertThat(n).isOne());

    MeteringData curve = fixture.client.consumptionLoadCurve(ID, TODAY.minusDays(730), TODAY);
    Map<LocalDate, long[]> expected = expectedDays(curve);
    expected.forEach(
        (day, registers) ->
            assertThat(device.dayRows().get(day).energy())
                .as(day.toString())
                .isEqualTo(new P1Energy(registers[0], registers[1], 0, 0)));
    // The fake, like Domoticz, already deleted the points older than its 7 days of short log.
    LocalDateTime kept = LocalDateTime.now(fixture.clock).minusDays(7);
    assertThat(device.shortLog().firstKey()).isAfter(kept);
    assertThat(device.shortLog().lastKey()).isEqualTo(TODAY.atStartOfDay());
    assertThat(device.shortLog().keySet())
        .containsExactlyElementsOf(
            meter(report).hourlyPoints().stream()
                .map(SyncReport.HourlyPoint::end)
                .filter(end -> end.isAfter(kept))
                .toList());
    SyncReport.Meter meter = meter(report);
    assertThat(meter.dayRows()).hasSize(730);
    assertThat(meter.hourlyPoints()).hasSize(7 * 24);

    long[] yesterday = expected.get(TODAY.minusDays(1));
    MaxPowerReading peak =
        fixture.client.dailyConsumptionMaxPower(ID, TODAY.minusDays(1), TODAY).maxPowers().get(0);
    assertThat(device.sValue())
        .isEqualTo(yesterday[0] + ";" + yesterday[1] + ";0;0;" + peak.apparentPower() + ";0");
    assertThat(report.messages())
        .extracting(UserMessage::key)
        .contains(UserMessage.Key.COMPLETE_HISTORY, UserMessage.Key.NEXT_CONNECTION);
    assertThat(report.nextRun())
        .isAfter(
            TODAY.plusDays(1).atTime(8, 0).atZone(SyncFixture.PARIS).toInstant().minusSeconds(1))
        .isBefore(TODAY.plusDays(1).atTime(9, 0).atZone(SyncFixture.PARIS).toInstant());
  }

  @Test
  void dailyEndpointFillsOlderDays() throws Exception {
    RecordingTarget target = new RecordingTarget();
    SyncSettings settings =
        SyncSettings.builder()
            .otherViewDays(1095)
            .dailyEndpointForOlderDays(true)
            .offPeakSchedule("22h00-6h00")
            .build();

    SyncReport report = fixture.sync(settings, List.of(ID), target).build().runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(fixture.simulator.requests())
        .filteredOn(r -> r.path().endsWith("/daily_consumption"))
        .hasSize(1);
    LocalDate curveStart = TODAY.minusMonths(24);
    assertThat(target.dayRows(ID)).hasSize(1095);
    assertThat(target.dayRows(ID).firstKey()).isEqualTo(TODAY.minusDays(1095));
    var daily = fixture.client.dailyConsumption(ID, TODAY.minusDays(1095), curveStart);
    assertThat(daily.dailyEnergies())
        .hasSize((int) (curveStart.toEpochDay() - TODAY.minusDays(1095).toEpochDay()));
    for (var day : daily.dailyEnergies()) {
      long wattHours = day.energy().wattHours(java.math.RoundingMode.HALF_UP);
      // Count the real minutes of the day whose wall-clock hour is off-peak: 420 of 1380 on
      // the spring clock-change day, 540 of 1500 on the autumn one, 480 of 1440 otherwise.
      long dayMinutes = 0;
      long offPeakMinutes = 0;
      for (var t = day.date().atStartOfDay(SyncFixture.PARIS);
          t.isBefore(day.date().plusDays(1).atStartOfDay(SyncFixture.PARIS));
          t = t.plusMinutes(1)) {
        dayMinutes++;
        int hour = t.withZoneSameInstant(SyncFixture.PARIS).getHour();
        if (hour >= 22 || hour < 6) {
          offPeakMinutes++;
        }
      }
      long offPeak = Math.round((double) wattHours * offPeakMinutes / dayMinutes);
      P1Energy row = target.dayRows(ID).get(day.date());
      assertThat(row.usage1() + row.usage2()).as(day.date().toString()).isEqualTo(wattHours);
      assertThat(row.usage2()).as(day.date().toString()).isBetween(offPeak - 1, offPeak + 1);
    }
    assertThat(target.dayRows(ID).get(curveStart)).isEqualTo(expectedRow(curveStart));
  }

  private P1Energy expectedRow(LocalDate day) throws Exception {
    long[] registers =
        expectedDays(fixture.client.consumptionLoadCurve(ID, day, day.plusDays(1))).get(day);
    return new P1Energy(registers[0], registers[1], 0, 0);
  }

  static SyncReport.Meter meter(SyncReport report) {
    return report.meter(ID).orElseThrow();
  }

  /** Counts the day-row writes per date in the fake Domoticz's request log. */
  Map<LocalDate, Integer> dayRowWrites(String meterId) {
    Map<LocalDate, Integer> writes = new TreeMap<>();
    for (var url : fixture.domoticz.domoticz().requests()) {
      String sValue = url.queryParameter("svalue");
      if ("udevice".equals(url.queryParameter("param")) && sValue != null) {
        String[] fields = sValue.split(";");
        String last = fields[fields.length - 1];
        if (last.length() == 10) {
          writes.merge(LocalDate.parse(last), 1, Integer::sum);
        }
      }
    }
    return writes;
  }
}
