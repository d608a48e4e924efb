package io.github.linkyj.core;

import static io.github.linkyj.core.TestSupport.PARIS;
import static io.github.linkyj.core.TestSupport.fixture;
import static io.github.linkyj.core.TestSupport.meterReading;
import static io.github.linkyj.core.TestSupport.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MeteringParserTest {
  private static final String PRM = "11111111111111";
  private static final LocalDate D = LocalDate.of(2020, 8, 20);

  @Test
  void recordedCurveDaysMatchDailyValues() throws Exception {
    MeteringData curve =
        MeteringParser.parse(
            MeteringKind.CONSUMPTION_LOAD_CURVE,
            fixture("consumption_load_curve_2020-12-02_2020-12-09.json"));
    List<DailyEnergy> daily = dailyValues("daily_consumption_2020-11-30_2020-12-07.json");
    daily.addAll(dailyValues("daily_consumption_2020-12-03_2020-12-10.json"));

    SortedMap<LocalDate, DayTotal> days = LoadCurves.totalsByDay(curve.intervals());

    assertThat(curve.intervals()).hasSize(336);
    assertThat(days.keySet())
        .containsExactly(
            LocalDate.of(2020, 12, 2),
            LocalDate.of(2020, 12, 3),
            LocalDate.of(2020, 12, 4),
            LocalDate.of(2020, 12, 5),
            LocalDate.of(2020, 12, 6),
            LocalDate.of(2020, 12, 7),
            LocalDate.of(2020, 12, 8));
    int compared = 0;
    for (DailyEnergy value : daily) {
      DayTotal total = days.get(value.date());
      if (total != null) {
        assertThat(total.energy()).as("day %s", value.date()).isEqualTo(value.energy());
        assertThat(total.isComplete()).as("day %s complete", value.date()).isTrue();
        compared++;
      }
    }
    assertThat(compared).isEqualTo(11);
  }

  @Test
  void recordedCurveDayTotalsAreExact() throws Exception {
    MeteringData curve =
        MeteringParser.parse(
            MeteringKind.CONSUMPTION_LOAD_CURVE,
            fixture("consumption_load_curve_2020-12-02_2020-12-09.json"));

    SortedMap<LocalDate, DayTotal> days = LoadCurves.totalsByDay(curve.intervals());

    assertThat(days.get(LocalDate.of(2020, 12, 2)).energy()).isEqualTo(Energy.ofWattHours(29260));
    assertThat(days.get(LocalDate.of(2020, 12, 8)).energy()).isEqualTo(Energy.ofWattHours(35992));
    assertThat(days.get(LocalDate.of(2020, 12, 8)).energy().toString()).isEqualTo("35992 Wh");
  }

  @Test
  void v5CurveMatchesCapturedDailyValues() throws Exception {
    MeteringData curve =
        MeteringParser.parse(
            MeteringKind.CONSUMPTION_LOAD_CURVE,
            fixture("consumption_load_curve_2026-09-29_2026-10-01.json"));

    SortedMap<LocalDate, DayTotal> days = LoadCurves.totalsByDay(curve.intervals());

    assertThat(curve.usagePointId()).isEqualTo("77777777777777");
    assertThat(days.get(LocalDate.of(2026, 9, 29)).energy()).isEqualTo(Energy.ofWattHours(33495));
    assertThat(days.get(LocalDate.of(2026, 9, 30)).energy()).isEqualTo(Energy.ofWattHours(38022));
  }

  @Test
  void productionCurveMatchesDailyProduction() throws Exception {
    MeteringData curve =
        MeteringParser.parse(
            MeteringKind.PRODUCTION_LOAD_CURVE,
            fixture("production_load_curve_2023-04-01_2023-04-02.json"));
    List<DailyEnergy> daily = dailyValues("daily_production_2023-04-01_2023-04-02.json");

    SortedMap<LocalDate, DayTotal> days = LoadCurves.totalsByDay(curve.intervals());

    assertThat(daily)
        .containsExactly(DailyEnergy.of(LocalDate.of(2023, 4, 1), Energy.ofWattHours(643)));
    assertThat(days).containsOnlyKeys(LocalDate.of(2023, 4, 1));
    assertThat(days.get(LocalDate.of(2023, 4, 1)).energy()).isEqualTo(Energy.ofWattHours(643));
  }

  @Test
  void fifteenMinuteCurveWithMissingDays() throws Exception {
    MeteringData curve =
        MeteringParser.parse(
            MeteringKind.CONSUMPTION_LOAD_CURVE,
            fixture("consumption_load_curve_2022-03-01_2022-03-08_PT15M_missing-days.json"));

    SortedMap<LocalDate, DayTotal> days = LoadCurves.totalsByDay(curve.intervals());

    assertThat(curve.intervals()).hasSize(480);
    assertThat(curve.intervals().get(0).length()).isEqualTo(Duration.ofMinutes(15));
    assertThat(days.keySet().stream().map(LocalDate::toString).collect(Collectors.toList()))
        .containsExactly("2022-03-01", "2022-03-02", "2022-03-05", "2022-03-06", "2022-03-07");
    assertThat(days.get(LocalDate.of(2022, 3, 1)).energy()).isEqualTo(Energy.ofWattHours(27992));
    assertThat(days.get(LocalDate.of(2022, 3, 2)).energy()).isEqualTo(Energy.ofWattHours(22357));
    assertThat(days.get(LocalDate.of(2022, 3, 5)).energy()).isEqualTo(Energy.ofWattHours(31599));
    assertThat(days.get(LocalDate.of(2022, 3, 6)).energy()).isEqualTo(Energy.ofWattHours(32216));
    assertThat(days.get(LocalDate.of(2022, 3, 7)).energy()).isEqualTo(Energy.ofWattHours(42893));
  }

  @Test
  void curvePointStampIsIntervalEnd() throws Exception {
    MeteringData curve =
        MeteringParser.parse(
            MeteringKind.CONSUMPTION_LOAD_CURVE,
            fixture("consumption_load_curve_2020-12-02_2020-12-09.json"));

    IntervalReading first = curve.intervals().get(0);
    IntervalReading last = curve.intervals().get(curve.intervals().size() - 1);

    assertThat(first.start()).isEqualTo(ZonedDateTime.of(2020, 12, 2, 0, 0, 0, 0, PARIS));
    assertThat(first.end()).isEqualTo(ZonedDateTime.of(2020, 12, 2, 0, 30, 0, 0, PARIS));
    assertThat(first.averagePower()).isEqualTo(2894);
    assertThat(first.energy()).isEqualTo(Energy.ofWattHours(1447));
    assertThat(first.measureType()).contains("B");
    assertThat(last.end()).isEqualTo(ZonedDateTime.of(2020, 12, 9, 0, 0, 0, 0, PARIS));
    assertThat(last.day()).isEqualTo(LocalDate.of(2020, 12, 8));
  }

  @Test
  void dailyYearParsesEveryDay() throws Exception {
    MeteringData year =
        MeteringParser.parse(
            MeteringKind.DAILY_CONSUMPTION,
            fixture("daily_consumption_2021-01-01_2022-01-01_year.json"));

    assertThat(year.dailyEnergies()).hasSize(365);
    assertThat(year.start()).isEqualTo(LocalDate.of(2021, 1, 1));
    assertThat(year.end()).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(year.quality()).contains("BRUT");
    assertThat(year.dailyEnergies().get(0))
        .isEqualTo(DailyEnergy.of(LocalDate.of(2021, 1, 1), Energy.ofWattHours(12310)));
    assertThat(year.intervals()).isEmpty();
  }

  @Test
  void maxPowerKeepsTimeOfPeak() throws Exception {
    MeteringData max =
        MeteringParser.parse(
            MeteringKind.DAILY_CONSUMPTION_MAX_POWER,
            fixture("daily_consumption_max_power_2022-03-23_2022-03-24.json"));

    assertThat(max.maxPowers())
        .containsExactly(
            MaxPowerReading.of(ZonedDateTime.of(2022, 3, 23, 7, 46, 0, 0, PARIS), 1798));
    assertThat(max.maxPowers().get(0).date()).isEqualTo(LocalDate.of(2022, 3, 23));
  }

  @Test
  void mixedStepsUseEachPointLength() throws Exception {
    String points =
        String.join(
            ",",
            point("\"1200\"", "2020-08-20 01:00:00", "PT60M"),
            point("\"600\"", "2020-08-20 01:30:00", "PT30M"),
            point("\"400\"", "2020-08-20 02:00:00", "PT30M"),
            point("\"300\"", "2020-08-20 02:10:00", "PT10M"),
            point("\"360\"", "2020-08-20 02:20:00", "PT10M"),
            point("\"240\"", "2020-08-20 02:30:00", "PT10M"),
            point("\"180\"", "2020-08-20 02:40:00", "PT10M"),
            point("\"120\"", "2020-08-20 02:50:00", "PT10M"),
            point("\"600\"", "2020-08-20 03:00:00", "PT10M"),
            point("\"800\"", "2020-08-20 03:15:00", "PT15M"),
            point("\"400\"", "2020-08-20 03:30:00", "PT15M"),
            point("\"0\"", "2020-08-20 03:45:00", "PT15M"),
            point("\"1600\"", "2020-08-20 04:00:00", "PT15M"));

    MeteringData curve = parseCurve(points);
    DayTotal day = LoadCurves.totalsByDay(curve.intervals()).get(D);

    assertThat(curve.intervals()).hasSize(13);
    assertThat(curve.intervals().get(0).start()).isEqualTo(D.atStartOfDay(PARIS));
    assertThat(curve.intervals().get(3).length()).isEqualTo(Duration.ofMinutes(10));
    assertThat(day.energy()).isEqualTo(Energy.ofWattHours(2700));
    assertThat(day.covered()).isEqualTo(Duration.ofHours(4));
    assertThat(day.isComplete()).isFalse();
  }

  @Test
  void tenMinuteEnergyStaysExact() throws Exception {
    MeteringData curve = parseCurve(point("\"100\"", "2020-08-20 00:10:00", "PT10M"));

    Energy energy = curve.intervals().get(0).energy();

    assertThat(energy.wattMinutes()).isEqualTo(1000);
    assertThat(energy.isWholeWattHours()).isFalse();
    assertThat(energy.toString()).isEqualTo("1000 W·min");
  }

  @Test
  void numericValuesAreAccepted() throws Exception {
    MeteringData curve =
        parseCurve(
            point("1380", "2020-08-20 00:30:00", "PT30M")
                + ","
                + point("700.0", "2020-08-20 01:00:00", "PT30M"));

    assertThat(LoadCurves.totalsByDay(curve.intervals()).get(D).energy())
        .isEqualTo(Energy.ofWattHours(1040));
  }

  @Test
  void springDayHasFortySixPoints() throws Exception {
    LocalDate day = LocalDate.of(2024, 3, 31);
    String body = TestSupport.curveBody(PRM, day, day.plusDays(1), 30);

    MeteringData curve = MeteringParser.parse(MeteringKind.CONSUMPTION_LOAD_CURVE, body);
    DayTotal total = LoadCurves.totalsByDay(curve.intervals()).get(day);

    assertThat(curve.intervals()).hasSize(46);
    assertThat(total.dayLength()).isEqualTo(Duration.ofHours(23));
    assertThat(total.isComplete()).isTrue();
    assertThat(curve.intervals().stream().map(IntervalReading::length).distinct())
        .containsExactly(Duration.ofMinutes(30));
  }

  @Test
  void springGapLabelsGiveSameInstants() throws Exception {
    String withThree =
        String.join(
            ",",
            point("\"400\"", "2024-03-31 01:30:00", "PT30M"),
            point("\"800\"", "2024-03-31 03:00:00", "PT30M"),
            point("\"600\"", "2024-03-31 03:30:00", "PT30M"));
    String withTwo = withThree.replace("2024-03-31 03:00:00", "2024-03-31 02:00:00");

    List<IntervalReading> three = parseCurve(withThree, LocalDate.of(2024, 3, 31)).intervals();
    List<IntervalReading> two = parseCurve(withTwo, LocalDate.of(2024, 3, 31)).intervals();

    assertThat(two).isEqualTo(three);
    assertThat(three.get(1).start().toInstant()).isEqualTo(Instant.parse("2024-03-31T00:30:00Z"));
    assertThat(three.get(1).end().toInstant()).isEqualTo(Instant.parse("2024-03-31T01:00:00Z"));
    assertThat(three.get(1).energy()).isEqualTo(Energy.ofWattHours(400));
  }

  @Test
  void autumnDayHasFiftyPoints() throws Exception {
    LocalDate day = LocalDate.of(2023, 10, 29);
    String body = TestSupport.curveBody(PRM, day, day.plusDays(1), 30);

    MeteringData curve = MeteringParser.parse(MeteringKind.CONSUMPTION_LOAD_CURVE, body);
    DayTotal total = LoadCurves.totalsByDay(curve.intervals()).get(day);

    assertThat(body).contains("\"2023-10-29 02:30:00\"");
    assertThat(curve.intervals()).hasSize(50);
    assertThat(total.dayLength()).isEqualTo(Duration.ofHours(25));
    assertThat(total.covered()).isEqualTo(Duration.ofHours(25));
  }

  @Test
  void autumnRepeatedStampsResolvedByOrder() throws Exception {
    String repeated =
        String.join(
            ",",
            point("\"100\"", "2023-10-29 02:00:00", "PT30M"),
            point("\"200\"", "2023-10-29 02:30:00", "PT30M"),
            point("\"300\"", "2023-10-29 02:00:00", "PT30M"),
            point("\"400\"", "2023-10-29 02:30:00", "PT30M"));

    List<IntervalReading> readings = parseCurve(repeated, LocalDate.of(2023, 10, 29)).intervals();

    assertThat(readings)
        .extracting(IntervalReading::averagePower)
        .containsExactly(100L, 200L, 300L, 400L);
    assertThat(readings.get(0).end().toInstant()).isEqualTo(Instant.parse("2023-10-29T00:00:00Z"));
    assertThat(readings.get(1).end().toInstant()).isEqualTo(Instant.parse("2023-10-29T00:30:00Z"));
    assertThat(readings.get(2).end().toInstant()).isEqualTo(Instant.parse("2023-10-29T01:00:00Z"));
    assertThat(readings.get(3).end().toInstant()).isEqualTo(Instant.parse("2023-10-29T01:30:00Z"));
    assertThat(readings.get(2).start().getOffset().getTotalSeconds()).isEqualTo(7200);
    assertThat(readings.get(2).end().getOffset().getTotalSeconds()).isEqualTo(3600);
  }

  @Test
  void autumnHoleKeepsRepeatOrder() throws Exception {
    String repeated =
        String.join(
            ",",
            point("null", "2023-10-29 02:30:00", "PT30M"),
            point("\"300\"", "2023-10-29 02:30:00", "PT30M"));

    List<IntervalReading> readings = parseCurve(repeated, LocalDate.of(2023, 10, 29)).intervals();

    assertThat(readings).hasSize(1);
    assertThat(readings.get(0).end().toInstant()).isEqualTo(Instant.parse("2023-10-29T01:30:00Z"));
  }

  @Test
  void exactDuplicatesAreDropped() throws Exception {
    String points =
        String.join(
            ",",
            point("\"500\"", "2020-08-20 00:30:00", "PT30M"),
            point("\"500\"", "2020-08-20 00:30:00", "PT30M"),
            point("\"700\"", "2020-08-20 01:00:00", "PT30M"));

    MeteringData curve = parseCurve(points);

    assertThat(curve.intervals())
        .extracting(IntervalReading::averagePower)
        .containsExactly(500L, 700L);
  }

  @Test
  void nullAndEmptyValuesAreHoles() throws Exception {
    String points =
        String.join(
            ",",
            point("\"0\"", "2024-01-10 00:30:00", "PT30M"),
            point("null", "2024-01-10 01:00:00", "PT30M"),
            point("\"\"", "2024-01-10 01:30:00", "PT30M"),
            "{\"date\":\"2024-01-10 02:00:00\",\"interval_length\":\"PT30M\"}",
            point("\"250\"", "2024-01-10 02:30:00", "PT30M"));
    LocalDate day = LocalDate.of(2024, 1, 10);

    DayTotal total = LoadCurves.totalsByDay(parseCurve(points, day).intervals()).get(day);

    assertThat(total.energy()).isEqualTo(Energy.ofWattHours(125));
    assertThat(total.covered()).isEqualTo(Duration.ofMinutes(60));
    assertThat(total.isComplete()).isFalse();
  }

  @Test
  void missingLengthTakesNeighbourLength() throws Exception {
    String points =
        String.join(
            ",",
            point("\"1200\"", "2020-08-20 01:00:00", "PT60M"),
            "{\"value\":\"600\",\"date\":\"2020-08-20 02:00:00\"}");

    MeteringData curve = parseCurve(points);

    assertThat(curve.intervals().get(1).start())
        .isEqualTo(ZonedDateTime.of(2020, 8, 20, 1, 0, 0, 0, PARIS));
  }

  @Test
  void stampsIgnoreJvmZoneAndAcceptOffsets() throws Exception {
    String points =
        String.join(
            ",",
            point("\"2000\"", "2024-07-09 01:30:00", "PT30M"),
            point("\"2000\"", "2024-07-09T02:00:00", "PT30M"),
            point("\"2000\"", "2024-07-09T02:30:00+02:00", "PT30M"));

    List<IntervalReading> readings = parseCurve(points, LocalDate.of(2024, 7, 9)).intervals();

    assertThat(readings.get(0).start().toInstant())
        .isEqualTo(Instant.parse("2024-07-08T23:00:00Z"));
    assertThat(readings.get(1).start().toInstant())
        .isEqualTo(Instant.parse("2024-07-08T23:30:00Z"));
    assertThat(readings.get(2).start().toInstant())
        .isEqualTo(Instant.parse("2024-07-09T00:00:00Z"));
    assertThat(readings.get(0).energy()).isEqualTo(Energy.ofWattHours(1000));
  }

  @Test
  void gatewayShapeWithoutWrapper() throws Exception {
    String wrapped = fixture("daily_production_2023-04-01_2023-04-02.json");
    String unwrapped = wrapped.substring(wrapped.indexOf(':') + 1, wrapped.lastIndexOf('}')).trim();

    MeteringData data = MeteringParser.parse(MeteringKind.DAILY_PRODUCTION, unwrapped);

    assertThat(data.usagePointId()).isEqualTo("55555555555555");
    assertThat(data.dailyEnergies()).hasSize(1);
  }

  @Test
  void truncatedBodyIsInvalid() {
    String body = fixture("daily_consumption_2020-12-03_2020-12-10.json");
    String truncated = body.substring(0, body.length() / 2);

    assertThatThrownBy(() -> MeteringParser.parse(MeteringKind.DAILY_CONSUMPTION, truncated))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith("Invalid metering response: the body is not valid JSON (");
  }

  @Test
  void htmlBodyIsInvalid() {
    assertThatThrownBy(
            () ->
                MeteringParser.parse(
                    MeteringKind.DAILY_CONSUMPTION, "<html><body>Bad gateway</body></html>"))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith("Invalid metering response: the body is not valid JSON (");
  }

  @Test
  void errorBodyIsNotMeteringData() {
    assertThatThrownBy(
            () ->
                MeteringParser.parse(
                    MeteringKind.DAILY_CONSUMPTION,
                    fixture("error_403_ADAM-DC-0008_no_consent.json")))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage("Invalid metering response: the body has no meter_reading object");
  }

  @Test
  void invalidLengthNamesTheValue() {
    assertThatThrownBy(() -> parseCurve(point("\"5\"", "2020-08-20 00:30:00", "1800")))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "Invalid metering response: interval_reading[0] interval_length \"1800\" is not a"
                + " duration from PT1M to PT60M");
  }

  @Test
  void invalidValueNamesTheValue() {
    assertThatThrownBy(() -> parseCurve(point("\"12.5\"", "2020-08-20 00:30:00", "PT30M")))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "Invalid metering response: interval_reading[0] value \"12.5\" is not an integer");
  }

  @Test
  void invalidDateNamesTheValue() {
    assertThatThrownBy(() -> parseCurve(point("\"5\"", "20/08/2020 00:30", "PT30M")))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "Invalid metering response: interval_reading[0] date \"20/08/2020 00:30\" is not"
                + " yyyy-MM-dd HH:mm:ss");
  }

  @Test
  void unitMismatchNamesTheKind() {
    assertThatThrownBy(
            () ->
                MeteringParser.parse(
                    MeteringKind.DAILY_CONSUMPTION,
                    fixture("production_load_curve_2023-04-01_2023-04-02.json")))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "Invalid metering response: reading_type.unit is \"W\" but daily_consumption is in"
                + " Wh; check the metering kind");
  }

  @Test
  void fractionalSecondsStampIsLocal() throws Exception {
    MeteringData curve = parseCurve(point("\"600\"", "2020-08-20 00:30:00.000", "PT30M"));

    assertThat(curve.intervals().get(0).start()).isEqualTo(D.atStartOfDay(PARIS));
  }

  @Test
  void kindFromFileName() {
    assertThat(MeteringKind.ofFileName("daily_consumption_max_power_2022-03-23_2022-03-24.json"))
        .contains(MeteringKind.DAILY_CONSUMPTION_MAX_POWER);
    assertThat(MeteringKind.ofFileName("daily_consumption_2020-12-03_2020-12-10.json"))
        .contains(MeteringKind.DAILY_CONSUMPTION);
    assertThat(MeteringKind.ofFileName("contracts_9kVA.json")).isEmpty();
    assertThat(MeteringKind.ofEnedisName("production_load_curve"))
        .isEqualTo(MeteringKind.PRODUCTION_LOAD_CURVE);
  }

  @Test
  void unknownKindNameIsRejected() {
    assertThatThrownBy(() -> MeteringKind.ofEnedisName("hourly"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown metering kind: hourly; expected one of daily_consumption,"
                + " consumption_load_curve, daily_consumption_max_power, daily_production,"
                + " production_load_curve");
  }

  private static MeteringData parseCurve(String points) throws InvalidResponseException {
    return parseCurve(points, D);
  }

  private static MeteringData parseCurve(String points, LocalDate day)
      throws InvalidResponseException {
    return MeteringParser.parse(
        MeteringKind.CONSUMPTION_LOAD_CURVE, meterReading(PRM, day, day.plusDays(1), points));
  }

  private static List<DailyEnergy> dailyValues(String name) throws InvalidResponseException {
    return new java.util.ArrayList<>(
        MeteringParser.parse(MeteringKind.DAILY_CONSUMPTION, fixture(name)).dailyEnergies());
  }
}
