package io.github.linkyj.core.auth;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.github.linkyj.core.InvalidResponseException;
import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.QuotaExceededException;
import io.github.linkyj.core.TemporaryFailureException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Posts forms to an OAuth token endpoint and maps its responses. 2xx and 4xx JSON bodies become a
 * {@link TokenReply}. A transport failure or a 5xx response becomes a {@link
 * TemporaryFailureException}, a 429 a {@link QuotaExceededException}, a 401 or 403 without an OAuth
 * error a {@link LinkyException}, and anything else that is not a JSON object an {@link
 * InvalidResponseException}. Messages name the endpoint and status, never the form, which contains
 * secrets.
 */
final class TokenEndpoint {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
  private static final DateTimeFormatter NEXT_ACCESS_TIME =
      DateTimeFormatter.ofPattern("uuuu-MMM-dd HH:mm:ssxx 'UTC'", Locale.ENGLISH);

  private final OkHttpClient http;
  private final Clock clock;

  TokenEndpoint(OkHttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /** Creates the call without running it, so a caller can cancel it from another thread. */
  Call newCall(HttpUrl url, FormBody form) {
    Request request =
        new Request.Builder().url(url).header("Accept", "application/json").post(form).build();
    return http.newCall(request);
  }

  /** Runs {@code call} and maps the response. */
  TokenReply execute(Call call) throws LinkyException {
    String endpoint = call.request().url().encodedPath();
    try (Response response = call.execute()) {
      return read(endpoint, response);
    } catch (IOException e) {
      String problem = e instanceof SocketTimeoutException ? "timed out" : "failed: " + e;
      String message = "POST " + endpoint + " " + problem + "; try again later";
      throw new TemporaryFailureException(message, endpoint, 0, null, null, e);
    }
  }

  TokenReply post(HttpUrl url, FormBody form) throws LinkyException {
    return execute(newCall(url, form));
  }

  private TokenReply read(String endpoint, Response response) throws IOException, LinkyException {
    int status = response.code();
    ResponseBody body = response.body();
    String text = body == null ? "" : body.string();
    if (status == 429) {
      throw quotaExceeded(endpoint, response, text);
    }
    if (status >= 500) {
      throw temporaryFailure(endpoint, status, text);
    }
    if ((status == 401 || status == 403) && quietError(text).isEmpty()) {
      throw unauthorized(endpoint, status);
    }
    Map<?, ?> json = parseObject(endpoint, status, text);
    if (status >= 200 && status < 300) {
      return new TokenReply(endpoint, status, json, null);
    }
    OAuthError error = OAuthError.from(json).orElse(null);
    if (status < 400 || error == null) {
      String message =
          "POST " + endpoint + " returned HTTP " + status + " without an OAuth error code";
      throw new InvalidResponseException(message, endpoint, status, null, null, null);
    }
    return new TokenReply(endpoint, status, json, error);
  }

  /** Reports a 401 or 403 whose body has no OAuth error, such as an empty or HTML body. */
  private static LinkyException unauthorized(String endpoint, int status) {
    String message =
        "POST "
            + endpoint
            + " returned HTTP "
            + status
            + " without an OAuth error code; check the client id, the client secret and the "
            + "base URL";
    return new LinkyException(message, endpoint, status, null, null, null);
  }

  private static Map<?, ?> parseObject(String endpoint, int status, String text)
      throws InvalidResponseException {
    String problem;
    Throwable cause = null;
    if (text.isBlank()) {
      problem = "an empty body";
    } else if (text.stripLeading().startsWith("<")) {
      problem = "an HTML page instead of JSON; check the base URL";
    } else {
      try {
        Object value = JSON.fromJson(text);
        if (value instanceof Map<?, ?> map) {
          return map;
        }
        problem = "JSON that is not an object";
      } catch (IOException | JsonDataException e) {
        problem = "invalid JSON (" + e.getMessage() + ")";
        cause = e;
      }
    }
    String message = "POST " + endpoint + " returned HTTP " + status + " with " + problem;
    throw new InvalidResponseException(message, endpoint, status, null, null, cause);
  }

  private static TemporaryFailureException temporaryFailure(
      String endpoint, int status, String text) {
    Optional<OAuthError> error = quietError(text);
    String code = error.map(OAuthError::code).orElse(null);
    String detail = error.map(e -> " " + e.describe()).orElse("");
    String message =
        "POST " + endpoint + " failed with HTTP " + status + detail + "; try again later";
    return new TemporaryFailureException(message, endpoint, status, code, null, null);
  }

  private QuotaExceededException quotaExceeded(String endpoint, Response response, String text) {
    Map<?, ?> json = quietObject(text);
    Instant retryAt =
        retryAt(response.header("Retry-After")).or(() -> nextAccessTime(json)).orElse(null);
    String code = quotaCode(json);
    String when = retryAt == null ? "later" : "after " + retryAt;
    String message =
        "POST " + endpoint + " was rejected with HTTP 429 (quota exceeded); retry " + when;
    return new QuotaExceededException(message, endpoint, 429, code, null, retryAt, null);
  }

  /** Returns the OAuth {@code error}, or the API gateway's {@code code} such as 900804. */
  private static String quotaCode(Map<?, ?> json) {
    Optional<OAuthError> error = OAuthError.from(json);
    if (error.isPresent()) {
      return error.get().code();
    }
    Object code = json.get("code");
    return code == null ? null : code.toString();
  }

  /**
   * Reads the Enedis API gateway's {@code nextAccessTime}, such as {@code 2026-Jul-17 05:00:00+0000
   * UTC}.
   */
  private static Optional<Instant> nextAccessTime(Map<?, ?> json) {
    if (!(json.get("nextAccessTime") instanceof String text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(NEXT_ACCESS_TIME.parse(text.strip(), Instant::from));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Reads a {@code Retry-After} header given in seconds or as an HTTP date. */
  private Optional<Instant> retryAt(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.length() <= 9 && value.chars().allMatch(Character::isDigit)) {
      return Optional.of(clock.instant().plusSeconds(Long.parseLong(value)));
    }
    try {
      DateTimeFormatter format = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);
      return Optional.of(ZonedDateTime.parse(value, format).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<OAuthError> quietError(String text) {
    return OAuthError.from(quietObject(text));
  }

  /** Parses {@code text} as a JSON object, or returns an empty map when it is not one. */
  private static Map<?, ?> quietObject(String text) {
    try {
      Object value = text.isBlank() ? null : JSON.fromJson(text);
      return value instanceof Map<?, ?> map ? map : Map.of();
    } catch (IOException | JsonDataException e) {
      return Map.of();
    }
  }
}
