package io.github.linkyj.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.linkyj.core.ConsentRequiredException;
import io.github.linkyj.core.InvalidResponseException;
import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.Sleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class DeviceFlowTest {
  static final String DEVICE_CODE =
      "4f1e9a7c3b2d8e6f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071";
  static final String ACCESS_TOKEN = "at-5b7c1f0e9d8a7b6c5d4e3f2a1b0c9d8e";
  static final String REFRESH_TOKEN = "rt-0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d";

  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = MutableClock.at("2026-12-04T09:00:00Z");
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final InMemoryTokenStore store = new InMemoryTokenStore();
  private ConsentProxyTokenProvider provider;

  @BeforeEach
  void startServer() throws Exception {
    server.start();
    provider = newProvider(ConsentProxyConfig.of(server.url("/proxy").toString(), "linky-test"));
  }

  @AfterEach
  void stopServer() throws Exception {
    server.shutdown();
  }

  private ConsentProxyTokenProvider newProvider(ConsentProxyConfig config) {
    return ConsentProxyTokenProvider.builder(config)
        .tokenStore(store)
        .clock(clock)
        .sleeper(sleeper)
        .build();
  }

  static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  static MockResponse deviceCode(int expiresIn, String extra) {
    return json(
        200,
        "{\"device_code\":\""
            + DEVICE_CODE
            + "\",\"user_code\":\"TFEY-WPND\",\"verification_uri\":\"https://proxy.test/device\","
            + "\"expires_in\":"
            + expiresIn
            + extra
            + "}");
  }

  static MockResponse pending() {
    return json(400, "{\"error\":\"authorization_pending\"}");
  }

  static MockResponse tokens(String usagePoints) {
    return json(
        200,
        "{\"access_token\":\""
            + ACCESS_TOKEN
            + "\",\"refresh_token\":\""
            + REFRESH_TOKEN
            + "\",\"token_type\":\"Bearer\",\"expires_in\":12600,\"usage_points_id\":"
            + usagePoints
            + ",\"scope\":\"\"}");
  }

  @Test
  void startReturnsWhatTheUserNeeds() throws Exception {
    server.enqueue(
        deviceCode(
            300,
            ",\"interval\":7,\"verification_uri_complete\":\"https://proxy.test/device?code=TFEY-WPND\""));

    DeviceAuthorization shown = provider.startDeviceAuthorization().authorization();

    assertThat(shown.userCode()).isEqualTo("TFEY-WPND");
    assertThat(shown.verificationUri()).isEqualTo("https://proxy.test/device");
    assertThat(shown.verificationUriComplete())
        .hasValue("https://proxy.test/device?code=TFEY-WPND");
    assertThat(shown.expiresAt()).isEqualTo(Instant.parse("2026-12-04T09:05:00Z"));
    assertThat(shown.interval()).isEqualTo(Duration.ofSeconds(7));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/proxy/device/code");
    assertThat(request.getBody().readUtf8()).isEqualTo("client_id=linky-test");
  }

  @Test
  void startSendsConfiguredScope() throws Exception {
    provider =
        newProvider(
            ConsentProxyConfig.of(server.url("/").toString(), "linky-test").withScope("data"));
    server.enqueue(deviceCode(300, ""));

    provider.startDeviceAuthorization();

    assertThat(server.takeRequest().getBody().readUtf8())
        .isEqualTo("client_id=linky-test&scope=data");
  }

  @Test
  void intervalDefaultsToFiveSeconds() throws Exception {
    server.enqueue(deviceCode(300, ""));

    DeviceAuthorization shown = provider.startDeviceAuthorization().authorization();

    assertThat(shown.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(shown.verificationUriComplete()).isEmpty();
  }

  @Test
  void pendingSlowDownThenSuccess() throws Exception {
    server.enqueue(deviceCode(300, ""));
    server.enqueue(pending());
    server.enqueue(json(400, "{\"error\":\"slow_down\"}"));
    server.enqueue(pending());
    server.enqueue(json(400, "{\"error\":\"SLOW_DOWN\"}"));
    server.enqueue(tokens("\"11111111111111,22222222222222,03333333333333\""));
    DeviceFlow flow = provider.startDeviceAuthorization();

    StoredTokens granted = flow.awaitConsent();

    assertThat(sleeper.waitSeconds()).containsExactly(5L, 5L, 10L, 10L, 15L);
    assertThat(granted.accessToken().value()).isEqualTo(ACCESS_TOKEN);
    assertThat(granted.accessToken().expiresAt())
        .isEqualTo(Instant.parse("2026-12-04T09:00:45Z").plusSeconds(12600));
    assertThat(granted.refreshToken()).hasValue(REFRESH_TOKEN);
    assertThat(granted.usagePointIds())
        .containsExactly("11111111111111", "22222222222222", "03333333333333");
    assertThat(store.load()).hasValue(granted);
    assertThat(provider.accessToken()).isEqualTo(granted.accessToken());
    assertThat(provider.usagePointIds()).isEqualTo(granted.usagePointIds());
    server.takeRequest();
    RecordedRequest poll = server.takeRequest();
    assertThat(poll.getPath()).isEqualTo("/proxy/device/token");
    assertThat(poll.getBody().readUtf8())
        .isEqualTo(
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code="
                + DEVICE_CODE
                + "&client_id=linky-test");
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void grantedTokensSurviveRestart(@TempDir Path directory) throws Exception {
    FileTokenStore file = FileTokenStore.of(directory.resolve("tokens.json"));
    ConsentProxyConfig config =
        ConsentProxyConfig.of(server.url("/proxy").toString(), "linky-test");
    server.enqueue(deviceCode(300, ""));
    server.enqueue(tokens("\"11111111111111\""));
    ConsentProxyTokenProvider.builder(config)
        .tokenStore(file)
        .clock(clock)
        .sleeper(sleeper)
        .build()
        .startDeviceAuthorization()
        .awaitConsent();

    ConsentProxyTokenProvider restarted =
        ConsentProxyTokenProvider.builder(config).tokenStore(file).clock(clock).build();

    assertThat(restarted.accessToken().value()).isEqualTo(ACCESS_TOKEN);
    assertThat(restarted.usagePointIds()).containsExactly("11111111111111");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void usagePointsGivenAsArray() throws Exception {
    server.enqueue(deviceCode(300, ""));
    server.enqueue(tokens("[\"11111111111111\",\"22222222222222\"]"));

    StoredTokens granted = provider.startDeviceAuthorization().awaitConsent();

    assertThat(granted.usagePointIds()).containsExactly("11111111111111", "22222222222222");
  }

  @Test
  void usagePointWithThirteenDigitsRejected() throws Exception {
    server.enqueue(deviceCode(300, ""));
    server.enqueue(tokens("\"11111111111111,1111111111111\""));
    DeviceFlow flow = provider.startDeviceAuthorization();

    assertThatThrownBy(flow::awaitConsent)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "POST /proxy/device/token returned HTTP 200 with an invalid usage_points_id: "
                + "Invalid usage point id \"1111111111111\": expected exactly 14 digits");
    assertThat(store.load()).isEmpty();
  }

  @Test
  void accessDeniedStopsTheFlow() throws Exception {
    server.enqueue(deviceCode(300, ""));
    server.enqueue(pending());
    server.enqueue(json(400, "{\"error\":\"access_denied\"}"));
    DeviceFlow flow = provider.startDeviceAuthorization();

    assertThatThrownBy(flow::awaitConsent)
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "POST /proxy/device/token returned HTTP 400 access_denied: the user denied the "
                + "request; start a new device authorization")
        .satisfies(e -> assertThat(((LinkyException) e).errorCode()).hasValue("access_denied"));
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(store.load()).isEmpty();
  }

  @Test
  void expiredTokenStopsTheFlow() throws Exception {
    server.enqueue(deviceCode(300, ""));
    server.enqueue(
        json(400, "{\"error\":\"expired_token\",\"error_description\":\"code expired\"}"));
    DeviceFlow flow = provider.startDeviceAuthorization();

    assertThatThrownBy(flow::awaitConsent)
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "POST /proxy/device/token returned HTTP 400 expired_token (code expired): the device "
                + "code expired before the user approved; start a new device authorization");
  }

  @Test
  void forgottenDeviceCodeMeansExpired() throws Exception {
    server.enqueue(deviceCode(300, ""));
    server.enqueue(
        json(
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"device_code not found in db\"}"));
    DeviceFlow flow = provider.startDeviceAuthorization();

    assertThatThrownBy(flow::awaitConsent)
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "POST /proxy/device/token returned HTTP 400 invalid_grant (device_code not found in "
                + "db): the server no longer has the device code, so it expired; start a new "
                + "device authorization");
  }

  @Test
  void stopsPollingWhenCodeExpires() throws Exception {
    server.enqueue(deviceCode(12, ""));
    server.enqueue(pending());
    server.enqueue(pending());
    DeviceFlow flow = provider.startDeviceAuthorization();

    assertThatThrownBy(flow::awaitConsent)
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "The device code expired at 2026-12-04T09:00:12Z before the user approved; start a "
                + "new device authorization");
    assertThat(sleeper.waitSeconds()).containsExactly(5L, 5L);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void unknownClientStopsTheFlow() throws Exception {
    server.enqueue(deviceCode(300, ""));
    server.enqueue(
        json(400, "{\"error\":\"invalid_request\",\"error_description\":\"Bad client_id\"}"));
    DeviceFlow flow = provider.startDeviceAuthorization();

    assertThatThrownBy(flow::awaitConsent)
        .isExactlyInstanceOf(LinkyException.class)
        .hasMessage(
            "POST /proxy/device/token returned HTTP 400 invalid_request (Bad client_id); the "
                + "device authorization stopped");
  }

  @Test
  void failedPollsBackOffThenSucceed() throws Exception {
    server.enqueue(deviceCode(300, ""));
    server.enqueue(json(503, "{\"error\":\"temporarily_unavailable\"}"));
    server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad gateway</html>"));
    server.enqueue(pending());
    server.enqueue(tokens("\"11111111111111\""));

    StoredTokens granted = provider.startDeviceAuthorization().awaitConsent();

    assertThat(sleeper.waitSeconds()).containsExactly(5L, 10L, 20L, 5L);
    assertThat(granted.usagePointIds()).containsExactly("11111111111111");
  }

  @Test
  void quotaOnPollWaitsUntilRetryAfter() throws Exception {
    server.enqueue(deviceCode(300, ""));
    server.enqueue(json(429, "{}").setHeader("Retry-After", "42"));
    server.enqueue(tokens("\"11111111111111\""));

    provider.startDeviceAuthorization().awaitConsent();

    assertThat(sleeper.waitSeconds()).containsExactly(5L, 42L);
  }

  @Test
  void cancelStopsTheWait() throws Exception {
    server.enqueue(deviceCode(300, ""));
    server.enqueue(pending());
    DeviceFlow flow = provider.startDeviceAuthorization();
    sleeper.onSleep(
        () -> {
          if (sleeper.waits().size() == 2) {
            flow.cancel();
          }
        });

    assertThatThrownBy(flow::awaitConsent)
        .isInstanceOf(CancellationException.class)
        .hasMessage("The device authorization was cancelled");
    assertThat(flow.isCancelled()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void cancelFromAnotherThread() throws Exception {
    provider =
        ConsentProxyTokenProvider.builder(
                ConsentProxyConfig.of(server.url("/").toString(), "linky-test"))
            .clock(clock)
            .sleeper(Sleeper.system())
            .build();
    server.enqueue(deviceCode(3600, ",\"interval\":600"));
    DeviceFlow flow = provider.startDeviceAuthorization();
    AtomicBoolean interruptedAfter = new AtomicBoolean(true);
    CompletableFuture<StoredTokens> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return flow.awaitConsent();
              } catch (Exception e) {
                interruptedAfter.set(Thread.currentThread().isInterrupted());
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(200);

    flow.cancel();

    assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .rootCause()
        .isInstanceOf(CancellationException.class);
    assertThat(interruptedAfter).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void awaitTwiceRejected() throws Exception {
    server.enqueue(deviceCode(300, ""));
    server.enqueue(tokens("\"11111111111111\""));
    DeviceFlow flow = provider.startDeviceAuthorization();
    flow.awaitConsent();

    assertThatThrownBy(flow::awaitConsent)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("awaitConsent() was already called; start a new flow");
  }

  @Test
  void deviceCodeRequestRejected() throws Exception {
    server.enqueue(
        json(400, "{\"error\":\"invalid_request\",\"error_description\":\"Missing client_id\"}"));

    assertThatThrownBy(provider::startDeviceAuthorization)
        .isExactlyInstanceOf(LinkyException.class)
        .hasMessage(
            "POST /proxy/device/code returned HTTP 400 invalid_request (Missing client_id); "
                + "check the client id and the base URL");
  }

  @Test
  void deviceCodeWithoutUserCode() throws Exception {
    server.enqueue(json(200, "{\"device_code\":\"" + DEVICE_CODE + "\",\"expires_in\":300}"));

    assertThatThrownBy(provider::startDeviceAuthorization)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage("POST /proxy/device/code returned HTTP 200 without the member user_code")
        .hasMessageNotContaining(DEVICE_CODE);
  }

  @Test
  void deviceCodeAnsweredWithHtml() throws Exception {
    server.enqueue(
        new MockResponse()
            .setResponseCode(404)
            .setHeader("Content-Type", "text/html")
            .setBody("<html><body>La page que vous recherchez n'existe pas</body></html>"));

    assertThatThrownBy(provider::startDeviceAuthorization)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "POST /proxy/device/code returned HTTP 404 with an HTML page instead of JSON; check "
                + "the base URL");
  }

  @Test
  void toStringHidesDeviceCode() throws Exception {
    server.enqueue(deviceCode(300, ""));

    DeviceFlow flow = provider.startDeviceAuthorization();

    assertThat(flow.toString())
        .isEqualTo(
            "DeviceFlow{DeviceAuthorization{userCode=TFEY-WPND, verificationUri="
                + "https://proxy.test/device, expiresAt=2026-12-04T09:05:00Z, interval=PT5S, "
                + "deviceCode=<redacted>}, cancelled=false}");
    assertThat(List.of(flow.toString(), flow.authorization().toString(), provider.toString()))
        .noneMatch(text -> text.contains(DEVICE_CODE));
  }
}
