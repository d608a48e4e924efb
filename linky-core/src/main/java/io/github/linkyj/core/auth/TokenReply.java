package io.github.linkyj.core.auth;

import io.github.linkyj.core.InvalidResponseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON response of a token endpoint: either a 2xx body or a 4xx OAuth error. Transport failures,
 * 429 and 5xx responses never become a reply; {@link TokenEndpoint} throws for them.
 */
final class TokenReply {
  private final String endpoint;
  private final int status;
  private final Map<?, ?> json;
  private final OAuthError error;

  TokenReply(String endpoint, int status, Map<?, ?> json, OAuthError error) {
    this.endpoint = endpoint;
    this.status = status;
    this.json = json;
    this.error = error;
  }

  String endpoint() {
    return endpoint;
  }

  int status() {
    return status;
  }

  /** Returns the OAuth error, empty for a 2xx response. */
  Optional<OAuthError> error() {
    return Optional.ofNullable(error);
  }

  /** Returns "POST /path returned HTTP 400 code (description)" for messages. */
  String describeError() {
    return "POST " + endpoint + " returned HTTP " + status + " " + error.describe();
  }

  /** Returns a required string member; the message never shows the value, which may be secret. */
  String requiredString(String name) throws InvalidResponseException {
    return optionalString(name).orElseThrow(() -> invalid("without the member " + name, null));
  }

  Optional<String> optionalString(String name) throws InvalidResponseException {
    Object value = json.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw invalid("with a " + name + " that is not a string", null);
    }
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  /** Returns a required duration in seconds given as a JSON number or a string of digits. */
  Duration requiredSeconds(String name) throws InvalidResponseException {
    return optionalSeconds(name).orElseThrow(() -> invalid("without the member " + name, null));
  }

  Optional<Duration> optionalSeconds(String name) throws InvalidResponseException {
    Object value = json.get(name);
    if (value == null) {
      return Optional.empty();
    }
    long seconds = parseSeconds(name, value);
    if (seconds <= 0) {
      throw invalid("with " + name + "=" + value + ", which is not a positive number", null);
    }
    return Optional.of(Duration.ofSeconds(seconds));
  }

  private long parseSeconds(String name, Object value) throws InvalidResponseException {
    if (value instanceof Double number && number == Math.rint(number)) {
      return number.longValue();
    }
    if (value instanceof String text) {
      try {
        return Long.parseLong(text.strip());
      } catch (NumberFormatException e) {
        throw invalid("with " + name + "=\"" + text + "\", which is not a whole number", e);
      }
    }
    throw invalid("with " + name + "=" + value + ", which is not a whole number of seconds", null);
  }

  /** Returns the usage point ids of a member given as a separated string or an array. */
  List<String> usagePointIds(String name) throws InvalidResponseException {
    try {
      return UsagePointIds.fromJson(json.get(name));
    } catch (IllegalArgumentException e) {
      throw invalid("with an invalid " + name + ": " + e.getMessage(), e);
    }
  }

  private InvalidResponseException invalid(String problem, Throwable cause) {
    String message = "POST " + endpoint + " returned HTTP " + status + " " + problem;
    return new InvalidResponseException(message, endpoint, status, null, null, cause);
  }
}
