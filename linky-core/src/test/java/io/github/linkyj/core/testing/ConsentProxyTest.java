package io.github.linkyj.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.linkyj.core.ConsentRequiredException;
import io.github.linkyj.core.DataSource;
import io.github.linkyj.core.LinkyClient;
import io.github.linkyj.core.auth.AccessToken;
import io.github.linkyj.core.auth.AccessTokenProvider;
import io.github.linkyj.core.testing.Http.Answer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsentProxyTest {
  private static final String DAILY =
      "data/proxy/metering_data_dc/v5/daily_consumption?start=2026-02-01&end=2026-02-08"
          + "&usage_point_id=";

  private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
  private EnedisSimulator simulator;
  private Http http;

  private void start(EnedisSimulator.Builder builder) throws IOException {
    simulator = builder.start();
    http = new Http(simulator);
  }

  @AfterEach
  void stop() throws IOException {
    if (simulator != null) {
      simulator.close();
    }
  }

  private String deviceCode() throws IOException {
    return (String)
        http.post("device/code", Map.of("client_id", simulator.clientId())).field("device_code");
  }

  private Answer poll(String deviceCode) throws IOException {
    return http.post("device/token", Http.devicePoll(simulator, deviceCode));
  }

  private Answer refresh(String refreshToken, String usagePoints) throws IOException {
    return http.post(
        "device/token",
        Map.of(
            "client_id",
            simulator.clientId(),
            "grant_type",
            "refresh_token",
            "refresh_token",
            refreshToken,
            "usage_points_id",
            usagePoints));
  }

  @Test
  void deviceCodeHasRfc8628Fields() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0).pollInterval(Duration.ofSeconds(2)));

    Answer answer = http.post("device/code", Map.of("client_id", simulator.clientId()));

    assertThat(answer.status()).isEqualTo(200);
    Map<String, Object> body = answer.json();
    assertThat((String) body.get("device_code")).matches("[0-9a-f]{64}");
    String userCode = (String) body.get("user_code");
    assertThat(userCode).matches("[A-HJ-NP-Z]{4}-[A-HJ-NP-Z]{4}");
    assertThat(body.get("verification_uri")).isEqualTo(simulator.baseUrl() + "device");
    assertThat(body.get("verification_uri_complete"))
        .isEqualTo(simulator.baseUrl() + "device?code=" + userCode);
    assertThat(body.get("expires_in")).isEqualTo(300.0);
    assertThat(body.get("interval")).isEqualTo(2.0);
    assertThat(simulator.lastUserCode()).contains(userCode);
  }

  @Test
  void deviceCodeWithoutClientIdIsRejected() throws IOException {
    start(EnedisSimulator.builder(clock));

    Answer answer = http.post("device/code", Map.of());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.field("error")).isEqualTo("invalid_request");
    assertThat(answer.field("error_description")).isEqualTo("Missing client_id");
  }

  @Test
  void pendingThenApprovedByDefault() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(3));
    String deviceCode = deviceCode();

    Answer first = poll(deviceCode);
    Answer second = poll(deviceCode);
    Answer third = poll(deviceCode);

    assertThat(first.status()).isEqualTo(400);
    assertThat(first.field("error")).isEqualTo("authorization_pending");
    assertThat(second.status()).isEqualTo(200);
    Map<String, Object> tokens = second.json();
    assertThat((String) tokens.get("access_token")).matches("[0-9a-f]{64}");
    assertThat((String) tokens.get("refresh_token")).matches("[0-9a-f]{64}");
    assertThat(tokens.get("token_type")).isEqualTo("Bearer");
    assertThat(tokens.get("expires_in")).isEqualTo(12600.0);
    assertThat(tokens.get("usage_points_id")).isEqualTo("12345678901234,10284856584123");
    assertThat(third.field("error")).isEqualTo("invalid_grant");
    assertThat(third.field("error_description")).isEqualTo("device_code not found in db");
  }

  @Test
  void approveAfterZeroPollsApprovesAtOnce() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0).approveAfterPolls(0));

    assertThat(poll(deviceCode()).status()).isEqualTo(200);
  }

  @Test
  void scriptedPollsRunInOrder() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0));
    simulator.scriptDevicePolls(
        DevicePoll.PENDING, DevicePoll.SLOW_DOWN, DevicePoll.PENDING, DevicePoll.APPROVED);
    String deviceCode = deviceCode();

    assertThat(poll(deviceCode).field("error")).isEqualTo("authorization_pending");
    assertThat(poll(deviceCode).field("error")).isEqualTo("slow_down");
    assertThat(poll(deviceCode).field("error")).isEqualTo("authorization_pending");
    assertThat(poll(deviceCode).status()).isEqualTo(200);
  }

  @Test
  void scriptedDenialIsFinal() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0));
    simulator.scriptDevicePolls(DevicePoll.DENIED);
    String deviceCode = deviceCode();

    Answer first = poll(deviceCode);
    Answer second = poll(deviceCode);

    assertThat(first.status()).isEqualTo(400);
    assertThat(first.field("error")).isEqualTo("access_denied");
    assertThat(second.field("error")).isEqualTo("access_denied");
  }

  @Test
  void scriptedExpiryForgetsDeviceCode() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0));
    simulator.scriptDevicePolls(DevicePoll.EXPIRED);
    String deviceCode = deviceCode();

    assertThat(poll(deviceCode).field("error")).isEqualTo("expired_token");
    assertThat(poll(deviceCode).field("error")).isEqualTo("invalid_grant");
  }

  @Test
  void pollingTooFastSlowsDown() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0).enforcePollInterval());
    String deviceCode = deviceCode();

    Answer first = poll(deviceCode);
    clock.advance(Duration.ofSeconds(2));
    Answer tooSoon = poll(deviceCode);
    clock.advance(Duration.ofSeconds(7));
    Answer stillTooSoon = poll(deviceCode);
    clock.advance(Duration.ofSeconds(15));
    Answer onTime = poll(deviceCode);

    assertThat(first.field("error")).isEqualTo("authorization_pending");
    assertThat(tooSoon.field("error")).isEqualTo("slow_down");
    assertThat(stillTooSoon.field("error")).isEqualTo("slow_down");
    assertThat(onTime.status()).isEqualTo(200);
  }

  @Test
  void deviceCodeExpiresAfterFiveMinutes() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0).manualApproval());
    String deviceCode = deviceCode();
    assertThat(poll(deviceCode).field("error")).isEqualTo("authorization_pending");

    clock.advance(Duration.ofSeconds(300));

    assertThat(poll(deviceCode).field("error")).isEqualTo("expired_token");
  }

  @Test
  void manualApprovalWaitsForUserCode() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(7).manualApproval());
    String deviceCode = deviceCode();
    for (int i = 0; i < 3; i++) {
      assertThat(poll(deviceCode).field("error")).isEqualTo("authorization_pending");
    }

    simulator.approveUserCode(simulator.lastUserCode().orElseThrow().toLowerCase());
    Answer approved = poll(deviceCode);

    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.field("usage_points_id"))
        .isEqualTo("64975835695673,63695879465986,22315546958763");
  }

  @Test
  void approvalForSomeUsagePoints() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(7).manualApproval());
    String deviceCode = deviceCode();

    simulator.approveUserCode(simulator.lastUserCode().orElseThrow(), List.of("63695879465986"));

    assertThat(poll(deviceCode).field("usage_points_id")).isEqualTo("63695879465986");
  }

  @Test
  void verificationPageApprovesCode() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0).manualApproval());
    Map<String, Object> code =
        http.post("device/code", Map.of("client_id", simulator.clientId())).json();
    String complete = (String) code.get("verification_uri_complete");

    Answer page = http.get(complete.substring(simulator.baseUrl().length()), null);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(poll((String) code.get("device_code")).status()).isEqualTo(200);
  }

  @Test
  void unknownUserCodeIsRejected() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0));

    assertThatThrownBy(() -> simulator.approveUserCode("BCDF-GHJK"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown or expired user code BCDF-GHJK: request a new device code first");
    assertThat(http.get("device?code=BCDF-GHJK", null).status()).isEqualTo(400);
  }

  @Test
  void deniedUserCodeAnswersAccessDenied() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0).manualApproval());
    String deviceCode = deviceCode();

    simulator.denyUserCode(simulator.lastUserCode().orElseThrow());

    assertThat(poll(deviceCode).field("error")).isEqualTo("access_denied");
  }

  @Test
  void badClientIdIsRejected() throws IOException {
    start(EnedisSimulator.builder(clock).clientId("my-client"));

    Answer answer =
        http.post(
            "device/token",
            Map.of("client_id", "other", "grant_type", ConsentProxy.DEVICE_CODE_GRANT));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.field("error")).isEqualTo("invalid_request");
    assertThat(answer.field("error_description")).isEqualTo("Bad client_id");
  }

  @Test
  void unsupportedGrantIsRejected() throws IOException {
    start(EnedisSimulator.builder(clock));

    Answer answer =
        http.post(
            "device/token",
            Map.of("client_id", simulator.clientId(), "grant_type", "authorization_code"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.field("error")).isEqualTo("unsupported_grant_type");
  }

  @Test
  void refreshRotatesRefreshToken() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(3));
    Map<String, Object> tokens = http.consent(simulator);
    String oldRefresh = (String) tokens.get("refresh_token");

    Answer refreshed = refresh(oldRefresh, "12345678901234,10284856584123");
    Answer reused = refresh(oldRefresh, "12345678901234,10284856584123");

    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(refreshed.field("refresh_token")).isNotEqualTo(oldRefresh);
    assertThat(refreshed.field("access_token")).isNotEqualTo(tokens.get("access_token"));
    assertThat(refreshed.json()).doesNotContainKey("usage_points_id");
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.field("error")).isEqualTo("invalid_grant");
    assertThat(reused.field("error_description")).isEqualTo("refresh_token not found in database");
  }

  @Test
  void refreshWithoutRotationKeepsToken() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0).rotateRefreshTokens(false));
    String refreshToken = (String) http.consent(simulator).get("refresh_token");

    Answer first = refresh(refreshToken, "22516914714270");
    Answer second = refresh(refreshToken, "22516914714270");

    assertThat(first.field("refresh_token")).isEqualTo(refreshToken);
    assertThat(second.status()).isEqualTo(200);
  }

  @Test
  void refreshNeedsSameUsagePoints() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(3));
    String refreshToken = (String) http.consent(simulator).get("refresh_token");

    Answer answer = refresh(refreshToken, "12345678901234");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.field("error")).isEqualTo("invalid_request");
    assertThat(answer.field("error_description"))
        .isEqualTo("refresh_token not corresponding to usage_points_id");
  }

  @Test
  void revokedRefreshTokensAnswerInvalidGrant() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0));
    String refreshToken = (String) http.consent(simulator).get("refresh_token");

    simulator.revokeRefreshTokens();

    assertThat(refresh(refreshToken, "22516914714270").field("error")).isEqualTo("invalid_grant");
  }

  @Test
  void revokedConsentStopsDataAndRefresh() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(3));
    Map<String, Object> tokens = http.consent(simulator);
    String bearer = "Bearer " + tokens.get("access_token");

    simulator.revokeConsent("10284856584123");
    Answer consumption = http.get(DAILY + "12345678901234", bearer);
    Answer production =
        http.get(
            "data/proxy/metering_data_dp/v5/daily_production?start=2026-02-01&end=2026-02-08"
                + "&usage_point_id=10284856584123",
            bearer);

    assertThat(consumption.status()).isEqualTo(200);
    assertThat(production.status()).isEqualTo(403);
    assertThat(production.field("error")).isEqualTo("ADAM-DC-0008");
    assertThat(
            refresh((String) tokens.get("refresh_token"), "12345678901234,10284856584123")
                .field("error"))
        .isEqualTo("invalid_grant");
  }

  @Test
  void dataProxyServesConsentedUsagePoint() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0));
    String bearer = "Bearer " + http.consent(simulator).get("access_token");

    Answer answer = http.get(DAILY + "22516914714270", bearer);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.as(Http.MeterReadingBody.class).meter_reading.interval_reading).hasSize(7);
  }

  @Test
  void dataProxyRejectsMissingToken() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0));

    Answer answer = http.get(DAILY + "22516914714270", null);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.field("error")).isEqualTo("Unauthorized");
    assertThat(answer.field("error_description")).isEqualTo("Autorization missing");
  }

  @Test
  void dataProxyRejectsUnknownToken() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0));

    Answer answer = http.get(DAILY + "22516914714270", "Bearer 0123");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.field("error_description")).isEqualTo("Access token not found");
  }

  @Test
  void dataProxyRejectsExpiredToken() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0));
    String bearer = "Bearer " + http.consent(simulator).get("access_token");
    clock.advance(Duration.ofSeconds(12_599));
    assertThat(http.get(DAILY + "22516914714270", bearer).status()).isEqualTo(200);

    clock.advance(Duration.ofSeconds(1));

    assertThat(http.get(DAILY + "22516914714270", bearer).status()).isEqualTo(403);
  }

  @Test
  void dataProxyRejectsOtherUsagePoint() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0).sandboxCustomer(7).manualApproval());
    String deviceCode = deviceCode();
    simulator.approveUserCode(simulator.lastUserCode().orElseThrow(), List.of("22516914714270"));
    String bearer = "Bearer " + poll(deviceCode).field("access_token");

    Answer answer = http.get(DAILY + "64975835695673", bearer);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.field("error_description")).isEqualTo("Bad access token");
  }

  @Test
  void clientNamesUsagePointOutsideConsent() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0).sandboxCustomer(7).manualApproval());
    String deviceCode = deviceCode();
    simulator.approveUserCode(simulator.lastUserCode().orElseThrow(), List.of("22516914714270"));
    String accessToken = (String) poll(deviceCode).field("access_token");
    LinkyClient client =
        LinkyClient.builder()
            .source(DataSource.CONSENT_PROXY)
            .baseUrl(simulator.baseUrl())
            .tokenProvider(new FixedToken(accessToken))
            .clock(clock)
            .build();

    assertThatThrownBy(
            () ->
                client.dailyConsumption(
                    "64975835695673", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 8)))
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "The consent does not cover usage point 64975835695673: GET"
                + " /data/proxy/metering_data_dc/v5/daily_consumption for [2026-02-01,"
                + " 2026-02-08) returned HTTP 404"
                + " Unauthorized \"Bad access token\"; run the consent again and include this"
                + " usage point in it")
        .hasMessageNotContaining(accessToken);
  }

  /** Token provider that returns one access token and never renews it. */
  private record FixedToken(String value) implements AccessTokenProvider {
    @Override
    public AccessToken accessToken() {
      return AccessToken.of(value, Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Override
    public void invalidate(AccessToken token) {
      throw new AssertionError("The client invalidated the consent token");
    }
  }

  @Test
  void dataProxyNeedsUsagePoint() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(0));
    String bearer = "Bearer " + http.consent(simulator).get("access_token");

    Answer answer =
        http.get(
            "data/proxy/metering_data_dc/v5/daily_consumption?start=2026-02-01&end=2026-02-08",
            bearer);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.field("error_description")).isEqualTo("Missing usage_point_id");
  }

  @Test
  void revokedSandboxCustomerIsListedButRefused() throws IOException {
    start(EnedisSimulator.builder(clock).sandboxCustomer(8));
    Map<String, Object> tokens = http.consent(simulator);

    Answer answer = http.get(DAILY + "26584978546985", "Bearer " + tokens.get("access_token"));

    assertThat(tokens.get("usage_points_id")).isEqualTo("26584978546985");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.as(Http.ErrorBody.class).error).isEqualTo("ADAM-DC-0008");
    assertThat(answer.as(Http.ErrorBody.class).error_description)
        .isEqualTo("No consent can be found for this customer and this usage point.");
  }
}
