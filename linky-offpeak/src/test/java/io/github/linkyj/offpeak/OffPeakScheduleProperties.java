package io.github.linkyj.offpeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

class OffPeakScheduleProperties {
  private static final List<String> IDS =
      List.of("12345678901234", "88888888888888", "00000000000001");
  private static final String OTHER_ID = "55555555555555";
  private static final String INVALID_ID = "5555555555555x";

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

  @Property
  void offPeakMinutesMatchMinuteCount(
      @ForAll("schedules") OffPeakSchedule schedule,
      @ForAll("usagePoints") String usagePoint,
      @ForAll Direction direction,
      @ForAll("intervalStarts") LocalDateTime start,
      @ForAll("intervalMinutes") int minutes) {
    LocalDateTime end = start.plusMinutes(minutes);
    Statistics.label("dates").collect(dateSpan(start, end));
    Statistics.label("dates")
        .coverage(
            checker -> {
              checker.check("next date").percentage(percent -> percent > 5);
              checker.check("next date, new month").percentage(percent -> percent > 1);
            });

    long offPeak = schedule.offPeakMinutes(usagePoint, direction, start, end);

    assertThat(offPeak).isEqualTo(countOffPeakMinutes(schedule, usagePoint, direction, start, end));
  }

  @Property(tries = 300)
  void repeatedLookupsMatchFreshSchedule(
      @ForAll("schedules") OffPeakSchedule schedule, @ForAll("lookups") List<Lookup> lookups) {
    for (Lookup lookup : lookups) {
      OffPeakSchedule fresh = OffPeakSchedule.parse(schedule.toString());
      LocalDateTime end = lookup.start().plusMinutes(lookup.minutes());
      String id = lookup.usagePoint();

      assertThat(schedule.plan(id, lookup.direction()))
          .isEqualTo(fresh.plan(id, lookup.direction()));
      assertThat(schedule.offPeakMinutes(id, lookup.direction(), lookup.start(), end))
          .isEqualTo(fresh.offPeakMinutes(new String(id), lookup.direction(), lookup.start(), end));
      assertThatThrownBy(() -> schedule.plan(INVALID_ID, lookup.direction()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** A usage point, direction and interval to classify. */
  record Lookup(String usagePoint, Direction direction, LocalDateTime start, int minutes) {}

  /**
   * Counts the off-peak minutes of {@code [start, end)} one minute at a time, choosing each date's
   * list by the documented rule instead of the schedule's lookup tables.
   */
  private static long countOffPeakMinutes(
      OffPeakSchedule schedule,
      String usagePoint,
      Direction direction,
      LocalDateTime start,
      LocalDateTime end) {
    WeekPlan plan = OffPeakSchedule.parse(schedule.toString()).plan(usagePoint, direction);
    long offPeak = 0;
    for (LocalDateTime minute = start; minute.isBefore(end); minute = minute.plusMinutes(1)) {
      LocalDate date = minute.toLocalDate();
      DayRanges ranges = plan.ownRanges(date.getDayOfWeek()).orElse(plan.defaultRanges());
      if (plan.holidayRanges().isPresent() && schedule.holidays().isHoliday(date)) {
        ranges = plan.holidayRanges().get();
      }
      LocalTime time = minute.toLocalTime();
      if (ranges.ranges().stream().anyMatch(range -> range.contains(time))) {
        offPeak++;
      }
    }
    return offPeak;
  }

  private static String dateSpan(LocalDateTime start, LocalDateTime end) {
    if (start.toLocalDate().equals(end.toLocalDate())) {
      return "one date";
    }
    if (start.toLocalDate().plusDays(1).equals(end.toLocalDate())) {
      return start.getMonth() == end.getMonth() ? "next date" : "next date, new month";
    }
    return "three dates or more";
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

  /** Starts biased towards the end of a day and of a month, where intervals cross dates. */
  @Provide
  Arbitrary<LocalDateTime> intervalStarts() {
    Arbitrary<LocalDateTime> lateInMonth =
        Combinators.combine(
                Arbitraries.integers().between(0, 12 * 20 - 1),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(22 * 60, 1439))
            .as(
                (month, daysBeforeEnd, minute) -> {
                  LocalDate first = LocalDate.of(2015, 1, 1).plusMonths(month);
                  LocalDate date = first.withDayOfMonth(first.lengthOfMonth() - daysBeforeEnd);
                  return date.atStartOfDay().plusMinutes(minute);
                });
    return Arbitraries.oneOf(dateTimes(), lateInMonth);
  }

  /** Interval lengths: load-curve steps most of the time, up to three days otherwise. */
  @Provide
  Arbitrary<Integer> intervalMinutes() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(0, 5, 10, 15, 30, 60, 120)),
        Tuple.of(1, Arbitraries.integers().between(0, 3 * 1440)));
  }

  @Provide
  Arbitrary<List<Lookup>> lookups() {
    Arbitrary<Lookup> lookup =
        Combinators.combine(
                usagePoints(), Arbitraries.of(Direction.class), intervalStarts(), intervalMinutes())
            .as(Lookup::new);
    return lookup.list().ofMinSize(1).ofMaxSize(8);
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
