package io.github.linkyj.core.auth;

import okhttp3.HttpUrl;

/**
 * Settings of a consent gateway in the style of conso.boris.sh: its base URL and the JWT the user
 * obtained there. Data comes from {@code <base>/api/<kind>?prm=&start=&end=}. There is no default
 * host.
 *
 * <p>{@link #toString()} never shows the token. Immutable and thread-safe.
 */
public final class GatewayConfig {
  private final HttpUrl baseUrl;
  private final GatewayToken token;

  private GatewayConfig(HttpUrl baseUrl, GatewayToken token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /**
   * Creates the settings of a gateway.
   *
   * @param baseUrl the gateway's base URL, such as {@code https://gateway.example.org}
   * @param token the JWT the gateway issued; see {@link GatewayToken#parse(String)}
   * @throws IllegalArgumentException when the URL is invalid or the token is not a JWT listing
   *     usage points
   */
  public static GatewayConfig of(String baseUrl, String token) {
    return new GatewayConfig(BaseUrls.parse(baseUrl, "baseUrl"), GatewayToken.parse(token));
  }

  /** Returns the base URL, ending with a slash. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  public GatewayToken token() {
    return token;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GatewayConfig that
        && baseUrl.equals(that.baseUrl)
        && token.equals(that.token);
  }

  @Override
  public int hashCode() {
    return 31 * baseUrl.hashCode() + token.hashCode();
  }

  @Override
  public String toString() {
    return "GatewayConfig{baseUrl=" + baseUrl + ", token=" + token + "}";
  }
}
