package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

class LogAndSettingsTest {
  private final MutableClock clock = MutableClock.atRecording();

  @Test
  void logLevelsAreSentAsNumbers() throws Exception {
    try (FakeDomoticzServer fake = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock))) {
      DomoticzClient client = fake.client().clock(clock).build();

      client.addLogMessage("Linky: 10 days imported", DomoticzLogLevel.NORMAL);
      client.addLogMessage("Linky: next connection 08:12", DomoticzLogLevel.STATUS);
      client.addLogMessage("Linky: too many failures", DomoticzLogLevel.ERROR);

      assertThat(fake.domoticz.logMessages())
          .containsExactly(
              "1:Linky: 10 days imported",
              "2:Linky: next connection 08:12",
              "4:Linky: too many failures");
      assertThat(VersionGateTest.pathAndQuery(fake.domoticz.requests().get(3)))
          .isEqualTo(
              "/json.htm?type=command&param=addlogmessage"
                  + "&message=Linky:%20too%20many%20failures&level=4");
    }
  }

  @Test
  void logMessageKeepsSpecialCharacters() throws Exception {
    try (FakeDomoticzServer fake = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock))) {
      DomoticzClient client = fake.client().clock(clock).build();

      client.addLogMessage(
          "Rendez-vous sur https://x/?a=1&b=2 + code ÉTÉ 50%", DomoticzLogLevel.ERROR);

      assertThat(fake.domoticz.logMessages())
          .containsExactly("4:Rendez-vous sur https://x/?a=1&b=2 + code ÉTÉ 50%");
    }
  }

  @Test
  void blankLogMessageIsRejected() {
    DomoticzClient client = DomoticzClient.builder("http://127.0.0.1:1").build();

    assertThatThrownBy(() -> client.addLogMessage(" ", DomoticzLogLevel.STATUS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Missing log message: Domoticz rejects an empty one");
  }

  @Test
  void recordedSettingsGiveOneDay() throws Exception {
    MockWebServer server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
    try (server) {
      server.enqueue(Recorded.of("getversion.json").toResponse());
      server.enqueue(Recorded.of("getsettings.json").toResponse());
      DomoticzClient client = DomoticzClient.builder(server.url("/").toString()).build();

      assertThat(client.shortLogDays()).isEqualTo(1);
      server.takeRequest();
      assertThat(server.takeRequest().getPath())
          .isEqualTo(Recorded.of("getsettings.json").pathAndQuery());
    }
  }

  @Test
  void shortLogDaysFollowsSetting() throws Exception {
    FakeDomoticz domoticz = FakeDomoticz.trustedNetwork(clock).shortLogDays(7);
    try (FakeDomoticzServer fake = new FakeDomoticzServer(domoticz)) {
      DomoticzClient client = fake.client().clock(clock).build();

      assertThat(client.shortLogDays()).isEqualTo(7);
    }
  }

  @Test
  void oldVersionReadsSettingsByType() throws Exception {
    FakeDomoticz domoticz = FakeDomoticz.trustedNetwork(clock).version("2022.2").shortLogDays(3);
    try (FakeDomoticzServer fake = new FakeDomoticzServer(domoticz)) {
      DomoticzClient client = fake.client().clock(clock).build();

      assertThat(client.shortLogDays()).isEqualTo(3);
      assertThat(VersionGateTest.pathAndQuery(fake.domoticz.requests().get(1)))
          .isEqualTo("/json.htm?type=settings");
    }
  }

  @Test
  void unknownCommandIsReported() throws Exception {
    MockWebServer server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
    try (server) {
      server.enqueue(Recorded.of("getversion.json").toResponse());
      server.enqueue(Recorded.of("unknown-param.json").toResponse());
      DomoticzClient client = DomoticzClient.builder(server.url("/").toString()).build();

      assertThatThrownBy(client::shortLogDays)
          .isInstanceOf(DomoticzException.class)
          .hasMessage("Domoticz rejected getsettings with status ERROR.");
    }
  }

  @Test
  void shortRetentionIsReported() throws Exception {
    FakeDomoticz domoticz = FakeDomoticz.trustedNetwork(clock).shortLogDays(3);
    try (FakeDomoticzServer fake = new FakeDomoticzServer(domoticz)) {
      DomoticzClient client = fake.client().clock(clock).build();

      assertThat(client.checkShortLogRetention(3)).isTrue();
      assertThat(client.checkShortLogRetention(7)).isFalse();
      assertThat(client.checkShortLogRetention(0)).isTrue();
    }
  }
}
