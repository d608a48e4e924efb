package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.DataSource;
import io.github.linkyj.core.LinkyClient;
import io.github.linkyj.core.LinkyHttpClients;
import io.github.linkyj.core.RateLimits;
import io.github.linkyj.core.testing.Fault;
import io.github.linkyj.domoticz.sync.DateRange;
import io.github.linkyj.domoticz.sync.Direction;
import io.github.linkyj.domoticz.sync.SchedulePolicy;
import io.github.linkyj.domoticz.sync.SyncSettings;
import io.github.linkyj.domoticz.sync.SyncState;
import io.github.linkyj.domoticz.sync.SyncStateStore;
import io.github.linkyj.domoticz.sync.UsagePointState;
import io.github.linkyj.domoticz.sync.UserMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Enedis faults in the middle of a 730-day backfill into the fake Domoticz. The fault starts after
 * batch {@value #FAULT_AFTER_BATCH} of the first run. A fault that outlasts the retry bounds ends
 * the run with its message, and the batches already written stay saved. The run after it completes
 * the history. The final history of every device must equal that of an uninterrupted run, row by
 * row, and no day row or short-log point may have been written twice.
 */
class EnedisFaultSyncTest {
  static final String HOUSE = "22516914714270";

  /**
   * The load-curve request that the fault hits, the first after batch {@code FAULT_AFTER_BATCH}.
   */
  private static final String FAULTED_DAYS = "[2026-07-10, 2026-07-17)";

  static final String DEVICE = "Linky " + HOUSE;
  static final LocalDateTime MORNING = LocalDateTime.of(2026, 12, 4, 9, 17);
  static final LocalDate TODAY = MORNING.toLocalDate();
  static final String CURVE = "/metering_data_clc/v5/consumption_load_curve";
  static final int FAULT_AFTER_BATCH = 20;
  static final int BATCHES = 105;
  static final int MAX_ATTEMPTS = 4;
  static final String RETRY_AT = "<retry-at>";

  /** Both histories are compared at this time, so that the fake purges the same hourly points. */
  static final LocalDateTime COMPARED_AT = MORNING.plusHours(6);

  @TempDir Path faultedState;
  @TempDir Path referenceState;
  SyncFixture fixture;
  SyncFixture reference;

  @BeforeEach
  void start() throws Exception {
    fixture = new SyncFixture(MORNING, faultedState, b -> b.sandboxCustomer(0));
    reference = new SyncFixture(MORNING, referenceState, b -> b.sandboxCustomer(0));
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
    reference.close();
  }

  /**
   * A fault and its expected effect.
   *
   * @param fault the fault, injected on the consumption load curve
   * @param outcome how the faulted run ends
   * @param attempts how many times the faulted request is sent in the faulted run
   * @param failure a regular expression of the failure message of the faulted run, in which {@link
   *     #RETRY_AT} stands for the time of the last attempt plus {@code retryAfter}; null when the
   *     run completes
   * @param retryAfter the wait that the fault requests, or null
   * @param nextRun the wait until the next run that the report asks for
   */
  record Case(
      String name,
      Supplier<Fault> fault,
      SyncReport.Outcome outcome,
      int attempts,
      String failure,
      Duration retryAfter,
      Duration nextRun) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> faults() {
    String request = " for usage point " + HOUSE + ": GET " + CURVE + " for " + FAULTED_DAYS;
    String quota =
        quote("Enedis quota exceeded" + request + " returned HTTP 429 \"Quota Q3 reached\"");
    String temporary = quote("Enedis failed temporarily" + request + " returned HTTP ");
    String noResponse = quote("Request failed" + request + " got no response (");
    String retryLater = quote("; retry later");
    return Stream.of(
            new Case(
                "429 with a short wait, then success",
                () -> Fault.tooManyRequests(Duration.ofSeconds(30)).times(MAX_ATTEMPTS - 1),
                SyncReport.Outcome.COMPLETED,
                MAX_ATTEMPTS,
                null,
                null,
                null),
            new Case(
                "429 with a short wait, every attempt",
                () -> Fault.tooManyRequests(Duration.ofSeconds(30)).times(MAX_ATTEMPTS),
                SyncReport.Outcome.QUOTA_EXCEEDED,
                MAX_ATTEMPTS,
                quota + quote("; retry after ") + RETRY_AT,
                Duration.ofSeconds(30),
                Duration.ofHours(1)),
            new Case(
                "429 with a wait beyond the bound",
                () -> Fault.tooManyRequests(Duration.ofHours(3)),
                SyncReport.Outcome.QUOTA_EXCEEDED,
                1,
                quota + quote("; retry after ") + RETRY_AT,
                Duration.ofHours(3),
                Duration.ofHours(3)),
            new Case(
                "429 without a wait",
                () -> Fault.tooManyRequests().times(MAX_ATTEMPTS),
                SyncReport.Outcome.QUOTA_EXCEEDED,
                MAX_ATTEMPTS,
                quota + retryLater,
                null,
                Duration.ofHours(1)),
            new Case(
                "500 burst within the bounds",
                () -> Fault.technicalError().times(MAX_ATTEMPTS - 1),
                SyncReport.Outcome.COMPLETED,
                MAX_ATTEMPTS,
                null,
                null,
                null),
            new Case(
                "500 burst",
                () -> Fault.technicalError().times(MAX_ATTEMPTS),
                SyncReport.Outcome.FAILED,
                MAX_ATTEMPTS,
                temporary
                    + quote("500 technical_error \"Technical error. Please try later.\"")
                    + retryLater,
                null,
                Duration.ofHours(1)),
            new Case(
                "503 burst",
                () -> Fault.serviceUnavailable().times(MAX_ATTEMPTS),
                SyncReport.Outcome.FAILED,
                MAX_ATTEMPTS,
                temporary + "503" + retryLater,
                null,
                Duration.ofHours(1)),
            new Case(
                "connection resets",
                () -> Fault.dropConnection().times(MAX_ATTEMPTS),
                SyncReport.Outcome.FAILED,
                MAX_ATTEMPTS,
                noResponse
                    + quote("IOException: unexpected end of stream on ")
                    + "http://[^)]+\\)"
                    + retryLater,
                null,
                Duration.ofHours(1)),
            // OkHttp words a read timeout "timeout" or "Read timed out" depending on where it
            // happens.
            new Case(
                "read timeouts",
                () -> Fault.noResponse().times(MAX_ATTEMPTS),
                SyncReport.Outcome.FAILED,
                MAX_ATTEMPTS,
                noResponse + "SocketTimeoutException: (timeout|Read timed out)\\)" + retryLater,
                null,
                Duration.ofHours(1)))
        .map(Arguments::of);
  }

  private static String quote(String text) {
    return Pattern.quote(text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void faultedBackfillEndsComplete(Case c) throws Exception {
    long[] before = {-1};
    LinkySync[] sync = new LinkySync[1];
    sync[0] =
        fixture
            .sync(settings(), List.of(HOUSE), fixture.target())
            .client(client(fixture))
            .progress(
                (done, total, note) -> {
                  if (done == FAULT_AFTER_BATCH && before[0] < 0) {
                    before[0] = fixture.simulator.requestCount(CURVE);
                    fixture.simulator.inject(c.fault().get().onPath(CURVE));
                  }
                })
            .build();

    SyncReport first = sync[0].runOnce();

    assertThat(first.outcome()).isEqualTo(c.outcome());
    if (c.failure() != null) {
      assertThat(fixture.simulator.requestCount(CURVE)).isEqualTo(before[0] + c.attempts());
      checkFailedRun(c, first);
      fixture.moveTo(LocalDateTime.ofInstant(first.nextRun(), SyncFixture.PARIS));
      SyncReport second = sync[0].runOnce();

      assertThat(second.isClean()).isTrue();
      assertThat(fixture.simulator.requestCount(CURVE)).isEqualTo(BATCHES + c.attempts());
    } else {
      assertThat(fixture.simulator.requestCount(CURVE)).isEqualTo(BATCHES + c.attempts() - 1);
    }
    if (c.failure() == null) {
      assertThat(first.isClean()).isTrue();
    }
    assertThat(writesPerRow(fixture).values()).as("writes per row").containsOnly(1);

    SyncReport uninterrupted =
        reference.sync(settings(), List.of(HOUSE), reference.target()).build().runOnce();
    assertThat(uninterrupted.isClean()).isTrue();
    assertThat(history(fixture)).isEqualTo(history(reference));
    assertThat(history(fixture).dayRows().get(DEVICE)).hasSize(730);
  }

  private void checkFailedRun(Case c, SyncReport first) throws Exception {
    String failure = first.failure().orElseThrow();
    String retryAt =
        c.retryAfter() == null ? "" : fixture.clock.instant().plus(c.retryAfter()).toString();
    assertThat(failure).matches(c.failure().replace(RETRY_AT, quote(retryAt)));
    assertThat(first.messages())
        .extracting(UserMessage::text)
        .contains("Error while fetching the Linky data: " + failure);
    assertThat(Duration.between(fixture.clock.instant(), first.nextRun()))
        .isBetween(c.nextRun().minusSeconds(1), c.nextRun());
    SchedulePolicy.Reason reason =
        c.retryAfter() != null ? SchedulePolicy.Reason.QUOTA : SchedulePolicy.Reason.RETRY;
    assertThat(first.nextRunReason()).isEqualTo(reason);

    // The batches before the fault are written and recorded, and nothing else.
    TreeSet<LocalDate> stored = new TreeSet<>(fixture.device(DEVICE).dayRows().keySet());
    assertThat(stored).hasSizeBetween(FAULT_AFTER_BATCH * 7 - 6, FAULT_AFTER_BATCH * 7);
    assertThat(stored.last()).isEqualTo(TODAY.minusDays(1));
    assertThat(stored.first()).isEqualTo(TODAY.minusDays(stored.size()));
    assertThat(claimedDays(fixture)).isEqualTo(stored);
  }

  private static SyncSettings settings() {
    return SyncSettings.builder().otherViewDays(730).offPeakSchedule("22h00-6h00").build();
  }

  /** Returns a client like the fixture's, with a 300 ms read timeout for the timeout fault. */
  private static LinkyClient client(SyncFixture fixture) {
    OkHttpClient http =
        LinkyHttpClients.create().newBuilder().readTimeout(Duration.ofMillis(300)).build();
    return LinkyClient.builder()
        .source(DataSource.ENEDIS_DIRECT)
        .baseUrl(fixture.simulator.baseUrl())
        .tokenProvider(fixture.tokens)
        .httpClient(http)
        .clock(fixture.clock)
        .zone(SyncFixture.PARIS)
        .rateLimits(RateLimits.of(1000, 100_000))
        .sleeper(fixture.clock::advance)
        .build();
  }

  /** Returns the days that the sync state records as written, in either direction. */
  static TreeSet<LocalDate> claimedDays(SyncFixture fixture) throws Exception {
    String key = fixture.domoticz.url();
    SyncState state =
        new SyncStateStore(fixture.stateDirectory, fixture.clock).load(key, "Linky").state();
    UsagePointState point = state.usagePoint(HOUSE);
    TreeSet<LocalDate> days = new TreeSet<>();
    for (Direction direction : Direction.values()) {
      addDays(days, point.writtenDays(direction).ranges());
      addDays(days, point.refreshedDays(direction).ranges());
    }
    return days;
  }

  private static void addDays(TreeSet<LocalDate> days, List<DateRange> ranges) {
    for (DateRange range : ranges) {
      range.startInclusive().datesUntil(range.endExclusive()).forEach(days::add);
    }
  }

  /** Counts the writes of each dated row, by device idx and date or time, in the fake's log. */
  static Map<String, Integer> writesPerRow(SyncFixture fixture) {
    Map<String, Integer> writes = new TreeMap<>();
    for (HttpUrl url : fixture.domoticz.domoticz().requests()) {
      String sValue = url.queryParameter("svalue");
      if (!"udevice".equals(url.queryParameter("param")) || sValue == null) {
        continue;
      }
      String[] fields = sValue.split(";");
      String last = fields[fields.length - 1];
      if (last.length() == 10 || last.length() == 19) {
        writes.merge(url.queryParameter("idx") + " " + last, 1, Integer::sum);
      }
    }
    return writes;
  }

  /** Every device's day rows, short log and dashboard value, by device name. */
  record History(
      Map<String, Map<LocalDate, List<Long>>> dayRows,
      Map<String, Map<LocalDateTime, List<Long>>> shortLog,
      Map<String, String> dashboards) {}

  /** Reads the history of the fake after moving its clock to {@link #COMPARED_AT}. */
  static History history(SyncFixture fixture) throws Exception {
    fixture.moveTo(COMPARED_AT);
    // Any request makes the fake purge the hourly points that are too old at this time.
    fixture.target().client().shortLogDays();
    Map<String, Map<LocalDate, List<Long>>> dayRows = new TreeMap<>();
    Map<String, Map<LocalDateTime, List<Long>>> shortLog = new TreeMap<>();
    Map<String, String> dashboards = new TreeMap<>();
    for (FakeDevice device : fixture.domoticz.domoticz().devices().values()) {
      Map<LocalDate, List<Long>> rows = new TreeMap<>();
      device.dayRows().forEach((day, row) -> rows.put(day, boxed(row.values())));
      Map<LocalDateTime, List<Long>> points = new TreeMap<>();
      device.shortLog().forEach((time, values) -> points.put(time, boxed(values)));
      dayRows.put(device.name(), rows);
      shortLog.put(device.name(), points);
      dashboards.put(device.name(), device.sValue());
    }
    return new History(dayRows, shortLog, dashboards);
  }

  private static List<Long> boxed(long[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
