package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VersionGateTest {
  private final MutableClock clock = MutableClock.atRecording();
  private FakeDomoticzServer fake;

  @AfterEach
  void stop() throws Exception {
    if (fake != null) {
      fake.close();
    }
  }

  private DomoticzClient start(String version) throws Exception {
    fake = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock).version(version));
    return fake.client().clock(clock).build();
  }

  @Test
  void recentVersionUsesCommandStyle() throws Exception {
    DomoticzClient client = start("2025.1 (build 16785)");

    client.findOrCreateHardware("Linky");

    assertThat(client.version()).isEqualTo(DomoticzVersion.parse("2025.1 (build 16785)"));
    assertThat(paths())
        .containsExactly(
            "/json.htm?type=command&param=getversion",
            "/json.htm?type=command&param=gethardware",
            "/json.htm?type=command&param=addhardware&htype=15&name=Linky&enabled=true"
                + "&datatimeout=0&loglevel=7");
  }

  @Test
  void version2023Point1UsesOldNames() throws Exception {
    DomoticzClient client = start("2023.1 (build 15062)");

    DomoticzHardware hardware = client.findOrCreateHardware("Linky");
    client.findOrCreateP1Device(hardware, "Linky 11111111111111");

    assertThat(paths())
        .containsExactly(
            "/json.htm?type=command&param=getversion",
            "/json.htm?type=hardware",
            "/json.htm?type=command&param=addhardware&htype=15&name=Linky&enabled=true"
                + "&datatimeout=0&loglevel=7",
            "/json.htm?type=devices&filter=all&used=all",
            "/json.htm?type=createdevice&idx=2&sensorname=Linky%2011111111111111"
                + "&sensormappedtype=0xFA01",
            "/json.htm?type=devices&filter=all&used=all",
            "/json.htm?type=setused&idx=1&used=true"
                + "&options=QWRkREJMb2dFbnRyeTp0cnVlO0Rpc2FibGVMb2dBdXRvVXBkYXRlOnRydWU%3D");
    assertThat(fake.domoticz.devices().get(1L).options())
        .containsEntry("AddDBLogEntry", "true")
        .containsEntry("DisableLogAutoUpdate", "true");
  }

  @Test
  void version2023Point2IsRejected() throws Exception {
    DomoticzClient client = start("2023.2 (build 15457)");

    assertThatThrownBy(() -> client.findOrCreateHardware("Linky"))
        .isInstanceOf(UnsupportedDomoticzVersionException.class)
        .hasMessage(
            "Domoticz 2023.2 (build 15457) is not supported: its history insertion writes dated"
                + " rows into the dashboard value and rejects undated updates. Use Domoticz"
                + " 2020.1 to 2023.1, or 2024.1 or later.");
    assertThat(paths()).containsExactly("/json.htm?type=command&param=getversion");
  }

  @Test
  void versionBefore2020IsRejected() throws Exception {
    DomoticzClient client = start("4.10717");

    assertThatThrownBy(client::version)
        .isInstanceOf(UnsupportedDomoticzVersionException.class)
        .hasMessage(
            "Domoticz 4.10717 is too old: inserting P1 Smart Meter history needs 2020.1. Use"
                + " Domoticz 2020.1 to 2023.1, or 2024.1 or later.");
  }

  @Test
  void versionIsReadOnce() throws Exception {
    DomoticzClient client = start("2024.7");

    client.version();
    client.version();
    client.shortLogDays();

    assertThat(paths())
        .containsExactly(
            "/json.htm?type=command&param=getversion", "/json.htm?type=command&param=getsettings");
  }

  @Test
  void oldFormIsAnswered404By2025() throws Exception {
    start("2025.1 (build 16785)");
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();

    try (okhttp3.Response response =
        http.newCall(
                new okhttp3.Request.Builder()
                    .url(fake.server.url("/json.htm?type=devices&filter=all&used=true"))
                    .build())
            .execute()) {
      assertThat(response.code()).isEqualTo(404);
      assertThat(response.body().string()).isEmpty();
    }
  }

  private List<String> paths() {
    return fake.domoticz.requests().stream().map(VersionGateTest::pathAndQuery).toList();
  }

  static String pathAndQuery(HttpUrl url) {
    return url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
  }
}
