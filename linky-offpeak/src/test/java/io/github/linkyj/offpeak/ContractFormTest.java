package io.github.linkyj.offpeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code offpeak_hours} field of Enedis contracts, in the variants seen in real data. */
class ContractFormTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          HC (22H00-6H00)                 | 22:00-06:00             | 480
          HC (23H30-7H30)                 | 23:30-07:30             | 480
          HC (1H30-8H00;12H30-14H00)      | 01:30-08:00 12:30-14:00 | 480
          HC (0H50-6H50;14H20-16H20)      | 00:50-06:50 14:20-16:20 | 480
          HC (0H54-6H54;11H54-13H54)      | 00:54-06:54 11:54-13:54 | 480
          HC (23h00-7h30)                 | 23:00-07:30             | 510
          HC (20H56-4H56)                 | 20:56-04:56             | 480
          ` HC (22H00-6H00) `             | 22:00-06:00             | 480
          HC (2H00-7H00;12h30-14h00)      | 02:00-07:00 12:30-14:00 | 390
          HC (22H30-6H30), (13H00-15H00)  | 13:00-15:00 22:30-06:30 | 600
          HC (22h00-06h00),(12h00-14h00)  | 12:00-14:00 22:00-06:00 | 600
          HC (22H00-6H00;12H30-14H30)     | 12:30-14:30 22:00-06:00 | 600
          hc(22H00-6H00)                  | 22:00-06:00             | 480
          HC ()                           | ``                      | 0
          ``                              | ``                      | 0
          `   `                           | ``                      | 0
          """)
  void contractVariantsGiveEveryRange(String text, String canonical, int minutesPerDay) {
    OffPeakSchedule schedule = OffPeakSchedule.parseContract(text);
    WeekPlan plan = schedule.plan("12345678901234", Direction.CONSUMPTION);

    assertThat(schedule.toString()).isEqualTo(canonical);
    assertThat(plan.defaultRanges().offPeakMinutes()).isEqualTo(minutesPerDay);
    assertThat(schedule.plan("12345678901234", Direction.PRODUCTION)).isEqualTo(plan);
  }

  @Test
  void emptyContractIsNone() {
    assertThat(OffPeakSchedule.parseContract("HC ()")).isEqualTo(OffPeakSchedule.none());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          HC (22H00-6H00          | 14 | `` | Missing closing parenthesis at index 14 of off-peak hours "HC (22H00-6H00". Expected ")" after the ranges, as in HC (22H00-6H00).
          HC (                    | 4  | `` | Missing closing parenthesis at index 4 of off-peak hours "HC (". Expected ")" after the ranges, as in HC (22H00-6H00).
          HC 22H00-6H00           | 3  | 22H00 | Missing opening parenthesis at index 3 of off-peak hours "HC 22H00-6H00". Expected "(" and ranges, such as (22H00-6H00).
          HP (22H00-6H00)         | 0  | HP | Unexpected "HP" at the start of the contract form at index 0 of off-peak hours "HP (22H00-6H00)". Expected HC followed by ranges in parentheses, such as HC (22H00-6H00;12H30-14H30).
          HC (22H00-6H00;)        | 15 | ) | Unexpected ")" in the contract ranges at index 15 of off-peak hours "HC (22H00-6H00;)". Expected a time range such as 22H00-6H00.
          HC (22H00-6H00) x       | 16 | x | Unexpected "x" after the closing parenthesis at index 16 of off-peak hours "HC (22H00-6H00) x". Expected the end of the text, or a comma and another group such as (12H30-14H30).
          HC (22H00-22H00)        | 4  | 22H00-22H00 | Empty range "22H00-22H00" at index 4 of off-peak hours "HC (22H00-22H00)". Expected an end time that differs from the start time, such as 0h00-24h00 for the whole day.
          HC (22H00 6H00)         | 10 | 6H00 | Time "22H00" is not followed by a range separator at index 10 of off-peak hours "HC (22H00 6H00)". Expected a separator (-, _, à, a or to) and an end time, as in 22h00-06h00.
          """)
  void invalidContractNamesIndexAndToken(String text, int index, String token, String message) {
    OffPeakParseException exception =
        catchThrowableOfType(
            OffPeakParseException.class, () -> OffPeakSchedule.parseContract(text));

    assertThat(exception).hasMessage(message);
    assertThat(exception.index()).isEqualTo(index);
    assertThat(exception.token()).isEqualTo(token);
  }
}
