package io.github.linkyj.examples.perf;

import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.domoticz.FakeDevice;
import io.github.linkyj.domoticz.FakeDomoticzServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the live heap of the {@code linky run} service after a cold backfill of two usage
 * points, with the JVM's own tools. Run it from the repository root after {@code mvn package}:
 *
 * <pre>
 * java -cp examples/target/linky.jar:linky-domoticz/target/test-classes:examples/target/test-classes \
 *     io.github.linkyj.examples.perf.RunMemoryMeasurement [--xmx SIZE] [--days N]
 * </pre>
 *
 * <p>It starts the Enedis simulator serving sandbox customer 3 (a consumption and a production
 * usage point) and a fake Domoticz, both on loopback in this process. It then runs {@code java -jar
 * examples/target/linky.jar consent} and {@code ... run} as child processes, waits for the first
 * sync cycle to end, and reads the heap of the {@code run} process with {@code jcmd}: {@code
 * GC.heap_info}, then {@code GC.run} (a full collection) and {@code GC.heap_info} again, then
 * {@code GC.class_histogram} (the live objects after another full collection). It ends the service
 * with SIGTERM and checks that it stops with exit status 143.
 *
 * <p>The service runs with {@code --allow-night}, so the first cycle starts at once at any hour.
 */
public final class RunMemoryMeasurement {
  private static final Duration CYCLE_TIMEOUT = Duration.ofMinutes(10);
  private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");
  private static final Pattern GC_AFTER =
      Pattern.compile("Pause (Young|Full|Remark|Cleanup).*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private final Path jar;
  private final String maxHeap;
  private final int days;
  private final Path work;
  private final String jcmd;

  private RunMemoryMeasurement(Path jar, String maxHeap, int days, Path work) {
    this.jar = jar;
    this.maxHeap = maxHeap;
    this.days = days;
    this.work = work;
    this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
  }

  /**
   * Runs the measurement and prints its figures.
   *
   * @param args {@code --xmx SIZE} sets {@code -Xmx} of the service (default: the JVM's default),
   *     {@code --days N} sets {@code days.history} (default 730), {@code --jar PATH} names the
   *     linky jar (default {@code examples/target/linky.jar})
   */
  public static void main(String[] args) throws Exception {
    String maxHeap = null;
    int days = 730;
    Path jar = Path.of("examples/target/linky.jar");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--xmx" -> maxHeap = value(args, ++i);
        case "--days" -> days = Integer.parseInt(value(args, ++i));
        case "--jar" -> jar = Path.of(value(args, ++i));
        default ->
            throw new IllegalArgumentException(
                "Unknown argument " + args[i] + "; expected --xmx SIZE, --days N or --jar PATH");
      }
    }
    Path work = Files.createTempDirectory("linky-memory");
    int status = new RunMemoryMeasurement(jar, maxHeap, days, work).measure();
    System.exit(status);
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value");
    }
    return args[index];
  }

  private int measure() throws Exception {
    try (LocalServices services = LocalServices.start(jar, work, days)) {
      return measureRun(services);
    }
  }

  private int measureRun(LocalServices services) throws Exception {
    List<String> javaOptions = new ArrayList<>();
    if (maxHeap != null) {
      javaOptions.add("-Xmx" + maxHeap);
    }
    Path gcLog = work.resolve("gc.log");
    javaOptions.add("-Xlog:gc:file=" + gcLog);
    List<String> command =
        services.command(
            javaOptions, "run", "--allow-night", "--config", services.config.toString());
    System.out.println("Service command: " + String.join(" ", command));

    long started = System.nanoTime();
    Path stdout = work.resolve("run-stdout.log");
    Process run =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(work.resolve("run-stderr.log").toFile())
            .start();

    String cycleLine = awaitCycleEnd(run, stdout);
    double cycleSeconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("First cycle: %s (%.1f s after start)%n", cycleLine, cycleSeconds);
    if (!cycleLine.startsWith("Sync cycle ended COMPLETED")) {
      run.destroy();
      throw new IllegalStateException(
          "The first cycle did not complete; see " + work.resolve("run-stderr.log"));
    }
    printServices(services);
    long errors =
        Files.readAllLines(work.resolve("run-stderr.log"), StandardCharsets.UTF_8).stream()
            .filter(line -> line.contains(" ERROR "))
            .count();
    System.out.println("ERROR lines in the service log: " + errors);

    long pid = run.pid();
    String before = jcmd(pid, "GC.heap_info");
    String gc = jcmd(pid, "GC.run");
    String after = jcmd(pid, "GC.heap_info");
    String histogram = jcmd(pid, "GC.class_histogram");
    String rss = residentSetSize(pid);

    int exit = stop(run);
    printReport(before, gc, after, histogram, rss, gcLog);
    System.out.println("Service exit status after SIGTERM: " + exit + " (expected 143)");
    System.out.println("Service output: " + Files.readAllLines(stdout, StandardCharsets.UTF_8));
    System.out.println("Work directory (logs, config, state): " + work);
    return exit == 143 ? 0 : 1;
  }

  /** Returns the first "Sync cycle ended" line that the service prints. */
  private static String awaitCycleEnd(Process run, Path stdout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + CYCLE_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
        if (line.startsWith("Sync cycle ended")) {
          return line;
        }
      }
      if (!run.isAlive()) {
        throw new IllegalStateException(
            "linky run ended with status " + run.exitValue() + " before its first cycle");
      }
      Thread.sleep(500);
    }
    run.destroy();
    throw new IllegalStateException("The first sync cycle did not end within " + CYCLE_TIMEOUT);
  }

  private static void printServices(LocalServices services) {
    EnedisSimulator simulator = services.simulator;
    FakeDomoticzServer domoticz = services.domoticz;
    System.out.println("Usage points: " + simulator.usagePointIds());
    System.out.println("Requests received by the simulator: " + simulator.requests().size());
    System.out.println(
        "Requests received by the fake Domoticz: " + domoticz.domoticz().requests().size());
    for (FakeDevice device : domoticz.domoticz().devices().values()) {
      System.out.printf(
          "Device %s: %d day rows (%s to %s), %d hourly points%n",
          device.name(),
          device.dayRows().size(),
          device.dayRows().isEmpty() ? "-" : device.dayRows().firstKey(),
          device.dayRows().isEmpty() ? "-" : device.dayRows().lastKey(),
          device.shortLog().size());
    }
  }

  private String jcmd(long pid, String command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + text);
    }
    Files.writeString(work.resolve("jcmd-" + command + ".txt"), text, StandardCharsets.UTF_8);
    return text;
  }

  private static String residentSetSize(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return line.substring("VmRSS:".length()).strip();
        }
      }
      return "unknown";
    } catch (IOException | UncheckedIOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static int stop(Process run) throws InterruptedException {
    run.destroy();
    if (!run.waitFor(60, TimeUnit.SECONDS)) {
      run.destroyForcibly();
      throw new IllegalStateException("linky run did not stop within 60 s of SIGTERM");
    }
    return run.exitValue();
  }

  private static void printReport(
      String before, String gc, String after, String histogram, String rss, Path gcLog)
      throws IOException {
    System.out.println();
    System.out.println("Heap before the full collection (jcmd PID GC.heap_info):");
    System.out.print(indent(before));
    System.out.println("After jcmd PID GC.run, jcmd PID GC.heap_info:");
    System.out.print(indent(after));
    System.out.printf("Used after GC.run: %s KiB%n", usedKib(after));
    System.out.println("Resident set size of the process: " + rss);
    printHistogram(histogram);
    printGcLog(gcLog);
  }

  private static String usedKib(String heapInfo) {
    Matcher matcher = USED.matcher(heapInfo);
    long total = 0;
    boolean found = false;
    for (String line : heapInfo.split("\n")) {
      // Region and metaspace lines also contain "used"; only the heap and generation lines count.
      if (line.contains("Metaspace") || line.contains("class space") || line.contains("region")) {
        continue;
      }
      matcher.reset(line);
      if (matcher.find()) {
        total += Long.parseLong(matcher.group(1));
        found = true;
      }
    }
    return found ? Long.toString(total) : "unknown";
  }

  private static void printHistogram(String histogram) {
    String[] lines = histogram.split("\n");
    for (String line : lines) {
      Matcher total = HISTOGRAM_TOTAL.matcher(line.strip());
      if (total.find()) {
        long bytes = Long.parseLong(total.group(2));
        System.out.printf(
            "Live objects (jcmd PID GC.class_histogram): %s instances, %d bytes = %.1f MiB%n",
            total.group(1), bytes, bytes / (1024.0 * 1024.0));
      }
    }
    System.out.println("Largest classes by live bytes:");
    for (int i = 1; i < Math.min(lines.length, 18); i++) {
      System.out.println("  " + lines[i].strip());
    }
  }

  private static void printGcLog(Path gcLog) throws IOException {
    long maxAfter = 0;
    long maxCommitted = 0;
    int pauses = 0;
    for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
      Matcher matcher = GC_AFTER.matcher(line);
      if (matcher.find()) {
        pauses++;
        maxAfter = Math.max(maxAfter, Long.parseLong(matcher.group(3)));
        maxCommitted = Math.max(maxCommitted, Long.parseLong(matcher.group(4)));
      }
    }
    System.out.printf(
        "GC log (-Xlog:gc): %d collections, largest heap after a collection %d MiB, largest"
            + " committed heap %d MiB%n",
        pauses, maxAfter, maxCommitted);
  }

  private static String indent(String text) {
    StringBuilder indented = new StringBuilder();
    for (String line : text.split("\n")) {
      indented.append("  ").append(line).append('\n');
    }
    return indented.toString();
  }
}
