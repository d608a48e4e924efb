package io.github.linkyj.core.auth;

import static java.util.Objects.requireNonNull;

import io.github.linkyj.core.ConsentRequiredException;
import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.LinkyHttpClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens of a direct Enedis Data Connect application, from the client credentials grant at
 * {@code <base>/oauth2/v3/token}.
 *
 * <p>The client id and secret go in the form body. Enedis issues no refresh token, so a new token
 * is requested when less than 20 minutes remain; Enedis tokens last 3 h 30 and {@code expires_in}
 * may be a number or a string. One token serves every usage point the application has consent for.
 * Thread-safe: concurrent callers share one token request.
 */
public final class ClientCredentialsTokenProvider implements AccessTokenProvider {
  private static final Logger LOG = LoggerFactory.getLogger(ClientCredentialsTokenProvider.class);

  private final ClientCredentialsConfig config;
  private final TokenStore store;
  private final Clock clock;
  private final TokenEndpoint endpoint;
  private final TokenCache cache;

  private ClientCredentialsTokenProvider(Builder builder) {
    this.config = builder.config;
    this.store = builder.store;
    this.clock = builder.clock;
    this.endpoint = new TokenEndpoint(builder.httpClient, builder.clock);
    this.cache = new TokenCache(builder.clock);
  }

  /** Starts building a provider for the application described by {@code config}. */
  public static Builder builder(ClientCredentialsConfig config) {
    return new Builder(requireNonNull(config, "config"));
  }

  public ClientCredentialsConfig config() {
    return config;
  }

  /**
   * Returns a token with at least 20 minutes left, requesting a new one when needed.
   *
   * @throws LinkyException when the token endpoint rejects the client id or secret, fails or
   *     returns something unreadable
   */
  @Override
  public AccessToken accessToken() throws LinkyException {
    return cache.get(this::renew);
  }

  @Override
  public void invalidate(AccessToken token) {
    cache.reject(token);
    LOG.info(
        "The access token from {} was rejected; the next request gets a new one", config.baseUrl());
  }

  private AccessToken renew() throws LinkyException {
    Optional<StoredTokens> stored = loadQuietly();
    if (stored.isPresent()
        && stored.get().source().equals(config.source())
        && cache.isFresh(stored.get().accessToken())) {
      return stored.get().accessToken();
    }
    return requestToken();
  }

  /** Loads stored tokens; an unreadable store only costs a new token request, so it is logged. */
  private Optional<StoredTokens> loadQuietly() throws LinkyException {
    try {
      return store.load();
    } catch (ConsentRequiredException e) {
      LOG.warn("Ignoring the stored token and requesting a new one: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private AccessToken requestToken() throws LinkyException {
    FormBody form =
        new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("client_id", config.clientId())
            .add("client_secret", config.clientSecret())
            .build();
    Instant requestedAt = clock.instant();
    TokenReply reply = endpoint.post(config.tokenUrl(), form);
    if (reply.error().isPresent()) {
      throw ConsentProxyTokenProvider.rejected(reply, "check the client id and client secret");
    }
    String value = reply.requiredString("access_token");
    ConsentProxyTokenProvider.checkBearer(reply);
    Duration lifetime = reply.requiredSeconds("expires_in");
    AccessToken token = AccessToken.of(value, requestedAt.plus(lifetime));
    store.save(StoredTokens.of(config.source(), token, null, List.of()));
    LOG.info(
        "Obtained an access token from {}; it expires at {}", config.baseUrl(), token.expiresAt());
    return token;
  }

  @Override
  public String toString() {
    return "ClientCredentialsTokenProvider{" + config.source() + ", store=" + store + "}";
  }

  /** Builds a {@link ClientCredentialsTokenProvider}. */
  public static final class Builder {
    private final ClientCredentialsConfig config;
    private TokenStore store = new InMemoryTokenStore();
    private OkHttpClient httpClient;
    private Clock clock = Clock.systemUTC();

    private Builder(ClientCredentialsConfig config) {
      this.config = config;
    }

    /**
     * Sets where the token is kept between runs, which saves a token request per run; by default it
     * is kept in memory only.
     */
    public Builder tokenStore(TokenStore store) {
      this.store = requireNonNull(store, "store");
      return this;
    }

    /** Sets the HTTP client; by default one from {@link LinkyHttpClients#create()}. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Sets the clock that token expiry is measured against; by default the UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    public ClientCredentialsTokenProvider build() {
      if (httpClient == null) {
        httpClient = LinkyHttpClients.create();
      }
      return new ClientCredentialsTokenProvider(this);
    }
  }
}
