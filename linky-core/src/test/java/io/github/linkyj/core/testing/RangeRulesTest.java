package io.github.linkyj.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.testing.Http.Answer;
import io.github.linkyj.core.testing.Http.ErrorBody;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Enedis range rules, checked with the sandbox customers and "today" = 2026-03-02. */
class RangeRulesTest {
  private static final String DAILY = "metering_data_dc/v5/daily_consumption";
  private static final String CURVE = "metering_data_clc/v5/consumption_load_curve";
  private static final String MAX_POWER = "metering_data_dcmp/v5/daily_consumption_max_power";
  private static final String PRODUCTION = "metering_data_dp/v5/daily_production";
  private static final String CUSTOMER_0 = "22516914714270";

  private static EnedisSimulator simulator;
  private static Http http;
  private static String bearer;

  @BeforeAll
  static void start() throws IOException {
    simulator = EnedisSimulator.builder(TestClock.at("2026-03-02T09:00:00Z")).start();
    http = new Http(simulator);
    bearer = http.enedisBearer(simulator);
  }

  @AfterAll
  static void stop() throws IOException {
    simulator.close();
  }

  private static Answer get(String path, String id, String start, String end) throws IOException {
    return http.get(path + "?usage_point_id=" + id + "&start=" + start + "&end=" + end, bearer);
  }

  private static void assertError(Answer answer, int status, String error, String description) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    ErrorBody body = answer.as(ErrorBody.class);
    assertThat(body.error).isEqualTo(error);
    assertThat(body.error_description).isEqualTo(description);
  }

  @Test
  void startMustBeBeforeEnd() throws IOException {
    Answer same = get(DAILY, CUSTOMER_0, "2026-02-01", "2026-02-01");
    Answer reversed = get(DAILY, CUSTOMER_0, "2026-02-02", "2026-02-01");

    assertError(same, 400, "Invalid_request", "Start date should be before end date.");
    assertError(reversed, 400, "Invalid_request", "Start date should be before end date.");
  }

  @Test
  void endMayBeTodayButNotLater() throws IOException {
    Answer today = get(DAILY, CUSTOMER_0, "2026-02-23", "2026-03-02");
    Answer tomorrow = get(DAILY, CUSTOMER_0, "2026-02-23", "2026-03-03");

    assertThat(today.status()).isEqualTo(200);
    assertError(
        tomorrow,
        400,
        "Invalid_request",
        "The end date parameter must be earlier than the current date.");
  }

  @Test
  void todayFollowsParisDate() throws IOException {
    try (EnedisSimulator lateEvening =
        EnedisSimulator.builder(TestClock.at("2026-03-01T23:30:00Z")).sandboxCustomer(0).start()) {
      Http client = new Http(lateEvening);
      String token = client.enedisBearer(lateEvening);

      Answer answer =
          client.get(
              DAILY + "?usage_point_id=" + CUSTOMER_0 + "&start=2026-03-01&end=2026-03-02", token);

      assertThat(answer.status()).isEqualTo(200);
    }
  }

  @Test
  void yesterdayWithheldUntilPublication() throws IOException {
    TestClock clock = TestClock.at("2026-03-02T06:59:00Z");
    try (EnedisSimulator simulator =
        EnedisSimulator.builder(clock).sandboxCustomer(0).publishAt(LocalTime.of(8, 0)).start()) {
      Http client = new Http(simulator);
      String token = client.enedisBearer(simulator);
      String yesterday =
          DAILY + "?usage_point_id=" + CUSTOMER_0 + "&start=2026-03-01&end=2026-03-02";
      String week = DAILY + "?usage_point_id=" + CUSTOMER_0 + "&start=2026-02-23&end=2026-03-02";

      Answer early = client.get(yesterday, token);
      Answer earlyWeek = client.get(week, token);
      clock.advance(Duration.ofMinutes(1));
      Answer published = client.get(yesterday, token);

      assertError(early, 404, "no_data_found", "no measure found for this usage point");
      assertThat(earlyWeek.as(Http.MeterReadingBody.class).meter_reading.interval_reading)
          .hasSize(6);
      assertThat(published.status()).isEqualTo(200);
    }
  }

  @Test
  void loadCurveAtMostSevenDays() throws IOException {
    Answer seven = get(CURVE, CUSTOMER_0, "2026-02-01", "2026-02-08");
    Answer eight = get(CURVE, CUSTOMER_0, "2026-02-01", "2026-02-09");

    assertThat(seven.status()).isEqualTo(200);
    assertError(
        eight,
        400,
        "ADAM-ERR0126",
        "The requested period must be less than 7 days for an access to the load curve.");
  }

  @Test
  void dailyAtMost365Days() throws IOException {
    Answer year = get(DAILY, CUSTOMER_0, "2025-02-01", "2026-02-01");
    Answer longer = get(MAX_POWER, CUSTOMER_0, "2025-01-31", "2026-02-01");

    assertThat(year.status()).isEqualTo(200);
    assertThat(year.as(Http.MeterReadingBody.class).meter_reading.interval_reading).hasSize(365);
    assertError(longer, 400, "Invalid_request", "The requested period must be less than 365 days.");
  }

  @Test
  void historyDeadlineByKind() throws IOException {
    Answer curveInside = get(CURVE, CUSTOMER_0, "2024-02-16", "2024-02-17");
    Answer curveOutside = get(CURVE, CUSTOMER_0, "2024-02-15", "2024-02-16");
    Answer dailyInside = get(DAILY, CUSTOMER_0, "2023-02-15", "2023-02-16");
    Answer dailyOutside = get(DAILY, CUSTOMER_0, "2023-02-14", "2023-02-15");

    String deadline = "The start date must be greater than the history deadline.";
    assertThat(curveInside.status()).isEqualTo(200);
    assertError(curveOutside, 400, "ADAM-ERR0125", deadline);
    assertThat(dailyInside.status()).isEqualTo(200);
    assertError(dailyOutside, 400, "ADAM-ERR0125", deadline);
  }

  @Test
  void activationDateOfCustomerOne() throws IOException {
    try (EnedisSimulator old =
        EnedisSimulator.builder(TestClock.at("2021-06-01T09:00:00Z")).sandboxCustomer(1).start()) {
      Http client = new Http(old);
      String token = client.enedisBearer(old);
      String path = DAILY + "?usage_point_id=11453290002823&end=2019-09-01&start=";

      Answer before = client.get(path + "2019-08-26", token);
      Answer after = client.get(path + "2019-08-27", token);

      assertError(
          before,
          400,
          "ADAM-ERR0123",
          "The requested period cannot be anterior to the meter's last activation date");
      assertThat(after.status()).isEqualTo(200);
    }
  }

  @Test
  void noLoadCurveForCustomerTwo() throws IOException {
    Answer curve = get(CURVE, "32320647321714", "2026-02-01", "2026-02-02");
    Answer daily = get(DAILY, "32320647321714", "2026-02-01", "2026-02-02");

    assertError(curve, 404, "no_data_found", "no measure found for this usage point");
    assertThat(daily.status()).isEqualTo(200);
  }

  @Test
  void holesOnTuesdaysAndWednesdays() throws IOException {
    // 2026-02-02 is a Monday.
    Answer week = get(DAILY, "42900589957123", "2026-02-02", "2026-02-09");
    Answer tuesday = get(CURVE, "42900589957123", "2026-02-03", "2026-02-05");

    assertThat(week.as(Http.MeterReadingBody.class).meter_reading.interval_reading)
        .extracting(point -> point.date)
        .containsExactly("2026-02-02", "2026-02-05", "2026-02-06", "2026-02-07", "2026-02-08");
    assertError(tuesday, 404, "no_data_found", "no measure found for this usage point");
  }

  @Test
  void wrongDirectionForCustomerFive() throws IOException {
    Answer consumption = get(DAILY, "24880057139941", "2026-02-01", "2026-02-02");
    Answer production = get(PRODUCTION, CUSTOMER_0, "2026-02-01", "2026-02-02");

    String direction = "Le sens de la mesure ne correspond pas pour le PRM demandé";
    assertError(consumption, 400, "ADAM-ERR0069", direction);
    assertError(production, 400, "ADAM-ERR0069", direction);
  }

  @Test
  void revokedConsentForCustomerEight() throws IOException {
    Answer answer = get(DAILY, "26584978546985", "2026-02-01", "2026-02-02");

    assertError(
        answer,
        403,
        "ADAM-DC-0008",
        "No consent can be found for this customer and this usage point.");
  }

  @Test
  void unknownUsagePointHasNoConsent() throws IOException {
    Answer answer = get(DAILY, "99999999999999", "2026-02-01", "2026-02-02");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.field("error")).isEqualTo("ADAM-DC-0008");
  }

  @Test
  void usagePointMustHaveFourteenDigits() throws IOException {
    Answer answer = get(DAILY, "2251691471427", "2026-02-01", "2026-02-02");

    assertError(answer, 400, "Invalid_request", "usage_point_id parameter must be 14 digits long.");
  }

  @Test
  void datesMustBeIsoDates() throws IOException {
    Answer answer = get(DAILY, CUSTOMER_0, "01/02/2026", "2026-02-02");

    assertError(
        answer,
        400,
        "Invalid_request",
        "The start and end parameters are required and must be dates in the format YYYY-MM-DD.");
  }
}
