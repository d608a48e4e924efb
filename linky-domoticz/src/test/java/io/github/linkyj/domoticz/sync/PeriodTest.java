package io.github.linkyj.domoticz.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {
  @ParameterizedTest
  @CsvSource({
    // today, period, start inclusive, end exclusive
    "2026-12-04, DAY, 2026-12-03, 2026-12-04",
    "2026-12-04, CURRENT_WEEK, 2026-11-30, 2026-12-04",
    "2026-12-04, LAST_WEEK, 2026-11-23, 2026-11-30",
    "2026-12-04, CURRENT_MONTH, 2026-12-01, 2026-12-04",
    "2026-12-04, LAST_MONTH, 2026-11-01, 2026-12-01",
    "2026-12-04, YEAR, 2026-01-01, 2026-12-04",
    // Monday: the current week is the whole previous week.
    "2026-12-07, CURRENT_WEEK, 2026-11-30, 2026-12-07",
    "2026-12-07, LAST_WEEK, 2026-11-23, 2026-11-30",
    // 1st of the month: the current month is the whole previous month.
    "2026-12-01, CURRENT_MONTH, 2026-11-01, 2026-12-01",
    "2026-12-01, LAST_MONTH, 2026-10-01, 2026-11-01",
    // 1 January: yesterday is in the previous year.
    "2027-01-01, YEAR, 2026-01-01, 2027-01-01",
    "2027-01-01, LAST_MONTH, 2026-11-01, 2026-12-01",
    "2027-01-02, YEAR, 2027-01-01, 2027-01-02",
    "2027-01-02, LAST_MONTH, 2026-12-01, 2027-01-01",
  })
  void rangeFromToday(LocalDate today, Period period, LocalDate start, LocalDate end) {
    assertThat(period.range(today)).isEqualTo(DateRange.of(start, end));
  }

  @ParameterizedTest
  @CsvSource({"day, DAY", "cweek, CURRENT_WEEK", "lmonth, LAST_MONTH", "year, YEAR"})
  void codesParse(String code, Period period) {
    assertThat(Period.ofCode(code)).isEqualTo(period);
    assertThat(period.code()).isEqualTo(code);
  }

  @org.junit.jupiter.api.Test
  void unknownCodeIsRejected() {
    assertThatThrownBy(() -> Period.ofCode("week"))
        .hasMessage("Invalid period 'week': expected day, cweek, lweek, cmonth, lmonth or year");
  }

  @ParameterizedTest
  @CsvSource({
    "2026-12-04, 2026-01-01",
    "2027-01-01, 2026-01-01",
    "2027-01-20, 2026-12-01",
    "2027-02-10, 2027-01-01"
  })
  void statisticsHorizonCoversEveryPeriod(LocalDate today, LocalDate horizon) {
    assertThat(DashboardComposer.statisticsHorizon(today)).isEqualTo(horizon);
  }
}
