package io.github.linkyj.core.auth;

import java.util.Map;
import java.util.Optional;

/** The {@code error} and {@code error_description} of an OAuth 2.0 error body (RFC 6749 5.2). */
final class OAuthError {
  private static final int MAX_DESCRIPTION_LENGTH = 200;

  private final String code;
  private final String description;

  private OAuthError(String code, String description) {
    this.code = code;
    this.description = description;
  }

  /** Returns the error of {@code json}, or empty when it has no {@code error} member. */
  static Optional<OAuthError> from(Map<?, ?> json) {
    String code = text(json.get("error"));
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new OAuthError(code.strip(), text(json.get("error_description"))));
  }

  private static String text(Object value) {
    if (value instanceof String string) {
      return string;
    }
    if (value instanceof Double number && number == Math.rint(number)) {
      return Long.toString(number.longValue());
    }
    return value == null ? null : value.toString();
  }

  /** Returns the error code, such as {@code authorization_pending}. */
  String code() {
    return code;
  }

  /** Returns whether the code equals {@code expected}, ignoring case. */
  boolean is(String expected) {
    return code.equalsIgnoreCase(expected);
  }

  /**
   * Returns the code followed by the description in parentheses. The description is cut to 200
   * characters and stripped of control characters, because it is server text put in a message.
   */
  String describe() {
    if (description == null || description.isBlank()) {
      return code;
    }
    String clean = description.strip().replaceAll("\\p{Cntrl}", " ");
    if (clean.length() > MAX_DESCRIPTION_LENGTH) {
      clean = clean.substring(0, MAX_DESCRIPTION_LENGTH) + "...";
    }
    return code + " (" + clean + ")";
  }
}
