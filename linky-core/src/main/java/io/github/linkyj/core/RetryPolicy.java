package io.github.linkyj.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The retry rules of a {@link LinkyClient} for a request that failed for a temporary reason: HTTP
 * 500, 502, 503 or 504, the Enedis code {@code technical_error}, a timeout, a dropped connection,
 * or a 429 whose wait is short.
 *
 * <p>The n-th retry waits {@code min(maxBackoff, initialBackoff × 2^(n-1))}, of which a random half
 * is dropped (jitter), unless the server sent {@code Retry-After} or a next access time; that wait
 * is used as given when it is at most {@link #maxServerWait()}, and the request fails at once when
 * it is longer. A server time already past takes the backoff. Immutable and thread-safe.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS =
      new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMinutes(2));

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxServerWait;

  private RetryPolicy(
      int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxServerWait) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.maxServerWait = maxServerWait;
  }

  /**
   * Returns 4 attempts, backoff from 2 s doubling to at most 1 minute, and server waits of up to 2
   * minutes.
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** Returns a policy that sends each request once. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /**
   * Returns a policy.
   *
   * @param maxAttempts the number of times a request is sent, at least 1
   * @param initialBackoff the wait before the first retry
   * @param maxBackoff the longest backoff wait, at least {@code initialBackoff}
   * @param maxServerWait the longest server-requested wait the client sleeps through
   */
  public static RetryPolicy of(
      int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxServerWait) {
    requireNonNull(initialBackoff, "initialBackoff");
    requireNonNull(maxBackoff, "maxBackoff");
    requireNonNull(maxServerWait, "maxServerWait");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "Backoff must satisfy 0 <= initialBackoff <= maxBackoff, got "
              + initialBackoff
              + " and "
              + maxBackoff);
    }
    if (maxServerWait.isNegative()) {
      throw new IllegalArgumentException("maxServerWait is negative: " + maxServerWait);
    }
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxServerWait);
  }

  /** Returns the number of times a request is sent at most. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Returns the wait before the first retry, before jitter. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** Returns the longest backoff wait, before jitter. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** Returns the longest wait requested by the server that the client sleeps through. */
  public Duration maxServerWait() {
    return maxServerWait;
  }

  /** Returns the backoff before retry number {@code retry} (1 for the first), before jitter. */
  Duration backoff(int retry) {
    Duration backoff = initialBackoff;
    for (int i = 1; i < retry && backoff.compareTo(maxBackoff) < 0; i++) {
      backoff = backoff.multipliedBy(2);
    }
    return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", maxServerWait="
        + maxServerWait
        + "}";
  }
}
