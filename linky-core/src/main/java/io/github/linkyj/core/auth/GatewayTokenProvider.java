package io.github.linkyj.core.auth;

import static java.util.Objects.requireNonNull;

import io.github.linkyj.core.ConsentRequiredException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supplies a bearer JWT that the user obtained from a consent gateway in the style of
 * conso.boris.sh and pasted into the configuration.
 *
 * <p>The token cannot be refreshed: once its {@code exp} has passed, {@link #accessToken()} throws
 * {@link ConsentRequiredException} telling the user to get a new one. A token without {@code exp}
 * is reported as expiring at {@link Instant#MAX}. See {@link GatewayToken} for what is decoded and
 * why the signature is not checked. Thread-safe.
 */
public final class GatewayTokenProvider implements AccessTokenProvider {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayTokenProvider.class);

  private final HttpUrl baseUrl;
  private final GatewayToken token;
  private final Clock clock;
  private final AtomicBoolean rejectionLogged = new AtomicBoolean();

  private GatewayTokenProvider(HttpUrl baseUrl, GatewayToken token, Clock clock) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.clock = clock;
  }

  /**
   * Creates a provider.
   *
   * @param config the gateway's base URL and the token it issued
   * @param clock the clock that the token's {@code exp} is compared with
   */
  public static GatewayTokenProvider of(GatewayConfig config, Clock clock) {
    requireNonNull(config, "config");
    requireNonNull(clock, "clock");
    return new GatewayTokenProvider(config.baseUrl(), config.token(), clock);
  }

  /** Returns the gateway's base URL, ending with a slash. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /** Returns the usage points the token's {@code sub} claim lists. */
  public List<String> usagePointIds() {
    return token.usagePointIds();
  }

  /**
   * Returns the token.
   *
   * @throws ConsentRequiredException when its {@code exp} has passed
   */
  @Override
  public AccessToken accessToken() throws ConsentRequiredException {
    Instant expiresAt = token.expiresAt().orElse(Instant.MAX);
    if (!clock.instant().isBefore(expiresAt)) {
      throw new ConsentRequiredException(
          "The gateway token expired at "
              + expiresAt
              + "; get a new token from "
              + baseUrl
              + " (this renews the Enedis consent) and put it in the configuration",
          null);
    }
    return AccessToken.of(token.value(), expiresAt);
  }

  /**
   * Logs the first rejection only. The token cannot be renewed, and a gateway also rejects a valid
   * token for a usage point it does not list, so it stays in use for the other usage points.
   */
  @Override
  public void invalidate(AccessToken rejected) {
    requireNonNull(rejected, "rejected");
    if (rejectionLogged.compareAndSet(false, true)) {
      LOG.warn(
          "The gateway {} rejected the token; if this repeats for every usage point, "
              + "get a new token there",
          baseUrl);
    }
  }

  @Override
  public String toString() {
    return "GatewayTokenProvider{baseUrl=" + baseUrl + ", token=" + token + "}";
  }
}
