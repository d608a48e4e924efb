package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Runs the live-Domoticz scenario against the fake, so its code path is tested in every build. */
class LiveScenarioOnFakeTest {
  private final MutableClock clock = MutableClock.atRecording();

  @Test
  void scenarioPassesOnTrustedFake() throws Exception {
    try (FakeDomoticzServer fake = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock))) {
      DomoticzClient client = fake.client().clock(clock).build();

      P1Device device = LiveScenario.run(client, clock, "Linky test 1");

      FakeDevice stored = fake.domoticz.devices().get(device.idx());
      assertThat(stored.dayRows()).hasSize(5);
      assertThat(stored.dayRows().get(LocalDate.parse("2026-12-02")).energy())
          .isEqualTo(new P1Energy(12345678901L, 1, 2, 3));
      assertThat(stored.shortLog()).hasSize(6);
      assertThat(stored.sValue()).isEqualTo("8125856;11236382;102345;1534360;700;0");
      assertThat(fake.domoticz.logMessages())
          .containsExactly("2:Linky for Java: test run on Linky test 1");
    }
  }

  @Test
  void scenarioPassesWithSessionLogin() throws Exception {
    FakeDomoticz domoticz = FakeDomoticz.withUser("admin", "pw", clock).shortLogDays(7);
    try (FakeDomoticzServer fake = new FakeDomoticzServer(domoticz)) {
      DomoticzClient client =
          fake.client().auth(DomoticzAuth.session("admin", "pw")).clock(clock).build();

      LiveScenario.run(client, clock, "Linky test 2");

      assertThat(fake.domoticz.hardware()).containsValue("Linky test 2");
    }
  }

  @Test
  void scenarioPassesOnOldStyleVersion() throws Exception {
    FakeDomoticz domoticz = FakeDomoticz.trustedNetwork(clock).version("2023.1");
    try (FakeDomoticzServer fake = new FakeDomoticzServer(domoticz)) {
      DomoticzClient client = fake.client().clock(clock).build();

      LiveScenario.run(client, clock, "Linky test 3");

      assertThat(fake.domoticz.devices()).hasSize(1);
    }
  }
}
