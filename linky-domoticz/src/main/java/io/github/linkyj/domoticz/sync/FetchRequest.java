package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One range of days to request from Enedis for a usage point.
 *
 * @param usagePointId the usage point
 * @param direction consumption or production
 * @param endpoint the Enedis endpoint
 * @param days the days, end exclusive
 */
public record FetchRequest(
    String usagePointId, Direction direction, Endpoint endpoint, DateRange days) {
  /** Enedis endpoint family, with the most days one request may cover. */
  public enum Endpoint {
    /** Consumption or production load curve, 7 days per request. */
    LOAD_CURVE(7),
    /** Daily consumption or production, 365 days per request. */
    DAILY(365),
    /** Daily maximum consumption power, 365 days per request. */
    MAX_POWER(365);

    private final int maxDaysPerRequest;

    Endpoint(int maxDaysPerRequest) {
      this.maxDaysPerRequest = maxDaysPerRequest;
    }

    /** Returns the most days one request may cover. */
    public int maxDaysPerRequest() {
      return maxDaysPerRequest;
    }
  }

  /** Creates the request. */
  public FetchRequest {
    requireNonNull(usagePointId, "usagePointId");
    requireNonNull(direction, "direction");
    requireNonNull(endpoint, "endpoint");
    requireNonNull(days, "days");
  }

  /** Returns the requests of at most the endpoint's days each, newest first. */
  public List<DateRange> chunksNewestFirst() {
    return days.chunksNewestFirst(endpoint.maxDaysPerRequest());
  }
}
