package io.github.linkyj.core;

import static io.github.linkyj.core.TestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {
  private static final String ENDPOINT = "/metering_data_dc/v5/daily_consumption";
  private static final String PRM = "22222222222222";
  private static final Instant NOW = Instant.parse("2026-07-17T04:00:00Z");

  @Test
  void noConsentIsConsentRequired() {
    LinkyException e = map(403, fixture("error_403_ADAM-DC-0008_no_consent.json"));

    assertThat(e).isExactlyInstanceOf(ConsentRequiredException.class);
    assertThat(e.errorCode()).contains("ADAM-DC-0008");
    assertThat(e.httpStatus()).isEqualTo(403);
    assertThat(e.endpoint()).contains(ENDPOINT);
    assertThat(e.usagePointId()).contains(PRM);
    assertThat(e)
        .hasMessage(
            "Consent missing or revoked for usage point 22222222222222: GET"
                + " /metering_data_dc/v5/daily_consumption returned HTTP 403 ADAM-DC-0008 \"No"
                + " consent can be found for this customer and this usage point.\"; ask the"
                + " customer to consent again");
  }

  @Test
  void codesIgnoreCaseAndUnderscores() {
    LinkyException e = map(403, "{\"error\":\"adam_dc_0008\",\"error_description\":\"x\"}");

    assertThat(e).isExactlyInstanceOf(ConsentRequiredException.class);
  }

  @Test
  void wrongDirectionFromRecordedBody() {
    LinkyException e = map(400, fixture("error_400_ADAM-ERR0069_measure_direction.json"));

    assertThat(e).isExactlyInstanceOf(WrongDirectionException.class);
    assertThat(e.errorCode()).contains("ADAM-ERR0069");
  }

  @Test
  void startAfterEndIsPlainFailure() {
    LinkyException e = map(400, fixture("error_400_Invalid_request_start_after_end.json"));

    assertThat(e).isExactlyInstanceOf(LinkyException.class);
    assertThat(e)
        .hasMessage(
            "Request failed for usage point 22222222222222: GET"
                + " /metering_data_dc/v5/daily_consumption returned HTTP 400 Invalid_request"
                + " \"Start date should be before end date.\"; check the request parameters");
  }

  @Test
  void throttledBodyGivesRetryInstant() {
    LinkyException e = map(429, fixture("error_429_quota_900804_throttled.json"));

    assertThat(e).isExactlyInstanceOf(QuotaExceededException.class);
    assertThat(((QuotaExceededException) e).retryAt())
        .contains(Instant.parse("2026-07-17T05:00:00Z"));
    assertThat(e.errorCode()).contains("900804");
    assertThat(e.getMessage()).endsWith("; retry after 2026-07-17T05:00:00Z");
  }

  @Test
  void olderQuotaBodyWithoutStatus() {
    String body =
        "{\"error\":\"429\",\"error_description\":\"Quota Q4 reached\\r\\nCall threshold"
            + " allowed on 0:-30:-40\"}";

    LinkyException e = map(200, body);

    assertThat(e).isExactlyInstanceOf(QuotaExceededException.class);
    assertThat(((QuotaExceededException) e).retryAt()).isEmpty();
    assertThat(e.getMessage()).contains("\"Quota Q4 reached Call threshold allowed on 0:-30:-40\"");
  }

  @Test
  void gatewayWrapperIsUnwrapped() {
    String body =
        "{\"status\":429,\"message\":\"The Enedis API returned an error\",\"error\":{\"fault\":"
            + "{\"code\":900807,\"message\":\"Message throttled out\",\"description\":\"You have"
            + " exceeded your quota\"}}}";

    LinkyException e = map(429, body);

    assertThat(e).isExactlyInstanceOf(QuotaExceededException.class);
    assertThat(e.errorCode()).contains("900807");
  }

  @Test
  void gatewayWrappedNoData() {
    String body =
        "{\"status\":404,\"message\":\"The Enedis API returned an error\",\"error\":"
            + "{\"error\":\"no_data_found\",\"error_description\":\"no measure found for this"
            + " usage point\"}}";

    assertThat(map(404, body)).isExactlyInstanceOf(NoDataException.class);
  }

  @Test
  void retryAfterSecondsAndDate() {
    QuotaExceededException seconds =
        (QuotaExceededException) ErrorMapper.map(429, "", "120", ENDPOINT, PRM, NOW);
    QuotaExceededException date =
        (QuotaExceededException)
            ErrorMapper.map(429, "", "Fri, 17 Jul 2026 06:00:00 GMT", ENDPOINT, PRM, NOW);

    assertThat(seconds.retryAt()).contains(NOW.plusSeconds(120));
    assertThat(date.retryAt()).contains(Instant.parse("2026-07-17T06:00:00Z"));
  }

  @Test
  void technicalErrorIsTemporary() {
    String body =
        "{\"error\":\"technical_error\",\"error_description\":\"Technical error. Please try"
            + " later.\"}";

    assertThat(map(500, body)).isExactlyInstanceOf(TemporaryFailureException.class);
  }

  @Test
  void htmlAndEmptyBodiesUseStatus() {
    LinkyException html = map(503, "<html><body>Service Unavailable</body></html>");
    LinkyException empty = map(502, "");
    LinkyException notFound = map(404, "<html>La page que vous recherchez n'existe pas</html>");

    assertThat(html).isExactlyInstanceOf(TemporaryFailureException.class);
    assertThat(html.errorCode()).isEmpty();
    assertThat(empty).isExactlyInstanceOf(TemporaryFailureException.class);
    assertThat(notFound).isExactlyInstanceOf(LinkyException.class);
    assertThat(notFound.getMessage()).endsWith("returned HTTP 404; check the base URL");
  }

  @Test
  void edgeCodesMapToTheirTypes() {
    assertThat(map(400, body("ADAM-ERR0123"))).isExactlyInstanceOf(BeforeActivationException.class);
    assertThat(map(400, body("ADAM-ERR0125"))).isExactlyInstanceOf(HistoryLimitException.class);
    assertThat(map(400, body("ADAM-DC-0016"))).isExactlyInstanceOf(HistoryLimitException.class);
    assertThat(map(400, body("ADAM-ERR0126"))).isExactlyInstanceOf(RangeTooLongException.class);
    assertThat(map(400, body("ADAM-DC-0015"))).isExactlyInstanceOf(RangeTooLongException.class);
    assertThat(map(400, body("ADAM-DC-0007"))).isExactlyInstanceOf(NotHolderException.class);
    assertThat(map(404, body("STM-ERR-0000014"))).isExactlyInstanceOf(NoDataException.class);
  }

  @Test
  void apiNotSubscribedIsNotConsent() {
    LinkyException e = map(403, fixture("error_900908_resource_forbidden_api_not_subscribed.json"));

    assertThat(e).isExactlyInstanceOf(LinkyException.class);
    assertThat(e.errorCode()).contains("900908");
    assertThat(e.getMessage()).endsWith("; subscribe the application to this API");
  }

  @Test
  void endDateNotPastIsTemporary() {
    String body =
        "{\"error\":\"Invalid_request\",\"error_description\":\"The end date parameter must be"
            + " earlier than the current date.\"}";

    assertThat(map(400, body)).isExactlyInstanceOf(TemporaryFailureException.class);
  }

  @Test
  void unauthorizedNeedsNewToken() {
    String body =
        "{\"status\":401,\"message\":\"Votre token est invalide ou ne permet pas d'accéder à ce"
            + " PRM\"}";

    LinkyException e = map(401, body);

    assertThat(e).isExactlyInstanceOf(ConsentRequiredException.class);
    assertThat(e.getMessage()).contains("HTTP 401 \"Votre token est invalide");
  }

  private static String body(String code) {
    return "{\"error\":\"" + code + "\",\"error_description\":\"text\"}";
  }

  private static LinkyException map(int status, String body) {
    return ErrorMapper.map(status, body, null, ENDPOINT, PRM, NOW);
  }
}
