package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What one sync cycle fetches.
 *
 * <p>The requests come per usage point in this order: consumption load curve, consumption daily,
 * maximum power, production load curve, production daily; within each, newest days first. A caller
 * stops the remaining requests of a usage point and direction at the first one that Enedis rejects
 * with "no data" or a wrong-direction error, and records a wrong-direction error with {@link
 * UsagePointState#withAbsent}.
 *
 * @param completeHistory whether this cycle fetches the complete history, so the days already
 *     written are fetched and written again. It is false for a short-history cycle, which fetches
 *     only the days missing.
 * @param window the days the cycle covers, end exclusive (today)
 * @param requests the requests in order
 * @param nextCompleteHistory the date of the next complete-history cycle to store after this one
 *     succeeds; empty when the history is short enough to be checked on every cycle
 */
public record FetchPlan(
    boolean completeHistory,
    DateRange window,
    List<FetchRequest> requests,
    Optional<LocalDate> nextCompleteHistory) {
  /** Creates the plan. */
  public FetchPlan {
    requireNonNull(window, "window");
    requests = List.copyOf(requests);
    requireNonNull(nextCompleteHistory, "nextCompleteHistory");
  }

  /** Returns the requests of {@code usagePointId}, in order. */
  public List<FetchRequest> requestsOf(String usagePointId) {
    return requests.stream().filter(r -> r.usagePointId().equals(usagePointId)).toList();
  }
}
