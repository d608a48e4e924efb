package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.testing.DevicePoll;
import io.github.linkyj.core.testing.EnedisSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConsentCommandTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), Cli.PARIS);

  @TempDir Path dir;
  private EnedisSimulator simulator;
  private Map<String, String> environment;

  @BeforeEach
  void startSimulator() throws Exception {
    simulator =
        EnedisSimulator.builder(CLOCK)
            .sandboxCustomer(0)
            .sandboxCustomer(3)
            .pollInterval(Duration.ofSeconds(1))
            .start();
    environment =
        Map.of(
            "LINKY_SOURCE", "proxy",
            "LINKY_SOURCE_URL", simulator.baseUrl(),
            "LINKY_SOURCE_CLIENT_ID", simulator.clientId(),
            "LINKY_TOKEN_FILE", dir.resolve("token.json").toString());
  }

  @AfterEach
  void stopSimulator() throws Exception {
    simulator.close();
  }

  @Test
  void approvedConsentStoresTokens() {
    Cli.Result result = Cli.run(environment, CLOCK, "consent");

    assertThat(result.exitCode()).as(result.err()).isZero();
    String userCode = simulator.lastUserCode().orElseThrow();
    assertThat(result.out())
        .contains("  1. open   " + simulator.baseUrl() + "device\n")
        .contains("  2. enter  " + userCode + "\n")
        .contains("which opens " + simulator.baseUrl() + "device?code=" + userCode)
        .contains("\u2588")
        .contains("Consent received and stored.")
        .contains("Usage points (3): 22516914714270, 12345678901234, 10284856584123");
    assertThat(Files.exists(dir.resolve("token.json"))).isTrue();
  }

  @Test
  void deniedConsentExitsWithCode3() {
    simulator.scriptDevicePolls(DevicePoll.DENIED);

    Cli.Result result = Cli.run(environment, CLOCK, "consent");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err())
        .contains("the user denied the request; start a new device authorization")
        .contains("Run 'linky consent'");
    assertThat(Files.exists(dir.resolve("token.json"))).isFalse();
  }

  @Test
  @Timeout(30)
  void ctrlCCancelsWaitWithCode130() throws Exception {
    try (EnedisSimulator manual =
        EnedisSimulator.builder(CLOCK)
            .sandboxCustomer(0)
            .pollInterval(Duration.ofSeconds(1))
            .manualApproval()
            .start()) {
      Map<String, String> settings = new HashMap<>(environment);
      settings.put("LINKY_SOURCE_URL", manual.baseUrl());
      settings.put("LINKY_SOURCE_CLIENT_ID", manual.clientId());
      CommandLine commandLine = LinkyCommand.commandLine(settings, CLOCK, false);
      List<Runnable> hooks = new CopyOnWriteArrayList<>();
      ((LinkyCommand) commandLine.getCommand())
          .shutdownHooks(
              (name, action) -> {
                hooks.add(action);
                return () -> hooks.remove(action);
              });
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      ExecutorService executor = Executors.newSingleThreadExecutor();
      try {
        Future<Integer> consent = executor.submit(() -> commandLine.execute("consent"));
        while (hooks.isEmpty()) {
          Thread.sleep(20);
        }

        hooks.get(0).run();

        assertThat(consent.get(10, TimeUnit.SECONDS)).isEqualTo(130);
        assertThat(out.toString()).contains("Waiting for the consent (Ctrl-C cancels)...");
        assertThat(err.toString()).isEqualTo("linky consent: stopped\n");
        assertThat(Files.exists(dir.resolve("token.json"))).isFalse();
      } finally {
        executor.shutdownNow();
      }
    }
  }

  @Test
  void fetchAfterConsentPrintsCsv() {
    Cli.run(environment, CLOCK, "consent");

    Cli.Result result =
        Cli.run(
            environment,
            CLOCK,
            "fetch",
            "--kind",
            "daily_consumption",
            "--usage-point",
            "22516914714270",
            "--from",
            "2026-02-20",
            "--to",
            "2026-02-27");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().lines().toList())
        .hasSize(8)
        .first()
        .isEqualTo("usage_point_id,kind,date,energy_wh");
    assertThat(result.out()).contains("22516914714270,daily_consumption,2026-02-20,");
  }

  @Test
  void fetchWritesJsonFile() throws Exception {
    Cli.run(environment, CLOCK, "consent");
    Path output = dir.resolve("curve.json");

    Cli.Result result =
        Cli.run(
            environment,
            CLOCK,
            "fetch",
            "--kind=consumption_load_curve",
            "--usage-point=22516914714270",
            "--from=2026-02-28",
            "--to=2026-03-01",
            "--format=json",
            "--output=" + output);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEmpty();
    String json = Files.readString(output);
    assertThat(json).startsWith("[").contains("\"average_power_w\": ");
    assertThat(json.split("\"start\"", -1)).hasSize(49);
  }

  @Test
  void fetchToMissingDirectoryExitsTwo() {
    Path output = dir.resolve("absent").resolve("x.csv");

    Cli.Result result =
        Cli.run(
            environment,
            CLOCK,
            "fetch",
            "--kind=daily_consumption",
            "--usage-point=22516914714270",
            "--from=2026-02-20",
            "--to=2026-03-01",
            "--output=" + output);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "linky fetch: Invalid --output "
                + output
                + ": the directory "
                + output.getParent()
                + " does not exist. Create it or choose another path."
                + System.lineSeparator());
  }

  @Test
  void fetchOutsideConsentExitsTwo() {
    Cli.run(environment, CLOCK, "consent");

    Cli.Result result =
        Cli.run(
            environment,
            CLOCK,
            "fetch",
            "--kind=daily_consumption",
            "--usage-point=99999999999999",
            "--from=2026-02-20",
            "--to=2026-03-01");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "linky fetch: Invalid --usage-point 99999999999999: it is not in the consent, which"
                + " covers 22516914714270, 12345678901234, 10284856584123. Give one of those, or run 'linky consent' again to"
                + " include it."
                + System.lineSeparator());
  }

  @Test
  void fetchWithoutConsentExitsWithCode3() {
    Cli.Result result =
        Cli.run(
            environment,
            CLOCK,
            "fetch",
            "--kind",
            "daily_consumption",
            "--usage-point",
            "22516914714270",
            "--from",
            "2026-02-20",
            "--to",
            "2026-02-27");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).contains("Run 'linky consent'");
  }

  @Test
  void fetchRejectsReversedRange() {
    Cli.Result result =
        Cli.run(
            environment,
            CLOCK,
            "fetch",
            "--kind",
            "daily_consumption",
            "--usage-point",
            "22516914714270",
            "--from",
            "2026-02-27",
            "--to",
            "2026-02-20");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "linky fetch: Invalid range --from 2026-02-27 --to 2026-02-20: --to is exclusive and"
                + " must be later\n");
  }

  @Test
  void missingSourceUrlNamesSetting() {
    Cli.Result result =
        Cli.run(Map.of("LINKY_TOKEN_FILE", dir.resolve("t.json").toString()), CLOCK, "consent");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "linky consent: Missing setting source.url (Base URL of the consent proxy, Enedis"
                + " gateway or third party). Set source.url in the configuration file or"
                + " LINKY_SOURCE_URL.\n");
  }

  @Test
  void sandboxDebugLevelNeedsNoSource() {
    Cli.Result result = Cli.run(Map.of(), CLOCK, "consent", "--debug", "sandbox-3");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("Consent given on the Enedis simulator, sandbox customer 3")
        .contains("Usage points (2): 12345678901234, 10284856584123");
  }

  @Test
  void gatewayTokenDecoded() {
    String token =
        EnedisSimulator.mintGatewayToken(
            java.util.List.of("22516914714270"),
            Instant.parse("2026-03-01T00:00:00Z"),
            Duration.ofDays(30));
    Map<String, String> gateway =
        Map.of(
            "LINKY_SOURCE",
            "gateway",
            "LINKY_SOURCE_URL",
            simulator.baseUrl(),
            "LINKY_GATEWAY_TOKEN",
            token);

    Cli.Result result = Cli.run(gateway, CLOCK, "consent");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("Usage points (1): 22516914714270")
        .contains("It expires at 2026-03-31T00:00:00Z");
  }

  @Test
  void dataConnectCredentialsChecked() {
    Map<String, String> direct =
        Map.of(
            "LINKY_SOURCE", "data-connect",
            "LINKY_SOURCE_URL", simulator.baseUrl(),
            "LINKY_SOURCE_CLIENT_ID", simulator.enedisClientId(),
            "LINKY_SOURCE_CLIENT_SECRET", simulator.enedisClientSecret(),
            "LINKY_USAGE_POINTS", "22516914714270");

    Cli.Result result = Cli.run(direct, CLOCK, "consent");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("Enedis accepted the client id and secret")
        .contains("usage-points: 22516914714270");
  }

  @Test
  void secretOptionDoesNotExist() {
    Cli.Result result = Cli.run(environment, CLOCK, "consent", "--source-client-secret", "x");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).doesNotContain("'x'");
    assertThat(result.err())
        .startsWith("linky consent: unknown option(s) '--source-client-secret'.")
        .contains("Set the environment variable LINKY_SOURCE_CLIENT_SECRET");
  }
}
