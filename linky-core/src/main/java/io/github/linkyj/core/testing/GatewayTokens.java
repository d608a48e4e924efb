package io.github.linkyj.core.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints and checks gateway tokens: HS256 JWTs whose {@code sub} lists the usage points, signed with
 * a fixed test key that is public on purpose, so any simulator accepts any token minted here and
 * rejects a token whose payload was changed.
 */
final class GatewayTokens {
  private static final byte[] TEST_KEY =
      "linky-simulator-gateway-test-key".getBytes(StandardCharsets.UTF_8);
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private GatewayTokens() {}

  static String mint(List<String> usagePointIds, Instant issuedAt, Instant expiresAt) {
    String header = encode(Json.write(Json.object("alg", "HS256", "typ", "JWT")));
    String payload =
        encode(
            Json.write(
                Json.object(
                    "sub",
                    List.copyOf(usagePointIds),
                    "iat",
                    issuedAt.getEpochSecond(),
                    "exp",
                    expiresAt.getEpochSecond())));
    return TestSecrets.add(header + "." + payload + "." + sign(header + "." + payload));
  }

  /**
   * Returns the usage points of a well-formed, correctly signed and unexpired token, or empty. The
   * subject may be a JSON array of ids or one string of ids separated by commas or semicolons.
   */
  static Optional<List<String>> usagePoints(String token, Instant now) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || !signatureMatches(parts)) {
      return Optional.empty();
    }
    TestSecrets.add(token);
    Map<String, Object> payload = Json.tryParseObject(decode(parts[1]));
    if (payload == null || isExpired(payload.get("exp"), now)) {
      return Optional.empty();
    }
    return subject(payload.get("sub"));
  }

  private static boolean signatureMatches(String[] parts) {
    byte[] expected = sign(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = parts[2].getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual);
  }

  private static boolean isExpired(Object exp, Instant now) {
    return exp instanceof Number seconds && now.getEpochSecond() >= seconds.longValue();
  }

  private static Optional<List<String>> subject(Object sub) {
    List<String> ids = new ArrayList<>();
    if (sub instanceof String text) {
      for (String id : text.split("[,;]")) {
        if (!id.isBlank()) {
          ids.add(id.trim());
        }
      }
    } else if (sub instanceof List<?> list) {
      for (Object id : list) {
        if (id instanceof String text) {
          ids.add(text);
        }
      }
    }
    return ids.isEmpty() ? Optional.empty() : Optional.of(ids);
  }

  private static String sign(String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(TEST_KEY, "HmacSHA256"));
      return ENCODER.encodeToString(mac.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static String encode(String json) {
    return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String part) {
    try {
      return new String(DECODER.decode(part), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
