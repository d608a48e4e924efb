package io.github.linkyj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.linkyj.core.GeneratedEnedis.Requested;
import io.github.linkyj.core.TestSupport.FakeTime;
import io.github.linkyj.core.TestSupport.FakeTokens;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class LinkyClientChunkingTest {
  private static final String PRM = "42900589957123";

  /** 2026-12-04 11:00 in Paris. */
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

  private final MockWebServer server = TestSupport.server();
  private GeneratedEnedis enedis = new GeneratedEnedis();
  private FakeTime time;

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void curveChunksAreSevenDaysNewestFirst() throws Exception {
    LinkyClient client = client(RateLimits.defaults());

    MeteringData curve = client.consumptionLoadCurve(PRM, TODAY.minusDays(730), TODAY);

    List<Requested> requests = enedis.requests;
    assertThat(requests).hasSize(105);
    assertThat(requests.get(0))
        .isEqualTo(requested(MeteringKind.CONSUMPTION_LOAD_CURVE, "2026-11-27", "2026-12-04"));
    assertThat(requests.get(104))
        .isEqualTo(requested(MeteringKind.CONSUMPTION_LOAD_CURVE, "2024-12-04", "2024-12-06"));
    for (int i = 1; i < requests.size(); i++) {
      assertThat(requests.get(i).end()).isEqualTo(requests.get(i - 1).start());
      assertThat(requests.get(i).days()).isBetween(1L, 7L);
    }
    assertThat(curve.start()).isEqualTo(LocalDate.of(2024, 12, 4));
    assertThat(curve.end()).isEqualTo(TODAY);
    assertThat(curve.oldestEdgeCode()).isEmpty();
    assertThat(curve.intervals()).hasSize(730 * 48);
    SortedMap<LocalDate, DayTotal> days = LoadCurves.totalsByDay(curve.intervals());
    assertThat(days).hasSize(730);
    assertThat(days.values()).allMatch(DayTotal::isComplete);
    assertThat(days.get(LocalDate.of(2025, 3, 30)).covered()).isEqualTo(Duration.ofHours(23));
    assertThat(days.get(LocalDate.of(2025, 10, 26)).covered()).isEqualTo(Duration.ofHours(25));
  }

  @Test
  void dailyChunksAreAtMostOneYear() throws Exception {
    LinkyClient client = client(RateLimits.defaults());

    MeteringData daily = client.dailyConsumption(PRM, LocalDate.of(2024, 1, 1), TODAY);

    assertThat(enedis.requests)
        .containsExactly(
            requested(MeteringKind.DAILY_CONSUMPTION, "2025-12-04", "2026-12-04"),
            requested(MeteringKind.DAILY_CONSUMPTION, "2024-12-04", "2025-12-04"),
            requested(MeteringKind.DAILY_CONSUMPTION, "2024-01-01", "2024-12-04"));
    assertThat(daily.dailyEnergies()).hasSize(1068);
    assertThat(daily.dailyEnergies().get(0).date()).isEqualTo(LocalDate.of(2024, 1, 1));
  }

  @Test
  void endIsClampedToToday() throws Exception {
    LinkyClient client = client(RateLimits.defaults());

    MeteringData daily = client.dailyConsumption(PRM, TODAY.minusDays(3), TODAY.plusDays(10));

    assertThat(enedis.requests)
        .containsExactly(requested(MeteringKind.DAILY_CONSUMPTION, "2026-12-01", "2026-12-04"));
    assertThat(daily.end()).isEqualTo(TODAY);
  }

  @Test
  void todayFollowsParisNotUtc() throws Exception {
    LinkyClient client = client(RateLimits.defaults(), Instant.parse("2026-12-04T23:30:00Z"));

    client.dailyConsumption(PRM, TODAY.minusDays(1), TODAY.plusDays(5));

    assertThat(enedis.requests)
        .containsExactly(requested(MeteringKind.DAILY_CONSUMPTION, "2026-12-03", "2026-12-05"));
  }

  @Test
  void curveStartIsClampedToHistory() throws Exception {
    LinkyClient client = client(RateLimits.defaults());

    MeteringData curve = client.consumptionLoadCurve(PRM, LocalDate.of(2020, 1, 1), TODAY);

    Requested oldest = enedis.requests.get(enedis.requests.size() - 1);
    assertThat(oldest.start()).isEqualTo(LocalDate.of(2024, 12, 4));
    assertThat(curve.start()).isEqualTo(LocalDate.of(2024, 12, 4));
  }

  @Test
  void dailyStartIsClampedToHistory() throws Exception {
    LinkyClient client = client(RateLimits.defaults());

    client.dailyProduction(PRM, LocalDate.of(2020, 1, 1), TODAY);

    Requested oldest = enedis.requests.get(enedis.requests.size() - 1);
    assertThat(oldest.start()).isEqualTo(LocalDate.of(2023, 12, 4));
    // 1096 days, as 2024 is a leap year: three full years and one day.
    assertThat(enedis.requests).hasSize(4);
    assertThat(oldest.days()).isEqualTo(1);
  }

  @Test
  void startIsClampedToActivation() throws Exception {
    LinkyClient client =
        builder(RateLimits.defaults(), NOW).activationDate(PRM, LocalDate.of(2026, 11, 20)).build();

    client.consumptionLoadCurve(PRM, LocalDate.of(2026, 11, 1), TODAY);

    assertThat(enedis.requests)
        .containsExactly(
            requested(MeteringKind.CONSUMPTION_LOAD_CURVE, "2026-11-27", "2026-12-04"),
            requested(MeteringKind.CONSUMPTION_LOAD_CURVE, "2026-11-20", "2026-11-27"));
  }

  @Test
  void contractActivationClampsLaterFetches() throws Exception {
    LinkyClient client = client(RateLimits.defaults());
    GeneratedEnedis data = enedis;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (!request.getPath().contains("customers_upc")) {
              return data.dispatch(request);
            }
            return new MockResponse()
                .setBody(
                    TestSupport.fixture("contracts_9kVA_BTINFCUST_HC-23h30-7h30.json")
                        .replace("22222222222222", PRM)
                        .replace("2007-07-06+02:00", "2026-12-01+01:00"));
          }
        });

    client.contract(PRM);
    client.dailyConsumption(PRM, LocalDate.of(2026, 1, 1), TODAY);

    assertThat(data.requests)
        .containsExactly(requested(MeteringKind.DAILY_CONSUMPTION, "2026-12-01", "2026-12-04"));
  }

  @Test
  void rangeBeforeActivationSendsNothing() throws Exception {
    LinkyClient client =
        builder(RateLimits.defaults(), NOW).activationDate(PRM, LocalDate.of(2026, 11, 20)).build();

    MeteringData data =
        client.dailyConsumption(PRM, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));

    assertThat(enedis.requests).isEmpty();
    assertThat(data.isEmpty()).isTrue();
    assertThat(data.start()).isEqualTo(LocalDate.of(2026, 2, 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ADAM-ERR0123", "ADAM-ERR0125", "no_data_found"})
  void backfillStopsAtOldestEdge(String code) throws Exception {
    LocalDate oldest = LocalDate.of(2026, 10, 1);
    int status = code.equals("no_data_found") ? 404 : 400;
    enedis =
        new GeneratedEnedis(
            r -> r.start().isBefore(oldest) ? GeneratedEnedis.error(status, code) : null);
    LinkyClient client = client(RateLimits.defaults());

    MeteringData curve = client.consumptionLoadCurve(PRM, TODAY.minusDays(730), TODAY);

    assertThat(enedis.requests).hasSize(10);
    assertThat(curve.oldestEdgeCode()).contains(code);
    assertThat(curve.start()).isEqualTo(LocalDate.of(2026, 10, 2));
    // 2026-10-25 is the autumn clock change, with 50 half hours.
    assertThat(curve.intervals()).hasSize(63 * 48 + 2);
    assertThat(curve.intervals().get(0).day()).isEqualTo(LocalDate.of(2026, 10, 2));
  }

  @Test
  void tooLongRangeRetriesShorterChunks() throws Exception {
    enedis =
        new GeneratedEnedis(r -> r.days() >= 7 ? GeneratedEnedis.error(400, "ADAM-ERR0126") : null);
    LinkyClient client = client(RateLimits.defaults());

    MeteringData curve = client.consumptionLoadCurve(PRM, TODAY.minusDays(14), TODAY);

    assertThat(enedis.requests)
        .containsExactly(
            requested(MeteringKind.CONSUMPTION_LOAD_CURVE, "2026-11-27", "2026-12-04"),
            requested(MeteringKind.CONSUMPTION_LOAD_CURVE, "2026-11-28", "2026-12-04"),
            requested(MeteringKind.CONSUMPTION_LOAD_CURVE, "2026-11-22", "2026-11-28"),
            requested(MeteringKind.CONSUMPTION_LOAD_CURVE, "2026-11-20", "2026-11-22"));
    assertThat(curve.intervals()).hasSize(14 * 48);
  }

  @Test
  void listenerKeepsChunksBeforeFailure() {
    List<String> stored = new java.util.ArrayList<>();
    enedis =
        new GeneratedEnedis(
            r ->
                r.end().isBefore(TODAY.minusDays(7))
                    ? GeneratedEnedis.error(500, "technical_error")
                    : null);
    LinkyClient client =
        builder(RateLimits.defaults(), NOW)
            .retryPolicy(RetryPolicy.none())
            .responseListener(
                (kind, usagePoint, start, end, json) -> {
                  assertThat(json).contains("\"usage_point_id\":\"" + PRM + "\"");
                  stored.add(kind.enedisName() + "_" + start + "_" + end + ".json");
                })
            .build();

    assertThatThrownBy(() -> client.consumptionLoadCurve(PRM, TODAY.minusDays(21), TODAY))
        .isInstanceOf(TemporaryFailureException.class);
    assertThat(stored)
        .containsExactly(
            "consumption_load_curve_2026-11-27_2026-12-04.json",
            "consumption_load_curve_2026-11-20_2026-11-27.json");
  }

  @Test
  void perSecondLimitWaits() throws Exception {
    LinkyClient client = client(RateLimits.of(2, 100));

    client.consumptionLoadCurve(PRM, TODAY.minusDays(35), TODAY);

    assertThat(enedis.requests).hasSize(5);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void hourlyBudgetFailsWithRetryTime() {
    LinkyClient client = client(RateLimits.of(3, 3));

    assertThatThrownBy(() -> client.consumptionLoadCurve(PRM, TODAY.minusDays(35), TODAY))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> {
              assertThat(e.retryAt()).contains(NOW.plus(Duration.ofHours(1)));
              assertThat(e.httpStatus()).isZero();
            })
        .hasMessage(
            "Local budget of 3 requests per hour used up before GET"
                + " /data/proxy/metering_data_clc/v5/consumption_load_curve for [2026-11-06,"
                + " 2026-11-13) for usage point 42900589957123; retry after"
                + " 2026-12-04T11:00:00Z");
    assertThat(enedis.requests).hasSize(3);
  }

  @Test
  void rateLimitsRejectNonsense() {
    assertThatThrownBy(() -> RateLimits.of(0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Rate limits must satisfy 1 <= perSecond <= perHour, got perSecond=0, perHour=10");
  }

  private static Requested requested(MeteringKind kind, String start, String end) {
    return new Requested(kind, PRM, LocalDate.parse(start), LocalDate.parse(end));
  }

  private LinkyClient client(RateLimits limits) {
    return client(limits, NOW);
  }

  private LinkyClient client(RateLimits limits, Instant now) {
    return builder(limits, now).build();
  }

  private LinkyClient.Builder builder(RateLimits limits, Instant now) {
    server.setDispatcher(enedis);
    time = new FakeTime(now);
    return LinkyClient.builder()
        .source(DataSource.CONSENT_PROXY)
        .baseUrl(server.url("/"))
        .tokenProvider(new FakeTokens())
        .clock(time)
        .sleeper(time)
        .rateLimits(limits)
        .random(new SplittableRandom(7));
  }
}
