package io.github.linkyj.core;

import io.github.linkyj.core.auth.AccessToken;
import io.github.linkyj.core.auth.AccessTokenProvider;
import io.github.linkyj.core.testing.NoDelayServerSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import okhttp3.mockwebserver.MockWebServer;

/** Fixtures, a fake token provider, a settable clock and response builders for the tests. */
final class TestSupport {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private TestSupport() {}

  /**
   * Returns a server whose connections send each write at once. MockWebServer writes the headers
   * and the body separately, and with Nagle's algorithm on, the body then waits for the client's
   * delayed acknowledgement, about 40 ms per response.
   */
  static MockWebServer server() {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    return server;
  }

  /** Returns a recorded response copied from the Enedis fixtures. */
  static String fixture(String name) {
    try (InputStream in = TestSupport.class.getResourceAsStream("/enedis/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource /enedis/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns a load curve body with one point per step, stamped at the local end of each step. */
  static String curveBody(String usagePointId, LocalDate start, LocalDate end, int minutes) {
    StringJoiner points = new StringJoiner(",");
    ZonedDateTime at = start.atStartOfDay(PARIS);
    ZonedDateTime stop = end.atStartOfDay(PARIS);
    int index = 0;
    while (at.isBefore(stop)) {
      at = at.plusMinutes(minutes);
      points.add(
          "{\"value\":\""
              + (100 + index++ % 50)
              + "\",\"date\":\""
              + at.format(STAMP)
              + "\",\"interval_length\":\"PT"
              + minutes
              + "M\",\"measure_type\":\"B\"}");
    }
    return meterReading(usagePointId, start, end, points.toString());
  }

  /** Returns a daily body with one value per day, 1000 Wh plus the day of the month. */
  static String dailyBody(String usagePointId, LocalDate start, LocalDate end, boolean maxPower) {
    StringJoiner points = new StringJoiner(",");
    for (LocalDate day = start; day.isBefore(end); day = day.plusDays(1)) {
      String date = maxPower ? day + " 07:46:00" : day.toString();
      points.add("{\"value\":\"" + (1000 + day.getDayOfMonth()) + "\",\"date\":\"" + date + "\"}");
    }
    return meterReading(usagePointId, start, end, points.toString());
  }

  /** Wraps points in the Enedis {@code meter_reading} object. */
  static String meterReading(String usagePointId, LocalDate start, LocalDate end, String points) {
    return "{\"meter_reading\":{\"usage_point_id\":\""
        + usagePointId
        + "\",\"start\":\""
        + start
        + "\",\"end\":\""
        + end
        + "\",\"quality\":\"BRUT\",\"interval_reading\":["
        + points
        + "]}}";
  }

  /** Returns one load-curve point as JSON. */
  static String point(String value, String date, String length) {
    return "{\"value\":"
        + value
        + ",\"date\":\""
        + date
        + "\",\"interval_length\":\""
        + length
        + "\",\"measure_type\":\"B\"}";
  }

  /** A token provider that returns numbered tokens and records invalidations. */
  static final class FakeTokens implements AccessTokenProvider {
    int issued;
    final List<AccessToken> invalidated = new ArrayList<>();

    @Override
    public synchronized AccessToken accessToken() {
      if (issued == 0 || invalidated.size() >= issued) {
        issued++;
      }
      return AccessToken.of("token-" + issued, Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Override
    public synchronized void invalidate(AccessToken token) {
      invalidated.add(token);
    }
  }

  /** A clock the test sets, and a sleeper that advances it and records each wait. */
  static final class FakeTime extends Clock implements Sleeper {
    Instant now;
    final List<Duration> sleeps = new ArrayList<>();

    FakeTime(Instant now) {
      this.now = now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
      sleeps.add(duration);
      now = now.plus(duration);
    }

    @Override
    public synchronized Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("not needed by the tests");
    }
  }
}
