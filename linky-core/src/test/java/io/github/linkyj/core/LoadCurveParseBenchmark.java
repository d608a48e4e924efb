package io.github.linkyj.core;

import io.github.linkyj.core.internal.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parses a recorded 7-day Enedis load curve response, 336 half-hour points, with the parser that
 * {@link LinkyClient} runs on each response body. The score is the time per response. The command
 * and the measured figures are in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LoadCurveParseBenchmark {
  private static final String RESPONSE =
      "/enedis/consumption_load_curve_2020-12-02_2020-12-09.json";

  private String body;

  @Setup
  public void readResponse() throws IOException, InvalidResponseException {
    try (InputStream in = LoadCurveParseBenchmark.class.getResourceAsStream(RESPONSE)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + RESPONSE);
      }
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int points = parse().intervals().size();
    if (points != 336) {
      throw new IllegalStateException("Expected 336 points in " + RESPONSE + ", parsed " + points);
    }
  }

  /** Parses the JSON text to a tree of maps and lists, the first step of {@link #parse()}. */
  @Benchmark
  public Object jsonTree() throws IOException {
    return JsonTree.parse(body);
  }

  /** Parses the JSON text to {@link MeteringData} with one {@link IntervalReading} per point. */
  @Benchmark
  public MeteringData parse() throws InvalidResponseException {
    return MeteringParser.parse(MeteringKind.CONSUMPTION_LOAD_CURVE, body);
  }

  /** Parses the JSON text and sums the interval energies of each local day. */
  @Benchmark
  public SortedMap<LocalDate, DayTotal> parseAndTotalByDay() throws InvalidResponseException {
    return LoadCurves.totalsByDay(parse().intervals());
  }
}
