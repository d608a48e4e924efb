package io.github.linkyj.core.auth;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps tokens in memory only, so consent is lost when the process ends. Suits tests, short
 * programs and client credentials, which can always request a new token. Thread-safe.
 */
public final class InMemoryTokenStore implements TokenStore {
  private final AtomicReference<StoredTokens> tokens = new AtomicReference<>();

  /** Creates an empty store. */
  public InMemoryTokenStore() {}

  @Override
  public Optional<StoredTokens> load() {
    return Optional.ofNullable(tokens.get());
  }

  @Override
  public void save(StoredTokens tokens) {
    requireNonNull(tokens, "tokens");
    this.tokens.set(tokens);
  }

  @Override
  public void clear() {
    tokens.set(null);
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore";
  }
}
