package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.offpeak.OffPeakSchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Usage point sections in {@code linky demo --schedule}, which syncs each household alone. */
class DemoScheduleTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), Cli.PARIS);

  @Test
  void householdKeepsOnlyItsSections() {
    OffPeakSchedule schedule =
        OffPeakSchedule.parse(
            "alsace-moselle 22h-6h 12345678901234 1h-2h 10284856584123 P 3h-4h"
                + " 22516914714270 5h-6h");

    OffPeakSchedule household =
        DemoCommand.householdSchedule(schedule, List.of("12345678901234", "10284856584123"));

    assertThat(household)
        .hasToString(
            "alsace-moselle 22:00-06:00 10284856584123 P 03:00-04:00 12345678901234 01:00-02:00");
  }

  @Test
  void sectionOfOneHouseholdSyncsAll() {
    Cli.Result result =
        Cli.run(Map.of(), CLOCK, "demo", "--schedule", "22h00-6h00 12345678901234 23h00-7h00");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("=== Sandbox customer 0: ")
        .contains("=== Sandbox customer 3: ")
        .contains("=== Sandbox customer 4: ")
        .doesNotContain("Invalid off-peak schedule");
  }

  @Test
  void sectionOfNoHouseholdExitsTwo() {
    Cli.Result result =
        Cli.run(Map.of(), CLOCK, "demo", "--schedule", "22h00-6h00 12345678901243 23h00-7h00");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "linky demo: Invalid value '22h00-6h00 12345678901243 23h00-7h00' for offpeak (from"
                + " option --schedule): expected sections only for the usage points of this"
                + " sync, 22516914714270, 12345678901234, 10284856584123, 42900589957123. The"
                + " section of usage point 12345678901243 matches none of them: correct its id,"
                + " or remove the section."
                + System.lineSeparator());
  }

  @Test
  void malformedScheduleNamesScheduleOption() {
    Cli.Result result = Cli.run(Map.of(), CLOCK, "demo", "--schedule", "22h-6h lundy");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "linky demo: Invalid value '22h-6h lundy' for offpeak (from option --schedule):");
    assertThat(result.err()).contains("Unknown word \"lundy\"");
  }
}
