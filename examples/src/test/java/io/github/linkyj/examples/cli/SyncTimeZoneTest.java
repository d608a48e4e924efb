package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.domoticz.FakeDomoticz;
import io.github.linkyj.domoticz.FakeDomoticzServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code linky sync} on a machine whose zone is not Paris, with Domoticz in Paris time. */
class SyncTimeZoneTest {
  /** 09:20 in Paris: Domoticz has deleted the hourly point of 09:00 seven days ago, not 10:00. */
  private static final Instant NOW = Instant.parse("2026-03-02T08:20:00Z");

  @TempDir Path dir;

  @Test
  void utcMachineChecksShortLogInParisTime() throws Exception {
    Clock paris = Clock.fixed(NOW, Cli.PARIS);
    try (FakeDomoticzServer domoticz =
        new FakeDomoticzServer(FakeDomoticz.trustedNetwork(paris).shortLogDays(7))) {
      Map<String, String> environment =
          Map.of(
              "LINKY_DOMOTICZ_URL", domoticz.url(),
              "LINKY_STATE_DIR", dir.toString());

      Cli.Result result =
          Cli.run(environment, Clock.fixed(NOW, ZoneOffset.UTC), "sync", "--debug", "sandbox-0");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.err()).doesNotContain("did not store");
      assertThat(result.out()).contains("Linky 22516914714270: 7 day rows, 168 hourly points");
    }
  }
}
