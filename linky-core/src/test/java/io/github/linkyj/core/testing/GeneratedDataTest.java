package io.github.linkyj.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.testing.Http.Answer;
import io.github.linkyj.core.testing.Http.IntervalReading;
import io.github.linkyj.core.testing.Http.MeterReading;
import io.github.linkyj.core.testing.Http.MeterReadingBody;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GeneratedDataTest {
  private static final String CURVE = "metering_data_clc/v5/consumption_load_curve";
  private static final String DAILY = "metering_data_dc/v5/daily_consumption";
  private static final String PRODUCTION_CURVE = "metering_data_plc/v5/production_load_curve";
  private static final String PRODUCTION_DAILY = "metering_data_dp/v5/daily_production";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private static final String HALF_HOUR = "11111111111111";
  private static final String TEN_MINUTES = "11111111111110";
  private static final String QUARTER_HOUR = "11111111111115";
  private static final String HOUR = "11111111111160";
  private static final String SOLAR = "22222222222222";
  private static final String SELF = "33333333333333";

  private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
  private EnedisSimulator simulator;
  private Http http;
  private String bearer;

  private void start(long seed) throws IOException {
    simulator =
        EnedisSimulator.builder(clock)
            .seed(seed)
            .usagePoint(HALF_HOUR, MeterProfile.consumption())
            .usagePoint(TEN_MINUTES, MeterProfile.consumption().withStep(Duration.ofMinutes(10)))
            .usagePoint(QUARTER_HOUR, MeterProfile.consumption().withStep(Duration.ofMinutes(15)))
            .usagePoint(HOUR, MeterProfile.consumption().withStep(Duration.ofMinutes(60)))
            .usagePoint(SOLAR, MeterProfile.production())
            .usagePoint(SELF, MeterProfile.selfConsumption())
            .start();
    http = new Http(simulator);
    bearer = http.enedisBearer(simulator);
  }

  @AfterEach
  void stop() throws IOException {
    simulator.close();
  }

  private List<IntervalReading> points(String path, String id, String start, String end)
      throws IOException {
    Answer answer =
        http.get(path + "?usage_point_id=" + id + "&start=" + start + "&end=" + end, bearer);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    MeterReading reading = answer.as(MeterReadingBody.class).meter_reading;
    return reading.interval_reading;
  }

  /** Sums each point's energy, W × minutes / 60, into the day its interval starts. */
  private static Map<LocalDate, Long> energyByDay(List<IntervalReading> curve) {
    Map<LocalDate, Long> days = new TreeMap<>();
    for (IntervalReading point : curve) {
      long minutes = Duration.parse(point.interval_length).toMinutes();
      long watts = Long.parseLong(point.value);
      assertThat(watts * minutes % 60).as("whole Wh in %s", point.date).isZero();
      LocalDate day = LocalDateTime.parse(point.date, STAMP).minusMinutes(minutes).toLocalDate();
      days.merge(day, watts * minutes / 60, Long::sum);
    }
    return days;
  }

  private static Map<LocalDate, Long> daily(List<IntervalReading> points) {
    Map<LocalDate, Long> days = new TreeMap<>();
    for (IntervalReading point : points) {
      days.put(LocalDate.parse(point.date), Long.parseLong(point.value));
    }
    return days;
  }

  @Test
  void autumnDayHasFiftyHalfHours() throws IOException {
    start(1);

    List<IntervalReading> curve = points(CURVE, HALF_HOUR, "2025-10-26", "2025-10-27");

    assertThat(curve).hasSize(50);
    assertThat(curve)
        .extracting(point -> point.date)
        .containsSequence(
            "2025-10-26 01:30:00",
            "2025-10-26 02:00:00",
            "2025-10-26 02:30:00",
            "2025-10-26 02:00:00",
            "2025-10-26 02:30:00",
            "2025-10-26 03:00:00");
    assertThat(curve.get(49).date).isEqualTo("2025-10-27 00:00:00");
  }

  @Test
  void springDayHasFortySixHalfHours() throws IOException {
    start(1);

    List<IntervalReading> curve = points(CURVE, HALF_HOUR, "2025-03-30", "2025-03-31");

    assertThat(curve).hasSize(46);
    assertThat(curve)
        .extracting(point -> point.date)
        .containsSequence("2025-03-30 01:30:00", "2025-03-30 03:00:00", "2025-03-30 03:30:00")
        .noneMatch(date -> date.startsWith("2025-03-30 02:"));
  }

  @Test
  void stepsGiveExpectedPointCounts() throws IOException {
    start(1);

    assertThat(points(CURVE, TEN_MINUTES, "2026-02-10", "2026-02-11")).hasSize(144);
    assertThat(points(CURVE, QUARTER_HOUR, "2026-02-10", "2026-02-11")).hasSize(96);
    assertThat(points(CURVE, HOUR, "2026-02-10", "2026-02-11")).hasSize(24);
    assertThat(points(CURVE, HOUR, "2025-10-26", "2025-10-27")).hasSize(25);
    assertThat(points(CURVE, QUARTER_HOUR, "2025-03-30", "2025-03-31")).hasSize(92);
  }

  @Test
  void tenMinuteCurveLabelsEveryTenMinutes() throws IOException {
    start(1);

    List<IntervalReading> curve = points(CURVE, TEN_MINUTES, "2026-02-10", "2026-02-11");

    assertThat(curve.get(0).date).isEqualTo("2026-02-10 00:10:00");
    assertThat(curve.get(1).date).isEqualTo("2026-02-10 00:20:00");
    assertThat(curve).allMatch(point -> point.interval_length.equals("PT10M"));
    assertThat(curve).allMatch(point -> Long.parseLong(point.value) % 6 == 0);
  }

  @Test
  void dailyEqualsSumOfCurve() throws IOException {
    start(7);

    for (String id : List.of(HALF_HOUR, TEN_MINUTES, QUARTER_HOUR, HOUR, SELF)) {
      Map<LocalDate, Long> fromCurve = energyByDay(points(CURVE, id, "2025-10-22", "2025-10-29"));
      Map<LocalDate, Long> fromDaily = daily(points(DAILY, id, "2025-10-22", "2025-10-29"));

      assertThat(fromCurve).as(id).hasSize(7).isEqualTo(fromDaily);
    }
  }

  @Test
  void dailyProductionEqualsSumOfCurve() throws IOException {
    start(7);

    for (String id : List.of(SOLAR, SELF)) {
      Map<LocalDate, Long> fromCurve =
          energyByDay(points(PRODUCTION_CURVE, id, "2025-06-10", "2025-06-17"));
      Map<LocalDate, Long> fromDaily =
          daily(points(PRODUCTION_DAILY, id, "2025-06-10", "2025-06-17"));

      assertThat(fromCurve).as(id).isEqualTo(fromDaily);
    }
  }

  @Test
  void selfConsumptionIsNetPerInterval() throws IOException {
    start(3);

    List<IntervalReading> consumption = points(CURVE, SELF, "2025-06-10", "2025-06-11");
    List<IntervalReading> production = points(PRODUCTION_CURVE, SELF, "2025-06-10", "2025-06-11");

    assertThat(consumption).hasSameSizeAs(production);
    boolean exported = false;
    for (int i = 0; i < consumption.size(); i++) {
      long in = Long.parseLong(consumption.get(i).value);
      long out = Long.parseLong(production.get(i).value);
      assertThat(in == 0 || out == 0).as(consumption.get(i).date).isTrue();
      exported |= out > 0;
    }
    assertThat(exported).isTrue();
  }

  @Test
  void sameSeedGivesSameValues() throws IOException {
    start(42);
    List<IntervalReading> week = points(CURVE, HALF_HOUR, "2026-02-01", "2026-02-08");
    List<IntervalReading> oneDay = points(CURVE, HALF_HOUR, "2026-02-03", "2026-02-04");
    simulator.close();

    start(42);
    List<IntervalReading> again = points(CURVE, HALF_HOUR, "2026-02-03", "2026-02-04");
    simulator.close();
    start(43);
    List<IntervalReading> otherSeed = points(CURVE, HALF_HOUR, "2026-02-03", "2026-02-04");

    assertThat(values(week.subList(96, 144))).isEqualTo(values(oneDay));
    assertThat(values(again)).isEqualTo(values(oneDay));
    assertThat(values(otherSeed)).isNotEqualTo(values(oneDay));
  }

  private static List<String> values(List<IntervalReading> points) {
    return points.stream().map(point -> point.value).toList();
  }

  @Test
  void householdShapeHasEveningPeakAndSeasons() throws IOException {
    start(5);

    Map<LocalDate, Long> winter = daily(points(DAILY, HALF_HOUR, "2026-01-05", "2026-01-12"));
    Map<LocalDate, Long> summer = daily(points(DAILY, HALF_HOUR, "2025-07-07", "2025-07-14"));
    List<IntervalReading> day = points(CURVE, HALF_HOUR, "2026-01-06", "2026-01-07");

    long winterTotal = winter.values().stream().mapToLong(Long::longValue).sum();
    long summerTotal = summer.values().stream().mapToLong(Long::longValue).sum();
    assertThat(winterTotal).isGreaterThan(2 * summerTotal);
    long evening = Long.parseLong(day.get(39).value); // 19:30-20:00
    long afternoon = Long.parseLong(day.get(29).value); // 14:30-15:00
    assertThat(evening).isGreaterThan(afternoon);
  }
}
