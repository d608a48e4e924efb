package io.github.linkyj.offpeak;

import static io.github.linkyj.offpeak.Direction.CONSUMPTION;
import static io.github.linkyj.offpeak.Direction.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassificationTest {
  private static final String ID = "12345678901234";

  /** Nights and lunch on weekdays, mornings on Wednesday, all week-end, one hour on holidays. */
  private static final OffPeakSchedule SCHEDULE =
      OffPeakSchedule.parse("22h00-6h00 12h30-14h30 mercredi 8h-10h sa di 0h-24h fériés 1h15-2h45");

  private static final IntPredicate WEEKDAY =
      m -> m >= 22 * 60 || m < 6 * 60 || (m >= 750 && m < 870);
  private static final IntPredicate WEDNESDAY = m -> m >= 8 * 60 && m < 10 * 60;
  private static final IntPredicate WEEKEND = m -> true;
  private static final IntPredicate HOLIDAY = m -> m >= 75 && m < 165;

  @ParameterizedTest
  @CsvSource({
    "2024-05-13, WEEKDAY",
    "2024-05-14, WEEKDAY",
    "2024-05-17, WEEKDAY",
    "2024-05-15, WEDNESDAY",
    "2024-05-18, WEEKEND",
    "2024-05-19, WEEKEND",
    "2024-05-20, HOLIDAY",
    "2024-05-08, HOLIDAY",
    "2024-12-25, HOLIDAY",
    "2024-12-26, WEEKDAY",
    "2024-12-28, WEEKEND"
  })
  void everyMinuteOfDayTypeMatches(LocalDate date, String dayType) {
    IntPredicate offPeak = expected(dayType);
    int offPeakCount = 0;
    for (int minute = 0; minute < 1440; minute++) {
      LocalDateTime at = date.atStartOfDay().plusMinutes(minute);
      Tariff expectedTariff = offPeak.test(minute) ? Tariff.OFF_PEAK : Tariff.PEAK;

      assertThat(SCHEDULE.tariff(ID, CONSUMPTION, at)).as("%s", at).isEqualTo(expectedTariff);
      assertThat(SCHEDULE.tariff(ID, PRODUCTION, at)).as("%s", at).isEqualTo(expectedTariff);
      assertThat(SCHEDULE.offPeakMinutes(ID, CONSUMPTION, at, at.plusMinutes(1)))
          .as("%s", at)
          .isEqualTo(expectedTariff == Tariff.OFF_PEAK ? 1 : 0);
      offPeakCount += offPeak.test(minute) ? 1 : 0;
    }

    LocalDateTime start = date.atStartOfDay();
    assertThat(SCHEDULE.offPeakMinutes(ID, CONSUMPTION, start, start.plusDays(1)))
        .isEqualTo(offPeakCount);
  }

  @Test
  void alsaceMoselleSweepsItsExtraDays() {
    OffPeakSchedule alsace = SCHEDULE.withHolidays(FrenchHolidays.alsaceMoselle());
    LocalDateTime boxingDay = LocalDateTime.of(2024, 12, 26, 0, 0);

    for (int minute = 0; minute < 1440; minute++) {
      LocalDateTime at = boxingDay.plusMinutes(minute);
      Tariff expected = HOLIDAY.test(minute) ? Tariff.OFF_PEAK : Tariff.PEAK;

      assertThat(alsace.tariff(ID, CONSUMPTION, at)).as("%s", at).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "2024-05-17T23:00, 2024-05-18T01:00, 120",
    "2024-05-17T21:00, 2024-05-18T00:00, 120",
    "2024-05-19T23:30, 2024-05-20T03:00, 120",
    "2024-05-20T23:30, 2024-05-21T00:30, 30",
    "2024-05-14T05:30, 2024-05-14T06:30, 30",
    "2024-05-14T12:00, 2024-05-14T12:00, 0"
  })
  void intervalCountsEachDayByItsOwnList(
      LocalDateTime start, LocalDateTime end, long expectedOffPeak) {
    assertThat(SCHEDULE.offPeakMinutes(ID, CONSUMPTION, start, end)).isEqualTo(expectedOffPeak);
  }

  @Test
  void weekSumsItsDayTypes() {
    // Mon, Tue, Thu, Fri: 8 h + 2 h; Wed: 2 h; Sat, Sun: 24 h; Whit Monday is not in this week.
    long expected = 4 * 600 + 120 + 2 * 1440;

    LocalDateTime monday = LocalDateTime.of(2024, 5, 13, 0, 0);
    assertThat(SCHEDULE.offPeakMinutes(ID, CONSUMPTION, monday, monday.plusDays(7)))
        .isEqualTo(expected);
  }

  @Test
  void boundaryOffHalfHourSplitsProRata() {
    OffPeakSchedule schedule = OffPeakSchedule.parseContract("HC (2H26-7H56)");
    LocalDateTime first = LocalDateTime.of(2024, 1, 10, 2, 0);
    LocalDateTime last = LocalDateTime.of(2024, 1, 10, 7, 30);

    assertThat(schedule.offPeakMinutes(ID, CONSUMPTION, first, first.plusMinutes(30))).isEqualTo(4);
    assertThat(schedule.offPeakMinutes(ID, CONSUMPTION, last, last.plusMinutes(30))).isEqualTo(26);
  }

  @ParameterizedTest
  @CsvSource({
    "2024-04-01T10:00, OFF_PEAK",
    "2024-04-02T10:00, PEAK",
    "2024-05-09T10:00, OFF_PEAK",
    "2024-03-28T10:00, PEAK",
    "2024-04-07T23:30, OFF_PEAK",
    "2024-04-08T00:00, PEAK",
    "2024-04-08T00:50, OFF_PEAK",
    "2024-03-29T10:00, OFF_PEAK"
  })
  void zenWeekEndPlanFollowsDayTypes(LocalDateTime at, Tariff expected) {
    OffPeakSchedule zen =
        OffPeakSchedule.parse("0h50-7h20 12h20-13h50 vendredi samedi dimanche fériés 0h00-24h00");

    assertThat(zen.tariff(ID, CONSUMPTION, at)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "2024-12-26T10:00, PEAK, OFF_PEAK",
    "2025-04-18T10:00, PEAK, OFF_PEAK",
    "2025-04-21T10:00, OFF_PEAK, OFF_PEAK",
    "2025-04-17T10:00, PEAK, PEAK"
  })
  void alsaceMoselleAddsTwoHolidays(LocalDateTime at, Tariff national, Tariff alsaceMoselle) {
    String plan = "22H00-6H00 sa di fe 0h-24h";

    assertThat(OffPeakSchedule.parse(plan).tariff(ID, CONSUMPTION, at)).isEqualTo(national);
    assertThat(OffPeakSchedule.parse("alsace-moselle " + plan).tariff(ID, CONSUMPTION, at))
        .isEqualTo(alsaceMoselle);
  }

  @Test
  void secondsAreIgnoredByTariff() {
    LocalDateTime at = LocalDateTime.of(2024, 5, 14, 5, 59, 59, 999);

    assertThat(SCHEDULE.tariff(ID, CONSUMPTION, at)).isEqualTo(Tariff.OFF_PEAK);
  }

  @Test
  void invalidIntervalIsRejected() {
    LocalDateTime start = LocalDateTime.of(2024, 5, 14, 6, 0);

    assertThatThrownBy(() -> SCHEDULE.offPeakMinutes(ID, CONSUMPTION, start, start.minusMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "endExclusive 2024-05-14T05:59 is before startInclusive 2024-05-14T06:00. Pass the"
                + " interval bounds in time order");
    assertThatThrownBy(
            () -> SCHEDULE.offPeakMinutes(ID, CONSUMPTION, start.plusSeconds(1), start.plusDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "startInclusive 2024-05-14T06:00:01 is not a whole minute. Truncate it with"
                + " truncatedTo(MINUTES)");
  }

  @Test
  void invalidUsagePointIsRejected() {
    LocalDateTime at = LocalDateTime.of(2024, 5, 14, 6, 0);

    assertThatThrownBy(() -> SCHEDULE.tariff("1234", CONSUMPTION, at))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid usage point id \"1234\". Expected the 14 digits of the PRM, such as"
                + " 12345678901234");
    assertThatThrownBy(() -> SCHEDULE.tariff(null, CONSUMPTION, at))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("usagePointId");
  }

  @Test
  void checkedIdDoesNotHideInvalidOne() {
    OffPeakSchedule schedule = OffPeakSchedule.parse("22h-6h 88888888888888 1h-2h");
    LocalDateTime at = LocalDateTime.of(2024, 5, 14, 3, 0);

    assertThat(schedule.tariff(ID, CONSUMPTION, at)).isEqualTo(Tariff.OFF_PEAK);
    assertThat(schedule.tariff(ID, CONSUMPTION, at)).isEqualTo(Tariff.OFF_PEAK);
    assertThatThrownBy(() -> schedule.tariff("1234567890123x", CONSUMPTION, at))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(schedule.tariff("88888888888888", CONSUMPTION, at)).isEqualTo(Tariff.PEAK);
  }

  @Test
  void holidayListNeedsSupportedYear() {
    LocalDateTime at = LocalDateTime.of(2201, 1, 1, 0, 0);

    assertThatThrownBy(() -> SCHEDULE.tariff(ID, CONSUMPTION, at))
        .isInstanceOf(DateTimeException.class)
        .hasMessage(
            "Year 2201 is outside the range 1900-2200 of the French public holiday calendar");
    assertThat(OffPeakSchedule.parse("22h-6h").tariff(ID, CONSUMPTION, at))
        .isEqualTo(Tariff.OFF_PEAK);
  }

  private static IntPredicate expected(String dayType) {
    switch (dayType) {
      case "WEEKDAY":
        return WEEKDAY;
      case "WEDNESDAY":
        return WEDNESDAY;
      case "WEEKEND":
        return WEEKEND;
      default:
        return HOLIDAY;
    }
  }
}
