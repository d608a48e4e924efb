package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.DailyEnergy;
import io.github.linkyj.core.MeteringKind;
import io.github.linkyj.core.MeteringParser;
import io.github.linkyj.domoticz.FakeDomoticz;
import io.github.linkyj.domoticz.FakeDomoticzServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), Cli.PARIS);

  @TempDir Path dir;

  @Test
  void generatedDemoPrintsThreeHouseholds() {
    Cli.Result result = Cli.run(Map.of(), CLOCK, "demo");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("today is 2026-03-02 (Paris)")
        .contains("  2. enter  ")
        .contains("Consent received for ")
        .contains("=== Sandbox customer 0: consumption with load curve, no holes")
        .contains("=== Sandbox customer 3: one consumption point and one production point")
        .contains("=== Sandbox customer 4: ")
        .contains("Linky 12345678901234 / 10284856584123    12345678901234, 10284856584123")
        .contains(
            "  DATE        CONSUMPTION       PEAK   OFF-PEAK   PRODUCTION       PEAK   OFF-PEAK")
        .contains("Hourly short-log points written: 168")
        .contains("  Dashboard: U1 ")
        .doesNotContain("Linky 22516914714270 / 10284856584123");
    List<String> customer0 =
        result
            .out()
            .lines()
            .dropWhile(l -> !l.startsWith("Linky 22516914714270: day rows"))
            .toList();
    assertThat(customer0.get(1)).startsWith("  DATE ");
    assertThat(customer0.get(2)).startsWith("  2026-02-23 ");
    assertThat(customer0.get(8)).startsWith("  2026-03-01 ");
  }

  @Test
  void dayRowPeakAndOffPeakAddUp() {
    Cli.Result result = Cli.run(Map.of(), CLOCK, "demo", "--customers", "0");

    List<String> rows =
        result.out().lines().filter(l -> l.matches("  2026-\\d\\d-\\d\\d .*")).toList();
    assertThat(rows).hasSize(7);
    for (String row : rows) {
      String[] cells = row.trim().split(" +");
      long total = Long.parseLong(cells[1]);
      assertThat(Long.parseLong(cells[2]) + Long.parseLong(cells[3])).as(row).isEqualTo(total);
      assertThat(Long.parseLong(cells[3])).as(row).isPositive();
    }
  }

  @Test
  void recordedDemoMatchesRecordedDailyValues() throws Exception {
    Path data = Files.createDirectory(dir.resolve("recorded"));
    try (var files = Files.list(Cli.recordedDirectory())) {
      for (Path file : files.toList()) {
        Files.copy(file, data.resolve(file.getFileName().toString()));
      }
    }
    String daily = Files.readString(data.resolve("daily_consumption_2020-12-03_2020-12-10.json"));
    List<DailyEnergy> recorded =
        MeteringParser.parse(MeteringKind.DAILY_CONSUMPTION, daily).dailyEnergies();

    Cli.Result result =
        Cli.run(Map.of(), CLOCK, "demo", "--data", data.toString(), "--today", "2020-12-09");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("=== Usage point 22222222222222 (recorded data)")
        .contains("Left out, no recorded day in [2020-12-02, 2020-12-09): ")
        .contains("55555555555555 (2023-04-01..2023-04-01)")
        .contains("  2020-12-02        29260 ")
        .contains("Hourly short-log points written: 168");
    for (DailyEnergy day : recorded.subList(0, 6)) {
      String wattHours = MeteringWriter.wattHours(day.energy());
      assertThat(result.out()).contains(String.format("  %-10s %12s ", day.date(), wattHours));
    }
  }

  @Test
  void demoWritesIntoDomoticz() throws Exception {
    try (FakeDomoticzServer domoticz =
        new FakeDomoticzServer(FakeDomoticz.trustedNetwork(CLOCK).shortLogDays(7))) {
      Cli.Result result =
          Cli.run(Map.of(), CLOCK, "demo", "--customers", "3", "--domoticz", domoticz.url());

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out())
          .endsWith("Written into the Domoticz at " + domoticz.url() + ", hardware \"Linky\".\n");
      assertThat(domoticz.domoticz().devices().values())
          .extracting(d -> d.name())
          .containsExactlyInAnyOrder(
              "Linky 12345678901234",
              "Linky 10284856584123",
              "Linky 12345678901234 / 10284856584123");
      assertThat(domoticz.domoticz().logMessages())
          .anyMatch(m -> m.contains("Merging consumption usage point 12345678901234"));
    }
  }

  @Test
  void stateDirKeepsTokenAndState() {
    Path state = dir.resolve("state");

    Cli.Result result =
        Cli.run(Map.of(), CLOCK, "demo", "--customers", "0", "--state-dir", state.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(Files.exists(state.resolve("token.json"))).isTrue();
    assertThat(Files.isDirectory(state.resolve("customer-0"))).isTrue();
  }

  @Test
  void missingDataDirectoryRejected() {
    Path missing = dir.resolve("nothing");

    Cli.Result result = Cli.run(Map.of(), CLOCK, "demo", "--data", missing.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "linky demo: --data "
                + missing
                + " is not a directory; give the folder of recorded Enedis responses\n");
  }

  @Test
  void domoticzUrlWithPasswordRejected() {
    Cli.Result result =
        Cli.run(Map.of(), CLOCK, "demo", "--domoticz", "http://admin:S3cretPw@127.0.0.1:9");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .doesNotContain("S3cretPw")
        .startsWith("linky demo: Invalid value for --domoticz: the URL contains a user name")
        .contains("LINKY_DOMOTICZ_PASSWORD or domoticz.password-file.");
  }

  @Test
  void emptyDataDirectoryExitsTwo() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));

    Cli.Result result = Cli.run(Map.of(), CLOCK, "demo", "--data", empty.toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "linky demo: Invalid --data: Recorded data directory "
                + empty
                + " has no metering file: name files <kind>_<start>_<end>[_note].json"
                + System.lineSeparator());
  }

  @Test
  void corruptDataFileExitsTwo() throws Exception {
    Path corrupt = Files.createDirectory(dir.resolve("corrupt"));
    Files.writeString(
        corrupt.resolve("consumption_load_curve_2026-02-01_2026-03-01.json"),
        "{\"meter_reading\": {\"usage_point_id\": \"2251");

    Cli.Result result = Cli.run(Map.of(), CLOCK, "demo", "--data", corrupt.toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "linky demo: Invalid --data: Invalid JSON in recorded file "
                + corrupt.resolve("consumption_load_curve_2026-02-01_2026-03-01.json"));
  }

  @Test
  void revokedConsentCustomerExplained() {
    Cli.Result result = Cli.run(Map.of(), CLOCK, "demo", "--customers", "8");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .contains(
            "=== Sandbox customer 8: consent given then revoked (403 ADAM-DC-0008)"
                + System.lineSeparator()
                + "Nothing fetched: the simulator answers this customer as Enedis answers after a"
                + " revoked consent (HTTP 403 ADAM-DC-0008), so linky stops and exits with 3."
                + " With a real meter, 'linky consent' asks for the consent again.")
        .doesNotContain("(no day row written)");
  }

  @Test
  void repeatedCustomerSyncedOnce() {
    Cli.Result result = Cli.run(Map.of(), CLOCK, "demo", "--customers", "0,0");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().split("=== Sandbox customer 0:", -1)).hasSize(2);
    assertThat(result.out()).doesNotContain("(no day row written)");
  }

  @Test
  void daysOutOfRangeNamesOption() {
    Cli.Result result = Cli.run(Map.of(), CLOCK, "demo", "--days", "1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "linky demo: Invalid value 1 for --days: expected a whole number from 2 to 1095"
                + System.lineSeparator());
  }

  @Test
  void recordedGapLeavesPointOut() throws Exception {
    Cli.Result result =
        Cli.run(
            Map.of(),
            CLOCK,
            "demo",
            "--data",
            Cli.recordedDirectory().toString(),
            "--today",
            "2022-03-08");

    assertThat(result.out())
        .contains("Left out, no recorded day in [2022-03-01, 2022-03-08): ")
        .contains("11111111111111 (2021-01-01..2021-12-31, 2022-03-23..2022-03-23)")
        .doesNotContain("=== Usage point 11111111111111");
  }
}
