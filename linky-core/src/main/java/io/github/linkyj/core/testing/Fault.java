package io.github.linkyj.core.testing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A failure the simulator injects in place of, or on top of, its normal response: an error body of
 * each shape Enedis and its gateways send, a quota response, a delay, a truncated body or a dropped
 * connection.
 *
 * <p>A fault applies once to the next matching request unless {@link #times(int)} or {@link
 * #always()} sets a count, and matches every request unless narrowed by {@link #onPath(String)} and
 * {@link #forUsagePoint(String)}:
 *
 * <pre>{@code
 * simulator.inject(Fault.technicalError().onPath("consumption_load_curve").times(2));
 * simulator.inject(Fault.tooManyRequests(Duration.ofSeconds(30)).forUsagePoint("22516914714270"));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Fault {
  private static final DateTimeFormatter NEXT_ACCESS =
      DateTimeFormatter.ofPattern("yyyy-MMM-dd HH:mm:ssZ", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private enum Type {
    RESPONSE,
    THROTTLED,
    DELAY,
    TRUNCATED,
    SOCKET
  }

  private final Type type;
  private final String name;
  private final int status;
  private final String contentType;
  private final String body;
  private final Duration retryAfter;
  private final Duration delay;
  private final SocketPolicy socketPolicy;
  private final String pathFragment;
  private final String usagePointId;
  private final int times;

  private Fault(
      Type type,
      String name,
      int status,
      String contentType,
      String body,
      Duration retryAfter,
      Duration delay,
      SocketPolicy socketPolicy,
      String pathFragment,
      String usagePointId,
      int times) {
    this.type = type;
    this.name = name;
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.retryAfter = retryAfter;
    this.delay = delay;
    this.socketPolicy = socketPolicy;
    this.pathFragment = pathFragment;
    this.usagePointId = usagePointId;
    this.times = times;
  }

  private static Fault response(String name, int status, String contentType, String body) {
    return new Fault(
        Type.RESPONSE, name, status, contentType, body, null, null, null, null, null, 1);
  }

  private static Fault json(String name, int status, String error, String description) {
    String body = Json.write(ApiResult.error(status, error, description).body());
    return response(name, status, "application/json", body);
  }

  /**
   * Returns a standard Enedis error: {@code {"error": ..., "error_description": ...}} with the
   * given status.
   */
  public static Fault enedisError(int status, String error, String description) {
    requireNonNull(error, "error");
    requireNonNull(description, "description");
    return json("enedisError(" + status + ", " + error + ")", status, error, description);
  }

  /** Returns 500 {@code technical_error} "Technical error. Please try later.". */
  public static Fault technicalError() {
    return json("technicalError", 500, "technical_error", "Technical error. Please try later.");
  }

  /**
   * Returns 400 {@code ADAM-DC-0007} with the French text observed in 2026 ("the customer does not
   * hold this usage point"), as Enedis returns after the customer moved out.
   */
  public static Fault notHolder() {
    return json(
        "notHolder", 400, "ADAM-DC-0007", "Le client n'est pas titulaire du point demandé.");
  }

  /** Returns 503 with an empty body, as some Enedis maintenance responses are. */
  public static Fault serviceUnavailable() {
    return response("serviceUnavailable", 503, null, "");
  }

  /**
   * Returns 429 with the WSO2 gateway throttling body ({@code code} 900804, {@code message}, {@code
   * description}, {@code nextAccessTime}), the next access time being the start of the next hour by
   * the simulator's clock.
   */
  public static Fault throttled() {
    return new Fault(
        Type.THROTTLED,
        "throttled",
        429,
        "application/json",
        null,
        null,
        null,
        null,
        null,
        null,
        1);
  }

  /**
   * Returns 429 with the older Enedis quota body, {@code "error": "429"} and "Quota Q4 reached".
   */
  public static Fault quotaQ4() {
    return json("quotaQ4", 429, "429", "Quota Q4 reached\r\nCall threshold allowed on 0:-30:-40");
  }

  /** Returns 429 with a "Quota Q3 reached" body and no {@code Retry-After} header. */
  public static Fault tooManyRequests() {
    return json("tooManyRequests", 429, "429", "Quota Q3 reached");
  }

  /** Returns 429 with a "Quota Q3 reached" body and a {@code Retry-After} header in seconds. */
  public static Fault tooManyRequests(Duration retryAfter) {
    requireNonNull(retryAfter, "retryAfter");
    Fault plain = tooManyRequests();
    return new Fault(
        Type.RESPONSE,
        "tooManyRequests(" + retryAfter + ")",
        429,
        plain.contentType,
        plain.body,
        retryAfter,
        null,
        null,
        null,
        null,
        1);
  }

  /** Returns 403 with the WSO2 body code 900908 "Resource forbidden ". */
  public static Fault resourceForbidden() {
    String body =
        Json.write(
            Json.object(
                "code",
                "900908",
                "message",
                "Resource forbidden ",
                "description",
                "User is NOT authorized to access the Resource. API Subscription validation"
                    + " failed."));
    return response("resourceForbidden", 403, "application/json", body);
  }

  /** Returns the given status with an HTML error page instead of JSON, as a firewall sends. */
  public static Fault htmlPage(int status) {
    String page =
        "<!DOCTYPE html><html><head><title>Erreur</title></head><body>"
            + "<h1>La page que vous recherchez n'existe pas</h1></body></html>";
    return response("htmlPage(" + status + ")", status, "text/html; charset=UTF-8", page);
  }

  /** Returns the given status with an empty body. */
  public static Fault emptyBody(int status) {
    return response("emptyBody(" + status + ")", status, null, "");
  }

  /** Returns any status, content type and body. */
  public static Fault response(int status, String contentType, String body) {
    requireNonNull(body, "body");
    return response("response(" + status + ")", status, contentType, body);
  }

  /** Returns the normal response, sent after the given delay. */
  public static Fault delay(Duration delay) {
    requireNonNull(delay, "delay");
    return new Fault(
        Type.DELAY, "delay(" + delay + ")", 0, null, null, null, delay, null, null, null, 1);
  }

  /** Returns the normal response cut after half of its body, so the JSON is malformed. */
  public static Fault truncatedBody() {
    return new Fault(
        Type.TRUNCATED, "truncatedBody", 0, null, null, null, null, null, null, null, 1);
  }

  /** Returns a fault that closes the connection after reading the request, with no response. */
  public static Fault dropConnection() {
    return socket("dropConnection", SocketPolicy.DISCONNECT_AFTER_REQUEST);
  }

  /** Returns a fault that sends the headers and closes the connection during the body. */
  public static Fault dropDuringBody() {
    return socket("dropDuringBody", SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
  }

  /** Returns a fault that reads the request and never responds, so the client times out. */
  public static Fault noResponse() {
    return socket("noResponse", SocketPolicy.NO_RESPONSE);
  }

  private static Fault socket(String name, SocketPolicy policy) {
    return new Fault(Type.SOCKET, name, 0, null, null, null, null, policy, null, null, 1);
  }

  /** Returns a copy that only matches requests whose path contains the fragment. */
  public Fault onPath(String fragment) {
    requireNonNull(fragment, "fragment");
    return new Fault(
        type,
        name,
        status,
        contentType,
        body,
        retryAfter,
        delay,
        socketPolicy,
        fragment,
        usagePointId,
        times);
  }

  /**
   * Returns a copy that only matches requests for one usage point ({@code usage_point_id} or, on
   * the gateway, {@code prm}).
   */
  public Fault forUsagePoint(String id) {
    requireNonNull(id, "id");
    return new Fault(
        type,
        name,
        status,
        contentType,
        body,
        retryAfter,
        delay,
        socketPolicy,
        pathFragment,
        id,
        times);
  }

  /** Returns a copy that applies to the next {@code count} matching requests. */
  public Fault times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("Invalid fault count " + count + ": use 1 or more");
    }
    return new Fault(
        type,
        name,
        status,
        contentType,
        body,
        retryAfter,
        delay,
        socketPolicy,
        pathFragment,
        usagePointId,
        count);
  }

  /** Returns a copy that applies to every matching request until the faults are cleared. */
  public Fault always() {
    return new Fault(
        type,
        name,
        status,
        contentType,
        body,
        retryAfter,
        delay,
        socketPolicy,
        pathFragment,
        usagePointId,
        Integer.MAX_VALUE);
  }

  /** Returns how many requests this fault applies to; {@link Integer#MAX_VALUE} means always. */
  public int count() {
    return times;
  }

  boolean matches(String path, String requestUsagePoint) {
    return (pathFragment == null || path.contains(pathFragment))
        && (usagePointId == null || usagePointId.equals(requestUsagePoint));
  }

  boolean needsNormalResponse() {
    return type == Type.DELAY
        || type == Type.TRUNCATED
        || socketPolicy == SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY;
  }

  /** Builds the faulty response; {@code normal} is the normal response or null if not needed. */
  MockResponse toResponse(MockResponse normal, Clock clock) {
    switch (type) {
      case DELAY:
        return normal.setHeadersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
      case TRUNCATED:
        String text = normal.getBody() == null ? "" : normal.getBody().readUtf8();
        return normal.setBody(text.substring(0, text.length() / 2));
      case SOCKET:
        // Cutting the body needs the normal response's body; the other policies send nothing.
        MockResponse base = normal == null ? new MockResponse() : normal;
        return base.setSocketPolicy(socketPolicy);
      case THROTTLED:
        return withBody(throttledBody(clock));
      case RESPONSE:
      default:
        return withBody(body);
    }
  }

  private MockResponse withBody(String text) {
    MockResponse response = new MockResponse().setResponseCode(status).setBody(text);
    if (contentType != null) {
      response.setHeader("Content-Type", contentType);
    }
    if (retryAfter != null) {
      response.setHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
    }
    return response;
  }

  private static String throttledBody(Clock clock) {
    String next =
        NEXT_ACCESS.format(clock.instant().truncatedTo(ChronoUnit.HOURS).plusSeconds(3600));
    return Json.write(
        Json.object(
            "code",
            "900804",
            "message",
            "Message throttled out",
            "description",
            "You have exceeded your quota .You can access API after " + next + " UTC",
            "nextAccessTime",
            next + " UTC"));
  }

  @Override
  public String toString() {
    return "Fault{"
        + name
        + (pathFragment == null ? "" : ", path contains '" + pathFragment + "'")
        + (usagePointId == null ? "" : ", usage point " + usagePointId)
        + (times == Integer.MAX_VALUE ? ", always" : ", " + times + " time(s)")
        + "}";
  }
}
