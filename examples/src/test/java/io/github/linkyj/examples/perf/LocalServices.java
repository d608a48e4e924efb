package io.github.linkyj.examples.perf;

import io.github.linkyj.core.MeteringParser;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.domoticz.FakeDomoticz;
import io.github.linkyj.domoticz.FakeDomoticzServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Enedis simulator (sandbox customer 3: a consumption and a production usage point) and a fake
 * Domoticz on loopback in this process, with a {@code linky.conf} for them and the consent given by
 * a {@code linky consent} child process. The measurements run the linky jar as child processes
 * against them.
 */
final class LocalServices implements AutoCloseable {
  final EnedisSimulator simulator;
  final FakeDomoticzServer domoticz;
  final Path work;
  final Path config;
  final Path stateDir;
  private final Path jar;
  private final String java;

  private LocalServices(Path jar, Path work, int days) throws IOException {
    this.jar = jar;
    this.work = work;
    this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    this.simulator =
        EnedisSimulator.builder(Clock.system(MeteringParser.ENEDIS_ZONE))
            .sandboxCustomer(3)
            .pollInterval(Duration.ofSeconds(1))
            .approveAfterPolls(1)
            .start();
    // Domoticz takes its times from its machine's zone, as the linky process does.
    this.domoticz =
        new FakeDomoticzServer(
            FakeDomoticz.trustedNetwork(Clock.systemDefaultZone()).shortLogDays(7));
    this.stateDir = Files.createDirectories(work.resolve("state"));
    this.config = work.resolve("linky.conf");
    Files.write(
        config,
        List.of(
            "source = proxy",
            "source.url = " + simulator.baseUrl(),
            "source.client-id = " + simulator.clientId(),
            "state.dir = " + stateDir,
            "domoticz.url = " + domoticz.url(),
            "offpeak = 22h00-6h00",
            "days.hourly = 7",
            "days.history = " + days),
        StandardCharsets.UTF_8);
  }

  /**
   * Starts the services, writes the configuration into {@code work} and gives the consent.
   *
   * @param jar the linky jar
   * @param days the {@code days.history} setting
   */
  static LocalServices start(Path jar, Path work, int days)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar.toAbsolutePath() + " not found: run mvn -B -o -pl examples -am package first");
    }
    LocalServices services = new LocalServices(jar, work, days);
    try {
      services.consent();
      return services;
    } catch (IOException | InterruptedException | RuntimeException e) {
      services.close();
      throw e;
    }
  }

  /** Returns the command {@code java OPTIONS -jar JAR ARGS}. */
  List<String> command(List<String> javaOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(javaOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Runs {@code linky ARGS} with this configuration, output to {@code log}, and waits for it. */
  int runLinky(List<String> javaOptions, Path log, String... args)
      throws IOException, InterruptedException {
    List<String> linkyArgs = new ArrayList<>(List.of(args));
    linkyArgs.add("--config");
    linkyArgs.add(config.toString());
    Process process =
        new ProcessBuilder(command(javaOptions, linkyArgs.toArray(String[]::new)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("linky " + String.join(" ", args) + " did not end in 10 min");
    }
    return process.exitValue();
  }

  private void consent() throws IOException, InterruptedException {
    Path log = work.resolve("consent.log");
    if (runLinky(List.of(), log, "consent") != 0) {
      throw new IllegalStateException("linky consent failed; see " + log + " for its output");
    }
  }

  @Override
  public void close() throws IOException {
    try {
      domoticz.close();
    } finally {
      simulator.close();
    }
  }
}
