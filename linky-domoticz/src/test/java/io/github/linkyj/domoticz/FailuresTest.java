package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailuresTest {
  private static final P1Device METER = new P1Device(1, "14051", "Linky 11111111111111", 2);

  private final MockWebServer server = new MockWebServer();
  private String url;

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getLoopbackAddress(), 0);
    url = server.url("/").toString();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  @Test
  void droppedConnectionIsDomoticzException() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    DomoticzClient client = DomoticzClient.builder(url).build();

    assertThatThrownBy(client::version)
        .isInstanceOf(DomoticzException.class)
        .hasMessageStartingWith("Domoticz at " + url + " did not respond to getversion: ");
  }

  @Test
  void invalidJsonIsDomoticzException() {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody("{\"status\": [1]}"));
    DomoticzClient client = DomoticzClient.builder(url).build();

    assertThatThrownBy(client::version)
        .isInstanceOf(DomoticzException.class)
        .hasMessageStartingWith("Domoticz at " + url + " returned invalid JSON for getversion: ");
  }

  @Test
  void oldFormOn2025IsReported() throws Exception {
    server.enqueue(
        Recorded.of("getversion.json")
            .toResponse()
            .setBody(
                Recorded.of("getversion.json").body().replace("2025.1 (build 16785)", "2023.1")));
    server.enqueue(Recorded.of("old-style-type-devices-404.json").toResponse());
    DomoticzClient client = DomoticzClient.builder(url).build();

    assertThatThrownBy(() -> client.findP1Device(new DomoticzHardware(2, "Linky"), "x"))
        .isInstanceOf(DomoticzException.class)
        .hasMessage(
            "Domoticz at "
                + url
                + " returned HTTP 404 for getdevices: this Domoticz version does not support the"
                + " request.");
    server.takeRequest();
    assertThat(server.takeRequest().getPath())
        .isEqualTo("/json.htm?type=devices&filter=all&used=all");
  }

  @Test
  void daylightSavingGapIsRejected() {
    MutableClock paris =
        new MutableClock(Instant.parse("2026-03-30T10:00:00Z"), ZoneId.of("Europe/Paris"));
    DomoticzClient client = DomoticzClient.builder(url).clock(paris).build();
    LocalDateTime gap = LocalDateTime.parse("2026-03-29T02:30");

    assertThatThrownBy(() -> client.writeShortLogPoint(METER, gap, P1Reading.of(P1Energy.ZERO)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid short-log time 2026-03-29T02:30: it does not exist in Europe/Paris"
                + " (daylight saving gap), so Domoticz would drop the point. Skip it.");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void rejectedBearerTokenIsRenewedOnce() throws Exception {
    MutableClock clock = MutableClock.atRecording();
    FakeDomoticz domoticz =
        FakeDomoticz.withUser("admin", "pw", clock).registerApplication("linky-java");
    try (FakeDomoticzServer fake = new FakeDomoticzServer(domoticz)) {
      DomoticzClient client =
          fake.client().auth(DomoticzAuth.oauth2("linky-java", "admin", "pw")).clock(clock).build();
      client.version();
      domoticz.expireSessions();

      assertThat(client.shortLogDays()).isEqualTo(1);

      long tokens =
          domoticz.requests().stream()
              .filter(request -> request.encodedPath().equals("/oauth2/v1/token"))
              .count();
      assertThat(tokens).isEqualTo(2);
    }
  }

  @Test
  void invalidUrlIsRejected() {
    assertThatThrownBy(() -> DomoticzClient.builder("192.168.1.10:8080"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid Domoticz URL '192.168.1.10:8080': expected http://host:port or https://host/");
  }

  @Test
  void pathIsKeptBehindProxy() throws Exception {
    server.enqueue(Recorded.of("getversion.json").toResponse());
    DomoticzClient client = DomoticzClient.builder(url + "domoticz").build();

    client.version();

    assertThat(server.takeRequest().getPath())
        .isEqualTo("/domoticz/json.htm?type=command&param=getversion");
  }
}
