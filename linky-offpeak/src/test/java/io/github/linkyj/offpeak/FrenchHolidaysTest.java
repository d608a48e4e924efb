package io.github.linkyj.offpeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates as published in the official French calendars of each year. */
class FrenchHolidaysTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2023 | 01-01 04-10 05-01 05-08 05-18 05-29 07-14 08-15 11-01 11-11 12-25
          2024 | 01-01 04-01 05-01 05-08 05-09 05-20 07-14 08-15 11-01 11-11 12-25
          2025 | 01-01 04-21 05-01 05-08 05-29 06-09 07-14 08-15 11-01 11-11 12-25
          2026 | 01-01 04-06 05-01 05-08 05-14 05-25 07-14 08-15 11-01 11-11 12-25
          2027 | 01-01 03-29 05-01 05-06 05-08 05-17 07-14 08-15 11-01 11-11 12-25
          """)
  void metropolitanHolidaysMatchPublishedDates(int year, String monthDays) {
    assertThat(FrenchHolidays.metropolitan().holidays(year)).isEqualTo(dates(year, monthDays));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2024 | 01-01 03-29 04-01 05-01 05-08 05-09 05-20 07-14 08-15 11-01 11-11 12-25 12-26
          2025 | 01-01 04-18 04-21 05-01 05-08 05-29 06-09 07-14 08-15 11-01 11-11 12-25 12-26
          2026 | 01-01 04-03 04-06 05-01 05-08 05-14 05-25 07-14 08-15 11-01 11-11 12-25 12-26
          """)
  void alsaceMoselleAddsGoodFridayAndBoxingDay(int year, String monthDays) {
    assertThat(FrenchHolidays.alsaceMoselle().holidays(year)).isEqualTo(dates(year, monthDays));
  }

  @ParameterizedTest
  @CsvSource({
    "1900-04-15", "1950-04-09", "1961-04-02", "1974-04-14", "1981-04-19", "1995-04-16",
    "2000-04-23", "2008-03-23", "2011-04-24", "2016-03-27", "2019-04-21", "2024-03-31",
    "2025-04-20", "2038-04-25", "2100-03-28", "2150-04-12", "2200-04-06"
  })
  void easterSundayMatchesPublishedDates(LocalDate easter) {
    assertThat(FrenchHolidays.easterSunday(easter.getYear())).isEqualTo(easter);
  }

  @Test
  void easterIsSundayInItsWindow() {
    for (int year = FrenchHolidays.MIN_YEAR; year <= FrenchHolidays.MAX_YEAR; year++) {
      LocalDate easter = FrenchHolidays.easterSunday(year);

      assertThat(easter.getDayOfWeek()).as("%s", easter).isEqualTo(DayOfWeek.SUNDAY);
      assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
    }
  }

  @Test
  void everyYearHasAllDistinctDates() {
    for (int year = FrenchHolidays.MIN_YEAR; year <= FrenchHolidays.MAX_YEAR; year++) {
      List<LocalDate> metropolitan = FrenchHolidays.metropolitan().holidays(year);
      List<LocalDate> alsace = FrenchHolidays.alsaceMoselle().holidays(year);
      LocalDate ascension = FrenchHolidays.easterSunday(year).plusDays(39);
      boolean shared =
          ascension.equals(LocalDate.of(year, Month.MAY, 1))
              || ascension.equals(LocalDate.of(year, Month.MAY, 8));

      assertThat(metropolitan).hasSize(shared ? 10 : 11).isSorted();
      assertThat(alsace).hasSize(shared ? 12 : 13).containsAll(metropolitan);
      for (LocalDate date : alsace) {
        assertThat(FrenchHolidays.alsaceMoselle().isHoliday(date)).isTrue();
        assertThat(FrenchHolidays.metropolitan().isHoliday(date))
            .isEqualTo(metropolitan.contains(date));
      }
    }
  }

  @Test
  void dayCodesMatchEveryDate() {
    FrenchHolidays holidays = FrenchHolidays.alsaceMoselle();
    LocalDate last = LocalDate.of(FrenchHolidays.MAX_YEAR, 12, 31);
    for (LocalDate date = LocalDate.of(1900, 1, 1); !date.isAfter(last); date = date.plusDays(1)) {
      int code = holidays.dayCode(date);
      boolean holiday = holidays.holidays(date.getYear()).contains(date);

      assertThat(code & 7).as("%s", date).isEqualTo(date.getDayOfWeek().ordinal());
      assertThat(code & FrenchHolidays.HOLIDAY).as("%s", date).isEqualTo(holiday ? 8 : 0);
    }
    assertThat(holidays.dayCode(LocalDate.of(1899, 12, 31)))
        .isEqualTo(FrenchHolidays.UNKNOWN_YEAR + DayOfWeek.SUNDAY.ordinal());
  }

  @Test
  void ascensionOnFirstMayCountsOnce() {
    List<LocalDate> holidays = FrenchHolidays.metropolitan().holidays(2008);

    assertThat(holidays).hasSize(10).contains(LocalDate.of(2008, Month.MAY, 1));
  }

  @Test
  void isHolidaySeesOnlyHolidays() {
    FrenchHolidays holidays = FrenchHolidays.metropolitan();
    long count =
        Stream.iterate(LocalDate.of(2024, 1, 1), date -> date.plusDays(1))
            .limit(366)
            .filter(holidays::isHoliday)
            .count();

    assertThat(count).isEqualTo(11);
    assertThat(holidays.isHoliday(LocalDate.of(2024, 12, 26))).isFalse();
    assertThat(FrenchHolidays.alsaceMoselle().isHoliday(LocalDate.of(2024, 12, 26))).isTrue();
    assertThat(holidays.isHoliday(LocalDate.of(2024, 12, 31))).isFalse();
    assertThat(holidays.isHoliday(LocalDate.of(2200, 12, 25))).isTrue();
  }

  @Test
  void yearOutsideRangeIsRejected() {
    assertThatThrownBy(() -> FrenchHolidays.metropolitan().isHoliday(LocalDate.of(1899, 12, 25)))
        .isInstanceOf(DateTimeException.class)
        .hasMessage(
            "Year 1899 is outside the range 1900-2200 of the French public holiday calendar");
    assertThatThrownBy(() -> FrenchHolidays.easterSunday(2201))
        .isInstanceOf(DateTimeException.class)
        .hasMessage(
            "Year 2201 is outside the range 1900-2200 of the French public holiday calendar");
  }

  @Test
  void valuesCompareByCalendar() {
    assertThat(FrenchHolidays.metropolitan()).isEqualTo(FrenchHolidays.metropolitan());
    assertThat(FrenchHolidays.metropolitan()).isNotEqualTo(FrenchHolidays.alsaceMoselle());
    assertThat(FrenchHolidays.alsaceMoselle().isAlsaceMoselle()).isTrue();
    assertThat(FrenchHolidays.alsaceMoselle()).hasToString("FrenchHolidays[alsace-moselle]");
  }

  private static List<LocalDate> dates(int year, String monthDays) {
    return Stream.of(monthDays.split(" "))
        .map(monthDay -> LocalDate.parse(year + "-" + monthDay))
        .collect(Collectors.toList());
  }
}
