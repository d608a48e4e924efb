package io.github.linkyj.core;

import io.github.linkyj.core.internal.JsonTree;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps an HTTP error status and body to the typed {@link LinkyException} hierarchy.
 *
 * <p>Reads every error body shape Enedis and the gateways send: the standard {@code error}/{@code
 * error_description}, the gateway wrapper {@code {status, message, error: {...}}}, the API
 * manager's {@code code}/{@code message}/{@code description}/{@code nextAccessTime}, the older
 * quota body {@code {"error":"429","error_description":"Quota Q4 reached ..."}}, and HTML or empty
 * bodies. Codes are compared case-insensitively with {@code _} read as {@code -}.
 */
final class ErrorMapper {
  private static final int MAX_DESCRIPTION = 200;
  private static final Set<String> QUOTA_CODES = Set.of("429", "900800", "900804", "900807");
  private static final Set<String> HISTORY_CODES =
      Set.of("ADAM-ERR0125", "ADAM-DC-0016", "ADAM-DC-0009");
  private static final Set<String> RANGE_CODES = Set.of("ADAM-ERR0126", "ADAM-DC-0015");
  private static final Set<String> NO_DATA_CODES =
      Set.of("NO-DATA-FOUND", "STM-ERR-0000014", "STM-ERR-0000020");
  private static final Set<String> TEMPORARY_CODES =
      Set.of("TECHNICAL-ERROR", "ADAM-DC-0500", "STM-ERR-0000001");
  private static final DateTimeFormatter NEXT_ACCESS =
      DateTimeFormatter.ofPattern("uuuu-MMM-dd HH:mm:ssZ", Locale.ENGLISH);

  private ErrorMapper() {}

  /** The fields of an error body that matter, whatever its shape. */
  record ErrorBody(String code, String description, String nextAccessTime) {

    /** Returns the code upper-cased with {@code _} replaced by {@code -}, or "" when absent. */
    String normalizedCode() {
      return code == null ? "" : code.trim().toUpperCase(Locale.ROOT).replace('_', '-');
    }

    boolean describes(String text) {
      return description != null
          && description.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }
  }

  /** Reads the error fields of {@code body}; an HTML, empty or malformed body gives no fields. */
  static ErrorBody readBody(String body) {
    try {
      Map<String, Object> root = JsonTree.object(JsonTree.parse(body));
      return root == null ? new ErrorBody(null, null, null) : fields(root, 0);
    } catch (IOException | RuntimeException e) {
      return new ErrorBody(null, null, null);
    }
  }

  private static ErrorBody fields(Map<String, Object> object, int depth) {
    for (String wrapper : new String[] {"error", "fault", "enedis_return"}) {
      Map<String, Object> inner = JsonTree.object(object.get(wrapper));
      if (inner != null && depth < 4) {
        return fields(inner, depth + 1);
      }
    }
    String code = first(object, "error", "code", "error_code");
    String description = first(object, "error_description", "description", "message");
    return new ErrorBody(code, description, JsonTree.text(object, "nextAccessTime"));
  }

  /** Returns the code of {@code error}, then its description in quotes, shortened, if any. */
  static String summary(ErrorBody error) {
    String code = error.code() == null ? "" : error.code();
    if (error.description() == null) {
      return code;
    }
    return (code.isEmpty() ? "" : code + " ") + "\"" + shorten(error.description()) + '"';
  }

  /**
   * Drops an error code that only repeats the HTTP status, as the API manager's quota body does
   * with {@code "error": "429"}, so that a message does not read "HTTP 429 429".
   */
  private static String withoutStatusCode(String reported, int status) {
    String code = Integer.toString(status);
    if (reported.equals(code)) {
      return "";
    }
    return reported.startsWith(code + " ") ? reported.substring(code.length() + 1) : reported;
  }

  private static String shorten(String description) {
    String oneLine = description.replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_DESCRIPTION
        ? oneLine
        : oneLine.substring(0, MAX_DESCRIPTION) + "...";
  }

  private static String first(Map<String, Object> object, String... names) {
    for (String name : names) {
      String text = JsonTree.text(object, name);
      if (text != null && !text.isBlank()) {
        return text.trim();
      }
    }
    return null;
  }

  /** Returns the exception for an HTTP error response to a request without a period. */
  static LinkyException map(
      int status,
      String body,
      String retryAfter,
      String endpoint,
      String usagePointId,
      Instant now) {
    return map(status, body, retryAfter, endpoint, null, usagePointId, now);
  }

  /**
   * Returns the exception for an HTTP error response.
   *
   * @param retryAfter the {@code Retry-After} header, or null
   * @param period the requested days, such as {@code [2020-12-03, 2020-12-10)}, named in the
   *     message, or null when the request has none
   * @param now the current instant, to resolve a {@code Retry-After} given in seconds
   */
  static LinkyException map(
      int status,
      String body,
      String retryAfter,
      String endpoint,
      String period,
      String usagePointId,
      Instant now) {
    ErrorBody error = readBody(body);
    String code = error.normalizedCode();
    boolean htmlPage = error.code() == null && body != null && body.strip().startsWith("<");
    Message message = new Message(status, error, endpoint, period, usagePointId, htmlPage);
    if (status == 429 || QUOTA_CODES.contains(code) || error.describes("quota q")) {
      Instant retryAt = retryAt(error, retryAfter, now);
      return new QuotaExceededException(
          message.text("Enedis quota exceeded", quotaAction(retryAt)),
          endpoint,
          status,
          error.code(),
          usagePointId,
          retryAt,
          null);
    }
    return mapCode(code, status, error, message, endpoint, usagePointId);
  }

  private static LinkyException mapCode(
      String code,
      int status,
      ErrorBody error,
      Message message,
      String endpoint,
      String usagePointId) {
    String rawCode = error.code();
    if (code.equals("ADAM-DC-0008")) {
      return new ConsentRequiredException(
          message.text("Consent missing or revoked", "ask the customer to consent again"),
          endpoint,
          status,
          rawCode,
          usagePointId,
          null);
    }
    if (code.equals("ADAM-DC-0007")) {
      return new NotHolderException(
          message.text(
              "The customer no longer holds this usage point", "the new holder must give consent"),
          endpoint,
          status,
          rawCode,
          usagePointId,
          null);
    }
    if (code.equals("ADAM-ERR0069")) {
      return new WrongDirectionException(
          message.text(
              "The measure direction does not match the usage point",
              "do not request this series for this usage point"),
          endpoint,
          status,
          rawCode,
          usagePointId,
          null);
    }
    if (code.equals("ADAM-ERR0123")) {
      return new BeforeActivationException(
          message.text(
              "The period starts before the meter's last activation date",
              "start on or after the activation date"),
          endpoint,
          status,
          rawCode,
          usagePointId,
          null);
    }
    if (HISTORY_CODES.contains(code)) {
      return new HistoryLimitException(
          message.text("The period starts before the available history", "start later"),
          endpoint,
          status,
          rawCode,
          usagePointId,
          null);
    }
    if (RANGE_CODES.contains(code)) {
      return new RangeTooLongException(
          message.text("The period is too long for one request", "request fewer days"),
          endpoint,
          status,
          rawCode,
          usagePointId,
          null);
    }
    if (NO_DATA_CODES.contains(code)) {
      return new NoDataException(
          message.text(
              "No data for the period",
              "retry after 08:00 Europe/Paris if the period ends yesterday"),
          endpoint,
          status,
          rawCode,
          usagePointId,
          null);
    }
    return mapStatus(status, error, message, endpoint, usagePointId);
  }

  private static LinkyException mapStatus(
      int status, ErrorBody error, Message message, String endpoint, String usagePointId) {
    String rawCode = error.code();
    boolean serverSide = status == 500 || status == 502 || status == 503 || status == 504;
    if (serverSide || TEMPORARY_CODES.contains(error.normalizedCode())) {
      return new TemporaryFailureException(
          message.text("Enedis failed temporarily", "retry later"),
          endpoint,
          status,
          rawCode,
          usagePointId,
          null);
    }
    if (error.describes("earlier than the current date")) {
      // Enedis compares end with its own current date, which lags after local midnight.
      return new TemporaryFailureException(
          message.text("Enedis rejected the end date as not yet past", "retry after 02:00"),
          endpoint,
          status,
          rawCode,
          usagePointId,
          null);
    }
    if (status == 404 && error.describes("bad access token")) {
      // The consent proxy returns this for a valid token whose consent lacks the usage point.
      return new ConsentRequiredException(
          message.detail(
              uncoveredSummary(usagePointId),
              "run the consent again and include this usage point in it"),
          endpoint,
          status,
          rawCode,
          usagePointId,
          null);
    }
    if (status == 401) {
      return new ConsentRequiredException(
          message.text("The server rejected the access token", "obtain a new token or consent"),
          endpoint,
          status,
          rawCode,
          usagePointId,
          null);
    }
    if (status == 403 && message.htmlPage()) {
      // Enedis sends consent errors as JSON, so an HTML 403 comes from a firewall or proxy.
      return new LinkyException(
          message.text(
              "Access refused by a firewall or proxy",
              "the answer is an HTML page, not Enedis JSON: check the base URL and that no proxy"
                  + " blocks this host"),
          endpoint,
          status,
          rawCode,
          usagePointId,
          null);
    }
    if (status == 403 && !"900908".equals(error.normalizedCode())) {
      return new ConsentRequiredException(
          message.text("Access refused", "check the consent for this usage point"),
          endpoint,
          status,
          rawCode,
          usagePointId,
          null);
    }
    return new LinkyException(
        message.text("Request failed", action(status, error)),
        endpoint,
        status,
        rawCode,
        usagePointId,
        null);
  }

  private static String uncoveredSummary(String usagePointId) {
    return usagePointId == null
        ? "The consent does not cover the usage point of this request"
        : "The consent does not cover usage point " + usagePointId;
  }

  private static String action(int status, ErrorBody error) {
    if ("900908".equals(error.normalizedCode())) {
      return "subscribe the application to this API";
    }
    if (status == 404 && error.code() == null) {
      return "check the base URL";
    }
    return "check the request parameters";
  }

  private static String quotaAction(Instant retryAt) {
    return retryAt == null ? "retry later" : "retry after " + retryAt;
  }

  /** Returns when the server allows the next request, from the body or the header, or null. */
  static Instant retryAt(ErrorBody error, String retryAfter, Instant now) {
    Instant fromBody = nextAccessTime(error.nextAccessTime());
    return fromBody != null ? fromBody : retryAfter(retryAfter, now);
  }

  private static Instant nextAccessTime(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    if (trimmed.endsWith(" UTC")) {
      trimmed = trimmed.substring(0, trimmed.length() - 4);
    }
    try {
      return ZonedDateTime.parse(trimmed, NEXT_ACCESS).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Reads a {@code Retry-After} header given as seconds or as an HTTP date. */
  static Instant retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      return now.plus(Duration.ofSeconds(Long.parseLong(value)));
    } catch (NumberFormatException e) {
      try {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeException notDate) {
        return null;
      }
    }
  }

  /** Builds messages that name the endpoint, status, code and usage point, never a token. */
  private record Message(
      int status,
      ErrorBody error,
      String endpoint,
      String period,
      String usagePointId,
      boolean htmlPage) {

    String text(String summary, String action) {
      return detail(
          usagePointId == null ? summary : summary + " for usage point " + usagePointId, action);
    }

    /** Returns the text of a {@code summary} that names the usage point itself. */
    String detail(String summary, String action) {
      StringBuilder text = new StringBuilder(summary);
      text.append(": GET ").append(endpoint);
      if (period != null) {
        text.append(" for ").append(period);
      }
      text.append(" returned HTTP ").append(status);
      String reported = withoutStatusCode(summary(error), status);
      if (!reported.isEmpty()) {
        text.append(' ').append(reported);
      }
      return text.append("; ").append(action).toString();
    }
  }
}
