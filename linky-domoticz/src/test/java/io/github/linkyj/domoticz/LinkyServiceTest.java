package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.testing.Fault;
import io.github.linkyj.domoticz.sync.SchedulePolicy;
import io.github.linkyj.domoticz.sync.SyncSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LinkyServiceTest {
  private static final String HOUSE = "22516914714270";

  @TempDir Path directory;
  private SyncFixture fixture;

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  /** A waiter that jumps the fake clock to the awaited instant. */
  private LinkyService.Waiter jump() {
    return (until, wakeUp) ->
        fixture.clock.advance(Duration.between(fixture.clock.instant(), until));
  }

  private LocalDateTime local(Instant instant) {
    return LocalDateTime.ofInstant(instant, SyncFixture.PARIS);
  }

  @Test
  void nightStartWaitsThenRunsDaily() throws Exception {
    fixture =
        new SyncFixture(
            LocalDateTime.of(2026, 12, 3, 23, 10), directory, b -> b.sandboxCustomer(0));
    RecordingTarget target = new RecordingTarget();
    LinkySync sync =
        fixture
            .sync(SyncSettings.builder().otherViewDays(7).build(), List.of(HOUSE), target)
            .build();
    List<LocalDateTime> runs = new ArrayList<>();
    LinkyService[] service = new LinkyService[1];
    service[0] =
        new LinkyService(
            sync,
            fixture.clock,
            report -> {
              assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
              if (runs.size() == 3) {
                service[0].stop();
              }
            },
            (until, wakeUp) -> {
              fixture.clock.advance(Duration.between(fixture.clock.instant(), until));
              runs.add(local(until));
            });

    service[0].run();

    assertThat(service[0].cycles()).isEqualTo(3);
    assertThat(runs).hasSize(3);
    for (int i = 0; i < 3; i++) {
      LocalDateTime run = runs.get(i);
      assertThat(run.toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 4 + i));
      assertThat(run.toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(8, 59));
    }
    List<String> lines = target.messages().stream().map(RecordingTarget.LogEntry::message).toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "Enedis servers are unreachable at this hour, next connection: "
                + runs.get(0).toString().replace('T', ' ')
                + ":00");
    assertThat(lines).filteredOn(line -> line.startsWith("Next connection: ")).hasSize(3);
    assertThat(target.dayRows(HOUSE)).hasSize(9);
    assertThat(target.dayRowWrites(HOUSE).values()).containsOnly(1);
  }

  @Test
  void failureRetriesAnHourLater() throws Exception {
    fixture =
        new SyncFixture(LocalDateTime.of(2026, 12, 4, 9, 0), directory, b -> b.sandboxCustomer(0));
    fixture.simulator.inject(Fault.serviceUnavailable().onPath("load_curve").always());
    LinkySync sync =
        fixture
            .sync(
                SyncSettings.builder().otherViewDays(7).build(),
                List.of(HOUSE),
                new RecordingTarget())
            .build();
    List<SyncReport> reports = new ArrayList<>();
    LinkyService[] service = new LinkyService[1];
    service[0] =
        new LinkyService(
            sync,
            fixture.clock,
            report -> {
              reports.add(report);
              if (reports.size() == 2) {
                fixture.simulator.clearFaults();
              }
              if (reports.size() == 3) {
                service[0].stop();
              }
            },
            jump());

    service[0].run();

    assertThat(reports)
        .extracting(SyncReport::outcome)
        .containsExactly(
            SyncReport.Outcome.FAILED, SyncReport.Outcome.FAILED, SyncReport.Outcome.COMPLETED);
    assertThat(reports)
        .extracting(SyncReport::nextRunReason)
        .containsExactly(
            SchedulePolicy.Reason.RETRY, SchedulePolicy.Reason.RETRY, SchedulePolicy.Reason.DAILY);
    assertThat(Duration.between(reports.get(0).nextRun(), reports.get(1).nextRun()))
        .isBetween(Duration.ofMinutes(60), Duration.ofMinutes(61));
  }

  @Test
  void stopMidRunSavesTheBatch() throws Exception {
    fixture =
        new SyncFixture(LocalDateTime.of(2026, 12, 4, 9, 0), directory, b -> b.sandboxCustomer(0));
    // Off-peak hours make every day of the history come from the load curve, 7 days a batch.
    SyncSettings settings =
        SyncSettings.builder().otherViewDays(365).offPeakSchedule("22h00-6h00").build();
    RecordingTarget target = new RecordingTarget();
    LinkyService[] service = new LinkyService[1];
    List<Integer> batches = new ArrayList<>();
    LinkySync sync =
        fixture
            .sync(settings, List.of(HOUSE), target)
            .progress(
                (done, total, note) -> {
                  batches.add(done);
                  if (done == 10) {
                    service[0].stop();
                  }
                })
            .build();
    List<SyncReport> reports = new ArrayList<>();
    service[0] = new LinkyService(sync, fixture.clock, reports::add, jump());

    service[0].run();

    assertThat(service[0].awaitStopped(Duration.ZERO)).isTrue();
    assertThat(reports)
        .singleElement()
        .extracting(SyncReport::outcome)
        .isEqualTo(SyncReport.Outcome.STOPPED);
    assertThat(batches).hasSize(10);
    assertThat(target.dayRows(HOUSE)).hasSize(70);

    LinkySync resumed = fixture.sync(settings, List.of(HOUSE), target).build();
    assertThat(resumed.runOnce().outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
    Map<LocalDate, Integer> writes = new TreeMap<>(target.dayRowWrites(HOUSE));
    assertThat(writes).hasSize(365);
    assertThat(writes.values()).containsOnly(1);
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void stopWakesTheWaitingService() throws Exception {
    fixture =
        new SyncFixture(LocalDateTime.of(2026, 12, 4, 9, 0), directory, b -> b.sandboxCustomer(0));
    LinkySync sync =
        fixture
            .sync(
                SyncSettings.builder().otherViewDays(7).build(),
                List.of(HOUSE),
                new RecordingTarget())
            .build();
    List<SyncReport> reports = new ArrayList<>();
    LinkyService service =
        new LinkyService(
            sync, fixture.clock, reports::add, LinkyService.systemWaiter(fixture.clock));
    Thread thread =
        new Thread(
            () -> {
              try {
                service.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    thread.start();
    while (service.cycles() == 0) {
      Thread.sleep(10);
    }

    service.stop();

    assertThat(service.awaitStopped(Duration.ofSeconds(5))).isTrue();
    thread.join(1000);
    assertThat(thread.isAlive()).isFalse();
    assertThat(reports)
        .singleElement()
        .extracting(SyncReport::outcome)
        .isEqualTo(SyncReport.Outcome.COMPLETED);
  }
}
