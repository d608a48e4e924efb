package io.github.linkyj.offpeak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

class OffPeakScheduleProperties {
  private static final List<String> IDS =
      List.of("12345678901234", "88888888888888", "00000000000001");
  private static final String OTHER_ID = "55555555555555";

  @Property
  void canonicalFormParsesBack(@ForAll("schedules") OffPeakSchedule schedule) {
    String text = schedule.toString();
    OffPeakSchedule parsed = OffPeakSchedule.parse(text);

    assertThat(parsed).isEqualTo(schedule);
    assertThat(parsed.toString()).isEqualTo(text);
  }

  @Property
  void rangeTextParsesBack(@ForAll("ranges") TimeRange range) {
    Statistics.label("crosses midnight").collect(range.crossesMidnight());
    Statistics.label("crosses midnight")
        .coverage(checker -> checker.check(true).percentage(percent -> percent > 20));

    assertThat(TimeRange.parse(range.toString())).isEqualTo(range);
  }

  @Property
  void everyMinuteHasOneTariff(
      @ForAll("schedules") OffPeakSchedule schedule,
      @ForAll("usagePoints") String usagePoint,
      @ForAll Direction direction,
      @ForAll("dateTimes") LocalDateTime at) {
    Tariff tariff = schedule.tariff(usagePoint, direction, at);
    long offPeak = schedule.offPeakMinutes(usagePoint, direction, at, at.plusMinutes(1));
    DayRanges ranges =
        schedule.plan(usagePoint, direction).rangesOn(at.toLocalDate(), schedule.holidays());
    boolean inRange = ranges.ranges().stream().anyMatch(range -> range.contains(at.toLocalTime()));

    assertThat(tariff).isIn(Tariff.PEAK, Tariff.OFF_PEAK);
    assertThat(offPeak).isEqualTo(tariff == Tariff.OFF_PEAK ? 1 : 0);
    assertThat(inRange).isEqualTo(tariff == Tariff.OFF_PEAK);
  }

  @Property
  void splittingKeepsOffPeakMinutes(
      @ForAll("schedules") OffPeakSchedule schedule,
      @ForAll("usagePoints") String usagePoint,
      @ForAll Direction direction,
      @ForAll("dateTimes") LocalDateTime start,
      @ForAll @IntRange(max = 4 * 1440) int firstMinutes,
      @ForAll @IntRange(max = 4 * 1440) int secondMinutes) {
    LocalDateTime split = start.plusMinutes(firstMinutes);
    LocalDateTime end = split.plusMinutes(secondMinutes);

    long whole = schedule.offPeakMinutes(usagePoint, direction, start, end);
    long first = schedule.offPeakMinutes(usagePoint, direction, start, split);
    long second = schedule.offPeakMinutes(usagePoint, direction, split, end);

    assertThat(whole).isEqualTo(first + second);
    assertThat(whole).isBetween(0L, (long) firstMinutes + secondMinutes);
  }

  @Property(tries = 3000)
  void randomStringsOnlyRaiseParseException(@ForAll String text) {
    assertOnlyParseException(text, () -> OffPeakSchedule.parse(text));
    assertOnlyParseException(text, () -> OffPeakSchedule.parseContract(text));
    assertOnlyParseException(text, () -> DayRanges.parse(text));
    assertOnlyParseException(text, () -> TimeRange.parse(text));
  }

  @Property(tries = 3000)
  void randomTokensOnlyRaiseParseException(@ForAll("tokenSoup") String text) {
    assertOnlyParseException(text, () -> OffPeakSchedule.parse(text));
    assertOnlyParseException(text, () -> OffPeakSchedule.parseContract(text));
    assertOnlyParseException(text, () -> DayRanges.parse(text));
  }

  private static void assertOnlyParseException(String text, Supplier<?> parse) {
    try {
      parse.get();
    } catch (OffPeakParseException exception) {
      assertThat(exception.input()).isEqualTo(text);
      assertThat(exception.index()).isBetween(0, text.length());
      assertThat(text.startsWith(exception.token(), exception.index())).isTrue();
      assertThat(exception.hint()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<TimeRange> ranges() {
    Arbitrary<Integer> starts = Arbitraries.integers().between(0, 1439);
    Arbitrary<Integer> ends = Arbitraries.integers().between(1, 1440);
    return Combinators.combine(starts, ends)
        .filter((start, end) -> !start.equals(end))
        .as(TimeRange::ofMinutes);
  }

  @Provide
  Arbitrary<DayRanges> dayRanges() {
    return ranges().list().ofMaxSize(4).map(DayRanges::of);
  }

  @Provide
  Arbitrary<WeekPlan> plans() {
    Arbitrary<DayRanges> own = dayRanges().injectNull(0.6);
    return Combinators.combine(dayRanges(), own.list().ofSize(DayType.values().length))
        .as(
            (defaultRanges, ownRanges) -> {
              WeekPlan plan = WeekPlan.of(defaultRanges);
              for (DayType type : DayType.values()) {
                DayRanges ranges = ownRanges.get(type.ordinal());
                if (ranges != null) {
                  plan = plan.with(type, ranges);
                }
              }
              return plan;
            });
  }

  @Provide
  Arbitrary<OffPeakSchedule> schedules() {
    Arbitrary<Section> sections =
        Combinators.combine(plans(), plans().injectNull(0.5)).as(Section::new);
    Arbitrary<Map<String, Section>> usagePoints =
        Arbitraries.maps(Arbitraries.of(IDS), sections).ofMaxSize(3);
    Arbitrary<FrenchHolidays> holidays =
        Arbitraries.of(FrenchHolidays.metropolitan(), FrenchHolidays.alsaceMoselle());
    return Combinators.combine(holidays, sections, usagePoints).as(OffPeakSchedule::new);
  }

  @Provide
  Arbitrary<String> usagePoints() {
    return Arbitraries.of(IDS.get(0), IDS.get(1), IDS.get(2), OTHER_ID);
  }

  @Provide
  Arbitrary<LocalDateTime> dateTimes() {
    Arbitrary<LocalDate> dates =
        Arbitraries.integers()
            .between(0, 365 * 20)
            .map(days -> LocalDate.of(2015, 1, 1).plusDays(days));
    Arbitrary<Integer> minutes = Arbitraries.integers().between(0, 1439);
    return Combinators.combine(dates, minutes)
        .as((date, minute) -> date.atStartOfDay().plusMinutes(minute));
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "2h00",
            "7h",
            "24h00",
            "23h59",
            "0h00",
            "12:30",
            "2 h",
            "25h",
            "2h5",
            "-",
            "_",
            "à",
            "a",
            "to",
            "et",
            "de",
            "from",
            ",",
            ";",
            "(",
            ")",
            "HC",
            "hc",
            "P",
            "prod",
            "me",
            "mercredi",
            "sa",
            "weekend",
            "fe",
            "jours",
            "fériés",
            "bank",
            "holiday",
            "alsace-moselle",
            "12345678901234",
            "88888888888888",
            "123",
            "x",
            "!",
            "");
    Arbitrary<String> joiners = Arbitraries.of("", " ", "  ", ", ");
    return Combinators.combine(tokens.list().ofMaxSize(14), joiners)
        .as((parts, joiner) -> String.join(joiner, parts));
  }
}
