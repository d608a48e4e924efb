package io.github.linkyj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.linkyj.core.auth.AccessToken;
import io.github.linkyj.core.auth.AccessTokenProvider;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.core.testing.Fault;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each fault the {@link EnedisSimulator} injects through {@link LinkyClient} on the gateway
 * source, so the scenarios built on the simulator rely on a known outcome per fault.
 */
@Timeout(60)
class SimulatorFaultsTest {
  private static final String PRM = "22516914714270";
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
  private static final String DAILY = "/api/daily_consumption";
  private static final String WEEK = " for [2026-11-27, 2026-12-04)";

  private final SimulatedTime time = new SimulatedTime(NOW, ZoneOffset.UTC);
  private EnedisSimulator simulator;

  @AfterEach
  void stop() throws IOException {
    if (simulator != null) {
      simulator.close();
    }
  }

  /**
   * Returns each fault applied to every request, the exception it ends in and its request count.
   */
  static Stream<Arguments> persistentFaults() {
    return Stream.of(
        Arguments.of(Fault.technicalError(), TemporaryFailureException.class, 4),
        Arguments.of(Fault.serviceUnavailable(), TemporaryFailureException.class, 4),
        Arguments.of(Fault.emptyBody(500), TemporaryFailureException.class, 4),
        Arguments.of(Fault.htmlPage(503), TemporaryFailureException.class, 4),
        Arguments.of(Fault.htmlPage(404), LinkyException.class, 1),
        Arguments.of(Fault.htmlPage(403), LinkyException.class, 1),
        Arguments.of(Fault.notHolder(), NotHolderException.class, 1),
        Arguments.of(Fault.resourceForbidden(), LinkyException.class, 1),
        // The next access time is the next full hour, longer than the longest server wait.
        Arguments.of(Fault.throttled(), QuotaExceededException.class, 1),
        Arguments.of(Fault.quotaQ4(), QuotaExceededException.class, 4),
        Arguments.of(Fault.tooManyRequests(), QuotaExceededException.class, 4),
        Arguments.of(
            Fault.tooManyRequests(Duration.ofSeconds(20)), QuotaExceededException.class, 4),
        Arguments.of(
            Fault.enedisError(400, "ADAM-ERR0069", "Le sens de la mesure ne correspond pas"),
            WrongDirectionException.class,
            1),
        Arguments.of(
            Fault.enedisError(403, "ADAM-DC-0008", "No consent can be found"),
            ConsentRequiredException.class,
            1),
        Arguments.of(Fault.truncatedBody(), InvalidResponseException.class, 1),
        Arguments.of(
            Fault.response(200, "text/html", "<html>maintenance</html>"),
            InvalidResponseException.class,
            1),
        Arguments.of(Fault.dropConnection(), TemporaryFailureException.class, 4),
        Arguments.of(Fault.dropDuringBody(), TemporaryFailureException.class, 4),
        Arguments.of(Fault.noResponse(), TemporaryFailureException.class, 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("persistentFaults")
  void persistentFaultEndsInTypedError(
      Fault fault, Class<? extends LinkyException> type, int requests) throws IOException {
    start();
    simulator.inject(fault.always());
    LinkyClient client = client();

    Throwable thrown;
    List<String> lines;
    try (LogLines log = new LogLines()) {
      thrown = catchThrowable(() -> client.dailyConsumption(PRM, TODAY.minusDays(7), TODAY));
      lines = log.all();
    }

    assertThat(thrown).isExactlyInstanceOf(type);
    assertThat(thrown.getMessage()).contains(PRM).contains(DAILY + WEEK);
    assertThat(simulator.requestCount(DAILY)).isEqualTo(requests);
    assertThat(time.sleeps).hasSize(requests - 1);
    assertThat(lines)
        .filteredOn(line -> line.contains("Retrying GET " + DAILY))
        .hasSize(requests - 1);
    assertThat(lines)
        .filteredOn(line -> line.contains(thrown.getMessage()))
        .filteredOn(line -> !line.contains("Retrying"))
        .hasSize(1);
  }

  @Test
  void noDataEndsTheWalk() throws Exception {
    start();
    simulator.inject(Fault.enedisError(404, "no_data_found", "no measure found").always());

    MeteringData data = client().dailyConsumption(PRM, TODAY.minusDays(7), TODAY);

    assertThat(data.isEmpty()).isTrue();
    assertThat(data.oldestEdgeCode()).contains("no_data_found");
    assertThat(simulator.requestCount(DAILY)).isEqualTo(1);
  }

  @Test
  void faultsWithinBoundsAreRecovered() throws Exception {
    start();
    simulator.inject(Fault.technicalError().onPath("consumption_load_curve").times(2));
    simulator.inject(Fault.dropConnection().onPath("consumption_load_curve").times(1));
    simulator.inject(Fault.delay(Duration.ofMillis(50)).onPath("consumption_load_curve"));

    MeteringData curve = client().consumptionLoadCurve(PRM, TODAY.minusDays(730), TODAY);

    assertThat(curve.intervals()).hasSize(730 * 48);
    assertThat(LoadCurves.totalsByDay(curve.intervals()).values()).allMatch(DayTotal::isComplete);
    // The faults apply in order to the first chunk, which succeeds at its fourth attempt.
    assertThat(simulator.requestCount("consumption_load_curve")).isEqualTo(105 + 3);
  }

  private void start() throws IOException {
    simulator = EnedisSimulator.builder(time).sandboxCustomer(0).start();
  }

  private LinkyClient client() {
    AccessToken token = AccessToken.of(simulator.gatewayToken(PRM), NOW.plusSeconds(86_400));
    return LinkyClient.builder()
        .source(DataSource.GATEWAY)
        .baseUrl(simulator.baseUrl())
        .tokenProvider(new FixedToken(token))
        .clock(time)
        .sleeper(time)
        .rateLimits(RateLimits.of(1000, 9000))
        .random(new SplittableRandom(5))
        // Long enough for the simulator to generate a response on a busy machine.
        .httpClient(new OkHttpClient.Builder().readTimeout(2, TimeUnit.SECONDS).build())
        .build();
  }

  /** A provider of one gateway token, which never needs renewing in these tests. */
  private record FixedToken(AccessToken token) implements AccessTokenProvider {
    @Override
    public AccessToken accessToken() {
      return token;
    }

    @Override
    public void invalidate(AccessToken rejected) {}
  }

  /**
   * A clock shared by the simulator and the client, and a sleeper that advances it. The simulator
   * calls withZone, so unlike {@link TestSupport.FakeTime} it supports that.
   */
  private static final class SimulatedTime extends Clock implements Sleeper {
    private final ZoneId zone;
    private final Instant[] now;
    final List<Duration> sleeps;

    SimulatedTime(Instant start, ZoneId zone) {
      this(new Instant[] {start}, zone, new ArrayList<>());
    }

    private SimulatedTime(Instant[] now, ZoneId zone, List<Duration> sleeps) {
      this.now = now;
      this.zone = zone;
      this.sleeps = sleeps;
    }

    @Override
    public void sleep(Duration duration) {
      synchronized (now) {
        sleeps.add(duration);
        now[0] = now[0].plus(duration);
      }
    }

    @Override
    public Instant instant() {
      synchronized (now) {
        return now[0];
      }
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new SimulatedTime(now, other, sleeps);
    }
  }
}
