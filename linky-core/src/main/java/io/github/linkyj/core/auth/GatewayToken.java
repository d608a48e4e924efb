package io.github.linkyj.core.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bearer JWT issued by a consent gateway in the style of conso.boris.sh, whose {@code sub} claim
 * lists the usage points it may read.
 *
 * <p>{@link #parse(String)} decodes the payload without checking the signature: only the gateway
 * has the key, and it checks the signature on every request. The decoded claims therefore tell the
 * user early which usage points and expiry the token claims, not that the gateway accepts it.
 *
 * <p>{@code sub} may be a JSON array of 14-digit strings (what conso.boris.sh issues) or one string
 * with ids separated by commas or semicolons. {@code exp} is optional. {@link #toString()} never
 * shows the token. Immutable and thread-safe.
 */
public final class GatewayToken {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  private final String value;
  private final List<String> usagePointIds;
  private final Instant expiresAt;

  private GatewayToken(String value, List<String> usagePointIds, Instant expiresAt) {
    this.value = value;
    this.usagePointIds = usagePointIds;
    this.expiresAt = expiresAt;
  }

  /**
   * Decodes a JWT without checking its signature.
   *
   * @param jwt the token as the gateway showed it, with or without a {@code Bearer } prefix
   * @throws IllegalArgumentException when it is not a JWT, or its {@code sub} lists no valid usage
   *     point; the message never shows the token
   */
  public static GatewayToken parse(String jwt) {
    requireNonNull(jwt, "jwt");
    String value = stripBearer(jwt.strip());
    String[] parts = value.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "Gateway token is not a JWT: expected 3 parts separated by dots, found "
              + parts.length
              + "; paste the whole token the gateway showed");
    }
    Map<?, ?> claims = decodeClaims(parts[1]);
    List<String> usagePointIds = readUsagePoints(claims.get("sub"));
    return new GatewayToken(value, usagePointIds, readExpiry(claims.get("exp")));
  }

  private static String stripBearer(String value) {
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return value.substring(7).strip();
    }
    return value;
  }

  private static Map<?, ?> decodeClaims(String payload) {
    try {
      String json = new String(Base64.getUrlDecoder().decode(payload), UTF_8);
      if (JSON.fromJson(json) instanceof Map<?, ?> claims) {
        return claims;
      }
    } catch (IllegalArgumentException | IOException | JsonDataException e) {
      throw new IllegalArgumentException(
          "Gateway token is not a JWT: its payload is not base64url-encoded JSON ("
              + e.getMessage()
              + "); paste the whole token the gateway showed",
          e);
    }
    throw new IllegalArgumentException("Gateway token is not a JWT: its payload is not an object");
  }

  private static List<String> readUsagePoints(Object subject) {
    List<String> ids;
    try {
      ids = UsagePointIds.fromJson(subject);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Gateway token has an invalid sub claim: " + e.getMessage());
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException(
          "Gateway token lists no usage point in its sub claim; ask the gateway for a new token");
    }
    return ids;
  }

  private static Instant readExpiry(Object exp) {
    if (exp == null) {
      return null;
    }
    if (exp instanceof Double seconds && Double.isFinite(seconds)) {
      return Instant.ofEpochSecond(seconds.longValue());
    }
    throw new IllegalArgumentException(
        "Gateway token has an exp claim that is not a number of seconds: " + exp);
  }

  /** Returns the bearer token; never log it. */
  public String value() {
    return value;
  }

  /** Returns the usage points listed in the {@code sub} claim, in order. */
  public List<String> usagePointIds() {
    return usagePointIds;
  }

  /** Returns the {@code exp} claim, if the token has one. */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GatewayToken that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "GatewayToken{value=<redacted>, usagePointIds="
        + usagePointIds
        + ", expiresAt="
        + (expiresAt == null ? "none" : expiresAt.toString())
        + "}";
  }
}
