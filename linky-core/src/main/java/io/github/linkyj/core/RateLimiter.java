package io.github.linkyj.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps requests within {@link RateLimits}: waits when the last second is full, fails when the last
 * hour is full. Thread-safe; callers wait one at a time.
 */
final class RateLimiter {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Duration HOUR = Duration.ofHours(1);

  private final RateLimits limits;
  private final Clock clock;
  private final Sleeper sleeper;

  /** Send instants of the last hour, oldest first. Guarded by this. */
  private final Deque<Instant> lastHour = new ArrayDeque<>();

  /** Send instants of the last {@code perSecond} requests, oldest first. Guarded by this. */
  private final Deque<Instant> lastRequests = new ArrayDeque<>();

  RateLimiter(RateLimits limits, Clock clock, Sleeper sleeper) {
    this.limits = limits;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Waits until a request may be sent and records it.
   *
   * @param period the requested days, named in the message, or null
   * @throws QuotaExceededException if the hourly budget is used up
   */
  synchronized void acquire(String endpoint, String period, String usagePointId)
      throws LinkyException {
    Instant now = clock.instant();
    while (!lastHour.isEmpty() && !lastHour.peekFirst().plus(HOUR).isAfter(now)) {
      lastHour.removeFirst();
    }
    if (lastHour.size() >= limits.perHour()) {
      Instant retryAt = lastHour.peekFirst().plus(HOUR);
      throw new QuotaExceededException(
          "Local budget of "
              + limits.perHour()
              + " requests per hour used up before GET "
              + endpoint
              + (period == null ? "" : " for " + period)
              + " for usage point "
              + usagePointId
              + "; retry after "
              + retryAt,
          endpoint,
          0,
          null,
          usagePointId,
          retryAt,
          null);
    }
    now = waitForSecond(now);
    lastHour.addLast(now);
    lastRequests.addLast(now);
    if (lastRequests.size() > limits.perSecond()) {
      lastRequests.removeFirst();
    }
  }

  private Instant waitForSecond(Instant now) throws LinkyException {
    if (lastRequests.size() < limits.perSecond()) {
      return now;
    }
    Duration wait = Duration.between(now, lastRequests.peekFirst().plus(SECOND));
    if (wait.isNegative() || wait.isZero()) {
      return now;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LinkyException("Interrupted while waiting for the rate limit", e);
    }
    return clock.instant();
  }
}
