package io.github.linkyj.examples.cli;

import static io.github.linkyj.examples.cli.LinkyCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.examples.cli.LinkyCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OffPeakCommandTest {
  private static final String SCHEDULE = "22h00-6h00 12h30-14h30 sa di fériés 0h-24h";

  @Test
  void checkPrintsCanonicalForm() {
    Result result = run("offpeak", "check", "2h00-7h00 13h00-16h00 mercredi 08h00-15h00");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("02:00-07:00 13:00-16:00 wed 08:00-15:00\n");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void checkJoinsUnquotedWords() {
    Result result = run("offpeak", "check", "22h-6h", "sa", "di", "0h-24h");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("22:00-06:00 sat sun 00:00-24:00\n");
  }

  @Test
  void checkReadsContractForm() {
    Result result = run("offpeak", "check", "HC (22H00-6H00;12H30-14H30)");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("12:30-14:30 22:00-06:00\n");
  }

  @Test
  void checkRejectsInvalidTextWithPosition() {
    Result result = run("offpeak", "check", "2h-7h foo");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "linky: Unknown word \"foo\" at index 6 of off-peak hours \"2h-7h foo\". Expected a"
                + " time range such as 22h00-06h00, a weekday such as mercredi or wed, a holiday"
                + " word such as férié or holiday, P for production, or a 14-digit usage point"
                + " id.\n"
                + "  2h-7h foo\n"
                + "        ^\n");
  }

  @Test
  void checkRejectsEmptyRange() {
    Result result = run("offpeak", "check", "0h00-0h00");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("at index 0").contains("0h00-24h00");
  }

  @ParameterizedTest
  @CsvSource({
    "2024-05-13T03:15, consumption, off-peak",
    "2024-05-13T06:00, consumption, peak",
    "2024-05-13T13:00, production, off-peak",
    "2024-05-18T10:00, consumption, off-peak",
    "2024-05-08T10:00, consumption, off-peak",
    "2024-05-14T10:00, PRODUCTION, peak"
  })
  void classifyPrintsTariff(String at, String direction, String expected) {
    Result result =
        run(
            "offpeak",
            "classify",
            SCHEDULE,
            "--usage-point",
            "12345678901234",
            "--direction",
            direction,
            "--at",
            at);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(expected + "\n");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void classifyUsesProductionSection() {
    Result result =
        run(
            "offpeak",
            "classify",
            "2h-4h P 17h-22h",
            "--usage-point=12345678901234",
            "--direction=production",
            "--at=2024-05-13T17:30");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("off-peak\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          --usage-point | 1234             | Invalid value for option '--usage-point': '1234' is not a usage point id. Give the 14 digits of the PRM
          --direction   | both             | Invalid value for option '--direction': 'both' is not a direction. Give consumption or production
          --at          | 2024-05-08 03:15 | Invalid value for option '--at': '2024-05-08 03:15' is not a local date-time. Give one such as 2024-05-08T03:15
          """)
  void classifyRejectsBadOptionValue(String option, String value, String message) {
    String[] args = {
      "offpeak",
      "classify",
      SCHEDULE,
      "--usage-point",
      "12345678901234",
      "--direction",
      "consumption",
      "--at",
      "2024-05-08T03:15"
    };
    for (int i = 3; i < args.length; i += 2) {
      if (args[i].equals(option)) {
        args[i + 1] = value;
      }
    }

    Result result = run(args);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("linky offpeak classify: " + message + "\n");
  }

  @Test
  void classifyRejectsYearWithoutHolidays() {
    Result result =
        run(
            "offpeak",
            "classify",
            SCHEDULE,
            "--usage-point",
            "12345678901234",
            "--direction",
            "consumption",
            "--at",
            "2201-01-01T10:00");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "linky: Invalid value for option '--at': Year 2201 is outside the range 1900-2200 of"
                + " the French public holiday calendar\n");
  }

  @Test
  void classifyRequiresOptions() {
    Result result = run("offpeak", "classify", SCHEDULE, "--usage-point", "12345678901234");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("linky offpeak classify: Missing required options: '--direction=DIRECTION',");
  }

  @Test
  void classifyRejectsInvalidText() {
    Result result =
        run(
            "offpeak",
            "classify",
            "2h-",
            "--usage-point",
            "12345678901234",
            "--direction",
            "consumption",
            "--at",
            "2024-05-08T03:15");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith("linky: Range starting at \"2h\" has no end time at index 3");
  }

  @Test
  void emptyScheduleSaysNoOffPeak() {
    Result result = run("offpeak", "check", "");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("\n");
    assertThat(result.err())
        .isEqualTo(
            "linky offpeak check: the schedule is empty: no off-peak hours, all hours peak.\n");
  }
}
