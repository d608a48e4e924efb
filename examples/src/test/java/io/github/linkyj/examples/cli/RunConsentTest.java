package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.auth.FileTokenStore;
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

/**
 * {@code linky run} when the consent is unusable at start: the service keeps running, says why on
 * standard output, asks for consent again when the source can, and stops cleanly on SIGTERM.
 */
@Timeout(60)
class RunConsentTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), Cli.PARIS);
  private static final String HOUSE = "22516914714270";

  @TempDir Path dir;
  private FakeDomoticzServer domoticz;
  private EnedisSimulator simulator;
  private Map<String, String> environment;
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
  private final StringWriter out = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    domoticz = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(CLOCK).shortLogDays(7));
    simulator =
        EnedisSimulator.builder(CLOCK)
            .sandboxCustomer(0)
            .pollInterval(Duration.ofSeconds(1))
            .approveAfterPolls(0)
            .start();
    environment = new HashMap<>();
    environment.put("LINKY_DOMOTICZ_URL", domoticz.url());
    environment.put("LINKY_STATE_DIR", dir.resolve("state").toString());
    environment.put("LINKY_SOURCE_URL", simulator.baseUrl());
    environment.put("LINKY_DAYS_HISTORY", "3");
  }

  @AfterEach
  void stop() throws Exception {
    executor.shutdownNow();
    simulator.close();
    domoticz.close();
  }

  private Future<Integer> run() {
    CommandLine commandLine = LinkyCommand.commandLine(environment, CLOCK, false);
    ((LinkyCommand) commandLine.getCommand())
        .shutdownHooks(
            (name, action) -> {
              hooks.add(action);
              return () -> hooks.remove(action);
            });
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));
    return executor.submit(() -> commandLine.execute("run"));
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
  void corruptTokenFileAsksConsentAgain() throws Exception {
    Path tokenFile = dir.resolve("token.json");
    Files.writeString(tokenFile, "{\"format\":1,\"access_token\":");
    environment.put("LINKY_SOURCE_CLIENT_ID", simulator.clientId());
    environment.put("LINKY_TOKEN_FILE", tokenFile.toString());
    Future<Integer> run = run();
    await(() -> out.toString().contains("Consent received") || hasTokens(tokenFile));

    hooks.get(0).run();

    assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString())
        .contains(
            "Sync cycle ended CONSENT_REQUIRED (Token file "
                + tokenFile
                + " is not valid JSON (End of input); delete it and give consent again, which"
                + " writes a new file)")
        .contains("To let Enedis share your Linky data, open " + simulator.baseUrl() + "device");
    assertThat(FileTokenStore.of(tokenFile).load().orElseThrow().usagePointIds()).contains(HOUSE);
    assertThat(simulator.requestCount("/data/proxy/")).isZero();
  }

  private static boolean hasTokens(Path tokenFile) {
    try {
      return FileTokenStore.of(tokenFile).load().isPresent();
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void expiredGatewayTokenKeepsRunningQuietly() throws Exception {
    environment.put("LINKY_SOURCE", "gateway");
    environment.put(
        "LINKY_GATEWAY_TOKEN",
        EnedisSimulator.mintGatewayToken(
            List.of(HOUSE), CLOCK.instant().minus(Duration.ofDays(2)), Duration.ofDays(1)));
    Future<Integer> run = run();
    await(() -> out.toString().contains("Sync cycle ended"));

    hooks.get(0).run();

    assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString())
        .contains(
            "Sync cycle ended CONSENT_REQUIRED (The gateway token expired at 2026-03-01T09:00:00Z")
        .endsWith("Stopped after 1 sync cycle; the sync state is saved.\n");
    assertThat(simulator.requests()).isEmpty();
  }
}
