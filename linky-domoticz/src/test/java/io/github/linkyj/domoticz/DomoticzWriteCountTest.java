package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Writes 730 day rows, 7 days of hourly short-log points and a dashboard value through {@link
 * DomoticzTarget}, reads them back, and counts the HTTP calls, for docs/benchmarks.md. The call
 * counts are asserted against the fake Domoticz on loopback. The wall times are only printed,
 * because speed targets belong in benchmarks, not in assertions.
 *
 * <p>Run with {@code mvn -B -pl linky-domoticz -am test -Dtest=DomoticzWriteCountTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. Set {@code DOMOTICZ_URL} (and optionally {@code
 * DOMOTICZ_USER}, {@code DOMOTICZ_PASSWORD}, {@code DOMOTICZ_CLIENT_ID}) to also write into a live
 * Domoticz, on a new Dummy hardware with a unique name.
 */
class DomoticzWriteCountTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final int HISTORY_DAYS = 730;
  static final int HOURLY_DAYS = 7;
  static final String METER = "22516914714270";

  /**
   * Writes three meters in turn, each on its own hardware and client, so that the printed times
   * show how much they vary from one run to the next as the JVM warms up.
   */
  @Test
  void writesHistoryToFakeDomoticz() throws Exception {
    Clock clock = Clock.system(PARIS);
    try (FakeDomoticzServer server =
        new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock).shortLogDays(HOURLY_DAYS))) {
      for (int run = 1; run <= 3; run++) {
        CallCounter calls = new CallCounter();
        DomoticzClient client = server.client().clock(clock).httpClient(calls.client()).build();

        Result result = writeAndVerify(client, clock, "Linky " + run);

        print("fake Domoticz on loopback, run " + run, result, calls);
        assertThat(result.problems()).isZero();
        assertThat(calls.byCommand())
            .containsEntry("udevice", HISTORY_DAYS + result.points() + 1)
            .containsEntry("graph", 4)
            .containsEntry("getsettings", 2);
        assertThat(calls.total()).isEqualTo(HISTORY_DAYS + result.points() + 1 + 13);
        assertThat(calls.connections()).isOne();
      }
    }
  }

  @Test
  void skipsPointsDomoticzWouldDelete() throws Exception {
    LocalDateTime now = LocalDateTime.of(2026, 12, 4, 9, 17);
    Clock clock = Clock.fixed(now.atZone(PARIS).toInstant(), PARIS);
    try (FakeDomoticzServer server =
        new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock).shortLogDays(1))) {
      CallCounter calls = new CallCounter();
      DomoticzClient client = server.client().clock(clock).httpClient(calls.client()).build();

      Result result = writeAndVerify(client, clock, "Linky");

      // Of the 168 points up to 09:00, Domoticz keeps the 24 ending from 2026-12-03 09:17 on.
      print("fake Domoticz keeping 1 day of short log", result, calls);
      assertThat(result.points()).isEqualTo(168);
      assertThat(result.problems()).isZero();
      assertThat(calls.byCommand())
          .containsEntry("udevice", HISTORY_DAYS + 24 + 1)
          .containsEntry("getsettings", 2);
      assertThat(server.domoticz().devices().values())
          .singleElement()
          .satisfies(device -> assertThat(device.shortLog()).hasSize(24));
    }
  }

  @Test
  void writesHistoryToLiveDomoticz() throws Exception {
    String url = System.getenv("DOMOTICZ_URL");
    assumeTrue(
        url != null && !url.isBlank(),
        "DOMOTICZ_URL is not set: set it to time the writes into a live Domoticz");
    Clock clock = Clock.systemDefaultZone();
    CallCounter calls = new CallCounter();
    DomoticzClient client =
        DomoticzClient.builder(url)
            .auth(LiveDomoticzTest.auth())
            .clock(clock)
            .httpClient(calls.client())
            .build();

    String hardware = "Linky writes " + UUID.randomUUID().toString().substring(0, 8);
    Result result = writeAndVerify(client, clock, hardware);

    print("Domoticz at " + url + ", hardware '" + hardware + "'", result, calls);
    assertThat(result.problems()).isZero();
  }

  /** Writes the history of one meter, then reads it back, timing each phase. */
  static Result writeAndVerify(DomoticzClient client, Clock clock, String hardware)
      throws Exception {
    DomoticzTarget target = new DomoticzTarget(client);
    LocalDate today = LocalDate.now(clock);
    SortedMap<LocalDate, P1Energy> rows = dayRows(today);
    LocalDateTime lastHour = LocalDateTime.now(clock).truncatedTo(ChronoUnit.HOURS);
    SortedMap<LocalDateTime, P1Reading> points = hourlyPoints(lastHour, clock.getZone());

    long start = System.nanoTime();
    target.prepare(hardware);
    target.prepareMeter(METER, P1Device.nameFor(METER));
    long prepared = System.nanoTime();
    for (Map.Entry<LocalDateTime, P1Reading> point : points.entrySet()) {
      target.writeShortLogPoint(METER, point.getKey(), point.getValue());
    }
    for (Map.Entry<LocalDate, P1Energy> row : rows.entrySet()) {
      target.writeDayRow(METER, row.getKey(), row.getValue());
    }
    target.writeCurrentValue(METER, points.get(points.lastKey()));
    long written = System.nanoTime();
    int problems = target.verify(METER, rows, points).size();
    long verified = System.nanoTime();
    return new Result(
        points.size(),
        problems,
        Duration.ofNanos(prepared - start),
        Duration.ofNanos(written - prepared),
        Duration.ofNanos(verified - written));
  }

  /** Returns a day row for each of the {@value #HISTORY_DAYS} days before today. */
  static SortedMap<LocalDate, P1Energy> dayRows(LocalDate today) {
    SortedMap<LocalDate, P1Energy> rows = new TreeMap<>();
    for (int i = 1; i <= HISTORY_DAYS; i++) {
      rows.put(
          today.minusDays(i), new P1Energy(6000 + i * 37 % 4000, 3000 + i * 53 % 2000, i % 7, 0));
    }
    return rows;
  }

  /**
   * Returns running counters at the end of each of the {@value #HOURLY_DAYS} × 24 hours up to
   * {@code lastEnd}, skipping times that the zone's spring clock change leaves out.
   */
  static SortedMap<LocalDateTime, P1Reading> hourlyPoints(LocalDateTime lastEnd, ZoneId zone) {
    SortedMap<LocalDateTime, P1Reading> points = new TreeMap<>();
    long usage1 = 0;
    long usage2 = 0;
    LocalDateTime end = lastEnd.minusHours(HOURLY_DAYS * 24 - 1);
    for (; !end.isAfter(lastEnd); end = end.plusHours(1)) {
      if (zone.getRules().getValidOffsets(end).isEmpty()) {
        continue;
      }
      boolean offPeak = end.getHour() <= 6 || end.getHour() == 23;
      usage1 += offPeak ? 0 : 250 + end.getHour() * 7;
      usage2 += offPeak ? 400 : 0;
      points.put(end, P1Reading.of(new P1Energy(usage1, usage2, 0, 0)));
    }
    return points;
  }

  private static void print(String where, Result result, CallCounter calls) {
    System.out.printf(
        "Domoticz writes into %s: %d day rows, %d hourly points and 1 dashboard value;"
            + " %d HTTP calls %s on %d connection(s); prepare %d ms, write %d ms, read-back %d ms%n",
        where,
        HISTORY_DAYS,
        result.points(),
        calls.total(),
        calls.byCommand(),
        calls.connections(),
        result.prepare().toMillis(),
        result.write().toMillis(),
        result.verify().toMillis());
  }

  /** What one run wrote and how long each phase took. */
  record Result(int points, int problems, Duration prepare, Duration write, Duration verify) {}

  /** Counts the HTTP calls a client sends, by Domoticz command. */
  static final class CallCounter implements Interceptor {
    private final Map<String, Integer> byCommand = new TreeMap<>();
    private final AtomicInteger connections = new AtomicInteger();

    OkHttpClient client() {
      return new OkHttpClient.Builder()
          .addInterceptor(this)
          .eventListener(
              new EventListener() {
                @Override
                public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                  connections.incrementAndGet();
                }
              })
          .build();
    }

    /** Returns how many TCP connections the client opened. */
    int connections() {
      return connections.get();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      HttpUrl url = chain.request().url();
      String command = url.queryParameter("param");
      if (command == null) {
        command = url.queryParameter("type");
      }
      if (command == null) {
        command = url.encodedPath();
      }
      synchronized (this) {
        byCommand.merge(command, 1, Integer::sum);
      }
      return chain.proceed(chain.request());
    }

    synchronized Map<String, Integer> byCommand() {
      return new TreeMap<>(byCommand);
    }

    synchronized int total() {
      return byCommand.values().stream().mapToInt(Integer::intValue).sum();
    }
  }
}
