package io.github.linkyj.offpeak;

import static io.github.linkyj.offpeak.Direction.CONSUMPTION;
import static io.github.linkyj.offpeak.Direction.PRODUCTION;
import static io.github.linkyj.offpeak.Tariff.OFF_PEAK;
import static io.github.linkyj.offpeak.Tariff.PEAK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example of the DomoticzLinky README, in French and in English, with the tariff it must give
 * at chosen instants.
 */
class ReadmeExamplesTest {
  private static final LocalDate MONDAY = LocalDate.of(2024, 5, 13);
  private static final LocalDate WEDNESDAY = LocalDate.of(2024, 5, 15);
  private static final LocalDate SATURDAY = LocalDate.of(2024, 5, 18);
  private static final LocalDate SUNDAY = LocalDate.of(2024, 5, 19);
  private static final LocalDate WHIT_MONDAY = LocalDate.of(2024, 5, 20);

  private static final String FIRST = "12345678901234";
  private static final String SECOND = "88888888888888";
  private static final String OTHER = "11111111111111";

  /** One expected tariff: usage point, direction, date, time and tariff. */
  private record Check(
      String usagePoint, Direction direction, LocalDate date, String time, Tariff tariff) {}

  private static Check check(
      String usagePoint, Direction direction, LocalDate date, String time, Tariff tariff) {
    return new Check(usagePoint, direction, date, time, tariff);
  }

  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of(
            "2h00-7h00 13h00-16h00",
            "2:00-7:00 13:00-16:00",
            "02:00-07:00 13:00-16:00",
            List.of(
                check(OTHER, CONSUMPTION, MONDAY, "01:59", PEAK),
                check(OTHER, CONSUMPTION, MONDAY, "02:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, MONDAY, "06:59", OFF_PEAK),
                check(OTHER, CONSUMPTION, MONDAY, "07:00", PEAK),
                check(OTHER, CONSUMPTION, SATURDAY, "13:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, SATURDAY, "16:00", PEAK),
                check(FIRST, PRODUCTION, WHIT_MONDAY, "15:59", OFF_PEAK))),
        Arguments.of(
            "2h00-7h00 13h00-16h00 mercredi 08h00-15h00 samedi 09h00-11h00 12h00-16h00",
            "2:00-7:00 13:00-16:00 Wednesday 8:00-15:00 Saturday 09:00-11:00 12:00-16:00",
            "02:00-07:00 13:00-16:00 wed 08:00-15:00 sat 09:00-11:00 12:00-16:00",
            List.of(
                check(OTHER, CONSUMPTION, WEDNESDAY, "02:00", PEAK),
                check(OTHER, CONSUMPTION, WEDNESDAY, "08:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, WEDNESDAY, "14:59", OFF_PEAK),
                check(OTHER, CONSUMPTION, WEDNESDAY, "15:00", PEAK),
                check(OTHER, CONSUMPTION, SATURDAY, "02:00", PEAK),
                check(OTHER, CONSUMPTION, SATURDAY, "09:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, SATURDAY, "11:00", PEAK),
                check(OTHER, CONSUMPTION, SATURDAY, "12:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, MONDAY, "02:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, SUNDAY, "13:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, SUNDAY, "08:00", PEAK))),
        Arguments.of(
            "2h00-7h00 13h00-16h00 me 08h00-15h00 sa 09h00-16h00",
            "2:00-7:00 13:00-16:00 me 08:00-15:00 sat 09:00-16:00",
            "02:00-07:00 13:00-16:00 wed 08:00-15:00 sat 09:00-16:00",
            List.of(
                check(OTHER, CONSUMPTION, WEDNESDAY, "08:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, WEDNESDAY, "13:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, WEDNESDAY, "03:00", PEAK),
                check(OTHER, CONSUMPTION, SATURDAY, "11:30", OFF_PEAK),
                check(OTHER, CONSUMPTION, SATURDAY, "02:00", PEAK),
                check(OTHER, CONSUMPTION, MONDAY, "03:00", OFF_PEAK))),
        Arguments.of(
            "12345678901234 1h00-6h00 12h00-14h00 88888888888888 13h00-16h00",
            "12345678901234 1:00-6:00 12:00-14:00 88888888888888 13:00-16:00",
            "12345678901234 01:00-06:00 12:00-14:00 88888888888888 13:00-16:00",
            List.of(
                check(FIRST, CONSUMPTION, MONDAY, "01:00", OFF_PEAK),
                check(FIRST, CONSUMPTION, MONDAY, "13:30", OFF_PEAK),
                check(FIRST, CONSUMPTION, MONDAY, "14:00", PEAK),
                check(SECOND, CONSUMPTION, MONDAY, "12:30", PEAK),
                check(SECOND, CONSUMPTION, MONDAY, "13:00", OFF_PEAK),
                check(SECOND, PRODUCTION, MONDAY, "15:59", OFF_PEAK),
                check(OTHER, CONSUMPTION, MONDAY, "01:00", PEAK),
                check(OTHER, CONSUMPTION, MONDAY, "13:00", PEAK))),
        Arguments.of(
            "02h00-04h00 16h00-19h00 12345678901234 1h00-6h00 12h00-14h00 mercredi 11h00-16h00"
                + " 88888888888888 13h00-16h00",
            "2:00-04:00 16:00-19:00 12345678901234 1:00-6:00 12:00-14:00 Wednesday 11:00-16:00"
                + " 88888888888888 13:00-16:00",
            "02:00-04:00 16:00-19:00 12345678901234 01:00-06:00 12:00-14:00 wed 11:00-16:00"
                + " 88888888888888 13:00-16:00",
            List.of(
                check(FIRST, CONSUMPTION, WEDNESDAY, "11:00", OFF_PEAK),
                check(FIRST, CONSUMPTION, WEDNESDAY, "01:00", PEAK),
                check(FIRST, CONSUMPTION, MONDAY, "01:00", OFF_PEAK),
                check(FIRST, CONSUMPTION, MONDAY, "11:00", PEAK),
                check(SECOND, CONSUMPTION, MONDAY, "13:00", OFF_PEAK),
                check(SECOND, CONSUMPTION, MONDAY, "02:00", PEAK),
                check(OTHER, CONSUMPTION, MONDAY, "02:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, WEDNESDAY, "16:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, MONDAY, "13:00", PEAK))),
        Arguments.of(
            "02h00-04h00 16h00-19h00 12345678901234 88888888888888 13h00-16h00",
            "02:00-04:00 16:00-19:00 12345678901234 88888888888888 13:00-16:00",
            "02:00-04:00 16:00-19:00 12345678901234 88888888888888 13:00-16:00",
            List.of(
                check(FIRST, CONSUMPTION, MONDAY, "02:00", PEAK),
                check(FIRST, CONSUMPTION, MONDAY, "13:00", PEAK),
                check(FIRST, PRODUCTION, MONDAY, "16:00", PEAK),
                check(SECOND, CONSUMPTION, MONDAY, "13:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, MONDAY, "02:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, MONDAY, "13:00", PEAK))),
        Arguments.of(
            "02h00-04h00 16h00-19h00 P 17h00-22h00 mercredi 11h00-16h00 12345678901234"
                + " 88888888888888 13h00-16h00",
            "02:00-04:00 16:00-19:00 P 17:00-22:00 Wednesday 11:00-16:00 12345678901234"
                + " 88888888888888 13:00-16:00",
            "02:00-04:00 16:00-19:00 P 17:00-22:00 wed 11:00-16:00 12345678901234"
                + " 88888888888888 13:00-16:00",
            List.of(
                check(OTHER, CONSUMPTION, MONDAY, "02:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, MONDAY, "17:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, MONDAY, "19:00", PEAK),
                check(OTHER, CONSUMPTION, WEDNESDAY, "02:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, WEDNESDAY, "11:00", PEAK),
                check(OTHER, PRODUCTION, MONDAY, "02:00", PEAK),
                check(OTHER, PRODUCTION, MONDAY, "17:00", OFF_PEAK),
                check(OTHER, PRODUCTION, MONDAY, "21:59", OFF_PEAK),
                check(OTHER, PRODUCTION, MONDAY, "22:00", PEAK),
                check(OTHER, PRODUCTION, WEDNESDAY, "11:00", OFF_PEAK),
                check(OTHER, PRODUCTION, WEDNESDAY, "17:00", PEAK),
                check(FIRST, CONSUMPTION, MONDAY, "02:00", PEAK),
                check(FIRST, PRODUCTION, MONDAY, "17:00", PEAK),
                check(SECOND, CONSUMPTION, MONDAY, "13:00", OFF_PEAK),
                check(SECOND, PRODUCTION, MONDAY, "13:00", OFF_PEAK),
                check(SECOND, PRODUCTION, MONDAY, "17:00", PEAK))),
        Arguments.of(
            "02h00-04h00 16h00-19h00 P",
            "02:00-04:00 16:00-19:00 P",
            "02:00-04:00 16:00-19:00 P",
            List.of(
                check(OTHER, CONSUMPTION, MONDAY, "02:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, MONDAY, "16:00", OFF_PEAK),
                check(OTHER, PRODUCTION, MONDAY, "02:00", PEAK),
                check(OTHER, PRODUCTION, MONDAY, "16:00", PEAK))),
        Arguments.of(
            "02h00-04h00 sa 00h00-23h59 di 00h00-23h59 fe 00h00-23h59",
            "02:00-04:00 sa 00:00-23:59 su 00:00-23:59 ba 00:00-23:59",
            "02:00-04:00 sat sun holiday 00:00-24:00",
            List.of(
                check(OTHER, CONSUMPTION, MONDAY, "02:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, MONDAY, "10:00", PEAK),
                check(OTHER, CONSUMPTION, SATURDAY, "10:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, SATURDAY, "23:59", OFF_PEAK),
                check(OTHER, CONSUMPTION, SUNDAY, "00:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, SUNDAY, "12:00", OFF_PEAK),
                check(OTHER, CONSUMPTION, WHIT_MONDAY, "12:00", OFF_PEAK),
                check(OTHER, PRODUCTION, WHIT_MONDAY, "23:59", OFF_PEAK))));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void frenchExampleGivesExpectedTariffs(
      String french, String english, String canonical, List<Check> checks) {
    assertTariffs(OffPeakSchedule.parse(french), checks);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void englishExampleGivesExpectedTariffs(
      String french, String english, String canonical, List<Check> checks) {
    assertTariffs(OffPeakSchedule.parse(english), checks);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void bothLanguagesGiveOneSchedule(
      String french, String english, String canonical, List<Check> checks) {
    OffPeakSchedule fromFrench = OffPeakSchedule.parse(french);
    OffPeakSchedule fromEnglish = OffPeakSchedule.parse(english);

    assertThat(fromEnglish).isEqualTo(fromFrench);
    assertThat(fromFrench.toString()).isEqualTo(canonical);
    assertThat(OffPeakSchedule.parse(canonical)).isEqualTo(fromFrench);
  }

  private static void assertTariffs(OffPeakSchedule schedule, List<Check> checks) {
    for (Check check : checks) {
      LocalDateTime at = LocalDateTime.of(check.date(), LocalTime.parse(check.time()));
      assertThat(schedule.tariff(check.usagePoint(), check.direction(), at))
          .as("%s %s at %s (%s)", check.usagePoint(), check.direction(), at, at.getDayOfWeek())
          .isEqualTo(check.tariff());
    }
  }
}
