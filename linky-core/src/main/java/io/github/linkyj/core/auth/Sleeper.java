package io.github.linkyj.core.auth;

import java.time.Duration;

/**
 * Waits between the polls of a device authorization. The default is {@link Thread#sleep}; tests
 * inject one that records the waits and advances a fake clock.
 */
@FunctionalInterface
public interface Sleeper {

  /** Blocks the current thread for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** Returns a sleeper that calls {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
