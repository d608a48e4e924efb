package io.github.linkyj.core.auth;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Settings of a consent proxy that offers the OAuth 2.0 device authorization grant (RFC 8628) at
 * {@code <base>/device/code} and {@code <base>/device/token}, and the Enedis data under {@code
 * <base>/data/proxy/}.
 *
 * <p>The base URL may carry a path prefix: with {@code https://proxy.example.org/linky} the device
 * code endpoint is {@code https://proxy.example.org/linky/device/code}. There is no default host.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConsentProxyConfig {
  private final HttpUrl baseUrl;
  private final String clientId;
  private final String scope;

  private ConsentProxyConfig(HttpUrl baseUrl, String clientId, String scope) {
    this.baseUrl = baseUrl;
    this.clientId = clientId;
    this.scope = scope;
  }

  /**
   * Creates the settings of a proxy.
   *
   * @param baseUrl the proxy's base URL, such as {@code https://proxy.example.org}
   * @param clientId the client id the proxy operator gave
   * @throws IllegalArgumentException when the URL is not http or https or the client id is blank
   */
  public static ConsentProxyConfig of(String baseUrl, String clientId) {
    return new ConsentProxyConfig(
        BaseUrls.parse(baseUrl, "baseUrl"), BaseUrls.requireText(clientId, "clientId"), null);
  }

  /** Returns a copy that sends {@code scope} with the device authorization request. */
  public ConsentProxyConfig withScope(String scope) {
    requireNonNull(scope, "scope");
    return new ConsentProxyConfig(baseUrl, clientId, scope.isBlank() ? null : scope.strip());
  }

  /** Returns the base URL, ending with a slash. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  public String clientId() {
    return clientId;
  }

  /** Returns the scope sent with the device authorization request, if any. */
  public Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  /** Returns the identity that tokens from this proxy are stored under. */
  public TokenSource source() {
    return TokenSource.of(baseUrl, clientId);
  }

  HttpUrl deviceCodeUrl() {
    return baseUrl.resolve("device/code");
  }

  HttpUrl deviceTokenUrl() {
    return baseUrl.resolve("device/token");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConsentProxyConfig that
        && baseUrl.equals(that.baseUrl)
        && clientId.equals(that.clientId)
        && Objects.equals(scope, that.scope);
  }

  @Override
  public int hashCode() {
    return Objects.hash(baseUrl, clientId, scope);
  }

  @Override
  public String toString() {
    return "ConsentProxyConfig{baseUrl="
        + baseUrl
        + ", clientId="
        + clientId
        + (scope == null ? "" : ", scope=" + scope)
        + "}";
  }
}
