package io.github.linkyj.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.linkyj.core.testing.Http.Answer;
import io.github.linkyj.core.testing.Http.IntervalReading;
import io.github.linkyj.core.testing.Http.MeterReadingBody;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serving the recorded Enedis responses copied under src/test/resources/testing/recorded. */
class RecordedDataTest {
  private static final String DAILY = "metering_data_dc/v5/daily_consumption";
  private static final String CURVE = "metering_data_clc/v5/consumption_load_curve";
  private static final String DATE_TIME = "yyyy-MM-dd HH:mm:ss";

  private static Path directory;
  private static EnedisSimulator simulator;
  private static Http http;
  private static String bearer;

  @BeforeAll
  static void start() throws IOException, URISyntaxException {
    directory = Path.of(RecordedDataTest.class.getResource("/testing/recorded").toURI());
    simulator =
        EnedisSimulator.builder(TestClock.at("2026-10-02T09:00:00Z"))
            .recordedData(directory)
            .ignoreHistoryLimits()
            .start();
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

  private static List<IntervalReading> points(String path, String id, String start, String end)
      throws IOException {
    Answer answer = get(path, id, start, end);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.as(MeterReadingBody.class).meter_reading.interval_reading;
  }

  @Test
  void usagePointsComeFromFiles() {
    assertThat(simulator.usagePointIds())
        .containsExactly(
            "22222222222222",
            "33333333333333",
            "77777777777777",
            "11111111111111",
            "55555555555555");
  }

  @Test
  void fullRangeIsServedAsRecorded() throws IOException {
    Answer answer = get(CURVE, "22222222222222", "2020-12-02", "2020-12-09");
    String file =
        Files.readString(directory.resolve("consumption_load_curve_2020-12-02_2020-12-09.json"));

    Object served = Json.find(answer.json(), "meter_reading").get("interval_reading");
    Object recorded = Json.find(Json.tryParseObject(file), "meter_reading").get("interval_reading");
    assertThat(served).isEqualTo(recorded);
  }

  @Test
  void subRangeTakesItsDays() throws IOException {
    List<IntervalReading> curve = points(CURVE, "22222222222222", "2020-12-03", "2020-12-05");

    assertThat(curve).hasSize(96);
    assertThat(curve.get(0).date).isEqualTo("2020-12-03 00:30:00");
    assertThat(curve.get(95).date).isEqualTo("2020-12-05 00:00:00");
  }

  @Test
  void curveEnergyEqualsRecordedDaily() throws IOException {
    List<IntervalReading> curve = points(CURVE, "22222222222222", "2020-12-02", "2020-12-09");
    List<IntervalReading> daily = points(DAILY, "22222222222222", "2020-12-02", "2020-12-09");

    Map<LocalDate, Long> fromCurve = new TreeMap<>();
    for (IntervalReading point : curve) {
      long minutes = Duration.parse(point.interval_length).toMinutes();
      LocalDate day =
          LocalDateTime.parse(point.date, DateTimeFormatter.ofPattern(DATE_TIME))
              .minusMinutes(minutes)
              .toLocalDate();
      fromCurve.merge(day, Long.parseLong(point.value) * minutes / 60, Long::sum);
    }
    Map<LocalDate, Long> fromDaily = new TreeMap<>();
    daily.forEach(point -> fromDaily.put(LocalDate.parse(point.date), Long.parseLong(point.value)));
    assertThat(fromCurve).hasSize(7).isEqualTo(fromDaily);
    assertThat(fromDaily.get(LocalDate.of(2020, 12, 7))).isEqualTo(46092);
  }

  @Test
  void outsideCoverageIsNoDataFound() throws IOException {
    Answer after = get(CURVE, "22222222222222", "2020-12-09", "2020-12-10");
    Answer before = get(DAILY, "11111111111111", "2020-06-01", "2020-06-08");

    assertThat(after.status()).isEqualTo(404);
    assertThat(after.field("error")).isEqualTo("no_data_found");
    assertThat(after.field("error_description")).isEqualTo("no measure found for this usage point");
    assertThat(before.status()).isEqualTo(404);
  }

  @Test
  void partialCoverageServesCoveredDays() throws IOException {
    assertThat(points(CURVE, "22222222222222", "2020-12-08", "2020-12-10")).hasSize(48);
  }

  @Test
  void missingDaysAreHoles() throws IOException {
    Answer hole = get(CURVE, "33333333333333", "2022-03-03", "2022-03-05");
    List<IntervalReading> around = points(CURVE, "33333333333333", "2022-03-02", "2022-03-06");

    assertThat(hole.status()).isEqualTo(404);
    assertThat(around).hasSize(192);
    assertThat(around).allMatch(point -> point.interval_length.equals("PT15M"));
  }

  @Test
  void overlappingFilesServeEachDayOnce() throws IOException {
    List<IntervalReading> daily = points(DAILY, "22222222222222", "2020-11-30", "2020-12-10");

    assertThat(daily)
        .extracting(point -> point.date)
        .doesNotHaveDuplicates()
        .hasSize(10)
        .startsWith("2020-11-30")
        .endsWith("2020-12-09");
  }

  @Test
  void yearFileServesWholeYear() throws IOException {
    assertThat(points(DAILY, "11111111111111", "2021-01-01", "2022-01-01")).hasSize(365);
  }

  @Test
  void maxPowerAndProductionFiles() throws IOException {
    List<IntervalReading> peak =
        points(
            "metering_data_dcmp/v5/daily_consumption_max_power",
            "11111111111111",
            "2022-03-23",
            "2022-03-24");
    List<IntervalReading> production =
        points(
            "metering_data_dp/v5/daily_production", "55555555555555", "2023-04-01", "2023-04-02");

    assertThat(peak).singleElement().satisfies(point -> assertThat(point.value).isEqualTo("1798"));
    assertThat(production)
        .singleElement()
        .satisfies(point -> assertThat(point.value).isEqualTo("643"));
  }

  @Test
  void productionPointRejectsConsumption() throws IOException {
    Answer answer = get(DAILY, "55555555555555", "2023-04-01", "2023-04-02");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.field("error")).isEqualTo("ADAM-ERR0069");
  }

  @Test
  void contractFromFileAndActivationDate() throws IOException {
    Answer contract =
        http.get("customers_upc/v5/usage_points/contracts?usage_point_id=22222222222222", bearer);
    Answer beforeActivation = get(DAILY, "22222222222222", "2007-07-01", "2007-07-10");
    Answer noContract =
        http.get("customers_upc/v5/usage_points/contracts?usage_point_id=77777777777777", bearer);

    assertThat(Json.find(contract.json(), "customer", "usage_points", "contracts"))
        .containsEntry("contract_type", "Contrat GRD-F")
        .containsEntry("offpeak_hours", "HC (23H30-7H30)");
    assertThat(beforeActivation.status()).isEqualTo(400);
    assertThat(beforeActivation.field("error")).isEqualTo("ADAM-ERR0123");
    assertThat(noContract.status()).isEqualTo(404);
  }

  @Test
  void historyLimitsApplyUnlessIgnored() throws IOException {
    try (EnedisSimulator strict =
        EnedisSimulator.builder(TestClock.at("2026-10-02T09:00:00Z"))
            .recordedData(directory)
            .start()) {
      Http client = new Http(strict);
      String token = client.enedisBearer(strict);

      Answer old =
          client.get(
              CURVE + "?usage_point_id=22222222222222&start=2020-12-02&end=2020-12-09", token);
      Answer recent =
          client.get(
              CURVE + "?usage_point_id=77777777777777&start=2026-09-29&end=2026-10-01", token);

      assertThat(old.field("error")).isEqualTo("ADAM-ERR0125");
      assertThat(recent.status()).isEqualTo(200);
    }
  }

  @Test
  void unknownKindIsRejected(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("hourly_consumption_2020-01-01_2020-01-02.json"), "{}");
    EnedisSimulator.Builder builder =
        EnedisSimulator.builder(TestClock.at("2026-10-02T09:00:00Z")).recordedData(dir);

    assertThatThrownBy(builder::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Unknown kind 'hourly_consumption' in recorded file "
                + dir.resolve("hourly_consumption_2020-01-01_2020-01-02.json"))
        .hasMessageEndingWith(
            ": use one of daily_consumption, consumption_load_curve,"
                + " daily_consumption_max_power, daily_production, production_load_curve");
  }

  @Test
  void fileWithoutMeterReadingIsRejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("daily_consumption_2020-01-01_2020-01-02.json");
    Files.writeString(file, "{\"error\":\"no_data_found\"}");
    EnedisSimulator.Builder builder =
        EnedisSimulator.builder(TestClock.at("2026-10-02T09:00:00Z")).recordedData(dir);

    assertThatThrownBy(builder::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Recorded file " + file + " needs a JSON object at 'meter_reading'");
  }

  @Test
  void missingDirectoryIsRejected(@TempDir Path dir) {
    Path missing = dir.resolve("nothing");
    EnedisSimulator.Builder builder =
        EnedisSimulator.builder(TestClock.at("2026-10-02T09:00:00Z")).recordedData(missing);

    assertThatThrownBy(builder::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Recorded data directory " + missing + " does not exist or is not a directory");
  }

  @Test
  void recordedDataExcludesAddedUsagePoints() {
    EnedisSimulator.Builder builder =
        EnedisSimulator.builder(TestClock.at("2026-10-02T09:00:00Z"))
            .recordedData(directory)
            .sandboxCustomer(0);

    assertThatThrownBy(builder::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Usage points [22516914714270] were added together with");
  }
}
