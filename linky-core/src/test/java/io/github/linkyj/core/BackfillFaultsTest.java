package io.github.linkyj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.linkyj.core.GeneratedEnedis.Requested;
import io.github.linkyj.core.TestSupport.FakeTime;
import io.github.linkyj.core.TestSupport.FakeTokens;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Injects quota errors, 500/503 bursts, dropped connections and read timeouts at chosen chunks of a
 * 730-day load-curve backfill, which takes 105 requests of at most 7 days, newest first. Each test
 * checks the exact request count, the waits, the final exception and the log lines.
 *
 * <p>A fetch that fails throws away the chunks it merged so far. The {@link ResponseListener} is
 * how a caller keeps them, and these tests check that it received every chunk before the failure.
 */
@Timeout(60)
class BackfillFaultsTest {
  private static final String PRM = "42900589957123";
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
  private static final int CHUNKS = 105;
  private static final String CURVE = "/data/proxy/metering_data_clc/v5/consumption_load_curve";

  /** The 40th request: [2026-02-27, 2026-03-06). */
  private static final int FAULTY = 39;

  private final MockWebServer server = TestSupport.server();
  private final Map<LocalDate, Deque<Supplier<MockResponse>>> faults = new HashMap<>();
  private final GeneratedEnedis enedis = new GeneratedEnedis(this::fault);
  private final List<String> stored = new ArrayList<>();
  private final FakeTokens tokens = new FakeTokens();
  private FakeTime time;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(enedis);
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void quotaWithWaitIsSleptThrough() throws Exception {
    inject(FAULTY, 2, () -> quota().setHeader("Retry-After", "30"));

    Outcome outcome = backfill(client());

    assertComplete(outcome, 2);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    assertRetriesLogged(outcome, FAULTY, 2);
  }

  @Test
  void quotaWaitAsHttpDateIsSleptThrough() throws Exception {
    inject(FAULTY, 1, () -> quota().setHeader("Retry-After", "Fri, 04 Dec 2026 10:00:45 GMT"));

    Outcome outcome = backfill(client());

    assertComplete(outcome, 1);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(45));
  }

  @Test
  void zeroRetryAfterStillBacksOff() throws Exception {
    inject(FAULTY, 2, () -> new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"));

    Outcome outcome = backfill(client());

    assertComplete(outcome, 2);
    assertBackoff(2);
    assertRetriesLogged(outcome, FAULTY, 2);
  }

  @Test
  void rejectedTokenIsRenewedOnce() throws Exception {
    inject(FAULTY, 1, () -> new MockResponse().setResponseCode(401));

    Outcome outcome = backfill(client());

    assertComplete(outcome, 1);
    assertThat(tokens.invalidated).hasSize(1);
    assertThat(time.sleeps).isEmpty();
    assertThat(outcome.lines)
        .filteredOn(line -> line.contains("token rejected, renewing it"))
        .filteredOn(line -> line.contains(PRM))
        .hasSize(1);
  }

  @Test
  void quotaWithoutWaitBacksOff() throws Exception {
    inject(FAULTY, 2, BackfillFaultsTest::quota);

    Outcome outcome = backfill(client());

    assertComplete(outcome, 2);
    assertBackoff(2);
    assertRetriesLogged(outcome, FAULTY, 2);
  }

  @Test
  void persistentQuotaEndsTheRun() {
    inject(FAULTY, 10, BackfillFaultsTest::quota);

    Outcome outcome = backfill(client());

    assertFailedAtFaultyChunk(outcome, QuotaExceededException.class, 4);
    assertThat(outcome.failure)
        .hasMessage(
            "Enedis quota exceeded for usage point 42900589957123: GET "
                + CURVE
                + " for [2026-02-27, 2026-03-06) returned HTTP 429 \"Quota Q3 reached\";"
                + " retry later");
    assertThat(((QuotaExceededException) outcome.failure).retryAt()).isEmpty();
    assertBackoff(3);
  }

  @Test
  void persistentQuotaWithWaitEndsTheRun() {
    inject(FAULTY, 10, () -> quota().setHeader("Retry-After", "30"));

    Outcome outcome = backfill(client());

    assertFailedAtFaultyChunk(outcome, QuotaExceededException.class, 4);
    assertThat(time.sleeps)
        .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
  }

  @Test
  void longQuotaWaitEndsAtOnce() {
    inject(FAULTY, 10, () -> quota().setHeader("Retry-After", "3600"));

    Outcome outcome = backfill(client());

    assertFailedAtFaultyChunk(outcome, QuotaExceededException.class, 1);
    assertThat(time.sleeps).isEmpty();
    assertThat(((QuotaExceededException) outcome.failure).retryAt())
        .contains(NOW.plusSeconds(3600));
    assertThat(outcome.failure.getMessage()).endsWith("; retry after " + NOW.plusSeconds(3600));
  }

  @Test
  void serverErrorBurstIsRecovered() throws Exception {
    inject(FAULTY, 1, () -> error(500, "technical_error"));
    inject(FAULTY, 1, () -> new MockResponse().setResponseCode(503));
    inject(FAULTY, 1, () -> error(500, "technical_error"));

    Outcome outcome = backfill(client());

    assertComplete(outcome, 3);
    assertBackoff(3);
    assertRetriesLogged(outcome, FAULTY, 3);
  }

  @Test
  void serverErrorBurstEndsTheRun() {
    inject(FAULTY, 10, () -> new MockResponse().setResponseCode(503).setBody(""));

    Outcome outcome = backfill(client());

    assertFailedAtFaultyChunk(outcome, TemporaryFailureException.class, 4);
    assertThat(outcome.failure)
        .hasMessage(
            "Enedis failed temporarily for usage point 42900589957123: GET "
                + CURVE
                + " for [2026-02-27, 2026-03-06) returned HTTP 503; retry later");
    assertBackoff(3);
  }

  @Test
  void burstsInSeveralChunksAreRecovered() throws Exception {
    inject(9, 2, () -> error(500, "technical_error"));
    inject(59, 1, () -> quota().setHeader("Retry-After", "5"));
    inject(99, 1, BackfillFaultsTest::dropConnection);

    Outcome outcome = backfill(client());

    assertComplete(outcome, 4);
    assertThat(time.sleeps).hasSize(4);
    assertThat(time.sleeps.get(2)).isEqualTo(Duration.ofSeconds(5));
    assertRetriesLogged(outcome, 9, 2);
    assertRetriesLogged(outcome, 59, 1);
    assertRetriesLogged(outcome, 99, 1);
  }

  @Test
  void droppedConnectionIsRetried() throws Exception {
    inject(FAULTY, 2, BackfillFaultsTest::dropConnection);

    Outcome outcome = backfill(client());

    assertComplete(outcome, 2);
    assertBackoff(2);
    assertRetriesLogged(outcome, FAULTY, 2);
  }

  @Test
  void bodyCutMidwayIsRetried() throws Exception {
    inject(
        FAULTY,
        1,
        () ->
            new MockResponse()
                .setBody(TestSupport.curveBody(PRM, TODAY.minusDays(7), TODAY, 30))
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

    Outcome outcome = backfill(client());

    assertComplete(outcome, 1);
    assertRetriesLogged(outcome, FAULTY, 1);
  }

  @Test
  void droppedConnectionsEndTheRun() {
    inject(FAULTY, 10, BackfillFaultsTest::dropConnection);

    Outcome outcome = backfill(client());

    assertFailedAtFaultyChunk(outcome, TemporaryFailureException.class, 4);
    assertThat(outcome.failure.getMessage())
        .startsWith(
            "Request failed for usage point 42900589957123: GET "
                + CURVE
                + " for [2026-02-27, 2026-03-06) got no response (")
        .endsWith("); retry later");
    assertThat(outcome.failure.httpStatus()).isZero();
  }

  @Test
  void readTimeoutIsRetried() throws Exception {
    inject(FAULTY, 1, BackfillFaultsTest::noResponse);

    Outcome outcome = backfill(timeoutClient());

    assertComplete(outcome, 1);
    assertRetriesLogged(outcome, FAULTY, 1);
  }

  @Test
  void readTimeoutsEndTheRun() {
    inject(FAULTY, 10, BackfillFaultsTest::noResponse);

    Outcome outcome = backfill(timeoutClient());

    assertFailedAtFaultyChunk(outcome, TemporaryFailureException.class, 4);
    assertThat(outcome.failure.getMessage())
        .startsWith(
            "Request failed for usage point 42900589957123: GET "
                + CURVE
                + " for [2026-02-27, 2026-03-06) got no response (SocketTimeoutException");
    assertBackoff(3);
  }

  @Test
  void localHourlyBudgetEndsTheRun() {
    LinkyClient client = builder().rateLimits(RateLimits.of(5, FAULTY)).build();

    Outcome outcome = backfill(client);

    assertThat(outcome.failure)
        .isExactlyInstanceOf(QuotaExceededException.class)
        .hasMessage(
            "Local budget of 39 requests per hour used up before GET "
                + CURVE
                + " for [2026-02-27, 2026-03-06) for usage point 42900589957123; retry after "
                + NOW.plus(Duration.ofHours(1)));
    assertThat(outcome.failure.httpStatus()).isZero();
    assertThat(enedis.requests).hasSize(FAULTY);
    assertThat(stored).hasSize(FAULTY);
    assertThat(outcome.lines)
        .filteredOn(line -> line.contains("not sent: " + outcome.failure.getMessage()))
        .hasSize(1);
    assertThat(outcome.lines).filteredOn(line -> line.contains(PRM)).hasSize(1);
  }

  @Test
  void dailyBackfillFailsInSecondChunk() {
    inject(LocalDate.of(2024, 12, 4), 10, () -> error(500, "technical_error"));
    LinkyClient client = client();

    Throwable thrown;
    List<String> lines;
    try (LogLines log = new LogLines()) {
      thrown = catchThrowable(() -> client.dailyConsumption(PRM, TODAY.minusDays(730), TODAY));
      lines = log.all();
    }

    assertThat(thrown)
        .isExactlyInstanceOf(TemporaryFailureException.class)
        .hasMessage(
            "Enedis failed temporarily for usage point 42900589957123: GET"
                + " /data/proxy/metering_data_dc/v5/daily_consumption for [2024-12-04, 2025-12-04)"
                + " returned HTTP 500 technical_error \"generated\"; retry later");
    assertThat(enedis.requests).hasSize(1 + 4);
    assertThat(stored).containsExactly("daily_consumption_2025-12-04_2026-12-04");
    assertThat(lines).filteredOn(line -> line.contains("Retrying GET")).hasSize(3);
    assertThat(lines).filteredOn(line -> line.contains("failed after 4 attempt(s)")).hasSize(1);
  }

  /** Queues {@code count} copies of a fault for the chunk at {@code index}, newest first. */
  private void inject(int index, int count, Supplier<MockResponse> fault) {
    inject(chunkStart(index), count, fault);
  }

  /** Queues {@code count} copies of a fault for the chunk that starts on {@code start}. */
  private void inject(LocalDate start, int count, Supplier<MockResponse> fault) {
    Deque<Supplier<MockResponse>> queue = faults.computeIfAbsent(start, day -> new ArrayDeque<>());
    for (int i = 0; i < count; i++) {
      queue.add(fault);
    }
  }

  private MockResponse fault(Requested request) {
    Deque<Supplier<MockResponse>> queue = faults.get(request.start());
    Supplier<MockResponse> next = queue == null ? null : queue.poll();
    return next == null ? null : next.get();
  }

  /** Returns the first day of the chunk at {@code index}, the oldest one clamped to the history. */
  private static LocalDate chunkStart(int index) {
    LocalDate start = TODAY.minusDays(7L * (index + 1));
    LocalDate oldest = TODAY.minusMonths(24);
    return start.isBefore(oldest) ? oldest : start;
  }

  private static String chunkName(int index) {
    return "[" + chunkStart(index) + ", " + TODAY.minusDays(7L * index) + ")";
  }

  private static MockResponse quota() {
    return new MockResponse()
        .setResponseCode(429)
        .setBody("{\"error\":\"429\",\"error_description\":\"Quota Q3 reached\"}");
  }

  private static MockResponse error(int status, String code) {
    return GeneratedEnedis.error(status, code);
  }

  private static MockResponse dropConnection() {
    return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
  }

  private static MockResponse noResponse() {
    return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
  }

  /** The result of one backfill: the data or the failure, and the log lines it printed. */
  private record Outcome(MeteringData data, LinkyException failure, List<String> lines) {}

  private Outcome backfill(LinkyClient client) {
    MeteringData[] data = new MeteringData[1];
    Throwable thrown;
    List<String> lines;
    try (LogLines log = new LogLines()) {
      thrown =
          catchThrowable(
              () -> data[0] = client.consumptionLoadCurve(PRM, TODAY.minusDays(730), TODAY));
      lines = log.all();
    }
    if (thrown != null && !(thrown instanceof LinkyException)) {
      throw new AssertionError("unexpected exception", thrown);
    }
    return new Outcome(data[0], (LinkyException) thrown, lines);
  }

  /** Checks a backfill that recovered after {@code retries} extra requests. */
  private void assertComplete(Outcome outcome, int retries) {
    assertThat(outcome.failure).isNull();
    assertThat(enedis.requests).hasSize(CHUNKS + retries);
    assertThat(outcome.data.intervals()).hasSize(730 * 48);
    assertThat(outcome.data.start()).isEqualTo(TODAY.minusDays(730));
    assertThat(outcome.data.end()).isEqualTo(TODAY);
    assertThat(LoadCurves.totalsByDay(outcome.data.intervals())).hasSize(730);
    assertThat(stored).hasSize(CHUNKS).doesNotHaveDuplicates();
    assertThat(outcome.lines).noneMatch(line -> line.contains("failed after"));
  }

  /** Checks a backfill that ended at the faulty chunk after {@code attempts} requests to it. */
  private void assertFailedAtFaultyChunk(
      Outcome outcome, Class<? extends LinkyException> type, int attempts) {
    assertThat(outcome.failure).isExactlyInstanceOf(type);
    assertThat(outcome.failure.getMessage())
        .contains(PRM)
        .contains(CURVE + " for " + chunkName(FAULTY));
    assertThat(outcome.failure.usagePointId()).contains(PRM);
    assertThat(outcome.failure.endpoint()).contains(CURVE);
    assertThat(enedis.requests).hasSize(FAULTY + attempts);
    assertThat(enedis.requests.subList(FAULTY, FAULTY + attempts))
        .allMatch(request -> request.start().equals(chunkStart(FAULTY)));
    assertThat(stored).hasSize(FAULTY);
    assertThat(stored.get(FAULTY - 1))
        .isEqualTo(
            "consumption_load_curve_" + chunkStart(FAULTY - 1) + "_" + chunkStart(FAULTY - 2));
    assertRetriesLogged(outcome, FAULTY, attempts - 1);
    assertThat(outcome.lines)
        .filteredOn(line -> line.contains("failed after " + attempts + " attempt(s)"))
        .containsExactly(
            outcome.lines.stream()
                .filter(line -> line.contains(outcome.failure.getMessage()))
                .filter(line -> !line.contains("Retrying"))
                .findFirst()
                .orElseThrow());
    assertThat(outcome.lines).filteredOn(line -> line.contains("failed after")).hasSize(1);
  }

  /** Checks that each retry of the chunk at {@code index} was logged once with its ids. */
  private static void assertRetriesLogged(Outcome outcome, int index, int retries) {
    assertThat(outcome.lines)
        .filteredOn(line -> line.contains("Retrying GET " + CURVE + " for usage point " + PRM))
        .filteredOn(line -> line.contains(chunkName(index)))
        .hasSize(retries);
  }

  /** Checks {@code retries} jittered waits doubling from 2 s, and no other wait. */
  private void assertBackoff(int retries) {
    assertThat(time.sleeps).hasSize(retries);
    for (int retry = 1; retry <= retries; retry++) {
      Duration backoff = RetryPolicy.defaults().backoff(retry);
      assertThat(time.sleeps.get(retry - 1)).isBetween(backoff.dividedBy(2), backoff);
    }
  }

  private LinkyClient client() {
    return builder().build();
  }

  private LinkyClient timeoutClient() {
    return builder()
        .httpClient(new OkHttpClient.Builder().readTimeout(1, TimeUnit.SECONDS).build())
        .build();
  }

  private LinkyClient.Builder builder() {
    time = new FakeTime(NOW);
    return LinkyClient.builder()
        .source(DataSource.CONSENT_PROXY)
        .baseUrl(server.url("/"))
        .tokenProvider(tokens)
        .clock(time)
        .sleeper(time)
        // High enough that the rate limit never waits, so every sleep is a retry wait.
        .rateLimits(RateLimits.of(1000, 9000))
        .random(new SplittableRandom(3))
        .responseListener(
            (kind, usagePoint, start, end, json) ->
                stored.add(kind.enedisName() + "_" + start + "_" + end));
  }
}
