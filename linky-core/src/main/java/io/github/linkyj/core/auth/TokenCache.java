package io.github.linkyj.core.auth;

import static java.util.Objects.requireNonNull;

import io.github.linkyj.core.LinkyException;
import java.time.Clock;
import java.time.Duration;

/**
 * Holds the current access token of a provider and renews it at most once at a time: callers that
 * find it stale wait on one lock, the first renews and the others reuse its result.
 */
final class TokenCache {
  /** A token with less than this left is renewed before use. */
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(20);

  /** Obtains a new token; runs under the cache's lock. */
  interface Renewal {
    AccessToken renew() throws LinkyException;
  }

  private final Clock clock;
  private final Object lock = new Object();
  private volatile AccessToken current;
  private volatile AccessToken rejected;

  TokenCache(Clock clock) {
    this.clock = clock;
  }

  /** Returns the current token when it is fresh, else the result of one shared renewal. */
  AccessToken get(Renewal renewal) throws LinkyException {
    AccessToken token = current;
    if (isFresh(token)) {
      return token;
    }
    synchronized (lock) {
      token = current;
      if (isFresh(token)) {
        return token;
      }
      AccessToken renewed = renewal.renew();
      current = renewed;
      return renewed;
    }
  }

  /**
   * Returns whether {@code token} has at least {@link #REFRESH_MARGIN} left and was not rejected.
   */
  boolean isFresh(AccessToken token) {
    return token != null
        && !token.equals(rejected)
        && !clock.instant().plus(REFRESH_MARGIN).isAfter(token.expiresAt());
  }

  /** Makes {@code token} the current one, for example after a device authorization. */
  void put(AccessToken token) {
    current = requireNonNull(token, "token");
  }

  /** Records that the server rejected {@code token}, so it is never returned again. */
  void reject(AccessToken token) {
    requireNonNull(token, "token");
    rejected = token;
    if (token.equals(current)) {
      current = null;
    }
  }
}
