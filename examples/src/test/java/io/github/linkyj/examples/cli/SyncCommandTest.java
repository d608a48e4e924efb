package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.domoticz.FakeDevice;
import io.github.linkyj.domoticz.FakeDomoticz;
import io.github.linkyj.domoticz.FakeDomoticzServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCommandTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), Cli.PARIS);
  private static final String DEVICE = "Linky 22516914714270";

  @TempDir Path dir;
  private FakeDomoticzServer domoticz;
  private Map<String, String> environment;

  @BeforeEach
  void startDomoticz() throws Exception {
    domoticz = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(CLOCK).shortLogDays(7));
    environment = new HashMap<>();
    environment.put("LINKY_DOMOTICZ_URL", domoticz.url());
    environment.put("LINKY_STATE_DIR", dir.resolve("state").toString());
  }

  @AfterEach
  void stopDomoticz() throws Exception {
    domoticz.close();
  }

  private FakeDevice device(String name) {
    return domoticz.domoticz().devices().values().stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No device " + name));
  }

  @Test
  void sandboxSyncWritesRowsAndExitsZero() {
    Cli.Result result = Cli.run(environment, CLOCK, "sync", "--debug", "sandbox-0");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains(DEVICE + ": 7 day rows, 168 hourly points, dashboard updated")
        .containsPattern(
            "Sync completed; next run 20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(Paris time\\)\\.");
    FakeDevice device = device(DEVICE);
    assertThat(device.dayRows().keySet()).first().isEqualTo(LocalDate.parse("2026-02-23"));
    assertThat(device.dayRows().lastKey()).isEqualTo(LocalDate.parse("2026-03-01"));
    assertThat(device.shortLog()).isNotEmpty();
    assertThat(Files.isDirectory(dir.resolve("state"))).isTrue();
  }

  @Test
  void secondSyncWritesNoDayTwice() {
    Cli.run(environment, CLOCK, "sync", "--debug", "sandbox-0");
    int rows = device(DEVICE).dayRows().size();

    Cli.Result second = Cli.run(environment, CLOCK, "sync", "--debug", "sandbox-0");

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(device(DEVICE).dayRows()).hasSize(rows);
  }

  @Test
  void missingConsentExitsWithCode3() throws Exception {
    try (EnedisSimulator simulator = EnedisSimulator.builder(CLOCK).sandboxCustomer(0).start()) {
      environment.put("LINKY_SOURCE_URL", simulator.baseUrl());
      environment.put("LINKY_SOURCE_CLIENT_ID", simulator.clientId());
      environment.put("LINKY_TOKEN_FILE", dir.resolve("token.json").toString());

      Cli.Result result = Cli.run(environment, CLOCK, "sync");

      assertThat(result.exitCode()).isEqualTo(3);
      assertThat(result.err())
          .contains("linky sync: no valid Enedis consent")
          .contains("Run 'linky consent' (with the same configuration), then sync again.");
      assertThat(domoticz.domoticz().devices()).isEmpty();
    }
  }

  @Test
  void resetConsentClearsTokensOnce() throws Exception {
    try (EnedisSimulator simulator =
        EnedisSimulator.builder(CLOCK)
            .sandboxCustomer(0)
            .pollInterval(Duration.ofSeconds(1))
            .approveAfterPolls(0)
            .start()) {
      environment.put("LINKY_SOURCE_URL", simulator.baseUrl());
      environment.put("LINKY_SOURCE_CLIENT_ID", simulator.clientId());
      environment.put("LINKY_TOKEN_FILE", dir.resolve("token.json").toString());
      Cli.run(environment, CLOCK, "consent");

      Cli.Result reset = Cli.run(environment, CLOCK, "sync", "--debug", "reset-consent");
      Cli.Result consent = Cli.run(environment, CLOCK, "consent");
      Cli.Result again = Cli.run(environment, CLOCK, "sync", "--debug", "reset-consent");

      assertThat(reset.exitCode()).isEqualTo(3);
      assertThat(consent.exitCode()).isZero();
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(Files.exists(dir.resolve("token.json"))).isTrue();
    }
  }

  @Test
  void unreachableDomoticzExitsWithCode4() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    environment.put("LINKY_DOMOTICZ_URL", "http://127.0.0.1:" + port + "/");

    Cli.Result result = Cli.run(environment, CLOCK, "sync", "--debug", "sandbox-0");

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.err()).startsWith("linky sync: ");
  }

  @Test
  void missingStateDirExitsWithCode2() {
    environment.remove("LINKY_STATE_DIR");

    Cli.Result result = Cli.run(environment, CLOCK, "sync", "--debug", "sandbox-0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "linky sync: Missing setting state.dir (Directory for the sync state and debug logs)."
                + " Set state.dir in the configuration file or LINKY_STATE_DIR.\n");
  }

  @Test
  void optionBeatsEnvironmentBeatsFile() throws Exception {
    Path file = dir.resolve("linky.conf");
    Files.writeString(file, "days.history = 5\ndays.hourly = 1\n");
    environment.put("LINKY_CONFIG", file.toString());

    environment.put("LINKY_DAYS_HISTORY", "4");
    Cli.Result withOption =
        Cli.run(environment, CLOCK, "sync", "--debug", "sandbox-0", "--days-history", "3");
    environment.put("LINKY_STATE_DIR", dir.resolve("state-2").toString());
    Cli.Result withEnvironment = Cli.run(environment, CLOCK, "sync", "--debug", "sandbox-0");
    environment.remove("LINKY_DAYS_HISTORY");
    environment.put("LINKY_STATE_DIR", dir.resolve("state-3").toString());
    Cli.Result withFile = Cli.run(environment, CLOCK, "sync", "--debug", "sandbox-0");

    assertThat(withOption.out()).contains(DEVICE + ": 3 day rows, 24 hourly points");
    assertThat(withEnvironment.out()).contains(DEVICE + ": 4 day rows, 24 hourly points");
    assertThat(withFile.out()).contains(DEVICE + ": 5 day rows, 24 hourly points");
  }

  @Test
  void secretInConfigFileRejected() throws Exception {
    Path file = dir.resolve("linky.conf");
    Files.writeString(file, "domoticz.password = hunter2\n");

    Cli.Result result =
        Cli.run(environment, CLOCK, "sync", "--config", file.toString(), "--debug", "sandbox-0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("Key 'domoticz.password' in configuration file " + file + " contains a secret")
        .doesNotContain("hunter2");
  }

  @Test
  void invalidDebugLevelNamesAccepted() {
    Cli.Result result = Cli.run(environment, CLOCK, "sync", "--debug", "loud");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "linky sync: Invalid value 'loud' for debug (from option --debug): expected off,"
                + " simple, advanced, reset-consent, reset-cache or sandbox-0 to sandbox-8.\n");
  }

  @Test
  void usagePointOutsideConsentRejected() {
    environment.put("LINKY_USAGE_POINTS", "22516914714270, 99999999999999");

    Cli.Result result = Cli.run(environment, CLOCK, "sync", "--debug", "sandbox-0");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "linky sync: Usage point 99999999999999 of usage-points (from environment variable"
                + " LINKY_USAGE_POINTS) is not in the consent, which covers 22516914714270. Run"
                + " 'linky consent' again to include it, or remove it from usage-points."
                + System.lineSeparator());
    assertThat(domoticz.domoticz().devices()).isEmpty();
  }

  @Test
  void badSettingsReportedBeforeDomoticz() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    environment.put("LINKY_DOMOTICZ_URL", "http://127.0.0.1:" + port + "/");
    environment.put("LINKY_LANGUAGE", "de");
    environment.put("LINKY_DAYS_HOURLY", "12");

    Cli.Result result = Cli.run(environment, CLOCK, "sync", "--debug", "sandbox-0");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    String n = System.lineSeparator();
    assertThat(result.err())
        .isEqualTo(
            "linky sync: 2 invalid settings:"
                + n
                + "Invalid value 'de' for language (from environment variable LINKY_LANGUAGE):"
                + " expected en (English) or fr (French)."
                + n
                + "Invalid value '12' for days.hourly (from environment variable"
                + " LINKY_DAYS_HOURLY): expected a whole number from 0 to 7."
                + n);
  }

  @Test
  void missingConfigFromEnvironmentNamed() {
    Path absent = dir.resolve("absent.conf");
    environment.put("LINKY_CONFIG", absent.toString());

    Cli.Result result = Cli.run(environment, CLOCK, "sync", "--debug", "sandbox-0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "linky sync: Configuration file not found: "
                + absent
                + " (from LINKY_CONFIG). Create it from examples/linky.conf.sample or unset"
                + " LINKY_CONFIG."
                + System.lineSeparator());
  }
}
