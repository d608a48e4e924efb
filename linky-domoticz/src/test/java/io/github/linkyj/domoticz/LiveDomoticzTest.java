package io.github.linkyj.domoticz;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs {@link LiveScenario} against a real Domoticz named by the environment variable {@code
 * DOMOTICZ_URL}, such as {@code http://127.0.0.1:8080}. Optional: {@code DOMOTICZ_USER} and {@code
 * DOMOTICZ_PASSWORD} for a session login, plus {@code DOMOTICZ_CLIENT_ID} to use an OAuth2
 * application instead. Without {@code DOMOTICZ_URL} the test is reported as skipped.
 *
 * <p>It also runs {@link LiveSyncScenario} and every {@link DomoticzFaultScenario}; the fault
 * scenarios reach Domoticz through a {@link FaultProxy} on a loopback port.
 *
 * <p>Each run creates a new Dummy hardware with a unique name (two per fault scenario), so it never
 * writes to the user's own devices. The hardware is left in place for inspection; delete it under
 * Setup &gt; Hardware. The Domoticz server must run in this machine's time zone, because the
 * scenario dates its rows with the system clock.
 */
class LiveDomoticzTest {
  @Test
  void writesAndReadsBackHistory() throws Exception {
    String url = System.getenv("DOMOTICZ_URL");
    assumeTrue(
        url != null && !url.isBlank(),
        "DOMOTICZ_URL is not set: set it (and optionally DOMOTICZ_USER, DOMOTICZ_PASSWORD,"
            + " DOMOTICZ_CLIENT_ID) to run against a live Domoticz");
    Clock clock = Clock.systemDefaultZone();
    DomoticzClient client = DomoticzClient.builder(url).auth(auth()).clock(clock).build();

    String hardware = "Linky test " + UUID.randomUUID().toString().substring(0, 8);
    LiveScenario.run(client, clock, hardware);
  }

  @Test
  void syncsSimulatorIntoDomoticz(@TempDir Path state) throws Exception {
    String url = System.getenv("DOMOTICZ_URL");
    assumeTrue(
        url != null && !url.isBlank(),
        "DOMOTICZ_URL is not set: set it to run a full sync from the Enedis simulator into a live"
            + " Domoticz");
    Clock clock = Clock.system(ZoneId.of("Europe/Paris"));
    DomoticzClient client = DomoticzClient.builder(url).auth(auth()).clock(clock).build();

    String hardware = "Linky sync " + UUID.randomUUID().toString().substring(0, 8);
    SyncReport report = LiveSyncScenario.run(client, clock, hardware, state);

    System.out.println(
        "Synced "
            + report.meters().size()
            + " meters into hardware '"
            + hardware
            + "' at "
            + url
            + " with "
            + report.requests()
            + " Enedis requests; history, hourly points and dashboards match");
  }

  @ParameterizedTest
  @EnumSource(DomoticzFaultScenario.Fault.class)
  void faultLeavesNoGapLive(DomoticzFaultScenario.Fault fault, @TempDir Path state)
      throws Exception {
    String url = System.getenv("DOMOTICZ_URL");
    assumeTrue(
        url != null && !url.isBlank(),
        "DOMOTICZ_URL is not set: set it to run the Domoticz fault scenarios, through a loopback"
            + " fault proxy, against a live Domoticz");
    Clock clock = Clock.system(ZoneId.of("Europe/Paris"));

    String hardware = "Linky fault " + UUID.randomUUID().toString().substring(0, 8);
    DomoticzFaultScenario.run(fault, url, auth(), clock, hardware, state);
  }

  static DomoticzAuth auth() {
    String user = System.getenv("DOMOTICZ_USER");
    if (user == null || user.isBlank()) {
      return DomoticzAuth.none();
    }
    String password = System.getenv().getOrDefault("DOMOTICZ_PASSWORD", "");
    String clientId = System.getenv("DOMOTICZ_CLIENT_ID");
    return clientId == null || clientId.isBlank()
        ? DomoticzAuth.session(user, password)
        : DomoticzAuth.oauth2(clientId, user, password);
  }
}
