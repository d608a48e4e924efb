package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the live sync scenario against the fake, so its code path is tested in every build. */
class LiveSyncScenarioOnFakeTest {
  @TempDir Path state;

  @Test
  void syncScenarioPassesOnFake() throws Exception {
    Clock clock = Clock.system(ZoneId.of("Europe/Paris"));
    try (FakeDomoticzServer fake =
        new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock).shortLogDays(2))) {
      DomoticzClient client = fake.client().clock(clock).build();

      SyncReport report = LiveSyncScenario.run(client, clock, "Linky sync test", state);

      assertThat(report.meters()).hasSize(3);
      assertThat(fake.domoticz().devices()).hasSize(3);
    }
  }
}
