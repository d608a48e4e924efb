package io.github.linkyj.core.testing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * The consent proxy's OAuth side: device authorization (RFC 8628), token polling, refresh, and the
 * access tokens that {@code /data/proxy} checks. Thread-safe: every method locks the instance.
 */
final class ConsentProxy {
  static final long ACCESS_TOKEN_SECONDS = 12_600;
  static final long DEVICE_CODE_SECONDS = 300;
  static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

  private static final String USER_CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

  private final Clock clock;
  private final String clientId;
  private final Duration interval;
  private final int approveAfterPolls;
  private final boolean manualApproval;
  private final boolean rotateRefreshTokens;
  private final boolean enforcePollInterval;
  private final Supplier<List<String>> consentedUsagePoints;
  private final SecureRandom random = new SecureRandom();

  // Guarded by this.
  private final Map<String, DeviceAuthorization> byDeviceCode = new HashMap<>();
  private final Map<String, DeviceAuthorization> byUserCode = new HashMap<>();
  private final Map<String, Grant> accessTokens = new HashMap<>();
  private final Map<String, Grant> refreshTokens = new HashMap<>();
  private final Queue<DevicePoll> script = new ArrayDeque<>();
  private String lastUserCode;

  ConsentProxy(
      Clock clock,
      String clientId,
      Duration interval,
      int approveAfterPolls,
      boolean manualApproval,
      boolean rotateRefreshTokens,
      boolean enforcePollInterval,
      Supplier<List<String>> consentedUsagePoints) {
    this.clock = clock;
    this.clientId = clientId;
    this.interval = interval;
    this.approveAfterPolls = approveAfterPolls;
    this.manualApproval = manualApproval;
    this.rotateRefreshTokens = rotateRefreshTokens;
    this.enforcePollInterval = enforcePollInterval;
    this.consentedUsagePoints = consentedUsagePoints;
  }

  private enum Status {
    PENDING,
    APPROVED,
    DENIED
  }

  private static final class DeviceAuthorization {
    final String deviceCode;
    final String userCode;
    final Instant expiresAt;
    Status status = Status.PENDING;
    int polls;
    List<String> usagePoints;
    Duration interval;
    Instant lastPoll;

    DeviceAuthorization(String deviceCode, String userCode, Instant expiresAt, Duration interval) {
      this.deviceCode = deviceCode;
      this.userCode = userCode;
      this.expiresAt = expiresAt;
      this.interval = interval;
    }

    /**
     * Records a poll and returns true if it came sooner than the interval after the previous one.
     * The interval then grows by 5 seconds, the increase RFC 8628 sets for {@code slow_down}.
     */
    boolean pollTooSoon(Instant now) {
      boolean tooSoon = lastPoll != null && now.isBefore(lastPoll.plus(interval));
      lastPoll = now;
      if (tooSoon) {
        interval = interval.plusSeconds(5);
      }
      return tooSoon;
    }
  }

  /** The usage points a token was granted for, and when it expires (null for refresh tokens). */
  private record Grant(List<String> usagePoints, Instant expiresAt) {}

  /** Serves {@code POST /device/code}. */
  synchronized ApiResult deviceCode(Map<String, String> form, String baseUrl) {
    if (isBlank(form.get("client_id"))) {
      return ApiResult.error(400, "invalid_request", "Missing client_id");
    }
    String deviceCode = TestSecrets.add(hex(32));
    String userCode = newUserCode();
    Instant expiresAt = clock.instant().plusSeconds(DEVICE_CODE_SECONDS);
    DeviceAuthorization authorization =
        new DeviceAuthorization(deviceCode, userCode, expiresAt, interval);
    byDeviceCode.put(deviceCode, authorization);
    byUserCode.put(normalize(userCode), authorization);
    lastUserCode = userCode;
    return ApiResult.ok(
        Json.object(
            "device_code",
            deviceCode,
            "user_code",
            userCode,
            "verification_uri",
            baseUrl + "device",
            "verification_uri_complete",
            baseUrl + "device?code=" + userCode,
            "expires_in",
            DEVICE_CODE_SECONDS,
            "interval",
            interval.toSeconds()));
  }

  /** Serves {@code POST /device/token} for the device-code and refresh-token grants. */
  synchronized ApiResult token(Map<String, String> form) {
    String grantType = form.get("grant_type");
    if (isBlank(form.get("client_id")) || isBlank(grantType)) {
      return ApiResult.error(400, "invalid_request", "Missing client_id or grant_type");
    }
    if (!form.get("client_id").equals(clientId)) {
      return ApiResult.error(400, "invalid_request", "Bad client_id");
    }
    if (grantType.equals(DEVICE_CODE_GRANT)) {
      return pollDeviceCode(form.get("device_code"));
    }
    if (grantType.equals("refresh_token")) {
      return refresh(form.get("refresh_token"), form.get("usage_points_id"));
    }
    return ApiResult.error(
        400,
        "unsupported_grant_type",
        "Only '" + DEVICE_CODE_GRANT + "' and refresh_token are supported.");
  }

  private ApiResult pollDeviceCode(String deviceCode) {
    if (isBlank(deviceCode)) {
      return ApiResult.error(400, "invalid_request", "Missing device_code");
    }
    DeviceAuthorization authorization = byDeviceCode.get(deviceCode);
    if (authorization == null) {
      return ApiResult.error(400, "invalid_grant", "device_code not found in db");
    }
    if (!clock.instant().isBefore(authorization.expiresAt)) {
      return answer(authorization, DevicePoll.EXPIRED);
    }
    if (enforcePollInterval && authorization.pollTooSoon(clock.instant())) {
      return answer(authorization, DevicePoll.SLOW_DOWN);
    }
    authorization.polls++;
    return answer(authorization, nextOutcome(authorization));
  }

  private DevicePoll nextOutcome(DeviceAuthorization authorization) {
    if (authorization.status == Status.DENIED) {
      return DevicePoll.DENIED;
    }
    if (authorization.status == Status.APPROVED) {
      return DevicePoll.APPROVED;
    }
    if (!script.isEmpty()) {
      return script.remove();
    }
    if (!manualApproval && authorization.polls > approveAfterPolls) {
      return DevicePoll.APPROVED;
    }
    return DevicePoll.PENDING;
  }

  private ApiResult answer(DeviceAuthorization authorization, DevicePoll outcome) {
    switch (outcome) {
      case PENDING:
        return new ApiResult(400, Json.object("error", "authorization_pending"));
      case SLOW_DOWN:
        return new ApiResult(400, Json.object("error", "slow_down"));
      case DENIED:
        authorization.status = Status.DENIED;
        return ApiResult.error(400, "access_denied", "The user refused the consent request");
      case EXPIRED:
        forget(authorization);
        return ApiResult.error(400, "expired_token", "The device code has expired");
      case APPROVED:
      default:
        forget(authorization);
        List<String> usagePoints =
            authorization.usagePoints != null
                ? authorization.usagePoints
                : consentedUsagePoints.get();
        return ApiResult.ok(issueTokens(usagePoints, true));
    }
  }

  private void forget(DeviceAuthorization authorization) {
    byDeviceCode.remove(authorization.deviceCode);
    byUserCode.remove(normalize(authorization.userCode));
  }

  private ApiResult refresh(String refreshToken, String usagePointsId) {
    if (isBlank(usagePointsId)) {
      return ApiResult.error(400, "invalid_request", "Missing usage_points_id");
    }
    if (isBlank(refreshToken)) {
      return ApiResult.error(400, "invalid_request", "Missing refresh_token");
    }
    Grant grant = refreshTokens.get(refreshToken);
    if (grant == null) {
      return ApiResult.error(400, "invalid_grant", "refresh_token not found in database");
    }
    if (!String.join(",", grant.usagePoints()).equals(usagePointsId)) {
      return ApiResult.error(
          400, "invalid_request", "refresh_token not corresponding to usage_points_id");
    }
    if (rotateRefreshTokens) {
      refreshTokens.remove(refreshToken);
      return ApiResult.ok(issueTokens(grant.usagePoints(), false));
    }
    String accessToken = newAccessToken(grant.usagePoints());
    return ApiResult.ok(tokenBody(accessToken, refreshToken, null));
  }

  private Map<String, Object> issueTokens(List<String> usagePoints, boolean listUsagePoints) {
    String accessToken = newAccessToken(usagePoints);
    String refreshToken = uniqueToken(refreshTokens);
    refreshTokens.put(refreshToken, new Grant(List.copyOf(usagePoints), null));
    return tokenBody(accessToken, refreshToken, listUsagePoints ? usagePoints : null);
  }

  private String newAccessToken(List<String> usagePoints) {
    String token = uniqueToken(accessTokens);
    Instant expiresAt = clock.instant().plusSeconds(ACCESS_TOKEN_SECONDS);
    accessTokens.put(token, new Grant(List.copyOf(usagePoints), expiresAt));
    return token;
  }

  private static Map<String, Object> tokenBody(
      String accessToken, String refreshToken, List<String> usagePoints) {
    Map<String, Object> body =
        Json.object(
            "access_token",
            accessToken,
            "refresh_token",
            refreshToken,
            "token_type",
            "Bearer",
            "expires_in",
            ACCESS_TOKEN_SECONDS);
    if (usagePoints != null) {
      body.put("usage_points_id", String.join(",", usagePoints));
    }
    body.put("scope", "");
    return body;
  }

  /**
   * Returns the usage points an unexpired access token grants, or empty for an unknown or expired
   * token.
   */
  synchronized Optional<List<String>> usagePointsOf(String accessToken) {
    Grant grant = accessTokens.get(accessToken);
    if (grant == null || !clock.instant().isBefore(grant.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(grant.usagePoints());
  }

  /** Approves a user code as the consent page would, for the given usage points or all. */
  synchronized boolean approve(String userCode, List<String> usagePoints) {
    DeviceAuthorization authorization = byUserCode.get(normalize(userCode));
    if (authorization == null || !clock.instant().isBefore(authorization.expiresAt)) {
      return false;
    }
    authorization.status = Status.APPROVED;
    authorization.usagePoints = usagePoints.isEmpty() ? null : List.copyOf(usagePoints);
    return true;
  }

  synchronized boolean deny(String userCode) {
    DeviceAuthorization authorization = byUserCode.get(normalize(userCode));
    if (authorization == null) {
      return false;
    }
    authorization.status = Status.DENIED;
    return true;
  }

  synchronized void script(List<DevicePoll> outcomes) {
    script.clear();
    script.addAll(outcomes);
  }

  synchronized Optional<String> lastUserCode() {
    return Optional.ofNullable(lastUserCode);
  }

  /** Forgets every refresh token: the next refresh returns {@code invalid_grant}. */
  synchronized void revokeRefreshTokens() {
    refreshTokens.clear();
  }

  /** Forgets the refresh tokens that cover a usage point whose consent was revoked. */
  synchronized void revokeUsagePoint(String usagePointId) {
    refreshTokens.values().removeIf(grant -> grant.usagePoints().contains(usagePointId));
  }

  private String newUserCode() {
    StringBuilder code = new StringBuilder(9);
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        code.append('-');
      }
      code.append(USER_CODE_LETTERS.charAt(random.nextInt(USER_CODE_LETTERS.length())));
    }
    return code.toString();
  }

  private String uniqueToken(Map<String, Grant> existing) {
    String token = hex(32);
    while (existing.containsKey(token)) {
      token = hex(32);
    }
    return TestSecrets.add(token);
  }

  private String hex(int bytes) {
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }

  private static String normalize(String userCode) {
    return userCode.replace("-", "").trim().toUpperCase(Locale.ROOT);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
