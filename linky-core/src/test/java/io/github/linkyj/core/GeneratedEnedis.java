package io.github.linkyj.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Serves generated metering data for any requested range and records each request's range. A rule
 * may reply to a request with an error instead.
 */
final class GeneratedEnedis extends Dispatcher {
  final List<Requested> requests = Collections.synchronizedList(new ArrayList<>());
  private final Function<Requested, MockResponse> rule;

  /** A request as the server saw it. */
  record Requested(MeteringKind kind, String usagePointId, LocalDate start, LocalDate end) {
    long days() {
      return java.time.temporal.ChronoUnit.DAYS.between(start, end);
    }
  }

  GeneratedEnedis() {
    this(request -> null);
  }

  /** Creates a server whose {@code rule} returns an error response, or null to serve data. */
  GeneratedEnedis(Function<Requested, MockResponse> rule) {
    this.rule = rule;
  }

  @Override
  public MockResponse dispatch(RecordedRequest recorded) {
    HttpUrl url = recorded.getRequestUrl();
    Requested request = parse(url);
    requests.add(request);
    MockResponse error = rule.apply(request);
    if (error != null) {
      return error;
    }
    return new MockResponse().setBody(body(request));
  }

  private static Requested parse(HttpUrl url) {
    String path = url.encodedPath();
    MeteringKind kind = null;
    for (MeteringKind candidate : MeteringKind.values()) {
      if (path.endsWith("/" + candidate.enedisPath())
          || path.endsWith("/" + candidate.gatewayName())) {
        kind = candidate;
      }
    }
    String usagePoint = url.queryParameter("usage_point_id");
    return new Requested(
        kind,
        usagePoint != null ? usagePoint : url.queryParameter("prm"),
        LocalDate.parse(url.queryParameter("start")),
        LocalDate.parse(url.queryParameter("end")));
  }

  private static String body(Requested request) {
    if (request.kind().isLoadCurve()) {
      return TestSupport.curveBody(request.usagePointId(), request.start(), request.end(), 30);
    }
    boolean maxPower = request.kind() == MeteringKind.DAILY_CONSUMPTION_MAX_POWER;
    return TestSupport.dailyBody(request.usagePointId(), request.start(), request.end(), maxPower);
  }

  /** Returns an Enedis error response with the standard body. */
  static MockResponse error(int status, String code) {
    return new MockResponse()
        .setResponseCode(status)
        .setBody("{\"error\":\"" + code + "\",\"error_description\":\"generated\"}");
  }
}
