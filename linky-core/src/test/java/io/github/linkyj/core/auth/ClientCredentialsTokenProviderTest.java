package io.github.linkyj.core.auth;

import static io.github.linkyj.core.auth.DeviceFlowTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.linkyj.core.InvalidResponseException;
import io.github.linkyj.core.LinkyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class ClientCredentialsTokenProviderTest {
  private static final String SECRET = "s3cr3t-Xq9-client";

  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = MutableClock.at("2026-12-04T08:00:00Z");
  private ClientCredentialsConfig config;
  private ClientCredentialsTokenProvider provider;

  @BeforeEach
  void startServer() throws Exception {
    server.start();
    config = ClientCredentialsConfig.of(server.url("/").toString(), "app-id", SECRET);
    provider = ClientCredentialsTokenProvider.builder(config).clock(clock).build();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.shutdown();
  }

  private static MockResponse token(String value, String expiresIn) {
    return json(
        200,
        "{\"access_token\":\""
            + value
            + "\",\"token_type\":\"Bearer\",\"expires_in\":"
            + expiresIn
            + ",\"scope\":\"\"}");
  }

  @Test
  void expiresInGivenAsString() throws Exception {
    server.enqueue(token("E1", "\"12600\""));

    AccessToken token = provider.accessToken();

    assertThat(token).isEqualTo(AccessToken.of("E1", Instant.parse("2026-12-04T11:30:00Z")));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getPath()).isEqualTo("/oauth2/v3/token");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(request.getBody().readUtf8())
        .isEqualTo("grant_type=client_credentials&client_id=app-id&client_secret=" + SECRET);
  }

  @Test
  void expiresInGivenAsNumber() throws Exception {
    server.enqueue(token("E1", "12600"));

    assertThat(provider.accessToken().expiresAt()).isEqualTo(Instant.parse("2026-12-04T11:30:00Z"));
  }

  @Test
  void tokenReusedUntilTwentyMinutesLeft() throws Exception {
    server.enqueue(token("E1", "12600"));
    server.enqueue(token("E2", "12600"));
    provider.accessToken();
    clock.set(Instant.parse("2026-12-04T11:10:00Z"));
    assertThat(provider.accessToken().value()).isEqualTo("E1");

    clock.advance(Duration.ofSeconds(1));

    assertThat(provider.accessToken().value()).isEqualTo("E2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void invalidatedTokenReplaced() throws Exception {
    server.enqueue(token("E1", "12600"));
    server.enqueue(token("E2", "12600"));
    AccessToken first = provider.accessToken();

    provider.invalidate(first);

    assertThat(provider.accessToken().value()).isEqualTo("E2");
  }

  @Test
  void concurrentCallersShareOneRequest() throws Exception {
    server.enqueue(token("E1", "12600").setBodyDelay(300, TimeUnit.MILLISECONDS));
    int callers = 6;
    CountDownLatch ready = new CountDownLatch(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<AccessToken>> results = new ArrayList<>();

    for (int i = 0; i < callers; i++) {
      results.add(
          pool.submit(
              () -> {
                ready.countDown();
                ready.await();
                return provider.accessToken();
              }));
    }

    for (Future<AccessToken> result : results) {
      assertThat(result.get(10, TimeUnit.SECONDS).value()).isEqualTo("E1");
    }
    pool.shutdown();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void wrongSecretRejected() {
    server.enqueue(
        json(
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"));

    assertThatThrownBy(provider::accessToken)
        .isExactlyInstanceOf(LinkyException.class)
        .hasMessage(
            "POST /oauth2/v3/token returned HTTP 401 invalid_client (Client authentication "
                + "failed); check the client id and client secret")
        .hasMessageNotContaining(SECRET)
        .satisfies(e -> assertThat(((LinkyException) e).errorCode()).hasValue("invalid_client"));
  }

  @Test
  void unauthorizedWithoutBodyRejected() {
    server.enqueue(new MockResponse().setResponseCode(401));

    assertThatThrownBy(provider::accessToken)
        .isExactlyInstanceOf(LinkyException.class)
        .hasMessage(
            "POST /oauth2/v3/token returned HTTP 401 without an OAuth error code; check the "
                + "client id, the client secret and the base URL");
  }

  @Test
  void expiresInNotANumber() {
    server.enqueue(token("E1", "\"soon\""));

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "POST /oauth2/v3/token returned HTTP 200 with expires_in=\"soon\", which is not a "
                + "whole number");
  }

  @Test
  void otherTokenTypeRejected() {
    server.enqueue(
        json(200, "{\"access_token\":\"E1\",\"token_type\":\"mac\",\"expires_in\":12600}"));

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage("POST /oauth2/v3/token returned token_type mac instead of Bearer");
  }

  @Test
  void storedTokenReusedByNextProvider(@TempDir Path directory) throws Exception {
    FileTokenStore store = FileTokenStore.of(directory.resolve("enedis.json"));
    server.enqueue(token("E1", "12600"));
    ClientCredentialsTokenProvider.builder(config)
        .tokenStore(store)
        .clock(clock)
        .build()
        .accessToken();

    AccessToken again =
        ClientCredentialsTokenProvider.builder(config)
            .tokenStore(store)
            .clock(clock)
            .build()
            .accessToken();

    assertThat(again.value()).isEqualTo("E1");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void corruptStoreOnlyCostsARequest(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("enedis.json");
    Files.writeString(file, "{\"format\":1,", StandardCharsets.UTF_8);
    server.enqueue(token("E1", "12600"));
    ClientCredentialsTokenProvider withFile =
        ClientCredentialsTokenProvider.builder(config)
            .tokenStore(FileTokenStore.of(file))
            .clock(clock)
            .build();

    assertThat(withFile.accessToken().value()).isEqualTo("E1");
    assertThat(FileTokenStore.of(file).load().orElseThrow().accessToken().value()).isEqualTo("E1");
  }

  @Test
  void toStringHidesSecret() {
    assertThat(provider.toString())
        .isEqualTo(
            "ClientCredentialsTokenProvider{"
                + server.url("/")
                + " (client id app-id), store=InMemoryTokenStore}");
    assertThat(config.toString())
        .isEqualTo(
            "ClientCredentialsConfig{baseUrl="
                + server.url("/")
                + ", clientId=app-id, clientSecret=<redacted>}");
  }
}
