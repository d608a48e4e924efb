package io.github.linkyj.core.auth;

import static io.github.linkyj.core.auth.DeviceFlowTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.linkyj.core.ConsentRequiredException;
import io.github.linkyj.core.InvalidResponseException;
import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.QuotaExceededException;
import io.github.linkyj.core.TemporaryFailureException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ConsentProxyRefreshTest {
  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = MutableClock.at("2020-08-03T12:19:43Z");
  private final InMemoryTokenStore store = new InMemoryTokenStore();
  private ConsentProxyConfig config;
  private ConsentProxyTokenProvider provider;

  @BeforeEach
  void startServer() throws Exception {
    server.start();
    config = ConsentProxyConfig.of(server.url("/").toString(), "linky-test");
    provider = newProvider(new OkHttpClient());
  }

  @AfterEach
  void stopServer() throws Exception {
    server.shutdown();
  }

  private ConsentProxyTokenProvider newProvider(OkHttpClient http) {
    return ConsentProxyTokenProvider.builder(config)
        .tokenStore(store)
        .httpClient(http)
        .clock(clock)
        .build();
  }

  /** Stores A1/R1 received at 12:19:43Z with expires_in 12599, so it expires at 15:49:42Z. */
  private StoredTokens storeFirstTokens() {
    StoredTokens tokens =
        StoredTokens.of(
            config.source(),
            AccessToken.of("A1", Instant.parse("2020-08-03T15:49:42Z")),
            "R1",
            List.of("11111111111111", "22222222222222"));
    store.save(tokens);
    return tokens;
  }

  private static MockResponse refreshed(String refreshToken) {
    String refreshMember =
        refreshToken == null ? "" : ",\"refresh_token\":\"" + refreshToken + "\"";
    return json(
        200,
        "{\"access_token\":\"A2\",\"token_type\":\"Bearer\",\"expires_in\":\"12600\",\"scope\":\"\""
            + refreshMember
            + "}");
  }

  @Test
  void tokenWithTwentyMinutesLeftIsUsed() throws Exception {
    StoredTokens stored = storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T15:29:42Z"));

    assertThat(provider.accessToken()).isEqualTo(stored.accessToken());
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void refreshesWhenLessThanTwentyMinutesLeft() throws Exception {
    storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T15:29:43Z"));
    server.enqueue(refreshed(null));

    AccessToken token = provider.accessToken();

    assertThat(token).isEqualTo(AccessToken.of("A2", Instant.parse("2020-08-03T18:59:43Z")));
    assertThat(server.takeRequest().getBody().readUtf8())
        .isEqualTo(
            "grant_type=refresh_token&client_id=linky-test&refresh_token=R1"
                + "&usage_points_id=11111111111111%2C22222222222222");
    StoredTokens saved = store.load().orElseThrow();
    assertThat(saved.accessToken()).isEqualTo(token);
    assertThat(saved.refreshToken()).hasValue("R1");
    assertThat(saved.usagePointIds()).containsExactly("11111111111111", "22222222222222");
  }

  @Test
  void rotatedRefreshTokenIsStored() throws Exception {
    storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T15:40:00Z"));
    server.enqueue(refreshed("R2"));

    provider.accessToken();

    assertThat(store.load().orElseThrow().refreshToken()).hasValue("R2");
  }

  @Test
  void rotatedTokenUsedForNextRefresh() throws Exception {
    storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T15:40:00Z"));
    server.enqueue(refreshed("R2"));
    provider.accessToken();
    clock.advance(Duration.ofMinutes(195));
    server.enqueue(refreshed("R3"));

    provider.accessToken();

    server.takeRequest();
    assertThat(server.takeRequest().getBody().readUtf8()).contains("&refresh_token=R2&");
    assertThat(store.load().orElseThrow().refreshToken()).hasValue("R3");
  }

  @Test
  void invalidGrantMeansConsentAgain() throws Exception {
    storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T16:00:00Z"));
    server.enqueue(
        json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token used\"}"));

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "POST /device/token returned HTTP 400 invalid_grant (refresh token used): the "
                + "refresh token is no longer valid; run the device authorization again");
    assertThat(store.load()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void unknownRefreshTokenMeansConsentAgain() throws Exception {
    storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T16:00:00Z"));
    server.enqueue(
        json(
            400,
            "{\"error\":\"invalid_request\","
                + "\"error_description\":\"refresh_token not found in database\"}"));

    assertThatThrownBy(provider::accessToken).isInstanceOf(ConsentRequiredException.class);
    assertThat(store.load()).isEmpty();
  }

  @Test
  void newerTokensOfOtherProcessKept() throws Exception {
    StoredTokens first = storeFirstTokens();
    StoredTokens newer =
        StoredTokens.of(
            config.source(),
            AccessToken.of("A9", Instant.parse("2020-08-03T19:00:00Z")),
            "R9",
            first.usagePointIds());
    TokenStore racing =
        new TokenStore() {
          private int loads;

          @Override
          public java.util.Optional<StoredTokens> load() {
            loads++;
            return java.util.Optional.of(loads == 1 ? first : newer);
          }

          @Override
          public void save(StoredTokens tokens) {
            throw new AssertionError("nothing to save");
          }

          @Override
          public void clear() {
            throw new AssertionError("the newer tokens must be kept");
          }
        };
    clock.set(Instant.parse("2020-08-03T16:00:00Z"));
    server.enqueue(json(400, "{\"error\":\"invalid_grant\"}"));
    ConsentProxyTokenProvider withRacingStore =
        ConsentProxyTokenProvider.builder(config).tokenStore(racing).clock(clock).build();

    assertThatThrownBy(withRacingStore::accessToken).isInstanceOf(ConsentRequiredException.class);
  }

  @Test
  void unsavedTokensKeptInMemory() throws Exception {
    StoredTokens first = storeFirstTokens();
    TokenStore failing =
        new TokenStore() {
          @Override
          public java.util.Optional<StoredTokens> load() {
            return java.util.Optional.of(first);
          }

          @Override
          public void save(StoredTokens tokens) throws LinkyException {
            throw new LinkyException("Cannot write the token file /read-only/tokens.json", null);
          }

          @Override
          public void clear() {}
        };
    ConsentProxyTokenProvider withFailingStore =
        ConsentProxyTokenProvider.builder(config).tokenStore(failing).clock(clock).build();
    clock.set(Instant.parse("2020-08-03T16:00:00Z"));
    server.enqueue(refreshed("R2"));
    assertThat(withFailingStore.accessToken().value()).isEqualTo("A2");
    clock.advance(Duration.ofMinutes(195));
    server.enqueue(refreshed("R3"));

    withFailingStore.accessToken();

    server.takeRequest();
    assertThat(server.takeRequest().getBody().readUtf8()).contains("&refresh_token=R2&");
  }

  @Test
  void afterRejectionNoFurtherRequests() throws Exception {
    storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T16:00:00Z"));
    server.enqueue(json(400, "{\"error\":\"invalid_grant\"}"));
    assertThatThrownBy(provider::accessToken).isInstanceOf(ConsentRequiredException.class);

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "No tokens of "
                + config.source()
                + " are stored in InMemoryTokenStore; run the device authorization first");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void concurrentCallersShareOneRefresh() throws Exception {
    storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T15:45:00Z"));
    server.enqueue(refreshed("R2").setBodyDelay(300, TimeUnit.MILLISECONDS));
    int callers = 8;
    CountDownLatch ready = new CountDownLatch(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<AccessToken>> results = new ArrayList<>();
    Callable<AccessToken> caller =
        () -> {
          ready.countDown();
          ready.await();
          return provider.accessToken();
        };

    for (int i = 0; i < callers; i++) {
      results.add(pool.submit(caller));
    }

    for (Future<AccessToken> result : results) {
      assertThat(result.get(10, TimeUnit.SECONDS).value()).isEqualTo("A2");
    }
    pool.shutdown();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void invalidatedTokenIsRefreshed() throws Exception {
    StoredTokens stored = storeFirstTokens();
    AccessToken first = provider.accessToken();
    server.enqueue(refreshed(null));

    provider.invalidate(first);

    assertThat(first).isEqualTo(stored.accessToken());
    assertThat(provider.accessToken().value()).isEqualTo("A2");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void noStoredTokensAsksForConsent() {
    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "No tokens of "
                + config.source()
                + " are stored in InMemoryTokenStore; run the device authorization first");
  }

  @Test
  void tokensOfAnotherSourceIgnored() {
    TokenSource other = TokenSource.of("https://sandbox.proxy.test/", "linky-test");
    store.save(
        StoredTokens.of(
            other, AccessToken.of("A1", Instant.parse("2020-08-04T00:00:00Z")), "R1", List.of()));

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "The tokens in InMemoryTokenStore come from https://sandbox.proxy.test/ (client id "
                + "linky-test), not from "
                + config.source()
                + "; run the device authorization for this proxy or use another token store");
  }

  @Test
  void expiredWithoutRefreshTokenAsksForConsent() {
    store.save(
        StoredTokens.of(
            config.source(),
            AccessToken.of("A1", Instant.parse("2020-08-03T12:00:00Z")),
            null,
            List.of()));

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "The access token in InMemoryTokenStore has expired and no refresh token is stored; "
                + "run the device authorization again");
  }

  @Test
  void serverErrorIsTemporary() {
    storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T16:00:00Z"));
    server.enqueue(json(500, "{\"error\":\"server_error\",\"error_description\":\"db down\"}"));

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(TemporaryFailureException.class)
        .hasMessage(
            "POST /device/token failed with HTTP 500 server_error (db down); try again later");
    assertThat(store.load().orElseThrow().refreshToken()).hasValue("R1");
  }

  @Test
  void slowDownOnRefreshIsTemporary() {
    storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T16:00:00Z"));
    server.enqueue(json(400, "{\"error\":\"slow_down\"}"));

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(TemporaryFailureException.class)
        .hasMessage(
            "POST /device/token returned HTTP 400 slow_down: too many refreshes; try again in a "
                + "minute");
  }

  @Test
  void quotaCarriesRetryTime() throws Exception {
    storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T16:00:00Z"));
    String body =
        new String(
            Objects.requireNonNull(
                    getClass().getResourceAsStream("/auth/error_429_quota_900804_throttled.json"))
                .readAllBytes(),
            StandardCharsets.UTF_8);
    server.enqueue(json(429, body));

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(QuotaExceededException.class)
        .hasMessage(
            "POST /device/token was rejected with HTTP 429 (quota exceeded); retry after "
                + "2026-07-17T05:00:00Z")
        .satisfies(
            e -> {
              QuotaExceededException quota = (QuotaExceededException) e;
              assertThat(quota.retryAt()).hasValue(Instant.parse("2026-07-17T05:00:00Z"));
              assertThat(quota.errorCode()).hasValue("900804");
              assertThat(quota.httpStatus()).isEqualTo(429);
            });
  }

  @Test
  void retryAfterHttpDateRead() {
    storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T16:00:00Z"));
    server.enqueue(json(429, "").setHeader("Retry-After", "Mon, 03 Aug 2020 17:00:00 GMT"));

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(QuotaExceededException.class)
        .satisfies(
            e ->
                assertThat(((QuotaExceededException) e).retryAt())
                    .hasValue(Instant.parse("2020-08-03T17:00:00Z")));
  }

  @Test
  void truncatedJsonIsInvalid() {
    storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T16:00:00Z"));
    server.enqueue(json(200, "{\"access_token\":\"A2\",\"expires_in\":12"));

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith("POST /device/token returned HTTP 200 with invalid JSON (")
        .hasMessageNotContaining("A2");
  }

  @Test
  void missingExpiresInIsInvalid() {
    storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T16:00:00Z"));
    server.enqueue(json(200, "{\"access_token\":\"A2\",\"token_type\":\"Bearer\"}"));

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage("POST /device/token returned HTTP 200 without the member expires_in");
  }

  @Test
  void timeoutIsTemporary() {
    storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T16:00:00Z"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    provider = newProvider(new OkHttpClient.Builder().readTimeout(Duration.ofMillis(200)).build());

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(TemporaryFailureException.class)
        .hasMessage("POST /device/token timed out; try again later");
  }

  @Test
  void refusedConnectionIsTemporary() throws Exception {
    storeFirstTokens();
    clock.set(Instant.parse("2020-08-03T16:00:00Z"));
    server.shutdown();

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(TemporaryFailureException.class)
        .hasMessageStartingWith("POST /device/token failed: java.net.ConnectException")
        .hasMessageEndingWith("; try again later")
        .hasMessageNotContaining("R1");
  }
}
