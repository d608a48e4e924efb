package io.github.linkyj.core.auth;

import io.github.linkyj.core.LinkyException;
import java.util.Optional;

/**
 * Keeps the tokens of one token source between runs. Providers read it before they ask the server
 * for a new token and write it after every new token, so a rotated refresh token is never lost.
 *
 * <p>Only one process may use a store at a time: two processes that refresh with the same refresh
 * token make the server reject the second one when it rotates refresh tokens. Implementations are
 * thread-safe.
 */
public interface TokenStore {

  /**
   * Returns the stored tokens, or empty when none are stored.
   *
   * @throws io.github.linkyj.core.ConsentRequiredException when the stored data cannot be read; the
   *     message names where it is and how to fix it
   * @throws LinkyException when the store fails in another way
   */
  Optional<StoredTokens> load() throws LinkyException;

  /** Replaces the stored tokens with {@code tokens}. */
  void save(StoredTokens tokens) throws LinkyException;

  /** Removes the stored tokens, for example after the server revoked the refresh token. */
  void clear() throws LinkyException;
}
