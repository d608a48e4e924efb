package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.DailyEnergy;
import io.github.linkyj.core.MeteringKind;
import io.github.linkyj.core.MeteringParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
  private static final String CURVE_2020 = "consumption_load_curve_2020-12-02_2020-12-09.json";
  private static final String DAILY_2020_A = "daily_consumption_2020-11-30_2020-12-07.json";
  private static final String DAILY_2020_B = "daily_consumption_2020-12-03_2020-12-10.json";
  private static final String CURVE_2026 = "consumption_load_curve_2026-09-29_2026-10-01.json";
  private static final String PRODUCTION_CURVE = "production_load_curve_2023-04-01_2023-04-02.json";
  private static final String PRODUCTION_DAILY = "daily_production_2023-04-01_2023-04-02.json";
  private static final String CURVE_PT15M =
      "consumption_load_curve_2022-03-01_2022-03-08_PT15M_missing-days.json";

  @TempDir Path dir;

  /** Parses {@code date,energy_wh} rows into a map, skipping the header. */
  private static Map<String, String> dayTotals(String csv) {
    Map<String, String> totals = new LinkedHashMap<>();
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).isEqualTo("date,energy_wh");
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      totals.put(cells[0], cells[1]);
    }
    return totals;
  }

  /** Reads the recorded daily values of the files, in Wh. */
  private Map<String, String> recordedDaily(MeteringKind kind, String... names) throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : names) {
      String json = Files.readString(dir.resolve(name));
      for (DailyEnergy day : MeteringParser.parse(kind, json).dailyEnergies()) {
        values.put(day.date().toString(), MeteringWriter.wattHours(day.energy()));
      }
    }
    return values;
  }

  @Test
  void dailyTotalsEqualRecordedDailyValues() throws Exception {
    Cli.copyRecorded(dir, CURVE_2020, DAILY_2020_A, DAILY_2020_B);
    Map<String, String> recorded =
        recordedDaily(MeteringKind.DAILY_CONSUMPTION, DAILY_2020_A, DAILY_2020_B);

    Cli.Result result = Cli.run("convert", "--daily", dir.resolve(CURVE_2020).toString());

    assertThat(result.exitCode()).isZero();
    Map<String, String> totals = dayTotals(result.out());
    assertThat(totals.keySet())
        .containsExactly(
            "2020-12-02",
            "2020-12-03",
            "2020-12-04",
            "2020-12-05",
            "2020-12-06",
            "2020-12-07",
            "2020-12-08");
    for (Map.Entry<String, String> day : totals.entrySet()) {
      assertThat(day.getValue()).as(day.getKey()).isEqualTo(recorded.get(day.getKey()));
    }
  }

  @Test
  void dailyTotalsOf2026CurveMatchCapture() {
    Cli.copyRecorded(dir, CURVE_2026);

    Cli.Result result = Cli.run("convert", "--daily", dir.resolve(CURVE_2026).toString());

    // The daily values of the same capture, which only exist in a non-v5 response.
    assertThat(dayTotals(result.out()))
        .containsExactly(Map.entry("2026-09-29", "33495"), Map.entry("2026-09-30", "38022"));
  }

  @Test
  void productionCurveMatchesDailyProduction() throws Exception {
    Cli.copyRecorded(dir, PRODUCTION_CURVE, PRODUCTION_DAILY);
    Map<String, String> recorded = recordedDaily(MeteringKind.DAILY_PRODUCTION, PRODUCTION_DAILY);

    Cli.Result result = Cli.run("convert", "--daily", dir.resolve(PRODUCTION_CURVE).toString());

    assertThat(dayTotals(result.out())).isEqualTo(recorded).containsEntry("2023-04-01", "643");
  }

  @Test
  void partialDaysLeftOutWithNote() {
    Cli.copyRecorded(dir, CURVE_PT15M);

    Cli.Result result = Cli.run("convert", "--daily", dir.resolve(CURVE_PT15M).toString());

    assertThat(result.exitCode()).isZero();
    // The 15-minute curve has no point from 2022-03-03 00:15 to 2022-03-05 00:00.
    assertThat(dayTotals(result.out()))
        .containsExactly(
            Map.entry("2022-03-01", "27992"),
            Map.entry("2022-03-02", "22357"),
            Map.entry("2022-03-05", "31599"),
            Map.entry("2022-03-06", "32216"),
            Map.entry("2022-03-07", "42893"));
    assertThat(result.err()).isEmpty();
  }

  @Test
  void partialFirstDayReportedOnStderr() throws Exception {
    String json = Files.readString(Cli.copyRecorded(dir, CURVE_2020).resolve(CURVE_2020));
    // Drops the first two points, so 2020-12-02 covers 23 of its 24 hours.
    int first = json.indexOf("{", json.indexOf("\"interval_reading\""));
    int third = json.indexOf("{", json.indexOf("}", json.indexOf("}", first) + 1) + 1);
    Path cut = dir.resolve("consumption_load_curve_2020-12-02_2020-12-09_cut.json");
    Files.writeString(cut, json.substring(0, first) + json.substring(third));

    Cli.Result result = Cli.run("convert", "--daily", cut.toString());
    Cli.Result withPartial = Cli.run("convert", "--daily", "--partial-days", cut.toString());

    assertThat(dayTotals(result.out())).doesNotContainKey("2020-12-02").hasSize(6);
    assertThat(result.err())
        .isEqualTo(
            "linky convert: left out 2020-12-02 of 22222222222222: the curve covers 23:00 of its"
                + " 24:00 (--partial-days prints it)\n");
    assertThat(withPartial.out().lines().toList())
        .contains("date,energy_wh,complete")
        .anyMatch(line -> line.startsWith("2020-12-02,") && line.endsWith(",false"))
        .contains("2020-12-03,33665,true");
  }

  @Test
  void scheduleSplitsPeakAndOffPeak() {
    Cli.copyRecorded(dir, CURVE_2026);

    Cli.Result result =
        Cli.run(
            "convert", "--daily", "--schedule", "22h00-6h00", dir.resolve(CURVE_2026).toString());

    assertThat(result.exitCode()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("date,energy_wh,peak_wh,off_peak_wh");
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      long total = Long.parseLong(cells[1]);
      long peak = Long.parseLong(cells[2]);
      long offPeak = Long.parseLong(cells[3]);
      assertThat(peak + offPeak).as(line).isEqualTo(total);
      assertThat(offPeak).as(line).isPositive().isLessThan(total);
    }
  }

  @Test
  void allOffPeakScheduleGivesNoPeak() {
    Cli.copyRecorded(dir, CURVE_2026);

    Cli.Result result =
        Cli.run(
            "convert", "--daily", "--schedule", "0h00-24h00", dir.resolve(CURVE_2026).toString());

    assertThat(result.out().lines().skip(1))
        .containsExactly("2026-09-29,33495,0,33495", "2026-09-30,38022,0,38022");
  }

  @Test
  void intervalRowsAsCsv() {
    Cli.copyRecorded(dir, CURVE_2020);

    Cli.Result result = Cli.run("convert", dir.resolve(CURVE_2020).toString());

    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(337);
    assertThat(lines.get(0)).isEqualTo("usage_point_id,kind,start,end,average_power_w,energy_wh");
    assertThat(lines.get(1))
        .isEqualTo(
            "22222222222222,consumption_load_curve,2020-12-02T00:00:00+01:00,"
                + "2020-12-02T00:30:00+01:00,2894,1447");
  }

  @Test
  void overlappingFilesMergedOnce() {
    Cli.copyRecorded(dir, DAILY_2020_A, DAILY_2020_B);

    Cli.Result result =
        Cli.run(
            "convert", dir.resolve(DAILY_2020_A).toString(), dir.resolve(DAILY_2020_B).toString());

    List<String> lines = result.out().lines().toList();
    // 2020-11-30 .. 2020-12-09 once each, although 2020-12-03 .. 2020-12-06 are in both files.
    assertThat(lines).hasSize(11);
    assertThat(lines).filteredOn(l -> l.contains(",2020-12-04,")).hasSize(1);
    assertThat(result.err()).isEmpty();
  }

  @Test
  void conflictingValueKeepsFirstFile() throws Exception {
    String json =
        Files.readString(Cli.copyRecorded(dir, PRODUCTION_DAILY).resolve(PRODUCTION_DAILY));
    Path changed = dir.resolve("daily_production_2023-04-01_2023-04-02_changed.json");
    Files.writeString(changed, json.replace("\"643\"", "\"700\""));

    Cli.Result result =
        Cli.run("convert", dir.resolve(PRODUCTION_DAILY).toString(), changed.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains(",2023-04-01,643").doesNotContain("700");
    assertThat(result.err())
        .isEqualTo(
            "linky convert: daily_production_2023-04-01_2023-04-02_changed.json: the day 2023-04-01 has 700 Wh"
                + " but an earlier file has 643 Wh; kept the earlier value\n");
  }

  @Test
  void jsonFormatHasNumbers() {
    Cli.copyRecorded(dir, PRODUCTION_DAILY);

    Cli.Result result =
        Cli.run("convert", "--format", "json", dir.resolve(PRODUCTION_DAILY).toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualToIgnoringWhitespace(
            "[{\"usage_point_id\": \"55555555555555\", \"kind\": \"daily_production\","
                + " \"date\": \"2023-04-01\", \"energy_wh\": 643}]");
  }

  @Test
  void kindReadFromContentWhenNameDiffers() throws Exception {
    Path renamed = dir.resolve("curve.json");
    Files.copy(Cli.copyRecorded(dir, CURVE_2026).resolve(CURVE_2026), renamed);

    Cli.Result result = Cli.run("convert", "--daily", renamed.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(dayTotals(result.out())).containsEntry("2026-09-29", "33495");
  }

  @Test
  void errorBodyRejectedNamingFile() {
    String name = "error_400_ADAM-ERR0069_measure_direction.json";
    Cli.copyRecorded(dir, name);

    Cli.Result result = Cli.run("convert", dir.resolve(name).toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "linky convert: "
                + dir.resolve(name)
                + ": no meter_reading member; expected an Enedis metering response\n");
  }

  @Test
  void malformedJsonRejectedNamingFile() throws Exception {
    Path file = dir.resolve("daily_consumption_2020-12-03_2020-12-10.json");
    Files.writeString(file, "{\"meter_reading\": {\"interval_reading\": [");

    Cli.Result result = Cli.run("convert", file.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("linky convert: " + file + ": not a valid daily_consumption");
  }

  @Test
  void missingFileRejected() {
    Path file = dir.resolve("nothing.json");

    Cli.Result result = Cli.run("convert", file.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("linky convert: " + file + ": file not found\n");
  }

  @Test
  void unknownUsagePointRejected() {
    Cli.copyRecorded(dir, CURVE_2026);

    Cli.Result result =
        Cli.run("convert", "--usage-point", "12345678901234", dir.resolve(CURVE_2026).toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "linky convert: No file contains usage point 12345678901234; the files contain"
                + " 77777777777777\n");
  }

  @Test
  void invalidScheduleShowsPosition() {
    Cli.copyRecorded(dir, CURVE_2026);

    Cli.Result result =
        Cli.run("convert", "--daily", "--schedule", "22h00-", dir.resolve(CURVE_2026).toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("22h00-").contains("^");
  }
}
