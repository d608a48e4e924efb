package io.github.linkyj.core.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each request to the consent proxy, Enedis or the gateway, after injecting any matching
 * fault, and records it in the request log.
 */
final class SimulatorDispatcher extends Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(SimulatorDispatcher.class);

  private static final String DATA_PROXY = "/data/proxy/";
  private static final String GATEWAY = "/api/";
  private static final String REDACTED = "[redacted]";
  private static final Set<String> SECRET_PARAMETERS =
      Set.of("client_secret", "device_code", "refresh_token", "access_token", "token", "code");

  private final Clock clock;
  private final ConsentProxy proxy;
  private final EnedisTokens enedisTokens;
  private final EnedisApi enedis;
  private final Gateway gateway;
  private final String baseUrl;

  // Guarded by this.
  private final List<Fault> faults = new ArrayList<>();
  private final List<Integer> remaining = new ArrayList<>();
  private final List<LoggedRequest> requests = new ArrayList<>();

  SimulatorDispatcher(
      Clock clock,
      ConsentProxy proxy,
      EnedisTokens enedisTokens,
      EnedisApi enedis,
      Gateway gateway,
      String baseUrl) {
    this.clock = clock;
    this.proxy = proxy;
    this.enedisTokens = enedisTokens;
    this.enedis = enedis;
    this.gateway = gateway;
    this.baseUrl = baseUrl;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getRequestUrl();
    String path = "/" + String.join("/", url.pathSegments());
    Map<String, String> query = query(url);
    String usagePoint = query.getOrDefault("usage_point_id", query.get("prm"));

    Fault fault = takeFault(path, usagePoint);
    MockResponse response;
    if (fault == null) {
      response = route(request, path, query);
    } else {
      log.debug("Injecting {} into {} {}", fault, request.getMethod(), path);
      MockResponse normal = fault.needsNormalResponse() ? route(request, path, query) : null;
      response = fault.toResponse(normal, clock);
    }

    record(request, path, query, response);
    return response;
  }

  private MockResponse route(RecordedRequest request, String path, Map<String, String> query) {
    String method = request.getMethod();
    if (path.equals("/device/code") || path.equals("/device/token")) {
      return "POST".equals(method) ? json(tokenPost(request, path)) : notAllowed("POST", path);
    }
    if (path.equals("/oauth2/v3/token")) {
      return "POST".equals(method) ? json(tokenPost(request, path)) : notAllowed("POST", path);
    }
    if (!"GET".equals(method)) {
      return notAllowed("GET", path);
    }
    if (path.equals("/device")) {
      return verificationPage(query.get("code"));
    }
    return json(get(path, query, request.getHeader("Authorization")));
  }

  /** Serves the three token endpoints, which all take a form. */
  private ApiResult tokenPost(RecordedRequest request, String path) {
    Map<String, String> form = form(request);
    return switch (path) {
      case "/device/code" -> proxy.deviceCode(form, baseUrl);
      case "/device/token" -> proxy.token(form);
      default ->
          enedisTokens.token(
              form, query(request.getRequestUrl()), request.getHeader("Authorization"));
    };
  }

  /** Serves a data GET of the proxy, the gateway or Enedis. */
  private ApiResult get(String path, Map<String, String> query, String authorization) {
    if (path.startsWith(DATA_PROXY)) {
      return dataProxy(path.substring(DATA_PROXY.length()), query, authorization);
    }
    if (path.startsWith(GATEWAY)) {
      return gateway.get(path.substring(GATEWAY.length()), query, authorization);
    }
    if (!EnedisApi.serves(path.substring(1))) {
      return ApiResult.error(404, "not_found", "No simulated resource at " + path);
    }
    if (!enedisTokens.isAuthorized(authorization)) {
      return ApiResult.error(
          401,
          "invalid_token",
          "Valid authentication credentials are mandatory to access the resource");
    }
    return enedis.get(path.substring(1), query);
  }

  /**
   * Serves {@code GET /data/proxy/<Enedis path>}: the proxy checks its own access token and the
   * usage point, then returns the Enedis response unchanged.
   */
  private ApiResult dataProxy(String enedisPath, Map<String, String> query, String authorization) {
    if (enedisPath.isEmpty()) {
      return ApiResult.error(400, "invalid_request", "path empty");
    }
    String usagePoint = query.get("usage_point_id");
    if (usagePoint == null) {
      return ApiResult.error(400, "invalid_request", "Missing usage_point_id");
    }
    if (authorization == null) {
      // The misspelling is the proxy's own.
      return ApiResult.error(404, "Unauthorized", "Autorization missing");
    }
    String token = authorization.replaceFirst("(?i)^Bearer ", "").trim();
    Optional<List<String>> usagePoints = proxy.usagePointsOf(token);
    if (usagePoints.isEmpty()) {
      return ApiResult.error(403, "Unauthorized", "Access token not found");
    }
    if (!usagePoints.get().contains(usagePoint)) {
      return ApiResult.error(404, "Unauthorized", "Bad access token");
    }
    return enedis.get(enedisPath, query);
  }

  /** Serves the consent page of the verification URI: opening it approves the user code. */
  private MockResponse verificationPage(String userCode) {
    boolean approved = userCode != null && proxy.approve(userCode, List.of());
    String text =
        approved
            ? "Consent recorded for code " + userCode + ". You can close this page."
            : "Invalid or expired code. Start the consent again.";
    return new MockResponse()
        .setResponseCode(approved ? 200 : 400)
        .setHeader("Content-Type", "text/html; charset=UTF-8")
        .setBody("<!DOCTYPE html><html><body><p>" + text + "</p></body></html>");
  }

  private static MockResponse notAllowed(String expected, String path) {
    return json(ApiResult.error(405, "invalid_request", "Use " + expected + " for " + path));
  }

  private static MockResponse json(ApiResult result) {
    return new MockResponse()
        .setResponseCode(result.status())
        .setHeader("Content-Type", "application/json")
        .setBody(Json.write(result.body()));
  }

  private static Map<String, String> query(HttpUrl url) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String name : url.queryParameterNames()) {
      String value = url.queryParameter(name);
      query.put(name, value == null ? "" : value);
    }
    return query;
  }

  private static Map<String, String> form(RecordedRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    String body = request.getBody().readUtf8();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      form.put(decode(name), decode(value));
    }
    return form;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  synchronized void inject(Fault fault) {
    faults.add(fault);
    remaining.add(fault.count());
  }

  synchronized void clearFaults() {
    faults.clear();
    remaining.clear();
  }

  /** Returns the first fault that matches, counting one use of it, or null. */
  private synchronized Fault takeFault(String path, String usagePoint) {
    Iterator<Fault> fault = faults.iterator();
    for (int i = 0; fault.hasNext(); i++) {
      Fault candidate = fault.next();
      if (candidate.matches(path, usagePoint)) {
        int left = remaining.get(i);
        if (left != Integer.MAX_VALUE) {
          remaining.set(i, left - 1);
        }
        if (left == 1) {
          faults.remove(i);
          remaining.remove(i);
        }
        return candidate;
      }
    }
    return null;
  }

  private synchronized void record(
      RecordedRequest request, String path, Map<String, String> query, MockResponse response) {
    String method = request.getMethod();
    String authorization = request.getHeader("Authorization");
    Map<String, String> safeQuery = new LinkedHashMap<>(query);
    safeQuery.replaceAll((name, value) -> SECRET_PARAMETERS.contains(name) ? REDACTED : value);
    String safeAuthorization = authorization == null ? null : redact(authorization);
    int status = statusOf(response);
    requests.add(
        new LoggedRequest(
            clock.instant(),
            method,
            path,
            safeQuery,
            safeAuthorization,
            request.getHeader("User-Agent"),
            status));
    log.debug("{} {} {} -> {}", method, path, safeQuery, status);
  }

  private static String redact(String authorization) {
    int space = authorization.indexOf(' ');
    return space < 0 ? REDACTED : authorization.substring(0, space) + " " + REDACTED;
  }

  private static int statusOf(MockResponse response) {
    if (response.getSocketPolicy() != SocketPolicy.KEEP_OPEN) {
      return 0;
    }
    String[] statusLine = response.getStatus().split(" ");
    return Integer.parseInt(statusLine[1]);
  }

  synchronized List<LoggedRequest> requests() {
    return List.copyOf(requests);
  }

  synchronized void clearRequests() {
    requests.clear();
  }
}
