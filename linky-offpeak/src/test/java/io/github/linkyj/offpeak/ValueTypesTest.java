package io.github.linkyj.offpeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** {@link TimeRange}, {@link DayRanges} and {@link WeekPlan} as values. */
class ValueTypesTest {

  @Test
  void rangeCrossingMidnightIsOneRange() {
    TimeRange night = TimeRange.of(LocalTime.of(22, 0), LocalTime.of(6, 0));

    assertThat(night.crossesMidnight()).isTrue();
    assertThat(night.minutes()).isEqualTo(480);
    assertThat(night.contains(LocalTime.of(22, 0))).isTrue();
    assertThat(night.contains(LocalTime.of(5, 59))).isTrue();
    assertThat(night.contains(LocalTime.of(6, 0))).isFalse();
    assertThat(night.contains(LocalTime.of(21, 59))).isFalse();
    assertThat(night).hasToString("22:00-06:00");
  }

  @Test
  void midnightEndIsEndOfDay() {
    TimeRange evening = TimeRange.of(LocalTime.of(22, 0), LocalTime.MIDNIGHT);

    assertThat(evening.crossesMidnight()).isFalse();
    assertThat(evening.endExclusive()).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(evening.minutes()).isEqualTo(120);
    assertThat(evening).hasToString("22:00-24:00");
    assertThat(TimeRange.of(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)).isEqualTo(TimeRange.allDay());
    assertThat(TimeRange.allDay().isAllDay()).isTrue();
    assertThat(TimeRange.allDay().minutes()).isEqualTo(1440);
    assertThat(TimeRange.of(LocalTime.of(20, 0), LocalTime.of(23, 59))).hasToString("20:00-24:00");
  }

  @Test
  void rangeParsesItsOwnText() {
    for (String text : new String[] {"22:00-06:00", "00:00-24:00", "12:30-14:30", "23:59-24:00"}) {
      assertThat(TimeRange.parse(text)).hasToString(text);
    }
    assertThat(TimeRange.parse("22h à 6h")).isEqualTo(TimeRange.parse("22:00-06:00"));
  }

  @Test
  void invalidRangesAreRejected() {
    assertThatThrownBy(() -> TimeRange.of(LocalTime.of(5, 0), LocalTime.of(5, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Empty off-peak range 05:00-05:00: the start equals the end. Use TimeRange.allDay()"
                + " for the whole day");
    assertThatThrownBy(() -> TimeRange.of(LocalTime.of(5, 0, 30), LocalTime.of(6, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "startInclusive 05:00:30 is not a whole minute. Truncate it with truncatedTo(MINUTES)");
    assertThatThrownBy(() -> TimeRange.parse("1h-2h 3h-4h"))
        .isInstanceOf(OffPeakParseException.class)
        .hasMessage(
            "Unexpected \"3h\" after the range at index 6 of off-peak hours \"1h-2h 3h-4h\"."
                + " Expected the end of the text.");
    assertThatThrownBy(() -> TimeRange.parse(""))
        .isInstanceOf(OffPeakParseException.class)
        .hasMessage(
            "Missing range at index 0 of off-peak hours \"\". Expected a time range such as"
                + " 22h00-06h00.");
  }

  @Test
  void dayRangesMergeIntoCanonicalForm() {
    DayRanges ranges =
        DayRanges.of(
            TimeRange.parse("0:00-6:00"),
            TimeRange.parse("22:00-24:00"),
            TimeRange.parse("5:00-7:00"));

    assertThat(ranges.ranges()).containsExactly(TimeRange.parse("22:00-07:00"));
    assertThat(ranges.offPeakMinutes()).isEqualTo(540);
    assertThat(DayRanges.parse("13h-14h, 1h-2h et 14h-15h")).hasToString("01:00-02:00 13:00-15:00");
    assertThat(DayRanges.parse("0h-12h 12h-24h").ranges()).containsExactly(TimeRange.allDay());
    assertThat(DayRanges.parse("")).isEqualTo(DayRanges.none());
    assertThat(DayRanges.none().isEmpty()).isTrue();
  }

  @Test
  void dayRangesGiveTariffs() {
    DayRanges ranges = DayRanges.parse("22h-6h");

    assertThat(ranges.tariff(LocalTime.of(23, 59, 59))).isEqualTo(Tariff.OFF_PEAK);
    assertThat(ranges.tariff(LocalTime.of(6, 0))).isEqualTo(Tariff.PEAK);
  }

  @Test
  void weekPlanPicksListByDayType() {
    DayRanges night = DayRanges.parse("22h-6h");
    DayRanges allDay = DayRanges.of(TimeRange.allDay());
    WeekPlan plan =
        WeekPlan.of(night)
            .with(DayOfWeek.SATURDAY, allDay)
            .with(DayOfWeek.WEDNESDAY, DayRanges.none())
            .withHolidays(DayRanges.parse("1h-2h"));
    FrenchHolidays holidays = FrenchHolidays.metropolitan();

    assertThat(plan.rangesOn(LocalDate.of(2024, 5, 13), holidays)).isEqualTo(night);
    assertThat(plan.rangesOn(LocalDate.of(2024, 5, 15), holidays)).isEqualTo(DayRanges.none());
    assertThat(plan.rangesOn(LocalDate.of(2024, 5, 18), holidays)).isEqualTo(allDay);
    assertThat(plan.rangesOn(LocalDate.of(2024, 5, 8), holidays))
        .isEqualTo(DayRanges.parse("1h-2h"));
    assertThat(plan.ownRanges(DayOfWeek.MONDAY)).isEmpty();
    assertThat(plan.holidayRanges()).contains(DayRanges.parse("1h-2h"));
    assertThat(plan).hasToString("22:00-06:00 sat 00:00-24:00 holiday 01:00-02:00 wed");
    assertThat(plan.isNone()).isFalse();
  }

  @Test
  void planWithoutEffectiveRangesIsNone() {
    WeekPlan plan = WeekPlan.of(DayRanges.parse("22h-6h"));
    for (DayOfWeek day : DayOfWeek.values()) {
      plan = plan.with(day, DayRanges.none());
    }

    assertThat(plan.isNone()).isTrue();
    assertThat(plan.withHolidays(DayRanges.parse("1h-2h")).isNone()).isFalse();
    assertThat(WeekPlan.none().isNone()).isTrue();
    assertThat(WeekPlan.of(DayRanges.parse("1h-2h")).isNone()).isFalse();
  }

  @Test
  void builtScheduleEqualsParsedOne() {
    WeekPlan consumption = WeekPlan.of(DayRanges.parse("22h-6h"));
    WeekPlan production = WeekPlan.none().with(DayOfWeek.SUNDAY, DayRanges.parse("10h-16h"));
    OffPeakSchedule built =
        OffPeakSchedule.of(consumption)
            .withUsagePoint("12345678901234", consumption, production)
            .withHolidays(FrenchHolidays.alsaceMoselle());

    assertThat(built)
        .hasToString("alsace-moselle 22:00-06:00 12345678901234 22:00-06:00 P sun 10:00-16:00");
    assertThat(OffPeakSchedule.parse(built.toString())).isEqualTo(built);
    assertThat(OffPeakSchedule.parse(built.toString()).hashCode()).isEqualTo(built.hashCode());
    assertThatThrownBy(() -> built.withUsagePoint("1234567890123a", consumption))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid usage point id \"1234567890123a\". Expected the 14 digits of the PRM, such as"
                + " 12345678901234");
  }
}
