package io.github.linkyj.core.testing;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A third-party gateway in the style of conso.boris.sh: {@code GET /api/<kind>?prm=&start=&end=}
 * with a bearer JWT whose subject lists the usage points. Successful responses are the Enedis
 * {@code meter_reading} members at the top level; Enedis errors are wrapped with the Enedis status.
 */
final class Gateway {
  private static final String TOKEN_REJECTED =
      "Votre token est invalide ou ne permet pas d'accéder à ce PRM";

  private final Clock clock;
  private final EnedisApi enedis;

  Gateway(Clock clock, EnedisApi enedis) {
    this.clock = clock;
    this.enedis = enedis;
  }

  ApiResult get(String kindName, Map<String, String> query, String authorization) {
    Optional<MeteringKind> kind = MeteringKind.fromEndpointName(kindName);
    if (kind.isEmpty()) {
      return gatewayError(404, "Unknown data type: " + kindName);
    }
    String prm = query.get("prm");
    if (prm == null || query.get("start") == null || query.get("end") == null) {
      return gatewayError(400, "Invalid parameters: prm, start and end are required");
    }
    Optional<List<String>> allowed = bearer(authorization).flatMap(this::usagePoints);
    if (allowed.isEmpty() || !allowed.get().contains(prm)) {
      return gatewayError(401, TOKEN_REJECTED);
    }
    Map<String, String> enedisQuery =
        Map.of("usage_point_id", prm, "start", query.get("start"), "end", query.get("end"));
    ApiResult result = enedis.metering(kind.get(), enedisQuery);
    if (result.isSuccessful()) {
      @SuppressWarnings("unchecked") // EnedisApi builds meter_reading as an ordered map.
      Map<String, Object> meterReading = (Map<String, Object>) result.body().get("meter_reading");
      return ApiResult.ok(meterReading);
    }
    return new ApiResult(
        result.status(),
        Json.object(
            "status",
            result.status(),
            "message",
            "The Enedis API returned an error",
            "error",
            result.body()));
  }

  private Optional<List<String>> usagePoints(String token) {
    return GatewayTokens.usagePoints(token, clock.instant());
  }

  private static Optional<String> bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring(7).trim());
  }

  private static ApiResult gatewayError(int status, String message) {
    return new ApiResult(status, Json.object("status", status, "message", message));
  }
}
