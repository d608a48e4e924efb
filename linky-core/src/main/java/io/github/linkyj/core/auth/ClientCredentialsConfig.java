package io.github.linkyj.core.auth;

import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Settings of a direct Enedis Data Connect application: the API gateway's base URL and the
 * application's client id and secret. Tokens come from {@code <base>/oauth2/v3/token} with the
 * client credentials grant.
 *
 * <p>The caller reads the secret from the environment or a file; this type only stores it, and
 * {@link #toString()} never shows it. There is no default host. Immutable and thread-safe.
 */
public final class ClientCredentialsConfig {
  private final HttpUrl baseUrl;
  private final String clientId;
  private final String clientSecret;

  private ClientCredentialsConfig(HttpUrl baseUrl, String clientId, String clientSecret) {
    this.baseUrl = baseUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /**
   * Creates the settings of an application.
   *
   * @param baseUrl the Enedis API gateway, such as the sandbox gateway's URL
   * @param clientId the application's client id from the Enedis DataHub
   * @param clientSecret the application's client secret; never log it
   * @throws IllegalArgumentException when the URL is not http or https or a value is blank
   */
  public static ClientCredentialsConfig of(String baseUrl, String clientId, String clientSecret) {
    return new ClientCredentialsConfig(
        BaseUrls.parse(baseUrl, "baseUrl"),
        BaseUrls.requireText(clientId, "clientId"),
        BaseUrls.requireText(clientSecret, "clientSecret"));
  }

  /** Returns the base URL, ending with a slash. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  public String clientId() {
    return clientId;
  }

  /** Returns the client secret; never log it. */
  public String clientSecret() {
    return clientSecret;
  }

  /** Returns the identity that tokens of this application are stored under. */
  public TokenSource source() {
    return TokenSource.of(baseUrl, clientId);
  }

  HttpUrl tokenUrl() {
    return baseUrl.resolve("oauth2/v3/token");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClientCredentialsConfig that
        && baseUrl.equals(that.baseUrl)
        && clientId.equals(that.clientId)
        && clientSecret.equals(that.clientSecret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(baseUrl, clientId, clientSecret);
  }

  @Override
  public String toString() {
    return "ClientCredentialsConfig{baseUrl="
        + baseUrl
        + ", clientId="
        + clientId
        + ", clientSecret=<redacted>}";
  }
}
