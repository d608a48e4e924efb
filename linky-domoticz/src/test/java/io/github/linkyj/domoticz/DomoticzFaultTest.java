package io.github.linkyj.domoticz;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs {@link DomoticzFaultScenario} against the fake, on a fixed Paris morning. */
class DomoticzFaultTest {
  @TempDir Path state;

  @ParameterizedTest
  @EnumSource(DomoticzFaultScenario.Fault.class)
  void faultLeavesNoGap(DomoticzFaultScenario.Fault fault) throws Exception {
    MutableClock clock =
        new MutableClock(
            LocalDateTime.of(2026, 12, 4, 9, 17).atZone(SyncFixture.PARIS).toInstant(),
            SyncFixture.PARIS);
    try (FakeDomoticzServer fake =
        new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock).shortLogDays(2))) {
      DomoticzFaultScenario.run(fault, fake.url(), DomoticzAuth.none(), clock, "Linky", state);
    }
  }
}
