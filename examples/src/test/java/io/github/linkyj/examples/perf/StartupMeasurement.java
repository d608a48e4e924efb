package io.github.linkyj.examples.perf;

import io.github.linkyj.core.testing.LoggedRequest;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Measures the start-up of the linky jar: the wall time of {@code linky --help}, of a {@code linky
 * sync} with nothing due (every day already written), and the time from the start of a {@code linky
 * sync} with an empty state to the first request that reaches the Enedis simulator. Run it from the
 * repository root after {@code mvn package}:
 *
 * <pre>
 * java -cp examples/target/linky.jar:linky-domoticz/target/test-classes:examples/target/test-classes \
 *     io.github.linkyj.examples.perf.StartupMeasurement [--runs N] [--warmup N] [--days N] \
 *     [--java-option OPTION]... [--cds FILE]
 * </pre>
 *
 * <p>The services are those of {@link LocalServices}. Each measured command is a new JVM, timed
 * from just before the process starts to its exit. {@code --java-option} adds an option to every
 * measured JVM. {@code --cds FILE} uses an application class-data sharing archive: when FILE does
 * not exist, one sync with nothing due creates it ({@code -XX:ArchiveClassesAtExit}) before the
 * measured runs, which then use {@code -XX:SharedArchiveFile=FILE}.
 */
public final class StartupMeasurement {
  private static final Duration FIRST_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final LocalServices services;
  private final List<String> javaOptions;
  private final int warmup;
  private final int runs;

  private StartupMeasurement(
      LocalServices services, List<String> javaOptions, int warmup, int runs) {
    this.services = services;
    this.javaOptions = javaOptions;
    this.warmup = warmup;
    this.runs = runs;
  }

  /**
   * Runs the measurement and prints its figures.
   *
   * @param args {@code --runs N} timed runs per command (default 10), {@code --warmup N} untimed
   *     runs before them (default 2), {@code --days N} the {@code days.history} of the first sync
   *     (default 730), {@code --java-option OPTION} (repeatable), {@code --cds FILE}, {@code --jar
   *     PATH} (default {@code examples/target/linky.jar})
   */
  public static void main(String[] args) throws Exception {
    int runs = 10;
    int warmup = 2;
    int days = 730;
    Path jar = Path.of("examples/target/linky.jar");
    Path archive = null;
    List<String> javaOptions = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(value(args, ++i));
        case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
        case "--days" -> days = Integer.parseInt(value(args, ++i));
        case "--java-option" -> javaOptions.add(value(args, ++i));
        case "--cds" -> archive = Path.of(value(args, ++i)).toAbsolutePath();
        case "--jar" -> jar = Path.of(value(args, ++i));
        default ->
            throw new IllegalArgumentException(
                "Unknown argument "
                    + args[i]
                    + "; expected --runs, --warmup, --days, --java-option, --cds or --jar");
      }
    }
    System.out.printf(
        "Started %s on %d cores, load average %s%n",
        Instant.now(), Runtime.getRuntime().availableProcessors(), loadAverage());
    Path work = Files.createTempDirectory("linky-startup");
    try (LocalServices services = LocalServices.start(jar, work, days)) {
      new StartupMeasurement(services, javaOptions, warmup, runs).measure(days, archive);
    }
    System.out.printf("Ended %s, load average %s%n", Instant.now(), loadAverage());
    System.out.println("Work directory (logs, config, state): " + work);
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value");
    }
    return args[index];
  }

  private void measure(int days, Path archive) throws Exception {
    long started = System.nanoTime();
    syncOrFail(List.of(), services.work.resolve("first-sync.log"));
    System.out.printf(
        "First sync (%d days of history): %.1f s%n", days, (System.nanoTime() - started) / 1e9);
    if (archive != null) {
      if (Files.notExists(archive)) {
        syncOrFail(
            List.of("-XX:ArchiveClassesAtExit=" + archive),
            services.work.resolve("archive-sync.log"));
        System.out.println("Created the class-data archive " + archive);
      }
      javaOptions.add("-XX:SharedArchiveFile=" + archive);
    }
    System.out.println("Options of the measured JVMs: " + javaOptions);

    report("linky --help", timeHelp());
    report("linky sync, nothing due", timeNoOpSync());
    report("linky sync, empty state, until the first Enedis request", timeFirstRequest());
  }

  private void syncOrFail(List<String> options, Path log) throws Exception {
    int status = services.runLinky(options, log, "sync", "--allow-night");
    if (status != 0) {
      throw new IllegalStateException("linky sync exited with " + status + "; see " + log);
    }
  }

  private double[] timeHelp() throws Exception {
    List<String> command = services.command(javaOptions, "--help");
    double[] millis = new double[runs];
    for (int i = -warmup; i < runs; i++) {
      long start = System.nanoTime();
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(Redirect.DISCARD)
              .redirectError(Redirect.DISCARD)
              .start();
      int status = waitFor(process);
      double elapsed = (System.nanoTime() - start) / 1e6;
      if (status != 0) {
        throw new IllegalStateException("linky --help exited with " + status);
      }
      if (i >= 0) {
        millis[i] = elapsed;
      }
    }
    return millis;
  }

  private double[] timeNoOpSync() throws Exception {
    double[] millis = new double[runs];
    int enedisBefore = services.simulator.requests().size();
    int domoticzBefore = services.domoticz.domoticz().requests().size();
    Path log = services.work.resolve("noop-sync.log");
    for (int i = -warmup; i < runs; i++) {
      long start = System.nanoTime();
      int status = services.runLinky(javaOptions, log, "sync", "--allow-night");
      double elapsed = (System.nanoTime() - start) / 1e6;
      if (status != 0) {
        throw new IllegalStateException("linky sync exited with " + status + "; see " + log);
      }
      if (i >= 0) {
        millis[i] = elapsed;
      }
    }
    int syncs = warmup + runs;
    System.out.printf(
        "Requests per sync with nothing due: Enedis simulator %.1f, Domoticz %.1f%n",
        (services.simulator.requests().size() - enedisBefore) / (double) syncs,
        (services.domoticz.domoticz().requests().size() - domoticzBefore) / (double) syncs);
    return millis;
  }

  private double[] timeFirstRequest() throws Exception {
    double[] millis = new double[runs];
    for (int i = -warmup; i < runs; i++) {
      Path state = Files.createDirectories(services.work.resolve("cold-" + (i + warmup)));
      Files.copy(services.stateDir.resolve("token.json"), state.resolve("token.json"));
      List<String> command =
          services.command(
              javaOptions,
              "sync",
              "--allow-night",
              "--config",
              services.config.toString(),
              "--state-dir",
              state.toString());
      int before = services.simulator.requests().size();
      Instant start = Instant.now();
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(state.resolve("sync.log").toFile())
              .start();
      LoggedRequest first = awaitRequest(before, process);
      process.destroyForcibly();
      waitFor(process);
      if (i >= 0) {
        millis[i] = Duration.between(start, first.time()).toNanos() / 1e6;
      }
    }
    return millis;
  }

  private LoggedRequest awaitRequest(int before, Process process) throws InterruptedException {
    long deadline = System.nanoTime() + FIRST_REQUEST_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      List<LoggedRequest> requests = services.simulator.requests();
      if (requests.size() > before) {
        return requests.get(before);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "linky sync ended with " + process.exitValue() + " before any Enedis request");
      }
      Thread.sleep(5);
    }
    process.destroyForcibly();
    throw new IllegalStateException("No Enedis request within " + FIRST_REQUEST_TIMEOUT);
  }

  private static int waitFor(Process process) throws InterruptedException {
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("A measured linky process did not end within 2 min");
    }
    return process.exitValue();
  }

  private static void report(String name, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(millis).average().orElse(Double.NaN);
    double variance =
        Arrays.stream(millis).map(m -> (m - mean) * (m - mean)).sum()
            / Math.max(1, millis.length - 1);
    System.out.printf(
        Locale.ROOT,
        "%s: mean %.0f ms ± %.0f ms (standard deviation), median %.0f ms, min %.0f ms, max %.0f ms,"
            + " %d runs%n",
        name,
        mean,
        Math.sqrt(variance),
        sorted[sorted.length / 2],
        sorted[0],
        sorted[sorted.length - 1],
        millis.length);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
