package io.github.linkyj.core.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer access token and the instant it expires.
 *
 * <p>{@link #toString()} never shows the token value. Immutable and thread-safe.
 */
public final class AccessToken {
  private final String value;
  private final Instant expiresAt;

  private AccessToken(String value, Instant expiresAt) {
    this.value = value;
    this.expiresAt = expiresAt;
  }

  /**
   * Creates a token.
   *
   * @param value the bearer token, not empty
   * @param expiresAt when the server stops accepting it
   */
  public static AccessToken of(String value, Instant expiresAt) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (value.isBlank()) {
      throw new IllegalArgumentException("Access token is empty");
    }
    return new AccessToken(value, expiresAt);
  }

  /** Returns the bearer token value; never log it. */
  public String value() {
    return value;
  }

  /** Returns the instant the token expires. */
  public Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccessToken that
        && value.equals(that.value)
        && expiresAt.equals(that.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, expiresAt);
  }

  @Override
  public String toString() {
    return "AccessToken{value=<redacted>, expiresAt=" + expiresAt + "}";
  }
}
