package io.github.linkyj.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.linkyj.core.testing.Http.Answer;
import io.github.linkyj.core.testing.Http.MeterReading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayTest {
  private static final String CONSUMER = "12345678901234";
  private static final String PRODUCER = "10284856584123";
  private static final String RANGE = "&start=2026-02-01&end=2026-02-02";

  private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
  private EnedisSimulator simulator;
  private Http http;

  @BeforeEach
  void start() throws IOException {
    simulator = EnedisSimulator.builder(clock).sandboxCustomer(3).sandboxCustomer(0).start();
    http = new Http(simulator);
  }

  @AfterEach
  void stop() throws IOException {
    simulator.close();
  }

  private Answer get(String kind, String prm, String token) throws IOException {
    return http.get(
        "api/" + kind + "?prm=" + prm + RANGE, token == null ? null : "Bearer " + token);
  }

  @Test
  void tokenSubjectListsUsagePoints() {
    String token = simulator.gatewayToken(CONSUMER, PRODUCER);

    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    Map<String, Object> claims = Json.tryParseObject(payload);
    assertThat(parts).hasSize(3);
    assertThat(claims.get("sub")).isEqualTo(List.of(CONSUMER, PRODUCER));
    assertThat(claims.get("iat")).isEqualTo((double) clock.instant().getEpochSecond());
  }

  @Test
  void meterReadingAtTopLevel() throws IOException {
    Answer answer = get("consumption_load_curve", CONSUMER, simulator.gatewayToken(CONSUMER));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json()).doesNotContainKey("meter_reading");
    MeterReading reading = answer.as(MeterReading.class);
    assertThat(reading.usage_point_id).isEqualTo(CONSUMER);
    assertThat(reading.reading_type.unit).isEqualTo("W");
    assertThat(reading.interval_reading).hasSize(48);
  }

  @Test
  void everyGatewayKindAnswers() throws IOException {
    String token = simulator.gatewayToken();

    assertThat(get("daily_consumption", CONSUMER, token).status()).isEqualTo(200);
    assertThat(
            get("consumption_max_power", CONSUMER, token).as(MeterReading.class).reading_type.unit)
        .isEqualTo("VA");
    assertThat(get("daily_production", PRODUCER, token).status()).isEqualTo(200);
    assertThat(get("production_load_curve", PRODUCER, token).status()).isEqualTo(200);
  }

  @Test
  void enedisErrorIsWrapped() throws IOException {
    Answer answer = get("daily_production", CONSUMER, simulator.gatewayToken());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.field("status")).isEqualTo(400.0);
    assertThat(answer.field("message")).isEqualTo("The Enedis API returned an error");
    assertThat(answer.field("error"))
        .isEqualTo(
            Map.of(
                "error",
                "ADAM-ERR0069",
                "error_description",
                "Le sens de la mesure ne correspond pas pour le PRM demandé"));
  }

  @Test
  void usagePointOutsideTokenIsRefused() throws IOException {
    Answer answer = get("daily_consumption", "22516914714270", simulator.gatewayToken(CONSUMER));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.field("message"))
        .isEqualTo("Votre token est invalide ou ne permet pas d'accéder à ce PRM");
  }

  @Test
  void tamperedTokenIsRefused() throws IOException {
    String token = simulator.gatewayToken(CONSUMER);
    String[] parts = token.split("\\.");
    String otherPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(("{\"sub\":[\"" + PRODUCER + "\"]}").getBytes(StandardCharsets.UTF_8));

    Answer answer =
        get("daily_production", PRODUCER, parts[0] + "." + otherPayload + "." + parts[2]);

    assertThat(answer.status()).isEqualTo(401);
  }

  @Test
  void expiredOrMissingTokenIsRefused() throws IOException {
    String shortLived =
        EnedisSimulator.mintGatewayToken(List.of(CONSUMER), clock.instant(), Duration.ofHours(1));

    clock.advance(Duration.ofHours(1));

    assertThat(get("daily_consumption", CONSUMER, shortLived).status()).isEqualTo(401);
    assertThat(get("daily_consumption", CONSUMER, null).status()).isEqualTo(401);
  }

  @Test
  void tokenMintedElsewhereIsAccepted() throws IOException {
    String token =
        EnedisSimulator.mintGatewayToken(
            List.of(CONSUMER), Instant.parse("2025-01-01T00:00:00Z"), Duration.ofDays(1000));

    assertThat(get("daily_consumption", CONSUMER, token).status()).isEqualTo(200);
  }

  @Test
  void missingParametersAreRejected() throws IOException {
    Answer answer = http.get("api/daily_consumption?prm=" + CONSUMER, "Bearer x");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.field("message"))
        .isEqualTo("Invalid parameters: prm, start and end are required");
  }

  @Test
  void unknownKindIsNotFound() throws IOException {
    Answer answer = get("identity", CONSUMER, simulator.gatewayToken());

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.field("message")).isEqualTo("Unknown data type: identity");
  }

  @Test
  void mintingNeedsUsagePoints() {
    assertThatThrownBy(
            () -> EnedisSimulator.mintGatewayToken(List.of(), clock.instant(), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A gateway token needs at least one usage point id");
  }
}
