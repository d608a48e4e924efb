package io.github.linkyj.core.auth;

import static java.util.Objects.requireNonNull;

import okhttp3.HttpUrl;

/**
 * The token server and client id that issued stored tokens. A provider ignores stored tokens of
 * another source, so a token of a sandbox proxy is never sent to a production one.
 *
 * <p>Immutable and thread-safe.
 */
public final class TokenSource {
  private final HttpUrl baseUrl;
  private final String clientId;

  private TokenSource(HttpUrl baseUrl, String clientId) {
    this.baseUrl = baseUrl;
    this.clientId = clientId;
  }

  /**
   * Creates a source.
   *
   * @param baseUrl the token server's base URL; a trailing slash is added when missing
   * @param clientId the client id sent to that server
   */
  public static TokenSource of(String baseUrl, String clientId) {
    return new TokenSource(
        BaseUrls.parse(baseUrl, "baseUrl"), BaseUrls.requireText(clientId, "clientId"));
  }

  static TokenSource of(HttpUrl baseUrl, String clientId) {
    requireNonNull(baseUrl, "baseUrl");
    return new TokenSource(baseUrl, clientId);
  }

  /** Returns the base URL, ending with a slash. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /** Returns the client id. */
  public String clientId() {
    return clientId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenSource that
        && baseUrl.equals(that.baseUrl)
        && clientId.equals(that.clientId);
  }

  @Override
  public int hashCode() {
    return 31 * baseUrl.hashCode() + clientId.hashCode();
  }

  /** Returns the base URL and client id, which are identifiers, not secrets. */
  @Override
  public String toString() {
    return baseUrl + " (client id " + clientId + ")";
  }
}
