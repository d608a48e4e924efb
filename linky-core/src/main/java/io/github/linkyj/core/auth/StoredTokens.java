package io.github.linkyj.core.auth;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tokens a {@link TokenStore} keeps for one token source: the access token and its expiry, the
 * refresh token when the source issues one, and the usage points the user consented to.
 *
 * <p>{@link #toString()} never shows a token. Immutable and thread-safe.
 */
public final class StoredTokens {
  private final TokenSource source;
  private final AccessToken accessToken;
  private final String refreshToken;
  private final List<String> usagePointIds;

  private StoredTokens(
      TokenSource source, AccessToken accessToken, String refreshToken, List<String> ids) {
    this.source = source;
    this.accessToken = accessToken;
    this.refreshToken = refreshToken;
    this.usagePointIds = ids;
  }

  /**
   * Creates stored tokens.
   *
   * @param source the server and client id that issued the tokens
   * @param accessToken the access token and its expiry
   * @param refreshToken the refresh token, or null when the source issues none
   * @param usagePointIds the consented usage points, 14 digits each; may be empty
   * @throws IllegalArgumentException when a usage point id is not 14 digits or the refresh token is
   *     blank
   */
  public static StoredTokens of(
      TokenSource source,
      AccessToken accessToken,
      String refreshToken,
      List<String> usagePointIds) {
    requireNonNull(source, "source");
    requireNonNull(accessToken, "accessToken");
    requireNonNull(usagePointIds, "usagePointIds");
    if (refreshToken != null && refreshToken.isBlank()) {
      throw new IllegalArgumentException("Refresh token is empty; pass null when there is none");
    }
    return new StoredTokens(
        source, accessToken, refreshToken, UsagePointIds.validate(usagePointIds));
  }

  public TokenSource source() {
    return source;
  }

  public AccessToken accessToken() {
    return accessToken;
  }

  /** Returns the refresh token, if the source issued one; never log it. */
  public Optional<String> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  /** Returns the consented usage points in the order the server listed them. */
  public List<String> usagePointIds() {
    return usagePointIds;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredTokens that
        && source.equals(that.source)
        && accessToken.equals(that.accessToken)
        && Objects.equals(refreshToken, that.refreshToken)
        && usagePointIds.equals(that.usagePointIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, accessToken, refreshToken, usagePointIds);
  }

  @Override
  public String toString() {
    return "StoredTokens{source="
        + source
        + ", accessToken="
        + accessToken
        + ", refreshToken="
        + (refreshToken == null ? "none" : "<redacted>")
        + ", usagePointIds="
        + usagePointIds
        + "}";
  }
}
