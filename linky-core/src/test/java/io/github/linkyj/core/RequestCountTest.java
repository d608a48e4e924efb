package io.github.linkyj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.linkyj.core.TestSupport.FakeTime;
import io.github.linkyj.core.TestSupport.FakeTokens;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Counts the requests one usage point costs, for docs/benchmarks.md. Run with {@code mvn -B -pl
 * linky-core test -Dtest=RequestCountTest}; each test prints its count.
 */
@Timeout(60)
class RequestCountTest {
  private static final String PRM = "22516914714270";
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
  private static final Set<MeteringKind> CONSUMPTION =
      EnumSet.of(
          MeteringKind.DAILY_CONSUMPTION,
          MeteringKind.CONSUMPTION_LOAD_CURVE,
          MeteringKind.DAILY_CONSUMPTION_MAX_POWER);
  private static final Set<MeteringKind> PRODUCTION =
      EnumSet.of(MeteringKind.DAILY_PRODUCTION, MeteringKind.PRODUCTION_LOAD_CURVE);

  private final MockWebServer server = TestSupport.server();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void coldBackfillConsumptionOnly() throws Exception {
    int count = count(new GeneratedEnedis(), CONSUMPTION, 730);

    report("cold 730-day backfill, consumption only", count);
    assertThat(count).isEqualTo(2 + 105 + 2);
  }

  @Test
  void coldBackfillWithProduction() throws Exception {
    Set<MeteringKind> all = EnumSet.copyOf(CONSUMPTION);
    all.addAll(PRODUCTION);

    int count = count(new GeneratedEnedis(), all, 730);

    report("cold 730-day backfill, consumption and production", count);
    assertThat(count).isEqualTo(2 + 105 + 2 + 2 + 105);
  }

  @Test
  void coldBackfillOfPluginSeries() throws Exception {
    Set<MeteringKind> pluginSeries =
        EnumSet.of(
            MeteringKind.CONSUMPTION_LOAD_CURVE,
            MeteringKind.DAILY_CONSUMPTION_MAX_POWER,
            MeteringKind.PRODUCTION_LOAD_CURVE);

    int count = count(new GeneratedEnedis(), pluginSeries, 730);

    report("cold 730-day backfill, the original plugin's three series", count);
    assertThat(count).isEqualTo(105 + 2 + 105);
  }

  @Test
  void consumptionMeterProbedForProduction() throws Exception {
    GeneratedEnedis enedis =
        new GeneratedEnedis(
            r -> r.kind().isProduction() ? GeneratedEnedis.error(400, "ADAM-ERR0069") : null);
    LinkyClient client = client(enedis);

    for (MeteringKind kind : PRODUCTION) {
      assertThatThrownBy(() -> client.fetch(kind, PRM, TODAY.minusDays(730), TODAY))
          .isInstanceOf(WrongDirectionException.class);
    }
    int count = enedis.requests.size() + count(new GeneratedEnedis(), CONSUMPTION, 730);

    report("cold 730-day backfill, consumption meter probed for production", count);
    assertThat(count).isEqualTo(2 + 109);
  }

  @Test
  void warmDailySyncConsumptionOnly() throws Exception {
    int count = count(new GeneratedEnedis(), CONSUMPTION, 1);

    report("warm daily sync, consumption only", count);
    assertThat(count).isEqualTo(3);
  }

  @Test
  void warmDailySyncWithProduction() throws Exception {
    Set<MeteringKind> all = EnumSet.copyOf(CONSUMPTION);
    all.addAll(PRODUCTION);

    int count = count(new GeneratedEnedis(), all, 1);

    report("warm daily sync, consumption and production", count);
    assertThat(count).isEqualTo(5);
  }

  /** Fetches the last {@code days} days of each kind and returns the number of requests. */
  private int count(GeneratedEnedis enedis, Set<MeteringKind> kinds, int days) throws Exception {
    LinkyClient client = client(enedis);
    for (MeteringKind kind : kinds) {
      MeteringData data = client.fetch(kind, PRM, TODAY.minusDays(days), TODAY);
      assertThat(data.start()).isEqualTo(TODAY.minusDays(days));
    }
    return enedis.requests.size();
  }

  private LinkyClient client(GeneratedEnedis enedis) {
    server.setDispatcher(enedis);
    FakeTime time = new FakeTime(NOW);
    return LinkyClient.builder()
        .source(DataSource.CONSENT_PROXY)
        .baseUrl(server.url("/"))
        .tokenProvider(new FakeTokens())
        .clock(time)
        .sleeper(time)
        .build();
  }

  private static void report(String scenario, int count) {
    System.out.println("Requests per usage point, " + scenario + ": " + count);
  }
}
