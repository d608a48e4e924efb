package io.github.linkyj.domoticz;

import io.github.linkyj.core.DataSource;
import io.github.linkyj.core.InvalidResponseException;
import io.github.linkyj.core.LinkyClient;
import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.MeteringData;
import io.github.linkyj.core.MeteringKind;
import io.github.linkyj.core.MeteringParser;
import io.github.linkyj.core.RateLimits;
import io.github.linkyj.core.auth.ClientCredentialsConfig;
import io.github.linkyj.core.auth.ClientCredentialsTokenProvider;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.core.testing.MeterProfile;
import io.github.linkyj.domoticz.sync.DateRange;
import io.github.linkyj.domoticz.sync.DayEnergy;
import io.github.linkyj.domoticz.sync.Direction;
import io.github.linkyj.domoticz.sync.EnergyAggregator;
import io.github.linkyj.domoticz.sync.EnergyAggregator.DirectionInput;
import io.github.linkyj.domoticz.sync.LoadCurveInterval;
import io.github.linkyj.domoticz.sync.OffPeakMinutes;
import io.github.linkyj.offpeak.OffPeakSchedule;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Turns the 105 load-curve responses of a 730-day backfill of one consumption usage point into day
 * energies, as each batch of a sync does. For each response it parses the body, builds the
 * intervals, finds the days the curve does not cover, and aggregates the peak and off-peak energy
 * of each day and hour. The responses are fetched once, before the measurement, from the Enedis
 * simulator on loopback by a {@link LinkyClient} that splits the 730 days into 7-day requests. The
 * score is the time for all 105 responses. The command and the measured figures are in
 * docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BackfillEnergyBenchmark {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String USAGE_POINT = "12345678901234";
  private static final int DAYS = 730;
  private static final int RESPONSES = 105;

  /** The off-peak schedule: none (base tariff) or one with weekday, week-end and holiday lists. */
  @Param({"none", "weekly"})
  public String schedule;

  private final List<Response> responses = new ArrayList<>();
  private OffPeakMinutes offPeak;

  /** One load-curve response body and the days it was requested for. */
  private record Response(DateRange days, String body) {}

  @Setup
  public void fetchResponses() throws IOException, LinkyException {
    Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), PARIS);
    try (EnedisSimulator simulator =
        EnedisSimulator.builder(clock)
            .usagePoint(USAGE_POINT, MeterProfile.consumption())
            .start()) {
      LocalDate today = LocalDate.now(clock);
      client(simulator, clock).consumptionLoadCurve(USAGE_POINT, today.minusDays(DAYS), today);
    }
    if (responses.size() != RESPONSES) {
      throw new IllegalStateException(
          "Expected " + RESPONSES + " load-curve responses, received " + responses.size());
    }
    OffPeakSchedule offPeakSchedule =
        schedule.equals("weekly")
            ? OffPeakSchedule.parse("22h00-6h00 12h30-14h30 sa di fériés 0h00-24h00")
            : OffPeakSchedule.none();
    offPeak =
        LoadCurveInputs.offPeakMinutes(offPeakSchedule, USAGE_POINT, Direction.CONSUMPTION, PARIS);
  }

  private LinkyClient client(EnedisSimulator simulator, Clock clock) {
    ClientCredentialsTokenProvider tokens =
        ClientCredentialsTokenProvider.builder(
                ClientCredentialsConfig.of(
                    simulator.baseUrl(),
                    simulator.enedisClientId(),
                    simulator.enedisClientSecret()))
            .clock(clock)
            .build();
    return LinkyClient.builder()
        .source(DataSource.ENEDIS_DIRECT)
        .baseUrl(simulator.baseUrl())
        .tokenProvider(tokens)
        .clock(clock)
        .zone(PARIS)
        .rateLimits(RateLimits.of(1000, 100_000))
        .responseListener(
            (kind, id, start, end, json) ->
                responses.add(new Response(DateRange.of(start, end), json)))
        .build();
  }

  /** Parses the 105 response bodies to {@link MeteringData}, without the later steps. */
  @Benchmark
  public void parse730Days(Blackhole blackhole) throws InvalidResponseException {
    for (Response response : responses) {
      blackhole.consume(parse(response));
    }
  }

  /** Parses, classifies and totals the 105 responses into the energy of each day and hour. */
  @Benchmark
  public int parseClassifyAndTotal730Days(Blackhole blackhole) throws InvalidResponseException {
    EnergyAggregator aggregator = new EnergyAggregator(PARIS);
    int days = 0;
    for (Response response : responses) {
      List<LoadCurveInterval> curve = LoadCurveInputs.intervals(parse(response));
      List<LocalDate> notCovered =
          aggregator.daysNotCovered(USAGE_POINT, Direction.CONSUMPTION, response.days(), curve);
      SortedMap<LocalDate, DayEnergy> energies =
          aggregator.aggregate(
              USAGE_POINT, new DirectionInput(curve, List.of(), offPeak), DirectionInput.EMPTY);
      blackhole.consume(notCovered);
      blackhole.consume(energies);
      days += energies.size();
    }
    return days;
  }

  private static MeteringData parse(Response response) throws InvalidResponseException {
    return MeteringParser.parse(MeteringKind.CONSUMPTION_LOAD_CURVE, response.body(), PARIS);
  }
}
