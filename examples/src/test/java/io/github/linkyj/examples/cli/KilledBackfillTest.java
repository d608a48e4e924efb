package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.domoticz.DomoticzAuth;
import io.github.linkyj.domoticz.DomoticzClient;
import io.github.linkyj.domoticz.FakeDomoticz;
import io.github.linkyj.domoticz.FakeDomoticzServer;
import io.github.linkyj.domoticz.P1Device;
import io.github.linkyj.domoticz.sync.DaySet;
import io.github.linkyj.examples.cli.DomoticzProxy.Exchange;
import io.github.linkyj.examples.cli.DomoticzProxy.Landing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real {@code linky sync} process with SIGKILL at random points of a 730-day backfill,
 * several times, then lets it finish, and checks that the Domoticz history equals the history of an
 * uninterrupted run into another hardware.
 *
 * <p>The test JVM runs the Enedis simulator (sandbox customer 3: a consumption point and a
 * production point, merged into a third meter) and the Domoticz servers. Each {@code linky sync} is
 * a child JVM configured by a file, like a user's. A {@link DomoticzProxy} in front of Domoticz
 * kills the child at a chosen request; a watch on the state directory kills it while it writes the
 * sync state. The kill points come from a seed, printed at the start: {@code -Dlinky.kill.seed=N}
 * replays seed N, and {@code -Dlinky.kill.seed=random} draws a new one.
 *
 * <p>With {@code DOMOTICZ_URL} set (and optionally {@code DOMOTICZ_USER}, {@code
 * DOMOTICZ_PASSWORD}), {@link #killedBackfillOnLiveDomoticz} runs the same scenario against that
 * Domoticz, on two new hardware with unique names, which it leaves in place.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KilledBackfillTest {
  /**
   * The seed of the build. Every seed kills once in the set-up of the first run, once inside a
   * state write and once among the rows of each of the three meters.
   */
  private static final long BUILD_SEED = 20261204L;

  /** 09:20 in Paris, so no run reaches the night pause or crosses an hour of the short log. */
  private static final Instant START = Instant.parse("2026-03-02T08:20:00Z");

  private static final String C = "12345678901234";
  private static final String P = "10284856584123";
  private static final List<String> DEVICES =
      List.of(P1Device.nameFor(C), P1Device.nameFor(P), P1Device.nameFor(C, P));
  private static final Map<String, String> METER_OF_DEVICE =
      Map.of(DEVICES.get(0), C, DEVICES.get(1), P, DEVICES.get(2), C + " / " + P);

  /** Kills at history rows spread over the backfill, after the set-up and state-write kills. */
  private static final int ROW_KILLS = 4;

  /** Attempts at landing a kill inside a state write before the test gives up on it. */
  private static final int STATE_WRITE_ATTEMPTS = 4;

  /** The short-log retention of the fake Domoticz, as long as the 7 days of hourly points. */
  private static final int FAKE_SHORT_LOG_DAYS = 7;

  @TempDir Path dir;

  @Test
  void killedBackfillEqualsUninterrupted() throws Exception {
    Clock clock = Clock.offset(Clock.system(Cli.PARIS), Duration.between(Instant.now(), START));
    try (FakeDomoticzServer killed = fake(clock);
        FakeDomoticzServer reference = fake(clock)) {
      long seed = seed();
      Scenario scenario =
          new Scenario(seed, START, clock, DomoticzAuth.none(), Map.of(), FAKE_SHORT_LOG_DAYS);
      scenario.run(killed.url(), reference.url(), "Linky kill " + seed, "Linky reference " + seed);
    }
  }

  @Test
  void killedBackfillOnLiveDomoticz() throws Exception {
    String url = System.getenv("DOMOTICZ_URL");
    assumeTrue(
        url != null && !url.isBlank(),
        "DOMOTICZ_URL is not set: set it (and optionally DOMOTICZ_USER, DOMOTICZ_PASSWORD) to"
            + " kill a 730-day backfill into a live Domoticz");
    Map<String, String> login = new HashMap<>();
    DomoticzAuth auth = DomoticzAuth.none();
    String user = System.getenv("DOMOTICZ_USER");
    if (user != null && !user.isBlank()) {
      String password = System.getenv().getOrDefault("DOMOTICZ_PASSWORD", "");
      auth = DomoticzAuth.session(user, password);
      login.put("LINKY_DOMOTICZ_AUTH", "session");
      login.put("LINKY_DOMOTICZ_USER", user);
      login.put("LINKY_DOMOTICZ_PASSWORD", password);
    }
    // A live Domoticz keeps its own time, so the children and the simulator use the real clock.
    Clock clock = Clock.system(Cli.PARIS);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    int shortLogDays = DomoticzClient.builder(url).auth(auth).clock(clock).build().shortLogDays();
    Scenario scenario = new Scenario(seed(), null, clock, auth, login, shortLogDays);
    scenario.run(url, url, "Linky kill " + tag, "Linky reference " + tag);
  }

  private static FakeDomoticzServer fake(Clock clock) throws IOException {
    return new FakeDomoticzServer(
        FakeDomoticz.trustedNetwork(clock).shortLogDays(FAKE_SHORT_LOG_DAYS));
  }

  private static long seed() {
    String property = System.getProperty("linky.kill.seed");
    long seed;
    if (property == null || property.isBlank()) {
      seed = BUILD_SEED;
    } else if (property.equals("random")) {
      seed = new Random().nextLong() & Long.MAX_VALUE;
    } else {
      seed = Long.parseLong(property);
    }
    System.out.println(
        "KilledBackfillTest seed " + seed + " (replay: -Dlinky.kill.seed=" + seed + ")");
    return seed;
  }

  /**
   * Where one run of the killed sequence is killed: at a request number of the run, at a number of
   * distinct history rows written by all runs so far, or at the n-th state save of the run.
   */
  private record Kill(int request, int row, int stateWrite, Landing landing) {
    @Override
    public String toString() {
      if (stateWrite > 0) {
        return "state write " + stateWrite;
      }
      return (request > 0 ? "request " + request : "row " + row) + " " + landing;
    }
  }

  /** One scenario: the killed sequence and the reference run, then the comparison. */
  private final class Scenario {
    private final long seed;
    private final Instant start;
    private final Clock clock;
    private final DomoticzAuth auth;
    private final Map<String, String> login;
    private final List<String> landings = new ArrayList<>();
    private final int rows;
    private final Kill setUpKill;
    private final List<Kill> stateWriteKills = new ArrayList<>();
    private final List<Kill> rowKills = new ArrayList<>();

    /**
     * Creates the scenario and draws its kills from the seed. The first run dies at a request of
     * its set-up, the next ones at state saves until one kill lands inside the write. Then come one
     * row among the rows of each meter, which the sync writes one after the other, and one row
     * anywhere.
     */
    Scenario(
        long seed,
        Instant start,
        Clock clock,
        DomoticzAuth auth,
        Map<String, String> login,
        int shortLogDays) {
      this.seed = seed;
      this.start = start;
      this.clock = clock;
      this.auth = auth;
      this.login = login;

      Random random = new Random(seed);
      int meterRows = historyRows(clock, shortLogDays);
      this.rows = 3 * meterRows;
      this.setUpKill = new Kill(1 + random.nextInt(25), 0, 0, landing(random));
      for (int attempt = 0; attempt < STATE_WRITE_ATTEMPTS; attempt++) {
        stateWriteKills.add(new Kill(0, 0, 1 + random.nextInt(3), null));
      }
      TreeSet<Integer> targets = new TreeSet<>();
      for (int meter = 0; meter < 3; meter++) {
        targets.add(1 + meter * meterRows + random.nextInt(meterRows - 10));
      }
      while (targets.size() < ROW_KILLS) {
        targets.add(1 + random.nextInt(rows - 10));
      }
      for (int row : targets) {
        rowKills.add(new Kill(0, row, 0, landing(random)));
      }
    }

    void run(String killedUrl, String referenceUrl, String killedHardware, String referenceHardware)
        throws Exception {
      try (EnedisSimulator simulator =
              EnedisSimulator.builder(clock)
                  .sandboxCustomer(3)
                  .pollInterval(Duration.ofSeconds(1))
                  .approveAfterPolls(0)
                  .start();
          DomoticzProxy killedProxy = new DomoticzProxy(killedUrl);
          DomoticzProxy referenceProxy = new DomoticzProxy(referenceUrl)) {
        Path killedConfig = configure("killed", simulator, killedProxy.url(), killedHardware);
        Path referenceConfig =
            configure("reference", simulator, referenceProxy.url(), referenceHardware);

        referenceProxy.watch();
        Process reference = launch(referenceConfig, dir.resolve("reference.log"));
        List<Map<String, DaySet>> saved = killRepeatedly(killedConfig, killedProxy);
        assertThat(reference.waitFor(3, TimeUnit.MINUTES)).as("reference run ended").isTrue();
        assertThat(reference.exitValue()).as(log("reference")).isZero();
        assertThat(referenceProxy.rowsWritten()).as("rows of the reference run").isEqualTo(rows);

        compare(killedUrl, killedHardware, referenceUrl, referenceHardware);
        checkNothingDoubled(killedUrl, killedHardware, killedProxy.exchanges(), saved);
        assertThat(leftoverTempFiles(dir.resolve("killed")))
            .as("temporary files left in the state directory")
            .isEmpty();
      }
    }

    private Path configure(
        String name, EnedisSimulator simulator, String domoticzUrl, String hardwareName)
        throws Exception {
      Path state = Files.createDirectories(dir.resolve(name));
      Path config = dir.resolve(name + ".conf");
      Files.writeString(
          config,
          String.join(
              "\n",
              "source = proxy",
              "source.url = " + simulator.baseUrl(),
              "source.client-id = " + simulator.clientId(),
              "state.dir = " + state,
              "domoticz.url = " + domoticzUrl,
              "domoticz.hardware = " + hardwareName,
              "offpeak = 22h00-6h00",
              "days.history = 730",
              "days.hourly = 7",
              ""));
      Cli.Result consent = Cli.run(Map.of("LINKY_CONFIG", config.toString()), clock, "consent");
      assertThat(consent.exitCode()).as(consent.err()).isZero();
      return config;
    }

    private Process launch(Path config, Path log) throws IOException {
      Map<String, String> environment = new HashMap<>(login);
      environment.put("LINKY_CONFIG", config.toString());
      return LinkyProcess.start(start, environment, log, "sync", "--verbose", "--allow-night");
    }

    private static Landing landing(Random random) {
      return random.nextBoolean() ? Landing.BEFORE_DOMOTICZ : Landing.AFTER_DOMOTICZ;
    }

    /**
     * Returns the kill of run {@code run}: first a request of the set-up (hardware and devices),
     * then state saves until one kill lands inside the write, then the rows, then none.
     */
    private Kill nextKill(int run, boolean landedInStateWrite, int stateWrites, int rowsKilled) {
      if (run == 0) {
        return setUpKill;
      }
      if (!landedInStateWrite) {
        return stateWrites < stateWriteKills.size() ? stateWriteKills.get(stateWrites) : null;
      }
      return rowsKilled < rowKills.size() ? rowKills.get(rowsKilled) : null;
    }

    /**
     * Runs the killed sequence until a run ends by itself, and returns the days that the sync state
     * recorded as written after each kill.
     */
    private List<Map<String, DaySet>> killRepeatedly(Path config, DomoticzProxy proxy)
        throws Exception {
      Path state = dir.resolve("killed");
      List<Map<String, DaySet>> saved = new ArrayList<>();
      int stateWrites = 0;
      int rowsKilled = 0;
      boolean landedInStateWrite = false;
      long began = System.nanoTime();
      for (int run = 0; ; run++) {
        Kill kill = nextKill(run, landedInStateWrite, stateWrites, rowsKilled);
        Path log = dir.resolve("killed-" + run + ".log");
        Set<Path> before = leftoverTempFiles(state);
        Process child = launch(config, log);
        if (kill == null) {
          proxy.watch();
        } else if (kill.stateWrite() > 0) {
          proxy.watch();
          stateWrites++;
          killAtStateWrite(child, state, kill.stateWrite());
        } else if (kill.request() > 0) {
          proxy.killAtRequest(child, kill.request(), kill.landing());
        } else {
          rowsKilled++;
          // The set-up and state-write runs may have written past a target in the first meter.
          kill = new Kill(0, Math.max(kill.row(), proxy.rowsWritten() + 1), 0, kill.landing());
          proxy.killAtRow(child, kill.row(), kill.landing());
        }
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("run " + run + " ended").isTrue();
        int exit = child.exitValue();
        String elapsed = (System.nanoTime() - began) / 1_000_000 + " ms";
        if (exit == 0) {
          landings.add("run " + run + ": completed at " + elapsed);
          System.out.println("Seed " + seed + ": " + String.join("; ", landings));
          assertThat(kill).as("run %d was to be killed at %s (seed %d)", run, kill, seed).isNull();
          assertThat(landedInStateWrite)
              .as("a kill landed inside a state write (seed %d): %s", seed, landings)
              .isTrue();
          assertThat(saved.size())
              .as("kills (seed %d): %s", seed, landings)
              .isGreaterThanOrEqualTo(6);
          return saved;
        }
        // 128 + 9: the JVM of the child ended by SIGKILL, not by an exit of its own.
        assertThat(exit)
            .as("exit of run %d (seed %d)\n%s", run, seed, log("killed-" + run))
            .isEqualTo(137);
        assertThat(kill).as("run %d killed without a plan", run).isNotNull();
        if (kill.stateWrite() > 0) {
          boolean inside = !before.containsAll(leftoverTempFiles(state));
          landedInStateWrite |= inside;
          landings.add(
              "run "
                  + run
                  + ": "
                  + kill
                  + (inside ? " (inside the write)" : " (after it)")
                  + " at "
                  + elapsed);
        } else {
          Exchange at = proxy.killedAt().orElseThrow();
          landings.add(
              "run " + run + ": " + kill + " = " + describe(at, kill.landing()) + " at " + elapsed);
        }
        saved.add(savedDays(state));
      }
    }

    private String describe(Exchange at, Landing landing) {
      HttpUrl url = at.url();
      String param = url.queryParameter("param");
      String sValue = url.queryParameter("svalue");
      return "request "
          + at.number()
          + " "
          + param
          + (url.queryParameter("idx") == null ? "" : " idx " + url.queryParameter("idx"))
          + (sValue == null ? "" : " " + sValue)
          + " "
          + landing;
    }

    private String log(String name) {
      try {
        String text = Files.readString(dir.resolve(name + ".log"));
        return name + " log:\n" + text.substring(Math.max(0, text.length() - 4000));
      } catch (IOException e) {
        return name + " log unreadable: " + e;
      }
    }

    /**
     * Reads the three devices of both hardware through the JSON API and requires the same day rows,
     * short log, dashboard value and raw graph results.
     */
    private void compare(
        String killedUrl, String killedHardware, String referenceUrl, String referenceHardware)
        throws Exception {
      DomoticzReadBack killed = new DomoticzReadBack(killedUrl, auth, clock, killedHardware);
      DomoticzReadBack reference =
          new DomoticzReadBack(referenceUrl, auth, clock, referenceHardware);
      LocalDate today = LocalDate.now(clock);
      for (String device : DEVICES) {
        DomoticzReadBack.History expected = reference.read(device, today.minusDays(731), today);
        DomoticzReadBack.History actual = killed.read(device, today.minusDays(731), today);
        assertThat(expected.dayRows()).as("%s reference day rows", device).hasSize(730);
        assertThat(expected.shortLog()).as("%s reference short log", device).isNotEmpty();
        assertThat(actual.dayRows())
            .as("%s day rows (seed %d)", device, seed)
            .containsExactlyElementsOf(expected.dayRows());
        assertThat(actual.shortLog())
            .as("%s short log (seed %d)", device, seed)
            .containsExactlyElementsOf(expected.shortLog());
        assertThat(actual.dashboard())
            .as("%s dashboard (seed %d)", device, seed)
            .isEqualTo(expected.dashboard());
      }
      assertThat(killed.deviceNames())
          .as("devices of the killed runs")
          .containsExactlyInAnyOrderElementsOf(DEVICES);
      assertThat(killed.graphs())
          .as("graph responses (seed %d)", seed)
          .containsExactlyElementsOf(reference.graphs());
      killed.assertNoDateTwice(today);
      reference.assertNoDateTwice(today);
    }

    /**
     * Checks the request log: a run after a kill never writes a day row that the sync state
     * recorded as written before the kill, so only the batch cut short is written again.
     */
    private void checkNothingDoubled(
        String url, String hardware, List<Exchange> exchanges, List<Map<String, DaySet>> saved)
        throws Exception {
      DomoticzReadBack readBack = new DomoticzReadBack(url, auth, clock, hardware);
      Map<String, String> meterOfIdx = new HashMap<>();
      for (String device : DEVICES) {
        meterOfIdx.put(Long.toString(readBack.device(device).idx()), METER_OF_DEVICE.get(device));
      }
      Map<String, Map<LocalDate, Integer>> writes = new TreeMap<>();
      for (Exchange exchange : exchanges) {
        String sValue = exchange.url().queryParameter("svalue");
        String meter = meterOfIdx.get(exchange.url().queryParameter("idx"));
        if (!"udevice".equals(exchange.url().queryParameter("param"))
            || sValue == null
            || meter == null
            || !exchange.forwarded()) {
          continue;
        }
        String[] fields = sValue.split(";");
        String date = fields[fields.length - 1];
        if (date.length() != 10) {
          continue;
        }
        LocalDate day = LocalDate.parse(date);
        writes.computeIfAbsent(meter, m -> new TreeMap<>()).merge(day, 1, Integer::sum);
        int run = exchange.run();
        if (run >= 2) {
          DaySet recorded = saved.get(run - 2).getOrDefault(meter, DaySet.empty());
          assertThat(recorded.contains(day))
              .as(
                  "run %d wrote the day row %s of %s again, which the state recorded (seed %d)",
                  run - 1, day, meter, seed)
              .isFalse();
        }
      }
      int kills = saved.size();
      writes.forEach(
          (meter, days) ->
              assertThat(days.values())
                  .as("day-row writes per date of %s (seed %d)", meter, seed)
                  .allSatisfy(n -> assertThat(n).isBetween(1, 1 + kills)));
    }
  }

  /**
   * Returns the days the sync state file records as written, per meter: for a usage point the days
   * refreshed by the running complete history, for a merged meter the days written to it.
   */
  private static Map<String, DaySet> savedDays(Path stateDirectory) throws IOException {
    Map<String, DaySet> days = new HashMap<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(stateDirectory)) {
      files = list.filter(p -> p.getFileName().toString().matches("linky-sync-.*\\.json")).toList();
    }
    if (files.isEmpty()) {
      return days;
    }
    assertThat(files).as("state files").hasSize(1);
    Map<String, Object> state =
        new Moshi.Builder()
            .build()
            .<Map<String, Object>>adapter(
                Types.newParameterizedType(Map.class, String.class, Object.class))
            .fromJson(Files.readString(files.get(0)));
    @SuppressWarnings("unchecked") // The state file maps usage point ids to objects.
    Map<String, Map<String, Object>> points =
        (Map<String, Map<String, Object>>) state.getOrDefault("usagePoints", Map.of());
    points.forEach(
        (id, point) -> {
          boolean merged = id.contains("/");
          DaySet set = DaySet.empty();
          for (String field :
              merged
                  ? List.of("consumptionDays", "productionDays")
                  : List.of("consumptionRefreshed", "productionRefreshed")) {
            @SuppressWarnings("unchecked") // Day sets are lists of "start/end" texts.
            List<String> ranges = (List<String>) point.get(field);
            if (ranges != null) {
              DaySet parsed = DaySet.parse(ranges);
              for (var range : parsed.ranges()) {
                set = set.plus(range);
              }
            }
          }
          days.put(id, set);
        });
    return days;
  }

  /**
   * Returns the history rows that a sync at the time of {@code clock} writes for one meter: 730 day
   * rows, and one hourly point per local end time of the 7 days before (the repeated autumn hour
   * has one), except the points that end before Domoticz's short-log retention, which the sync does
   * not send.
   */
  private static int historyRows(Clock clock, int shortLogDays) {
    LocalDate today = LocalDate.now(clock);
    LocalDateTime oldestKept = LocalDateTime.now(clock.withZone(Cli.PARIS)).minusDays(shortLogDays);
    Set<LocalDateTime> ends = new HashSet<>();
    ZonedDateTime end = today.minusDays(7).atStartOfDay(Cli.PARIS).plusHours(1);
    for (; !end.isAfter(today.atStartOfDay(Cli.PARIS)); end = end.plusHours(1)) {
      if (!end.toLocalDateTime().isBefore(oldestKept)) {
        ends.add(end.toLocalDateTime());
      }
    }
    return 730 + ends.size();
  }

  private static Set<Path> leftoverTempFiles(Path stateDirectory) throws IOException {
    if (!Files.isDirectory(stateDirectory)) {
      return Set.of();
    }
    try (Stream<Path> list = Files.list(stateDirectory)) {
      return Set.copyOf(list.filter(p -> p.toString().endsWith(".tmp")).toList());
    }
  }

  /**
   * Kills {@code child} right after it creates the temporary file of its {@code write}-th state
   * save (from 1), which is while it writes the state or moves it into place. Returns at once; a
   * background thread waits for the save.
   */
  private static void killAtStateWrite(Process child, Path stateDirectory, int write)
      throws IOException {
    WatchService watch = stateDirectory.getFileSystem().newWatchService();
    stateDirectory.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
    Thread watcher =
        new Thread(
            () -> {
              int seen = 0;
              try (watch) {
                while (child.isAlive()) {
                  WatchKey key = watch.poll(100, TimeUnit.MILLISECONDS);
                  if (key == null) {
                    continue;
                  }
                  for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name
                        && name.toString().endsWith(".tmp")
                        && ++seen == write) {
                      child.destroyForcibly();
                      return;
                    }
                  }
                  key.reset();
                }
              } catch (IOException | InterruptedException e) {
                child.destroyForcibly();
              }
            },
            "state-write-killer");
    watcher.setDaemon(true);
    watcher.start();
  }
}
