package io.github.linkyj.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.testing.Http.Answer;
import io.github.linkyj.core.testing.Http.IntervalReading;
import io.github.linkyj.core.testing.Http.MeterReading;
import io.github.linkyj.core.testing.Http.MeterReadingBody;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnedisEndpointsTest {
  private static final String CONSUMER = "12345678901234";
  private static final String PRODUCER = "10284856584123";

  private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
  private EnedisSimulator simulator;
  private Http http;
  private String bearer;

  @BeforeEach
  void start() throws IOException {
    simulator = EnedisSimulator.builder(clock).sandboxCustomer(3).start();
    http = new Http(simulator);
    bearer = http.enedisBearer(simulator);
  }

  @AfterEach
  void stop() throws IOException {
    simulator.close();
  }

  private MeterReading meterReading(String path, String usagePoint, String start, String end)
      throws IOException {
    Answer answer =
        http.get(
            path + "?usage_point_id=" + usagePoint + "&start=" + start + "&end=" + end, bearer);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.as(MeterReadingBody.class).meter_reading;
  }

  @Test
  void tokenExpiresInIsString() throws IOException {
    Answer answer =
        http.post(
            "oauth2/v3/token",
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                simulator.enedisClientId(),
                "client_secret",
                simulator.enedisClientSecret()));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.field("expires_in")).isEqualTo("12600");
    assertThat(answer.field("token_type")).isEqualTo("Bearer");
    assertThat(answer.field("scope")).isEqualTo("");
    assertThat(answer.body()).doesNotContain("refresh_token");
  }

  @Test
  void tokenAcceptsBasicAuthentication() throws IOException {
    String pair = simulator.enedisClientId() + ":" + simulator.enedisClientSecret();
    String basic =
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));

    Answer answer = http.post("oauth2/v3/token", Map.of("grant_type", "client_credentials"), basic);

    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void tokenRejectsWrongSecret() throws IOException {
    Answer answer =
        http.post(
            "oauth2/v3/token",
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                simulator.enedisClientId(),
                "client_secret",
                "wrong"));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.field("error")).isEqualTo("invalid_client");
  }

  @Test
  void tokenRejectsOtherGrant() throws IOException {
    Answer answer = http.post("oauth2/v3/token", Map.of("grant_type", "refresh_token"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.field("error")).isEqualTo("unsupported_grant_type");
  }

  @Test
  void meteringNeedsValidToken() throws IOException {
    String path =
        "metering_data_dc/v5/daily_consumption?usage_point_id="
            + CONSUMER
            + "&start=2026-02-01&end=2026-02-02";

    Answer missing = http.get(path, null);
    Answer unknown = http.get(path, "Bearer nope");
    clock.advance(Duration.ofSeconds(12_600));
    Answer expired = http.get(path, bearer);

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.field("error")).isEqualTo("invalid_token");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(expired.status()).isEqualTo(401);
  }

  @Test
  void dailyConsumptionShape() throws IOException {
    MeterReading reading =
        meterReading("metering_data_dc/v5/daily_consumption", CONSUMER, "2026-02-01", "2026-02-04");

    assertThat(reading.usage_point_id).isEqualTo(CONSUMER);
    assertThat(reading.start).isEqualTo("2026-02-01");
    assertThat(reading.end).isEqualTo("2026-02-04");
    assertThat(reading.quality).isEqualTo("BRUT");
    assertThat(reading.reading_type.unit).isEqualTo("Wh");
    assertThat(reading.reading_type.measurement_kind).isEqualTo("energy");
    assertThat(reading.reading_type.aggregate).isEqualTo("sum");
    assertThat(reading.reading_type.measuring_period).isEqualTo("P1D");
    assertThat(reading.interval_reading)
        .extracting(point -> point.date)
        .containsExactly("2026-02-01", "2026-02-02", "2026-02-03");
    for (IntervalReading point : reading.interval_reading) {
      assertThat(point.value).matches("\\d+");
      assertThat(point.interval_length).isNull();
      assertThat(point.measure_type).isNull();
    }
  }

  @Test
  void consumptionLoadCurveShape() throws IOException {
    MeterReading reading =
        meterReading(
            "metering_data_clc/v5/consumption_load_curve", CONSUMER, "2026-02-01", "2026-02-02");

    assertThat(reading.reading_type.unit).isEqualTo("W");
    assertThat(reading.reading_type.measurement_kind).isEqualTo("power");
    assertThat(reading.reading_type.aggregate).isEqualTo("average");
    assertThat(reading.reading_type.measuring_period).isNull();
    assertThat(reading.interval_reading).hasSize(48);
    assertThat(reading.interval_reading.get(0).date).isEqualTo("2026-02-01 00:30:00");
    assertThat(reading.interval_reading.get(47).date).isEqualTo("2026-02-02 00:00:00");
    for (IntervalReading point : reading.interval_reading) {
      assertThat(point.interval_length).isEqualTo("PT30M");
      assertThat(point.measure_type).isEqualTo("B");
      assertThat(Long.parseLong(point.value) % 2).isZero();
    }
  }

  @Test
  void maxPowerShape() throws IOException {
    MeterReading reading =
        meterReading(
            "metering_data_dcmp/v5/daily_consumption_max_power",
            CONSUMER,
            "2026-02-01",
            "2026-02-03");

    assertThat(reading.reading_type.unit).isEqualTo("VA");
    assertThat(reading.reading_type.measurement_kind).isEqualTo("power");
    assertThat(reading.reading_type.aggregate).isEqualTo("maximum");
    assertThat(reading.reading_type.measuring_period).isEqualTo("P1D");
    assertThat(reading.interval_reading).hasSize(2);
    assertThat(reading.interval_reading.get(0).date).matches("2026-02-01 \\d\\d:\\d\\d:\\d\\d");
    assertThat(reading.interval_reading.get(1).date).matches("2026-02-02 \\d\\d:\\d\\d:\\d\\d");
  }

  @Test
  void dailyProductionShape() throws IOException {
    MeterReading reading =
        meterReading("metering_data_dp/v5/daily_production", PRODUCER, "2026-02-01", "2026-02-02");

    assertThat(reading.usage_point_id).isEqualTo(PRODUCER);
    assertThat(reading.reading_type.unit).isEqualTo("Wh");
    assertThat(reading.reading_type.aggregate).isEqualTo("sum");
    assertThat(reading.interval_reading).hasSize(1);
    assertThat(Long.parseLong(reading.interval_reading.get(0).value)).isPositive();
  }

  @Test
  void productionLoadCurveIsZeroAtNight() throws IOException {
    MeterReading reading =
        meterReading(
            "metering_data_plc/v5/production_load_curve", PRODUCER, "2025-06-21", "2025-06-22");

    assertThat(reading.reading_type.unit).isEqualTo("W");
    assertThat(reading.interval_reading).hasSize(48);
    assertThat(reading.interval_reading.get(3).value).isEqualTo("0");
    assertThat(reading.interval_reading.get(47).value).isEqualTo("0");
    long noon = Long.parseLong(reading.interval_reading.get(27).value);
    long dawn = Long.parseLong(reading.interval_reading.get(13).value);
    assertThat(noon).isGreaterThan(dawn);
  }

  @Test
  void contractShape() throws IOException {
    Answer answer =
        http.get("customers_upc/v5/usage_points/contracts?usage_point_id=" + CONSUMER, bearer);

    assertThat(answer.status()).isEqualTo(200);
    Map<String, Object> contract =
        Json.find(answer.json(), "customer", "usage_points", "contracts");
    Map<String, Object> usagePoint =
        Json.find(answer.json(), "customer", "usage_points", "usage_point");
    assertThat(usagePoint).containsEntry("usage_point_id", CONSUMER);
    assertThat(usagePoint).containsEntry("meter_type", "AMM");
    assertThat(contract).containsEntry("subscribed_power", "9 kVA");
    assertThat(contract).containsEntry("offpeak_hours", "HC (23H30-7H30)");
    assertThat(contract).containsEntry("last_activation_date", "2015-12-01+01:00");
    assertThat(contract).containsEntry("distribution_tariff", "BTINFMUDT");
    assertThat(contract).containsEntry("contract_status", "SERVC");
  }

  @Test
  void contractOfProductionPointIsNotFound() throws IOException {
    Answer answer =
        http.get("customers_upc/v5/usage_points/contracts?usage_point_id=" + PRODUCER, bearer);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.field("error")).isEqualTo("no_data_found");
  }

  @Test
  void unknownPathIsNotFound() throws IOException {
    Answer answer = http.get("metering_data_xx/v5/nothing", bearer);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.field("error_description"))
        .isEqualTo("No simulated resource at /metering_data_xx/v5/nothing");
  }
}
