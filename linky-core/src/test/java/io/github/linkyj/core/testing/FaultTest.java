package io.github.linkyj.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonEncodingException;
import io.github.linkyj.core.testing.Http.Answer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultTest {
  private static final String CUSTOMER_0 = "22516914714270";
  private static final String CUSTOMER_7 = "64975835695673";
  private static final String DAILY =
      "metering_data_dc/v5/daily_consumption?start=2026-02-01&end=2026-02-08&usage_point_id=";
  private static final String CURVE =
      "metering_data_clc/v5/consumption_load_curve?start=2026-02-01&end=2026-02-02"
          + "&usage_point_id=";

  private final TestClock clock = TestClock.at("2026-03-02T09:12:34Z");
  private EnedisSimulator simulator;
  private Http http;
  private String bearer;

  @BeforeEach
  void start() throws IOException {
    simulator = EnedisSimulator.builder(clock).sandboxCustomer(0).sandboxCustomer(7).start();
    http = new Http(simulator, Duration.ofMillis(500));
    bearer = http.enedisBearer(simulator);
  }

  @AfterEach
  void stop() throws IOException {
    simulator.close();
  }

  private Answer daily(String usagePoint) throws IOException {
    return http.get(DAILY + usagePoint, bearer);
  }

  private static String recordedError(String name) throws IOException, URISyntaxException {
    Path file = Path.of(FaultTest.class.getResource("/testing/errors/" + name).toURI());
    return Files.readString(file);
  }

  @Test
  void standardErrorBody() throws IOException {
    simulator.inject(Fault.enedisError(404, "STM-ERR-0000014", "no data"));

    Answer answer = daily(CUSTOMER_0);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).isEqualTo("application/json");
    assertThat(answer.json())
        .containsExactly(
            Map.entry("error", "STM-ERR-0000014"), Map.entry("error_description", "no data"));
  }

  @Test
  void faultAppliesOnceByDefault() throws IOException {
    simulator.inject(Fault.technicalError());

    Answer first = daily(CUSTOMER_0);
    Answer second = daily(CUSTOMER_0);

    assertThat(first.status()).isEqualTo(500);
    assertThat(first.field("error")).isEqualTo("technical_error");
    assertThat(first.field("error_description")).isEqualTo("Technical error. Please try later.");
    assertThat(second.status()).isEqualTo(200);
  }

  @Test
  void faultAppliesGivenTimes() throws IOException {
    simulator.inject(Fault.serviceUnavailable().times(2));

    assertThat(daily(CUSTOMER_0).status()).isEqualTo(503);
    assertThat(daily(CUSTOMER_0).body()).isEmpty();
    assertThat(daily(CUSTOMER_0).status()).isEqualTo(200);
  }

  @Test
  void alwaysUntilCleared() throws IOException {
    simulator.inject(Fault.emptyBody(502).always());
    for (int i = 0; i < 5; i++) {
      assertThat(daily(CUSTOMER_0).status()).isEqualTo(502);
    }

    simulator.clearFaults();

    assertThat(daily(CUSTOMER_0).status()).isEqualTo(200);
  }

  @Test
  void faultTargetsPathAndUsagePoint() throws IOException {
    simulator.inject(Fault.technicalError().onPath("load_curve").forUsagePoint(CUSTOMER_7));

    assertThat(daily(CUSTOMER_7).status()).isEqualTo(200);
    assertThat(http.get(CURVE + CUSTOMER_0, bearer).status()).isEqualTo(200);
    assertThat(http.get(CURVE + CUSTOMER_7, bearer).status()).isEqualTo(500);
    assertThat(http.get(CURVE + CUSTOMER_7, bearer).status()).isEqualTo(200);
  }

  @Test
  void faultsApplyToTokenEndpoints() throws IOException {
    simulator.inject(Fault.serviceUnavailable().onPath("/device/code"));

    Answer answer = http.post("device/code", Map.of("client_id", simulator.clientId()));

    assertThat(answer.status()).isEqualTo(503);
  }

  @Test
  void notHolderHasObservedText() throws IOException {
    simulator.inject(Fault.notHolder().forUsagePoint(CUSTOMER_7));

    Answer answer = daily(CUSTOMER_7);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.field("error")).isEqualTo("ADAM-DC-0007");
    assertThat(answer.field("error_description"))
        .isEqualTo("Le client n'est pas titulaire du point demandé.");
  }

  @Test
  void throttledHasWso2Shape() throws IOException {
    simulator.inject(Fault.throttled());

    Answer answer = daily(CUSTOMER_0);

    assertThat(answer.status()).isEqualTo(429);
    assertThat(answer.json())
        .containsEntry("code", "900804")
        .containsEntry("message", "Message throttled out")
        .containsEntry(
            "description",
            "You have exceeded your quota .You can access API after 2026-Mar-02 10:00:00+0000 UTC")
        .containsEntry("nextAccessTime", "2026-Mar-02 10:00:00+0000 UTC");
  }

  @Test
  void throttledMatchesRecordedKeys() throws IOException, URISyntaxException {
    simulator.inject(Fault.throttled());

    Map<String, Object> recorded =
        Json.tryParseObject(recordedError("error_429_quota_900804_throttled.json"));

    assertThat(daily(CUSTOMER_0).json().keySet()).containsExactlyElementsOf(recorded.keySet());
  }

  @Test
  void resourceForbiddenIsRecordedBody() throws IOException, URISyntaxException {
    simulator.inject(Fault.resourceForbidden());

    Answer answer = daily(CUSTOMER_0);

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json())
        .isEqualTo(
            Json.tryParseObject(
                recordedError("error_900908_resource_forbidden_api_not_subscribed.json")));
  }

  @Test
  void quotaQ4HasOldShape() throws IOException {
    simulator.inject(Fault.quotaQ4());

    Answer answer = daily(CUSTOMER_0);

    assertThat(answer.status()).isEqualTo(429);
    assertThat(answer.field("error")).isEqualTo("429");
    assertThat(answer.field("error_description"))
        .isEqualTo("Quota Q4 reached\r\nCall threshold allowed on 0:-30:-40");
  }

  @Test
  void tooManyRequestsWithRetryAfter() throws IOException {
    simulator.inject(Fault.tooManyRequests(Duration.ofSeconds(30)));
    simulator.inject(Fault.tooManyRequests());

    Answer first = daily(CUSTOMER_0);
    Answer second = daily(CUSTOMER_0);

    assertThat(first.status()).isEqualTo(429);
    assertThat(first.retryAfter()).isEqualTo("30");
    assertThat(second.status()).isEqualTo(429);
    assertThat(second.retryAfter()).isNull();
    assertThat(second.field("error_description")).isEqualTo("Quota Q3 reached");
  }

  @Test
  void htmlPageInsteadOfJson() throws IOException {
    simulator.inject(Fault.htmlPage(404));

    Answer answer = daily(CUSTOMER_0);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).isEqualTo("text/html; charset=UTF-8");
    assertThat(answer.body()).startsWith("<!DOCTYPE html>");
  }

  @Test
  void customResponse() throws IOException {
    simulator.inject(Fault.response(200, "application/json", "{\"unexpected\":true}"));

    Answer answer = daily(CUSTOMER_0);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"unexpected\":true}");
  }

  @Test
  void truncatedBodyIsMalformedJson() throws IOException {
    simulator.inject(Fault.truncatedBody());

    Answer answer = daily(CUSTOMER_0);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).startsWith("{\"meter_reading\":{");
    assertThatThrownBy(() -> Http.MOSHI.adapter(Object.class).fromJson(answer.body()))
        .isInstanceOf(JsonEncodingException.class);
  }

  @Test
  void delayBeyondTimeoutTimesOut() throws IOException {
    simulator.inject(Fault.delay(Duration.ofSeconds(3)));

    assertThatThrownBy(() -> daily(CUSTOMER_0)).isInstanceOf(InterruptedIOException.class);
  }

  @Test
  void shortDelayStillAnswers() throws IOException {
    simulator.inject(Fault.delay(Duration.ofMillis(50)));

    assertThat(daily(CUSTOMER_0).status()).isEqualTo(200);
  }

  @Test
  void droppedConnectionFailsCall() throws IOException {
    simulator.inject(Fault.dropConnection());

    assertThatThrownBy(() -> daily(CUSTOMER_0)).isInstanceOf(IOException.class);
    assertThat(daily(CUSTOMER_0).status()).isEqualTo(200);
  }

  @Test
  void dropDuringBodyFailsRead() {
    simulator.inject(Fault.dropDuringBody());

    assertThatThrownBy(() -> daily(CUSTOMER_0)).isInstanceOf(IOException.class);
  }

  @Test
  void noResponseTimesOut() {
    simulator.inject(Fault.noResponse());

    assertThatThrownBy(() -> daily(CUSTOMER_0)).isInstanceOf(InterruptedIOException.class);
  }

  @Test
  void faultWithZeroTimesIsRejected() {
    assertThatThrownBy(() -> Fault.technicalError().times(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid fault count 0: use 1 or more");
  }

  @Test
  void faultDescribesItself() {
    assertThat(Fault.technicalError().onPath("load_curve").times(3))
        .hasToString("Fault{technicalError, path contains 'load_curve', 3 time(s)}");
  }
}
