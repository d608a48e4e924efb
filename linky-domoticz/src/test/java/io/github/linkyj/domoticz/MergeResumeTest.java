package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.domoticz.sync.SyncSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first complete history of a consumption and a production point that stops before their merge,
 * then resumes, must leave the same history as one cycle that runs through, merged meter included.
 */
class MergeResumeTest {
  private static final String C = "12345678901234";
  private static final String P = "10284856584123";
  private static final LocalDateTime MORNING = LocalDateTime.of(2026, 12, 4, 9, 17);

  /** Longer than the day statistics kept for the dashboard, which start on 1 January. */
  private static final SyncSettings SETTINGS =
      SyncSettings.builder().otherViewDays(400).offPeakSchedule("22h00-6h00").build();

  @TempDir Path directory;

  @Test
  void stoppedBeforeMergeResumesEveryDay() throws Exception {
    try (SyncFixture reference = fixture("reference");
        SyncFixture resumed = fixture("resumed")) {
      SyncReport whole =
          reference.sync(SETTINGS, List.of(C, P), reference.target()).build().runOnce();

      AtomicReference<LinkySync> first = new AtomicReference<>();
      first.set(
          resumed
              .sync(SETTINGS, List.of(C, P), resumed.target())
              .progress(
                  (done, total, note) -> {
                    if (note.startsWith(P)) {
                      first.get().stop();
                    }
                  })
              .build());
      SyncReport stopped = first.get().runOnce();
      SyncReport second = resumed.sync(SETTINGS, List.of(C, P), resumed.target()).build().runOnce();

      assertThat(whole.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
      assertThat(stopped.outcome()).isEqualTo(SyncReport.Outcome.STOPPED);
      assertThat(second.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
      assertThat(second.problems()).isEmpty();
      for (String name :
          List.of(P1Device.nameFor(C), P1Device.nameFor(P), P1Device.nameFor(C, P))) {
        FakeDevice expected = reference.device(name);
        FakeDevice actual = resumed.device(name);
        assertThat(dayRows(expected)).as(name).hasSize(400);
        assertThat(dayRows(actual)).as(name + " day rows").isEqualTo(dayRows(expected));
        assertThat(shortLog(actual)).as(name + " short log").isEqualTo(shortLog(expected));
        assertThat(actual.sValue()).as(name + " dashboard").isEqualTo(expected.sValue());
      }
    }
  }

  private SyncFixture fixture(String name) throws Exception {
    return new SyncFixture(MORNING, directory.resolve(name), b -> b.sandboxCustomer(3));
  }

  private static Map<LocalDate, P1Energy> dayRows(FakeDevice device) {
    Map<LocalDate, P1Energy> rows = new TreeMap<>();
    device.dayRows().forEach((day, row) -> rows.put(day, row.energy()));
    return rows;
  }

  private static Map<LocalDateTime, String> shortLog(FakeDevice device) {
    Map<LocalDateTime, String> points = new TreeMap<>();
    device.shortLog().forEach((time, values) -> points.put(time, Arrays.toString(values)));
    return points;
  }
}
