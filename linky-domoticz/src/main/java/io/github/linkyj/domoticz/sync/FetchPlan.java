package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What one sync cycle fetches.
 *
 * <p>The requests come per usage point in this order: consumption load curve, consumption daily,
 * maximum power, production load curve, production daily; within each, newest days first. A caller
 * stops the remaining requests of a usage point and direction at the first one that Enedis rejects
 * with "no data" or a wrong-direction error, and records a wrong-direction error with {@link
 * UsagePointState#withAbsent}. The plan contains no request for the days within the load curve's 24
 * months that the curve misses, because the caller requests the daily endpoint for them after each
 * load-curve batch. A load curve returning "no data" stops only when the daily endpoint has none
 * either.
 *
 * @param completeHistory whether this cycle fetches the complete history, so the days already
 *     written are fetched and written again. It is false for a short-history cycle, which fetches
 *     only the days missing.
 * @param window the days the cycle covers, end exclusive (today)
 * @param requests the requests in order
 * @param nextCompleteHistory the date of the next complete-history cycle, stored when this one
 *     succeeds. It is empty when the history is short enough to be checked on every cycle.
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

  /**
   * Returns the requests of {@code usagePointId} grouped into batches that each cover at most one
   * request's worth of days of one endpoint, both directions together, newest first: the load curve
   * batches, then the daily ones, then the maximum power ones.
   *
   * <p>A caller that fetches a batch, writes its days and records them in the sync state before the
   * next batch never writes a day twice for want of the other direction, and a cycle interrupted
   * between batches resumes at the first batch not recorded.
   */
  public List<FetchBatch> batchesOf(String usagePointId) {
    List<FetchRequest> own = requestsOf(usagePointId);
    List<FetchBatch> batches = new ArrayList<>();
    for (FetchRequest.Endpoint endpoint : FetchRequest.Endpoint.values()) {
      DaySet union = DaySet.empty();
      for (FetchRequest request : own) {
        if (request.endpoint() == endpoint) {
          union = union.plus(request.days());
        }
      }
      List<DateRange> ranges = union.ranges();
      Collections.reverse(ranges);
      for (DateRange range : ranges) {
        for (DateRange chunk : range.chunksNewestFirst(endpoint.maxDaysPerRequest())) {
          batches.add(new FetchBatch(chunk, clip(own, endpoint, chunk)));
        }
      }
    }
    return batches;
  }

  private static List<FetchRequest> clip(
      List<FetchRequest> requests, FetchRequest.Endpoint endpoint, DateRange chunk) {
    List<FetchRequest> clipped = new ArrayList<>();
    for (FetchRequest request : requests) {
      DateRange days = request.days();
      if (request.endpoint() != endpoint
          || !days.endExclusive().isAfter(chunk.startInclusive())
          || !days.startInclusive().isBefore(chunk.endExclusive())) {
        continue;
      }
      LocalDate start =
          days.startInclusive().isAfter(chunk.startInclusive())
              ? days.startInclusive()
              : chunk.startInclusive();
      LocalDate end =
          days.endExclusive().isBefore(chunk.endExclusive())
              ? days.endExclusive()
              : chunk.endExclusive();
      clipped.add(
          new FetchRequest(
              request.usagePointId(), request.direction(), endpoint, DateRange.of(start, end)));
    }
    return clipped;
  }

  /**
   * Requests of one usage point over at most one request's worth of days of one endpoint.
   *
   * @param days the days the batch covers
   * @param requests one request per direction, each within {@code days}
   */
  public record FetchBatch(DateRange days, List<FetchRequest> requests) {
    /** Creates the batch. */
    public FetchBatch {
      requireNonNull(days, "days");
      requests = List.copyOf(requests);
    }
  }
}
