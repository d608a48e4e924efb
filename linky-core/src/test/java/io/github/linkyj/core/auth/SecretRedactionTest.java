package io.github.linkyj.core.auth;

import static io.github.linkyj.core.auth.DeviceFlowTest.ACCESS_TOKEN;
import static io.github.linkyj.core.auth.DeviceFlowTest.DEVICE_CODE;
import static io.github.linkyj.core.auth.DeviceFlowTest.REFRESH_TOKEN;
import static io.github.linkyj.core.auth.DeviceFlowTest.deviceCode;
import static io.github.linkyj.core.auth.DeviceFlowTest.json;
import static io.github.linkyj.core.auth.DeviceFlowTest.pending;
import static io.github.linkyj.core.auth.DeviceFlowTest.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.linkyj.core.ConsentRequiredException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs every token path and checks that no secret reaches a log line, message or toString(). */
@Timeout(20)
class SecretRedactionTest {
  private static final String ROTATED_REFRESH_TOKEN = "rt-rotated-7e6d5c4b3a2f1e0d";
  private static final String CLIENT_SECRET = "cs-9f8e7d6c5b4a3f2e1d0c";

  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = MutableClock.at("2026-12-04T09:00:00Z");
  private final List<String> texts = new ArrayList<>();

  @TempDir Path directory;

  @BeforeEach
  void startServer() throws Exception {
    server.start();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.shutdown();
  }

  @Test
  void noSecretInLogsOrStrings() throws Exception {
    String logs;
    try (LogCapture capture = new LogCapture()) {
      runDeviceFlowAndRefreshes();
      runClientCredentials();
      logs = capture.text();
    }

    assertThat(logs)
        .contains("Device authorization started at")
        .contains("The token server asked to slow down; polling every 10 s")
        .contains("Device token poll failed (attempt 1)")
        .contains("Refreshed the access token at")
        .contains("Cleared FileTokenStore{");
    texts.add(logs);
    for (String secret :
        List.of(DEVICE_CODE, ACCESS_TOKEN, REFRESH_TOKEN, ROTATED_REFRESH_TOKEN, CLIENT_SECRET)) {
      assertThat(texts).noneMatch(text -> text.contains(secret));
    }
  }

  private void runDeviceFlowAndRefreshes() throws Exception {
    FileTokenStore store = FileTokenStore.of(directory.resolve("tokens.json"));
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    ConsentProxyTokenProvider provider =
        ConsentProxyTokenProvider.builder(
                ConsentProxyConfig.of(server.url("/").toString(), "linky-test"))
            .tokenStore(store)
            .clock(clock)
            .sleeper(sleeper)
            .build();
    server.enqueue(deviceCode(300, ""));
    server.enqueue(pending());
    server.enqueue(json(400, "{\"error\":\"slow_down\"}"));
    server.enqueue(json(503, "{\"error\":\"server_error\"}"));
    server.enqueue(tokens("\"11111111111111\""));
    DeviceFlow flow = provider.startDeviceAuthorization();
    StoredTokens granted = flow.awaitConsent();
    texts.addAll(List.of(flow.toString(), flow.authorization().toString(), granted.toString()));
    texts.addAll(List.of(provider.toString(), store.toString(), provider.accessToken().toString()));

    clock.advance(Duration.ofHours(4));
    server.enqueue(
        json(
            200,
            "{\"access_token\":\"at-second\",\"refresh_token\":\""
                + ROTATED_REFRESH_TOKEN
                + "\",\"token_type\":\"Bearer\",\"expires_in\":12600}"));
    texts.add(provider.accessToken().toString());
    texts.add(store.load().orElseThrow().toString());

    clock.advance(Duration.ofHours(4));
    server.enqueue(json(400, "{\"error\":\"invalid_grant\"}"));
    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(ConsentRequiredException.class)
        .satisfies(e -> texts.add(e.getMessage()));
  }

  private void runClientCredentials() throws Exception {
    ClientCredentialsConfig config =
        ClientCredentialsConfig.of(server.url("/").toString(), "app", CLIENT_SECRET);
    ClientCredentialsTokenProvider provider =
        ClientCredentialsTokenProvider.builder(config).clock(clock).build();
    server.enqueue(json(401, "{\"error\":\"invalid_client\"}"));
    assertThatThrownBy(provider::accessToken).satisfies(e -> texts.add(e.getMessage()));
    server.enqueue(json(200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":60}"));
    texts.addAll(
        List.of(config.toString(), provider.toString(), provider.accessToken().toString()));
  }
}
