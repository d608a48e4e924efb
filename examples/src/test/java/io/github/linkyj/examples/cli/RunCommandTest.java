package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.domoticz.FakeDomoticz;
import io.github.linkyj.domoticz.FakeDomoticzServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class RunCommandTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), Cli.PARIS);
  private static final Clock NIGHT = Clock.fixed(Instant.parse("2026-03-02T22:00:00Z"), Cli.PARIS);

  @TempDir Path dir;
  private FakeDomoticzServer domoticz;
  private Map<String, String> environment;
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void startDomoticz() throws Exception {
    domoticz = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(CLOCK).shortLogDays(7));
    environment = new HashMap<>();
    environment.put("LINKY_DOMOTICZ_URL", domoticz.url());
    environment.put("LINKY_STATE_DIR", dir.resolve("state").toString());
  }

  @AfterEach
  void stop() throws Exception {
    executor.shutdownNow();
    domoticz.close();
  }

  /** Starts {@code linky run} in the background, capturing its shutdown hooks. */
  private Future<Integer> start(String... args) {
    return start(CLOCK, args);
  }

  private Future<Integer> start(Clock clock, String... args) {
    CommandLine commandLine = LinkyCommand.commandLine(environment, clock, false);
    ((LinkyCommand) commandLine.getCommand())
        .shutdownHooks(
            (name, action) -> {
              hooks.add(action);
              return () -> hooks.remove(action);
            });
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return executor.submit(() -> commandLine.execute(args));
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Condition not met within 30 s");
      }
      Thread.sleep(20);
    }
  }

  @Test
  void sigtermStopsAfterCycleAndExitsZero() throws Exception {
    Future<Integer> run = start("run", "--debug", "sandbox-0");
    await(() -> out.toString().contains("Sync cycle ended COMPLETED"));

    hooks.get(0).run();

    assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString())
        .containsPattern(
            "Sync cycle ended COMPLETED; next run 2026-03-03 \\d\\d:\\d\\d:\\d\\d \\(Paris time\\)\n")
        .endsWith("Stopped after 1 sync cycle; the sync state is saved.\n");
    assertThat(hooks).isEmpty();
    try (var files = Files.list(dir.resolve("state"))) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".json"));
    }
  }

  @Test
  void stopDuringCycleReturnsAfterSave() throws Exception {
    Future<Integer> run = start("run", "--debug", "sandbox-0", "--days-history", "365");
    await(() -> !hooks.isEmpty() && !domoticz.domoticz().devices().isEmpty());

    hooks.get(0).run();
    String printedWhenHookReturned = out.toString();

    assertThat(printedWhenHookReturned).contains("; the sync state is saved.");
    assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void nightStartWaitsForMorning() throws Exception {
    Future<Integer> run = startAtNight("run", "--debug", "sandbox-0");
    await(() -> !hooks.isEmpty());

    hooks.get(0).run();

    assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).isEqualTo("Stopped after 0 sync cycles; the sync state is saved.\n");
    assertThat(domoticz.domoticz().devices()).isEmpty();
  }

  @Test
  void allowNightRunsFirstCycleAtOnce() throws Exception {
    Future<Integer> run = startAtNight("run", "--allow-night", "--debug", "sandbox-0");
    await(() -> out.toString().contains("Sync cycle ended"));

    hooks.get(0).run();

    assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString())
        .startsWith("Sync cycle ended COMPLETED; next run 2026-03-03 08:")
        .endsWith("Stopped after 1 sync cycle; the sync state is saved.\n");
    assertThat(domoticz.domoticz().devices()).isNotEmpty();
  }

  /** Starts {@code linky run} at 23:00 Paris time, with a fake Domoticz on the same clock. */
  private Future<Integer> startAtNight(String... args) throws Exception {
    domoticz.close();
    domoticz = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(NIGHT).shortLogDays(7));
    environment.put("LINKY_DOMOTICZ_URL", domoticz.url());
    return start(NIGHT, args);
  }

  @Test
  void missingConsentPostsCodeToDomoticzLog() throws Exception {
    try (EnedisSimulator simulator =
        EnedisSimulator.builder(CLOCK)
            .sandboxCustomer(0)
            .pollInterval(Duration.ofSeconds(1))
            .start()) {
      environment.put("LINKY_SOURCE_URL", simulator.baseUrl());
      environment.put("LINKY_SOURCE_CLIENT_ID", simulator.clientId());
      environment.put("LINKY_TOKEN_FILE", dir.resolve("token.json").toString());
      Future<Integer> run = start("run");
      await(() -> Files.exists(dir.resolve("token.json")));

      hooks.get(0).run();

      assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
      String code = simulator.lastUserCode().orElseThrow();
      String message =
          "To let Enedis share your Linky data, open "
              + simulator.baseUrl()
              + "device?code="
              + code
              + " and enter the code "
              + code;
      assertThat(out.toString()).contains("Sync cycle ended CONSENT_REQUIRED").contains(message);
      assertThat(domoticz.domoticz().logMessages()).anyMatch(m -> m.contains(message));
    }
  }
}
