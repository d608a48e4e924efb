package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.domoticz.sync.SyncSettings;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule section for a usage point that the sync does not read ends the cycle before any
 * request to Enedis and before any device or row is written, because the id is most likely
 * mistyped. Only the failure reaches the Domoticz log.
 */
class UnknownSectionTest {
  private static final String HOUSE = "22516914714270";
  private static final String TYPO = "22516914714207";
  private static final LocalDateTime MORNING = LocalDateTime.of(2026, 12, 4, 9, 17);

  @TempDir Path directory;
  private SyncFixture fixture;

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void unknownSectionFailsBeforeFetching() throws Exception {
    fixture = new SyncFixture(MORNING, directory, b -> b.sandboxCustomer(0));
    SyncSettings settings =
        SyncSettings.builder().offPeakSchedule("22h00-6h00 " + TYPO + " 23h00-7h00").build();
    LinkySync sync = fixture.sync(settings, List.of(HOUSE), fixture.target()).build();

    SyncReport report = sync.runOnce();

    String message =
        "Invalid off-peak schedule: it has a section for usage point "
            + TYPO
            + ", which is not among the usage points of this sync ("
            + HOUSE
            + "). Correct the id in the schedule, or remove its section";
    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.FAILED);
    assertThat(report.failure()).contains(message);
    assertThat(report.meters()).isEmpty();
    assertThat(fixture.simulator.requests()).isEmpty();
    assertThat(fixture.domoticz.domoticz().hardware()).isEmpty();
    assertThat(fixture.domoticz.domoticz().devices()).isEmpty();
    assertThat(fixture.domoticz.domoticz().requests())
        .extracting(url -> url.queryParameter("param"))
        .containsOnly("getversion", "addlogmessage");
    assertThat(fixture.domoticz.domoticz().logMessages())
        .containsExactly(
            "4:Error while fetching the Linky data: " + message,
            "2:Next connection: 2026-12-04 10:17:00");
  }

  @Test
  void sectionsOfSyncedPointsAreAccepted() throws Exception {
    fixture = new SyncFixture(MORNING, directory, b -> b.sandboxCustomer(0));
    SyncSettings settings =
        SyncSettings.builder().offPeakSchedule("22h00-6h00 " + HOUSE + " 23h00-7h00").build();
    LinkySync sync = fixture.sync(settings, List.of(HOUSE), fixture.target()).build();

    SyncReport report = sync.runOnce();

    assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(report.meter(HOUSE)).isPresent();
  }
}
