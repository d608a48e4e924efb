package io.github.linkyj.core.testing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The Enedis token endpoint, {@code POST /oauth2/v3/token} with the client-credentials grant, and
 * the check of the application tokens it issues. Thread-safe: every method locks the instance.
 */
final class EnedisTokens {
  static final long TOKEN_SECONDS = 12_600;

  private final Clock clock;
  private final String clientId;
  private final String clientSecret;
  private final SecureRandom random = new SecureRandom();

  // Guarded by this.
  private final Map<String, Instant> expiries = new HashMap<>();

  EnedisTokens(Clock clock, String clientId, String clientSecret) {
    this.clock = clock;
    this.clientId = clientId;
    this.clientSecret = TestSecrets.add(clientSecret);
  }

  /**
   * Issues a token. The client authenticates with a Basic header, with form fields or, as some
   * gateways do, with query parameters.
   */
  synchronized ApiResult token(
      Map<String, String> form, Map<String, String> query, String authorization) {
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return ApiResult.error(
          400, "unsupported_grant_type", "Only the client_credentials grant type is supported.");
    }
    String[] credentials = credentials(form, query, authorization);
    if (credentials == null) {
      return ApiResult.error(400, "invalid_request", "Missing client_id or client_secret");
    }
    if (!credentials[0].equals(clientId) || !credentials[1].equals(clientSecret)) {
      return ApiResult.error(401, "invalid_client", "Client authentication failed");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = TestSecrets.add(HexFormat.of().formatHex(bytes));
    expiries.put(token, clock.instant().plusSeconds(TOKEN_SECONDS));
    // Enedis documents expires_in as a string.
    return ApiResult.ok(
        Json.object(
            "access_token",
            token,
            "token_type",
            "Bearer",
            "expires_in",
            Long.toString(TOKEN_SECONDS),
            "scope",
            ""));
  }

  private static String[] credentials(
      Map<String, String> form, Map<String, String> query, String authorization) {
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        byte[] decoded = Base64.getDecoder().decode(authorization.substring(6).trim());
        String pair = new String(decoded, StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon < 0
            ? null
            : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    for (Map<String, String> source : java.util.List.of(form, query)) {
      if (source.get("client_id") != null && source.get("client_secret") != null) {
        return new String[] {source.get("client_id"), source.get("client_secret")};
      }
    }
    return null;
  }

  /** Returns true if the header carries an unexpired token issued here. */
  synchronized boolean isAuthorized(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    Instant expiry = expiries.get(authorization.substring(7).trim());
    return expiry != null && clock.instant().isBefore(expiry);
  }
}
