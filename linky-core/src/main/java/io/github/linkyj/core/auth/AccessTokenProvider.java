package io.github.linkyj.core.auth;

import io.github.linkyj.core.LinkyException;

/**
 * Supplies the bearer token that the data client sends with each request.
 *
 * <p>Implementations are thread-safe. Concurrent callers that need a refresh share one refresh
 * request.
 */
public interface AccessTokenProvider {

  /**
   * Returns a token valid for at least the next request, refreshing or requesting it first when it
   * is missing or expires soon.
   *
   * @throws io.github.linkyj.core.ConsentRequiredException when the user must consent again
   * @throws LinkyException when the token server fails
   */
  AccessToken accessToken() throws LinkyException;

  /**
   * Records that the server rejected {@code token} (HTTP 401), so the next {@link #accessToken()}
   * call refreshes it instead of returning it again.
   */
  void invalidate(AccessToken token);
}
