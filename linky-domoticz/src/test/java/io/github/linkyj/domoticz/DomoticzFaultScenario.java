package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.DataSource;
import io.github.linkyj.core.LinkyClient;
import io.github.linkyj.core.RateLimits;
import io.github.linkyj.core.RetryPolicy;
import io.github.linkyj.core.auth.ClientCredentialsConfig;
import io.github.linkyj.core.auth.ClientCredentialsTokenProvider;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.domoticz.sync.DateRange;
import io.github.linkyj.domoticz.sync.Direction;
import io.github.linkyj.domoticz.sync.SyncSettings;
import io.github.linkyj.domoticz.sync.SyncStateStore;
import io.github.linkyj.domoticz.sync.UsagePointState;
import io.github.linkyj.domoticz.sync.UserMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A sync of sandbox customer 0 through a {@link FaultProxy} that fails in one way, then a second
 * sync once the fault is gone. The same sync without the proxy, into another hardware of the same
 * Domoticz, is the reference.
 *
 * <p>After the faulted run, the sync state must not record as written any day that Domoticz does
 * not store. After the second run, the history read back through the JSON API (day rows, hourly
 * points, dashboard value) must equal the reference, and the second run must write exactly the rows
 * that were missing, each once.
 *
 * <p>It runs against {@link FakeDomoticz} in every build and against a live Domoticz in {@link
 * LiveDomoticzTest}.
 */
final class DomoticzFaultScenario {
  static final String HOUSE = "22516914714270";
  static final String DEVICE = P1Device.nameFor(HOUSE);
  static final int DAYS = 14;

  /** A fault and how the faulted run must end. */
  enum Fault {
    UNREACHABLE_AT_START(0, FaultProxy.Failure.REFUSE_CONNECTIONS, Set.of()),
    STOPPED_MID_SYNC(10, FaultProxy.Failure.REFUSE_CONNECTIONS, Set.of()),
    RESTARTING_MID_SYNC(10, FaultProxy.Failure.DROP_CONNECTIONS, Set.of()),
    UNAUTHORIZED_MID_SYNC(10, FaultProxy.Failure.UNAUTHORIZED, Set.of()),
    RESPONSE_LOST_MID_SYNC(10, FaultProxy.Failure.LOSE_RESPONSES, Set.of()),
    ROWS_NOT_STORED(-1, null, Set.of(4, 11)),
    ROWS_NOT_STORED_THEN_RESTART(10, FaultProxy.Failure.DROP_CONNECTIONS, Set.of(4)),
    ROWS_NOT_STORED_THEN_ENEDIS_FAILURE(-1, null, Set.of(4), true);

    /** The day rows that go through before the proxy fails, or -1 when it does not fail. */
    final int afterDayRows;

    final FaultProxy.Failure failure;

    /** The days, counted back from today, whose day rows get OK without being stored. */
    final Set<Integer> lostDaysAgo;

    /** Whether Enedis responds with 503 to every request after the first batch. */
    final boolean enedisFails;

    Fault(int afterDayRows, FaultProxy.Failure failure, Set<Integer> lostDaysAgo) {
      this(afterDayRows, failure, lostDaysAgo, false);
    }

    Fault(
        int afterDayRows,
        FaultProxy.Failure failure,
        Set<Integer> lostDaysAgo,
        boolean enedisFails) {
      this.afterDayRows = afterDayRows;
      this.failure = failure;
      this.lostDaysAgo = lostDaysAgo;
      this.enedisFails = enedisFails;
    }
  }

  private DomoticzFaultScenario() {}

  /**
   * Runs the scenario of {@code fault}.
   *
   * @param upstreamUrl the Domoticz server
   * @param auth how to log in to it
   * @param clock the clock of the simulator, the syncs and the clients, in Europe/Paris
   * @param hardwarePrefix the start of two hardware names that no other run uses
   * @param stateDirectory where the sync states and debug logs go
   */
  static void run(
      Fault fault,
      String upstreamUrl,
      DomoticzAuth auth,
      Clock clock,
      String hardwarePrefix,
      Path stateDirectory)
      throws Exception {
    try (EnedisSimulator simulator = EnedisSimulator.builder(clock).sandboxCustomer(0).start();
        FaultProxy proxy = new FaultProxy(upstreamUrl)) {
      LinkyClient enedis = enedisClient(simulator, clock);
      DomoticzClient direct = DomoticzClient.builder(upstreamUrl).auth(auth).clock(clock).build();
      int hourlyDays = Math.min(2, direct.shortLogDays());
      LocalDate today = LocalDate.now(clock);

      String referenceHardware = hardwarePrefix + " reference";
      // The reference run goes through the proxy without faults, to count the points it sends.
      SyncReport reference =
          sync(
                  enedis,
                  client(proxy, auth, clock),
                  clock,
                  settings(referenceHardware, hourlyDays),
                  stateDirectory)
              .runOnce();
      assertThat(reference.isClean()).as("reference run").isTrue();
      long referenceHourlyWrites =
          proxy.forwardedRows().stream().filter(row -> !row.isDayRow()).count();
      History expected = History.read(direct, referenceHardware, today);
      assertThat(expected.dayRows()).hasSize(DAYS);

      String hardware = hardwarePrefix + " faulted";
      SyncSettings settings = settings(hardware, hourlyDays);
      Set<LocalDate> lost = new TreeSet<>();
      fault.lostDaysAgo.forEach(days -> lost.add(today.minusDays(days)));
      proxy.swallowDayRows(lost::contains);
      if (fault.failure != null) {
        proxy.failAfterDayRows(fault.afterDayRows, fault.failure);
      }
      LinkySync.Builder faulted =
          builder(enedis, client(proxy, auth, clock), clock, settings, stateDirectory);
      if (fault.enedisFails) {
        faulted.progress(
            (done, total, note) -> {
              if (done == 1) {
                simulator.inject(io.github.linkyj.core.testing.Fault.serviceUnavailable().always());
              }
            });
      }
      SyncReport first = faulted.build().runOnce();
      simulator.clearFaults();

      checkFirstRun(fault, first, proxy, lost, today);
      proxy.restore();
      proxy.swallowDayRows(day -> false);
      History stored = History.read(direct, hardware, today);
      TreeSet<LocalDate> claimed = claimedDays(stateDirectory, proxy.url(), hardware, clock);
      assertThat(stored.dayRows().keySet()).as("days stored").containsAll(claimed);
      stored.dayRows().forEach((day, energy) -> assertThat(energy).isEqualTo(expected.row(day)));

      TreeSet<LocalDate> gap = new TreeSet<>(expected.dayRows().keySet());
      gap.removeAll(stored.dayRows().keySet());
      int before = proxy.forwardedRows().size();
      SyncReport second =
          sync(enedis, client(proxy, auth, clock), clock, settings, stateDirectory).runOnce();

      assertThat(second.isClean()).as("second run " + second.problems()).isTrue();
      List<FaultProxy.Row> writes =
          proxy.forwardedRows().subList(before, proxy.forwardedRows().size());
      List<LocalDate> dayRows = new ArrayList<>();
      writes.stream()
          .filter(FaultProxy.Row::isDayRow)
          .forEach(r -> dayRows.add(LocalDate.parse(r.when())));
      assertThat(dayRows).as("day rows of the second run").containsExactlyInAnyOrderElementsOf(gap);
      long hourlyWrites = writes.stream().filter(row -> !row.isDayRow()).count();
      long hourlyExpected = stored.shortLog().isEmpty() ? referenceHourlyWrites : 0;
      assertThat(hourlyWrites).as("hourly points of the second run").isEqualTo(hourlyExpected);
      assertThat(History.read(direct, hardware, today)).isEqualTo(expected);
    }
  }

  private static void checkFirstRun(
      Fault fault, SyncReport first, FaultProxy proxy, Set<LocalDate> lost, LocalDate today) {
    if (fault.enedisFails) {
      // The fault starts after the first 7-day batch, so the second batch's request fails.
      String failedDays = "[" + today.minusDays(14) + ", " + today.minusDays(7) + ")";
      assertThat(first.outcome()).isEqualTo(SyncReport.Outcome.FAILED);
      assertThat(first.failure())
          .contains(
              "Enedis failed temporarily for usage point "
                  + HOUSE
                  + ": GET /metering_data_clc/v5/consumption_load_curve for "
                  + failedDays
                  + " returned HTTP 503;"
                  + " retry later");
      // The read-back after the Enedis failure finds the lost rows of the first batch.
      assertThat(first.messages())
          .extracting(UserMessage::key)
          .contains(UserMessage.Key.HISTORY_NOT_STORED, UserMessage.Key.SYNC_FAILED);
      assertThat(proxy.swallowedRows()).hasSize(lost.size());
      return;
    }
    if (fault.failure == null) {
      assertThat(first.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
      assertThat(first.problems()).hasSize(1);
      String problem = first.problems().get(0);
      assertThat(problem)
          .startsWith("Domoticz did not store " + lost.size() + " of " + DAYS + " day rows of");
      lost.forEach(day -> assertThat(problem).contains(day + " missing"));
      assertThat(first.messages())
          .extracting(UserMessage::key)
          .contains(UserMessage.Key.HISTORY_NOT_STORED);
      return;
    }
    assertThat(first.outcome()).isEqualTo(SyncReport.Outcome.FAILED);
    String failure = first.failure().orElseThrow();
    String prefix = "Domoticz at " + proxy.url();
    String expected =
        switch (fault.failure) {
          // With a session login, the client logs in again once, and that login gets 401 too.
          case UNAUTHORIZED ->
              Pattern.quote("Authentication failed: " + prefix)
                  + " (returned HTTP 401 for udevice\\."
                  + "|rejected the login of user '[^']+' \\(logincheck\\)\\.) .+";
          case REFUSE_CONNECTIONS, DROP_CONNECTIONS, LOSE_RESPONSES ->
              Pattern.quote(prefix + " did not respond to ")
                  + (fault.afterDayRows == 0 ? "getversion" : "udevice")
                  + ": .+";
        };
    assertThat(failure).matches(expected);
    assertThat(first.messages())
        .extracting(UserMessage::text)
        .contains("Error while fetching the Linky data: " + failure);
    assertThat(proxy.swallowedRows()).hasSize(lost.size());
  }

  private static SyncSettings settings(String hardware, int hourlyDays) {
    return SyncSettings.builder()
        .otherViewDays(DAYS)
        .hourlyViewDays(hourlyDays)
        .offPeakSchedule("22h00-6h00")
        .hardwareName(hardware)
        .build();
  }

  private static DomoticzClient client(FaultProxy proxy, DomoticzAuth auth, Clock clock) {
    return DomoticzClient.builder(proxy.url())
        .auth(auth)
        .allowPlainHttpBasicAuth(true)
        .clock(clock)
        .build();
  }

  /**
   * Returns a client of the simulator that does not retry, as Enedis faults are not tested here.
   */
  private static LinkyClient enedisClient(EnedisSimulator simulator, Clock clock) {
    return LinkyClient.builder()
        .source(DataSource.ENEDIS_DIRECT)
        .baseUrl(simulator.baseUrl())
        .tokenProvider(
            ClientCredentialsTokenProvider.builder(
                    ClientCredentialsConfig.of(
                        simulator.baseUrl(),
                        simulator.enedisClientId(),
                        simulator.enedisClientSecret()))
                .clock(clock)
                .build())
        .clock(clock)
        .zone(LiveSyncScenario.PARIS)
        .rateLimits(RateLimits.of(1000, 100_000))
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  private static LinkySync sync(
      LinkyClient enedis,
      DomoticzClient domoticz,
      Clock clock,
      SyncSettings settings,
      Path stateDirectory) {
    return builder(enedis, domoticz, clock, settings, stateDirectory).build();
  }

  private static LinkySync.Builder builder(
      LinkyClient enedis,
      DomoticzClient domoticz,
      Clock clock,
      SyncSettings settings,
      Path stateDirectory) {
    return LinkySync.builder()
        .client(enedis)
        .usagePointIds(List.of(HOUSE))
        .settings(settings)
        .target(new DomoticzTarget(domoticz))
        .stateDirectory(stateDirectory)
        .debugDirectory(stateDirectory)
        .clock(clock)
        .allowNightTraffic(true);
  }

  /**
   * Returns the days that the sync state records as written, in either direction, without those
   * still awaiting a read-back: the next cycle checks these before it relies on them.
   */
  private static TreeSet<LocalDate> claimedDays(
      Path stateDirectory, String url, String hardware, Clock clock) throws Exception {
    UsagePointState point =
        new SyncStateStore(stateDirectory, clock)
            .load(DomoticzClient.builder(url).build().baseUrl(), hardware)
            .state()
            .usagePoint(HOUSE);
    TreeSet<LocalDate> days = new TreeSet<>();
    for (Direction direction : Direction.values()) {
      List<DateRange> ranges = new ArrayList<>(point.writtenDays(direction).ranges());
      ranges.addAll(point.refreshedDays(direction).ranges());
      for (DateRange range : ranges) {
        range.startInclusive().datesUntil(range.endExclusive()).forEach(days::add);
      }
    }
    for (DateRange range : point.unverifiedDays().ranges()) {
      range.startInclusive().datesUntil(range.endExclusive()).forEach(days::remove);
    }
    return days;
  }

  /** The history of the device of {@link #HOUSE} on one hardware, read through the JSON API. */
  record History(
      Map<LocalDate, P1Energy> dayRows,
      Map<LocalDateTime, StoredShortLogPoint> shortLog,
      P1Reading dashboard) {

    P1Energy row(LocalDate day) {
      return dayRows.get(day);
    }

    static History read(DomoticzClient client, String hardwareName, LocalDate today)
        throws DomoticzException {
      DomoticzHardware hardware = client.findOrCreateHardware(hardwareName);
      P1Device device = client.findP1Device(hardware, DEVICE).orElse(null);
      if (device == null) {
        return new History(Map.of(), Map.of(), null);
      }
      Map<LocalDate, P1Energy> rows = new TreeMap<>();
      client
          .readDayRows(device, today.minusDays(DAYS), today.minusDays(1))
          .forEach(row -> rows.put(row.date(), row.energy()));
      Map<LocalDateTime, StoredShortLogPoint> points = new TreeMap<>();
      client.readShortLog(device).forEach(point -> points.put(point.time(), point));
      return new History(rows, points, client.readCurrentValue(device).orElse(null));
    }
  }
}
