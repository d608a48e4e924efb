package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.IntervalReading;
import io.github.linkyj.core.MaxPowerReading;
import io.github.linkyj.domoticz.sync.MainFigure;
import io.github.linkyj.domoticz.sync.SecondaryFigure;
import io.github.linkyj.domoticz.sync.SyncSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every main and secondary dashboard figure, after one sync of the year so far, compared with
 * figures worked out here from the simulator's load curve and maximum powers.
 */
class DashboardOptionsTest {
  private static final String HOUSE = "22516914714270";
  private static final LocalDateTime MORNING = LocalDateTime.of(2026, 12, 4, 9, 17);
  private static final LocalDate TODAY = MORNING.toLocalDate();
  private static final List<String> MAIN =
      List.of("peak_day", "peak_cweek", "peak_lweek", "peak_cmonth", "peak_lmonth", "peak_year");

  @TempDir static Path shared;
  @TempDir Path directory;

  private static SyncFixture fixture;
  private static final List<IntervalReading> CURVE = new ArrayList<>();
  private static final Map<LocalDate, Long> PEAKS = new TreeMap<>();

  @BeforeAll
  static void syncTheYear() throws Exception {
    fixture = new SyncFixture(MORNING, shared.resolve("run"), b -> b.sandboxCustomer(0));
    Files.createDirectories(shared.resolve("run"));
    SyncReport report =
        fixture
            .sync(settings("peak_year", "value_year"), List.of(HOUSE), new RecordingTarget())
            .build()
            .runOnce();
    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);

    LocalDate january = TODAY.withDayOfYear(1);
    CURVE.addAll(fixture.client.consumptionLoadCurve(HOUSE, january, TODAY).intervals());
    for (MaxPowerReading peak :
        fixture.client.dailyConsumptionMaxPower(HOUSE, january, TODAY).maxPowers()) {
      PEAKS.put(peak.date(), peak.apparentPower());
    }
  }

  @AfterAll
  static void stop() throws IOException {
    fixture.close();
  }

  private static SyncSettings settings(String main, String secondary) {
    return SyncSettings.builder()
        .otherViewDays(30)
        .offPeakSchedule("22h00-6h00")
        .mainFigure(MainFigure.parse(main))
        .secondaryFigure(SecondaryFigure.parse(secondary))
        .build();
  }

  static Stream<Arguments> figures() {
    List<Arguments> all = new ArrayList<>();
    for (String main : MAIN) {
      for (SecondaryFigure secondary : SecondaryFigure.all()) {
        all.add(Arguments.of(main, secondary.toString()));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("figures")
  void dashboardShowsTheFigures(String main, String secondary) throws Exception {
    Path state = Files.createDirectories(directory.resolve("state"));
    try (Stream<Path> files = Files.list(shared.resolve("run"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        Files.copy(file, state.resolve(file.getFileName()));
      }
    }
    RecordingTarget target = new RecordingTarget();
    long requestsBefore = fixture.simulator.requests().size();

    SyncReport report =
        fixture
            .sync(settings(main, secondary), List.of(HOUSE), target)
            .stateDirectory(state)
            .build()
            .runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(fixture.simulator.requests()).hasSize((int) requestsBefore);
    long[] registers = expectedRegisters(secondary);
    long peak = expectedPeak(main.substring("peak_".length()));
    assertThat(target.currentValue(HOUSE))
        .contains(new P1Reading(new P1Energy(registers[0], registers[1], 0, 0), peak, 0));
  }

  /** Returns the first and the day after the last day of a period code, for today. */
  private static LocalDate[] period(String code) {
    LocalDate yesterday = TODAY.minusDays(1);
    LocalDate monday = yesterday.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    LocalDate first = yesterday.withDayOfMonth(1);
    return switch (code) {
      case "day" -> new LocalDate[] {yesterday, TODAY};
      case "cweek" -> new LocalDate[] {monday, TODAY};
      case "lweek" -> new LocalDate[] {monday.minusWeeks(1), monday};
      case "cmonth" -> new LocalDate[] {first, TODAY};
      case "lmonth" -> new LocalDate[] {first.minusMonths(1), first};
      case "year" -> new LocalDate[] {yesterday.withDayOfYear(1), TODAY};
      default -> throw new IllegalArgumentException(code);
    };
  }

  private static boolean in(LocalDate day, LocalDate[] period) {
    return !day.isBefore(period[0]) && day.isBefore(period[1]);
  }

  private static long expectedPeak(String code) {
    LocalDate[] period = period(code);
    return PEAKS.entrySet().stream()
        .filter(e -> in(e.getKey(), period))
        .mapToLong(Map.Entry::getValue)
        .max()
        .orElseThrow();
  }

  private static boolean offPeak(IntervalReading reading) {
    int hour = reading.start().getHour();
    return hour >= 22 || hour < 6;
  }

  private static long roundWattHours(long wattMinutes) {
    return Math.floorDiv(wattMinutes + 30, 60);
  }

  /** Returns U1 and U2 of a secondary figure such as {@code mean_lweek}. */
  private static long[] expectedRegisters(String figure) {
    String statistic = figure.substring(0, figure.indexOf('_'));
    LocalDate[] period = period(figure.substring(figure.indexOf('_') + 1));
    List<IntervalReading> readings = CURVE.stream().filter(r -> in(r.day(), period)).toList();
    long[] result = new long[2];
    switch (statistic) {
      case "value" -> {
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (IntervalReading r : readings) {
          days.computeIfAbsent(r.day(), d -> new long[2])[offPeak(r) ? 1 : 0] +=
              r.energy().wattMinutes();
        }
        for (long[] day : days.values()) {
          result[0] += roundWattHours(day[0]);
          result[1] += roundWattHours(day[1]);
        }
      }
      case "max" -> {
        Map<Instant, long[]> hours = new TreeMap<>();
        for (IntervalReading r : readings) {
          Instant hour = r.start().truncatedTo(ChronoUnit.HOURS).toInstant();
          hours.computeIfAbsent(hour, h -> new long[2])[offPeak(r) ? 1 : 0] +=
              r.energy().wattMinutes();
        }
        for (long[] hour : hours.values()) {
          result[0] = Math.max(result[0], hour[0]);
          result[1] = Math.max(result[1], hour[1]);
        }
        result[0] = roundWattHours(result[0]);
        result[1] = roundWattHours(result[1]);
      }
      case "mean" -> {
        long[] energy = new long[2];
        long[] minutes = new long[2];
        for (IntervalReading r : readings) {
          int register = offPeak(r) ? 1 : 0;
          energy[register] += r.energy().wattMinutes();
          minutes[register] += r.length().toMinutes();
        }
        for (int i = 0; i < 2; i++) {
          result[i] = minutes[i] == 0 ? 0 : Math.round((double) energy[i] / minutes[i]);
        }
      }
      default -> throw new IllegalArgumentException(figure);
    }
    return result;
  }
}
