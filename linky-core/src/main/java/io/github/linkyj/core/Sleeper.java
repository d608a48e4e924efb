package io.github.linkyj.core;

import java.time.Duration;

/**
 * Waits between requests: for the rate limit, for a retry backoff or for a {@code Retry-After}.
 * Tests pass one that advances a fake clock instead of blocking.
 */
@FunctionalInterface
public interface Sleeper {

  /** Blocks the calling thread for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** Returns a sleeper that calls {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
