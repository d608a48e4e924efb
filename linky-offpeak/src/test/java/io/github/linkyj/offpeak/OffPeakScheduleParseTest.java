package io.github.linkyj.offpeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OffPeakScheduleParseTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2h00-7h00                    | 02:00-07:00
          2h-7h                        | 02:00-07:00
          2H-7H                        | 02:00-07:00
          02h00-07h00                  | 02:00-07:00
          2:00-7:00                    | 02:00-07:00
          2h30-7h05                    | 02:30-07:05
          2h00_7h00                    | 02:00-07:00
          2h00 à 7h00                  | 02:00-07:00
          2h00 a 7h00                  | 02:00-07:00
          2h00 to 7h00                 | 02:00-07:00
          from 2h00 to 7h00            | 02:00-07:00
          de 2h à 7h                   | 02:00-07:00
          2 h - 7 h                    | 02:00-07:00
          22h00-24h00                  | 22:00-24:00
          22:00-24:00                  | 22:00-24:00
          22h00-23h59                  | 22:00-24:00
          22h00-0h00                   | 22:00-24:00
          0h00-24h00                   | 00:00-24:00
          0h-23h59                     | 00:00-24:00
          22h00-6h00                   | 22:00-06:00
          22h30-6h30 12h30-14h30       | 12:30-14:30 22:30-06:30
          1h00-7h00 et 12h30-14h30     | 01:00-07:00 12:30-14:30
          1h00-7h00 and 12h30-14h30    | 01:00-07:00 12:30-14:30
          1h00-7h00, 12h30-14h30       | 01:00-07:00 12:30-14:30
          1h00-7h00;12h30-14h30        | 01:00-07:00 12:30-14:30
          1h-3h 2h-4h                  | 01:00-04:00
          0h-6h 22h-24h                | 22:00-06:00
          '  2h-7h  '                  | 02:00-07:00
          ''                           | ''
          '   '                        | ''
          """)
  void rangeSyntaxReadsAsCanonical(String text, String canonical) {
    assertThat(OffPeakSchedule.parse(text).toString()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          lundi, lun, lu, monday, mon, mo, Lundi, MONDAY                 | mon
          mardi, mar, ma, tuesday, tues, tue, tu                         | tue
          mercredi, mer, me, wednesday, wed, we, Mercredi                | wed
          jeudi, jeu, je, thursday, thurs, thur, thu, th                 | thu
          vendredi, ven, ve, friday, fri, fr                             | fri
          samedi, sam, sa, saturday, sat                                | sat
          dimanche, dim, di, sunday, sun, su                             | sun
          fe, férié, ferie, fériés, FÉRIÉ, Jours Fériés, jour férié      | holiday
          ba, bank holiday, bank holidays, holiday, holidays, ho, hol    | holiday
          public holiday, public holidays                                | holiday
          weekend, week-end, Week-End                                    | sat sun
          """)
  void dayWordsReadAsCanonical(String words, String canonicalWords) {
    for (String word : words.split(", ")) {
      assertThat(OffPeakSchedule.parse("1h-2h " + word + " 3h-4h").toString())
          .as(word)
          .isEqualTo("01:00-02:00 " + canonicalWords + " 03:00-04:00");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          mercredi de 8h à 15h                  | wed 08:00-15:00
          mercredi 8h-10h et 14h-16h            | wed 08:00-10:00 14:00-16:00
          mercredi 8h-10h, 14h-16h              | wed 08:00-10:00 14:00-16:00
          lundi mardi 1h-2h                     | mon tue 01:00-02:00
          sa et di 0h-24h                       | sat sun 00:00-24:00
          weekend 0h-24h                        | sat sun 00:00-24:00
          12 h - 14 h                           | 12:00-14:00
          3h-4h 98765432109876 5h-6h            | 03:00-04:00 98765432109876 05:00-06:00
          2h-7h me                              | 02:00-07:00 wed
          2h-7h me sa 1h-2h di                  | 02:00-07:00 wed sat 01:00-02:00 sun
          1h-2h P                               | 01:00-02:00 P
          P 1h-2h                               | P 01:00-02:00
          1h-2h prod 3h-4h                      | 01:00-02:00 P 03:00-04:00
          1h-2h production mercredi 3h-4h       | 01:00-02:00 P wed 03:00-04:00
          12345678901234                        | 12345678901234
          12345678901234 P 1h-2h                | 12345678901234 P 01:00-02:00
          88888888888888 1h-2h 12345678901234   | 12345678901234 88888888888888 01:00-02:00
          alsace-moselle 22h-6h fe 0h-24h       | alsace-moselle 22:00-06:00 holiday 00:00-24:00
          Alsace-Moselle                        | alsace-moselle
          """)
  void sectionsAndDaysReadAsCanonical(String text, String canonical) {
    assertThat(OffPeakSchedule.parse(text).toString()).isEqualTo(canonical);
  }

  @Test
  void firstDayWordAlsoCounts() {
    OffPeakSchedule schedule = OffPeakSchedule.parse("lundi mardi 1h-2h");
    WeekPlan plan = schedule.plan("11111111111111", Direction.CONSUMPTION);

    assertThat(plan.ownRanges(java.time.DayOfWeek.MONDAY)).contains(DayRanges.parse("1h-2h"));
    assertThat(plan.ownRanges(java.time.DayOfWeek.TUESDAY)).contains(DayRanges.parse("1h-2h"));
    assertThat(plan.defaultRanges()).isEqualTo(DayRanges.none());
  }

  @Test
  void idWithoutRangesDisablesOffPeak() {
    OffPeakSchedule schedule = OffPeakSchedule.parse("2h-4h 12345678901234 88888888888888 1h-2h");

    assertThat(schedule.usagePointIds()).containsExactly("12345678901234", "88888888888888");
    assertThat(schedule.plan("12345678901234", Direction.CONSUMPTION).isNone()).isTrue();
    assertThat(schedule.plan("12345678901234", Direction.PRODUCTION).isNone()).isTrue();
    assertThat(schedule.plan("99999999999999", Direction.CONSUMPTION).isNone()).isFalse();
  }

  @Test
  void productionFollowsItsOwnSectionConsumption() {
    OffPeakSchedule schedule = OffPeakSchedule.parse("1h-2h P 3h-4h 12345678901234 5h-6h");

    assertThat(schedule.plan("12345678901234", Direction.PRODUCTION))
        .isEqualTo(WeekPlan.of(DayRanges.parse("5h-6h")));
    assertThat(schedule.plan("99999999999999", Direction.PRODUCTION))
        .isEqualTo(WeekPlan.of(DayRanges.parse("3h-4h")));
  }

  @Test
  void alsaceMoselleSelectsItsCalendar() {
    assertThat(OffPeakSchedule.parse("alsace-moselle 1h-2h").holidays())
        .isEqualTo(FrenchHolidays.alsaceMoselle());
    assertThat(OffPeakSchedule.parse("1h-2h").holidays()).isEqualTo(FrenchHolidays.metropolitan());
  }

  @Test
  void emptyTextIsNone() {
    assertThat(OffPeakSchedule.parse("")).isEqualTo(OffPeakSchedule.none());
    assertThat(OffPeakSchedule.none().toString()).isEmpty();
    assertThat(OffPeakSchedule.none().plan("12345678901234", Direction.CONSUMPTION).isNone())
        .isTrue();
  }

  @Test
  void wholeContractFormIsAccepted() {
    assertThat(OffPeakSchedule.parse("HC (22H00-6H00;12H30-14H30)").toString())
        .isEqualTo("12:30-14:30 22:00-06:00");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          0h00-0h00 | 0 | 0h00-0h00 | Empty range "0h00-0h00" at index 0 of off-peak hours "0h00-0h00". Expected an end time that differs from the start time, such as 0h00-24h00 for the whole day.
          2h-7h foo | 6 | foo | Unknown word "foo" at index 6 of off-peak hours "2h-7h foo". Expected a time range such as 22h00-06h00, a weekday such as mercredi or wed, a holiday word such as férié or holiday, P for production, or a 14-digit usage point id.
          2-7 | 0 | 2 | Number "2" is neither a time nor a usage point id at index 0 of off-peak hours "2-7". Expected a time such as 12h00 or 12:00, or a usage point id of 14 digits.
          2h- | 3 | `` | Range starting at "2h" has no end time at index 3 of off-peak hours "2h-". Expected an end time such as 06h00 or 6:00.
          2h 7h | 3 | 7h | Time "2h" is not followed by a range separator at index 3 of off-peak hours "2h 7h". Expected a separator (-, _, à, a or to) and an end time, as in 22h00-06h00.
          25h-3h | 0 | 25h | Hour 25 is out of range at index 0 of off-peak hours "25h-3h". Expected an hour from 0 to 24.
          2h75-3h | 2 | 75 | Minute 75 is out of range at index 2 of off-peak hours "2h75-3h". Expected minutes from 00 to 59.
          2h5-3h | 2 | 5 | Minutes "5" do not have two digits at index 2 of off-peak hours "2h5-3h". Expected two-digit minutes such as 07h05 or 7:05.
          2:-3:00 | 0 | 2: | Time "2:" has no minutes after ":" at index 0 of off-peak hours "2:-3:00". Expected two-digit minutes such as 07h05 or 7:05.
          24h30-3h | 0 | 24h30 | Time "24h30" is past the end of the day at index 0 of off-peak hours "24h30-3h". Expected 24h00 or an earlier time.
          24h-3h | 0 | 24h-3h | Range "24h-3h" starts at the end of the day at index 0 of off-peak hours "24h-3h". Expected a start time from 0h00 to 23h59.
          123h-3h | 0 | 123 | Hour "123" has more than two digits at index 0 of off-peak hours "123h-3h". Expected an hour from 0 to 24.
          - 3h | 0 | - | Range separator "-" has no start time at index 0 of off-peak hours "- 3h". Expected a time range such as 22h00-06h00.
          to 3h | 0 | to | Range separator "to" has no start time at index 0 of off-peak hours "to 3h". Expected a time range such as 22h00-06h00.
          me 1h-2h me 3h-4h | 9 | me | Wednesday is named twice in one plan at index 9 of off-peak hours "me 1h-2h me 3h-4h". Expected each day type once per plan, with all its ranges after it.
          fe 1h-2h holiday | 9 | holiday | The public holiday list is named twice in one plan at index 9 of off-peak hours "fe 1h-2h holiday". Expected each day type once per plan, with all its ranges after it.
          1h-2h p 3h-4h p | 14 | p | Second production word "p" in one section at index 14 of off-peak hours "1h-2h p 3h-4h p". Expected one P per section; the ranges after it are the production plan.
          12345678901234 12345678901234 | 15 | 12345678901234 | Usage point 12345678901234 has a second section at index 15 of off-peak hours "12345678901234 12345678901234". Expected each usage point id once; put all its ranges after its first occurrence.
          1h-2h alsace-moselle | 6 | alsace-moselle | Word "alsace-moselle" is not at the start of the text at index 6 of off-peak hours "1h-2h alsace-moselle". Expected alsace-moselle as the first word only, because it applies to every usage point.
          jours 1h-2h | 6 | 1h | Word "jours" is not followed by "fériés" at index 6 of off-peak hours "jours 1h-2h". Expected "fériés", as in "jours fériés".
          bank 1h-2h | 5 | 1h | Word "bank" is not followed by "holiday" at index 5 of off-peak hours "bank 1h-2h". Expected "holiday", as in "bank holiday".
          1h-2h! | 5 | ! | Unexpected character "!" at index 5 of off-peak hours "1h-2h!". Expected a time range such as 22h00-06h00, a word, a 14-digit usage point id, a comma or a semicolon.
          1h-2h (3h-4h) | 6 | ( | Unexpected "(" of the Enedis contract form at index 6 of off-peak hours "1h-2h (3h-4h)". Expected the contract form such as HC (22H00-6H00;12H30-14H30) as the whole text, or a time range such as 22h00-06h00, a weekday such as mercredi or wed, a holiday word such as férié or holiday, P for production, or a 14-digit usage point id.
          """)
  void invalidTextNamesIndexAndToken(String text, int index, String token, String message) {
    OffPeakParseException exception =
        catchThrowableOfType(OffPeakParseException.class, () -> OffPeakSchedule.parse(text));

    assertThat(exception).hasMessage(message);
    assertThat(exception.input()).isEqualTo(text);
    assertThat(exception.index()).isEqualTo(index);
    assertThat(exception.token()).isEqualTo(token);
    assertThat(exception.hint()).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          pu 1h-2h          | 0
          2h00-7h00 13h00   | 15
          mercredi 8h-10h x | 16
          1h-2h du lundi    | 6
          12345678901234h   | 0
          2hmercredi        | 0
          1h-2h jours       | 11
          week end          | 0
          sa-di 1h-2h       | 0
          HC (1h-2h) lundi  | 11
          """)
  void otherInvalidTextIsRejected(String text, int index) {
    assertThatThrownBy(() -> OffPeakSchedule.parse(text))
        .isInstanceOfSatisfying(
            OffPeakParseException.class,
            exception -> assertThat(exception.index()).isEqualTo(index));
  }
}
