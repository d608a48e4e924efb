package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.DataSource;
import io.github.linkyj.core.IntervalReading;
import io.github.linkyj.core.LinkyClient;
import io.github.linkyj.core.RateLimits;
import io.github.linkyj.core.auth.ClientCredentialsConfig;
import io.github.linkyj.core.auth.ClientCredentialsTokenProvider;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.domoticz.sync.SyncSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A full sync from the Enedis simulator into a Domoticz server, then a read-back of every device.
 * The simulator serves sandbox customer 3, a consumption point and a production point. The stored
 * day totals, hourly points and dashboard values are compared with values worked out from the
 * simulator's own data.
 */
final class LiveSyncScenario {
  static final String C = "12345678901234";
  static final String P = "10284856584123";
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final int DAYS = 14;

  private LiveSyncScenario() {}

  /**
   * Runs the scenario.
   *
   * @param domoticz a client of the server, on {@code clock}
   * @param clock the clock of the simulator and the sync, in Europe/Paris
   * @param hardwareName a hardware name that no other run uses
   * @param stateDirectory where the sync state and debug log go
   */
  static SyncReport run(
      DomoticzClient domoticz, Clock clock, String hardwareName, Path stateDirectory)
      throws Exception {
    try (EnedisSimulator simulator = EnedisSimulator.builder(clock).sandboxCustomer(3).start()) {
      LinkyClient client = client(simulator, clock);
      int hourlyDays = Math.min(2, domoticz.shortLogDays());
      SyncSettings settings =
          SyncSettings.builder()
              .otherViewDays(DAYS)
              .hourlyViewDays(hourlyDays)
              .offPeakSchedule("22h00-6h00")
              .hardwareName(hardwareName)
              .build();
      LinkySync sync =
          LinkySync.builder()
              .client(client)
              .usagePointIds(List.of(C, P))
              .settings(settings)
              .target(new DomoticzTarget(domoticz))
              .stateDirectory(stateDirectory)
              .debugDirectory(stateDirectory)
              .clock(clock)
              .allowNightTraffic(true)
              .build();

      SyncReport report = sync.runOnce();

      assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
      assertThat(report.problems()).isEmpty();
      LocalDate today = LocalDate.now(clock);
      Map<LocalDate, P1Energy> consumed =
          expectedDays(
              client.consumptionLoadCurve(C, today.minusDays(DAYS), today).intervals(), false);
      Map<LocalDate, P1Energy> produced =
          expectedDays(
              client.productionLoadCurve(P, today.minusDays(DAYS), today).intervals(), true);
      Map<LocalDate, P1Energy> merged = new TreeMap<>();
      consumed.forEach((day, energy) -> merged.merge(day, energy, P1Energy::plus));
      produced.forEach((day, energy) -> merged.merge(day, energy, P1Energy::plus));
      long peak =
          client
              .dailyConsumptionMaxPower(C, today.minusDays(1), today)
              .maxPowers()
              .get(0)
              .apparentPower();

      DomoticzHardware hardware = domoticz.findOrCreateHardware(hardwareName);
      check(domoticz, clock, hardware, report, C, P1Device.nameFor(C), consumed, peak, today);
      check(domoticz, clock, hardware, report, P, P1Device.nameFor(P), produced, 0, today);
      check(
          domoticz,
          clock,
          hardware,
          report,
          C + " / " + P,
          P1Device.nameFor(C, P),
          merged,
          peak,
          today);
      return report;
    }
  }

  private static LinkyClient client(EnedisSimulator simulator, Clock clock) {
    return LinkyClient.builder()
        .source(DataSource.ENEDIS_DIRECT)
        .baseUrl(simulator.baseUrl())
        .tokenProvider(
            ClientCredentialsTokenProvider.builder(
                    ClientCredentialsConfig.of(
                        simulator.baseUrl(),
                        simulator.enedisClientId(),
                        simulator.enedisClientSecret()))
                .clock(clock)
                .build())
        .clock(clock)
        .zone(PARIS)
        .rateLimits(RateLimits.of(1000, 100_000))
        .build();
  }

  /** Returns each day's registers: the curve split at 22:00 and 06:00 by interval start. */
  static Map<LocalDate, P1Energy> expectedDays(List<IntervalReading> curve, boolean production) {
    Map<LocalDate, long[]> wattMinutes = new TreeMap<>();
    for (IntervalReading r : curve) {
      int hour = r.start().getHour();
      boolean offPeak = hour >= 22 || hour < 6;
      wattMinutes.computeIfAbsent(r.day(), d -> new long[2])[offPeak ? 1 : 0] +=
          r.energy().wattMinutes();
    }
    Map<LocalDate, P1Energy> days = new TreeMap<>();
    wattMinutes.forEach(
        (day, wm) -> {
          long peak = Math.floorDiv(wm[0] + 30, 60);
          long offPeak = Math.floorDiv(wm[1] + 30, 60);
          days.put(
              day,
              production ? new P1Energy(0, 0, peak, offPeak) : new P1Energy(peak, offPeak, 0, 0));
        });
    return days;
  }

  private static void check(
      DomoticzClient domoticz,
      Clock clock,
      DomoticzHardware hardware,
      SyncReport report,
      String meterId,
      String deviceName,
      Map<LocalDate, P1Energy> expected,
      long peak,
      LocalDate today)
      throws Exception {
    P1Device device = domoticz.findP1Device(hardware, deviceName).orElseThrow();
    assertThat(expected).hasSize(DAYS);
    Map<LocalDate, P1Energy> stored = new TreeMap<>();
    for (StoredDayRow row :
        domoticz.readDayRows(device, today.minusDays(DAYS), today.minusDays(1))) {
      stored.put(row.date(), row.energy());
    }
    assertThat(stored).as(deviceName).isEqualTo(expected);

    SyncReport.Meter meter = report.meter(meterId).orElseThrow();
    TreeSet<LocalDateTime> written = new TreeSet<>();
    meter.hourlyPoints().forEach(point -> written.add(point.end()));
    assertThat(written).isNotEmpty();
    TreeSet<LocalDateTime> kept = new TreeSet<>();
    domoticz.readShortLog(device).forEach(point -> kept.add(point.time()));
    assertThat(written).as(deviceName + " hourly points").containsAll(kept);
    // Domoticz keeps the points of its short-log days, and lists all but the oldest one.
    LocalDateTime retained = LocalDateTime.now(clock).minusDays(domoticz.shortLogDays());
    assertThat(kept.size())
        .as(deviceName + " hourly points kept")
        .isGreaterThanOrEqualTo(written.tailSet(retained, false).size() - 2);

    P1Energy yesterday = expected.get(today.minusDays(1));
    P1Reading dashboard = domoticz.readCurrentValue(device).orElseThrow();
    assertThat(dashboard)
        .as(deviceName + " dashboard")
        .isEqualTo(new P1Reading(yesterday, peak, 0));
    assertThat(meter.dashboard()).contains(dashboard);
  }
}
