package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.MeteringData;
import io.github.linkyj.core.testing.SandboxCustomer;
import io.github.linkyj.domoticz.sync.SyncSettings;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks what a {@link LinkyService} keeps on the heap while it waits for its next cycle after a
 * 730-day backfill of two usage points: none of the parsed Enedis data and none of the computed
 * intervals, hours and days, only the report of the last cycle. The counts come from the JVM's
 * class histogram of live objects (the {@code GC.class_histogram} diagnostic command, which runs a
 * full collection first), taken before the service starts and while it waits.
 */
@Timeout(300)
class ServiceRetentionTest {
  private static final LocalDateTime MORNING = LocalDateTime.of(2026, 12, 4, 9, 17);
  private static final int DAYS = 730;
  private static final List<String> IDS = SandboxCustomer.of(3).usagePointIds();

  /** Types that hold one fetched or computed point each; a cycle must let them all go. */
  private static final List<String> HISTORY_TYPES =
      List.of(
          "io.github.linkyj.core.ImmutableMeteringData",
          "io.github.linkyj.core.ImmutableIntervalReading",
          "io.github.linkyj.core.ImmutableMaxPowerReading",
          "io.github.linkyj.core.ImmutableDailyEnergy",
          "io.github.linkyj.core.ImmutableDayTotal",
          "io.github.linkyj.domoticz.sync.LoadCurveInterval",
          "io.github.linkyj.domoticz.sync.HourEnergy",
          "io.github.linkyj.domoticz.sync.DayEnergy",
          "io.github.linkyj.domoticz.sync.DailyEnergy",
          "io.github.linkyj.domoticz.sync.DailyPeak");

  private static final String REPORT_DAY_ROW = "io.github.linkyj.domoticz.SyncReport$DayRow";
  private static final Pattern HISTOGRAM_ROW =
      Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+(\\S+)");

  @TempDir Path directory;
  private SyncFixture fixture;
  private final ExecutorService executor = Executors.newSingleThreadExecutor();

  @BeforeEach
  void start() throws Exception {
    fixture = new SyncFixture(MORNING, directory, b -> b.sandboxCustomer(3));
  }

  @AfterEach
  void stop() throws Exception {
    executor.shutdownNow();
    fixture.close();
  }

  @Test
  void waitingServiceKeepsNoHistory() throws Exception {
    SyncSettings settings =
        SyncSettings.builder().otherViewDays(DAYS).offPeakSchedule("22h00-6h00").build();
    LinkySync sync = fixture.sync(settings, IDS, fixture.target()).build();
    AtomicReference<SyncReport.Outcome> outcome = new AtomicReference<>();
    AtomicInteger dayRows = new AtomicInteger();
    CountDownLatch waiting = new CountDownLatch(1);
    LinkyService service =
        new LinkyService(
            sync,
            fixture.clock,
            report -> {
              outcome.set(report.outcome());
              report.meters().forEach(meter -> dayRows.addAndGet(meter.dayRows().size()));
            },
            (until, wakeUp) -> {
              waiting.countDown();
              wakeUp.await();
            });
    Map<String, Long> before = liveInstances();

    Future<?> running =
        executor.submit(
            () -> {
              service.run();
              return null;
            });
    assertThat(waiting.await(240, TimeUnit.SECONDS)).isTrue();
    Map<String, Long> during = liveInstances();
    service.stop();
    running.get(30, TimeUnit.SECONDS);

    assertThat(outcome.get()).isEqualTo(SyncReport.Outcome.COMPLETED);
    assertThat(dayRows.get()).isEqualTo(3 * DAYS);
    for (String type : HISTORY_TYPES) {
      assertThat(added(before, during, type)).as("live %s added by the cycle", type).isZero();
    }
    assertThat(added(before, during, REPORT_DAY_ROW))
        .as("day rows of reports kept while waiting")
        .isLessThanOrEqualTo(3 * DAYS);
  }

  @Test
  void histogramCountsDataStillHeld() throws Exception {
    Map<String, Long> before = liveInstances();
    LocalDate today = MORNING.toLocalDate();

    MeteringData curve = fixture.client.consumptionLoadCurve(IDS.get(0), today.minusDays(7), today);
    Map<String, Long> during = liveInstances();

    assertThat(curve.intervals()).hasSize(7 * 48);
    assertThat(added(before, during, "io.github.linkyj.core.ImmutableIntervalReading"))
        .isGreaterThanOrEqualTo(7 * 48);
    Reference.reachabilityFence(curve);
  }

  private static long added(Map<String, Long> before, Map<String, Long> after, String type) {
    return after.getOrDefault(type, 0L) - before.getOrDefault(type, 0L);
  }

  /** Returns the live instances per class, after the full collection the histogram runs. */
  private static Map<String, Long> liveInstances() throws Exception {
    String histogram =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
    Map<String, Long> counts = new HashMap<>();
    for (String line : histogram.split("\n")) {
      Matcher row = HISTOGRAM_ROW.matcher(line);
      if (row.find()) {
        counts.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
      }
    }
    assertThat(counts).as("class histogram rows").containsKey("java.lang.String");
    return counts;
  }
}
