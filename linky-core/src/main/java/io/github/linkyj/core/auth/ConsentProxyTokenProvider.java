package io.github.linkyj.core.auth;

import static java.util.Objects.requireNonNull;

import io.github.linkyj.core.ConsentRequiredException;
import io.github.linkyj.core.InvalidResponseException;
import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.LinkyHttpClients;
import io.github.linkyj.core.Sleeper;
import io.github.linkyj.core.TemporaryFailureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens from a consent proxy that offers the OAuth 2.0 device authorization grant (RFC
 * 8628), the way the DomoticzLinky plugin obtains them.
 *
 * <p>The first run requests consent with a device authorization; later runs reuse the stored tokens
 * and refresh them at {@code <base>/device/token} when less than 20 minutes remain. A command-line
 * program runs the flow like this:
 *
 * <pre>{@code
 * ConsentProxyTokenProvider tokens =
 *     ConsentProxyTokenProvider.builder(ConsentProxyConfig.of(baseUrl, clientId))
 *         .tokenStore(FileTokenStore.of(Path.of("tokens.json")))
 *         .build();
 * DeviceFlow flow = tokens.startDeviceAuthorization();
 * DeviceAuthorization shown = flow.authorization();
 * System.out.println("Open " + shown.verificationUri() + " and enter " + shown.userCode());
 * StoredTokens granted = flow.awaitConsent(); // blocks; flow.cancel() stops it
 * System.out.println("Usage points: " + granted.usagePointIds());
 * }</pre>
 *
 * <p>A refresh sends the stored usage points as {@code usage_points_id} separated by commas,
 * because the DomoticzLinky proxy requires them, and stores the new refresh token when the server
 * rotates it. A refresh rejected with {@code invalid_grant} or {@code invalid_request} (the proxy's
 * response to an unknown refresh token) clears the store and throws {@link
 * ConsentRequiredException}. Thread-safe: concurrent callers share one refresh request.
 */
public final class ConsentProxyTokenProvider implements AccessTokenProvider {
  private static final Logger LOG = LoggerFactory.getLogger(ConsentProxyTokenProvider.class);
  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
  private static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

  private final ConsentProxyConfig config;
  private final TokenStore store;
  private final Clock clock;
  private final Sleeper sleeper;
  private final TokenEndpoint endpoint;
  private final TokenCache cache;

  /** Tokens that the store failed to save; they are used instead of the store's content. */
  private volatile StoredTokens unsaved;

  private ConsentProxyTokenProvider(Builder builder) {
    this.config = builder.config;
    this.store = builder.store;
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.endpoint = new TokenEndpoint(builder.httpClient, builder.clock);
    this.cache = new TokenCache(builder.clock);
  }

  /** Starts building a provider for the proxy described by {@code config}. */
  public static Builder builder(ConsentProxyConfig config) {
    return new Builder(requireNonNull(config, "config"));
  }

  public ConsentProxyConfig config() {
    return config;
  }

  /**
   * Requests a device code and user code at {@code <base>/device/code}. Show the returned flow's
   * {@link DeviceFlow#authorization()} to the user, then call {@link DeviceFlow#awaitConsent()}.
   *
   * @throws LinkyException when the proxy rejects the request or returns something unreadable
   */
  public DeviceFlow startDeviceAuthorization() throws LinkyException {
    FormBody.Builder form = new FormBody.Builder().add("client_id", config.clientId());
    config.scope().ifPresent(scope -> form.add("scope", scope));
    Instant requestedAt = clock.instant();
    TokenReply reply = endpoint.post(config.deviceCodeUrl(), form.build());
    if (reply.error().isPresent()) {
      throw rejected(reply, "check the client id and the base URL");
    }
    DeviceAuthorization authorization = readAuthorization(reply, requestedAt);
    LOG.info(
        "Device authorization started at {}; the code expires at {}",
        config.baseUrl(),
        authorization.expiresAt());
    return new DeviceFlow(this, authorization, clock, sleeper);
  }

  /**
   * Returns the stored access token, refreshing it first when less than 20 minutes remain.
   *
   * @throws ConsentRequiredException when no tokens of this proxy are stored, the store is
   *     unreadable, or the proxy rejected the refresh token
   */
  @Override
  public AccessToken accessToken() throws LinkyException {
    return cache.get(this::renew);
  }

  @Override
  public void invalidate(AccessToken token) {
    cache.reject(token);
    LOG.info(
        "The access token from {} was rejected; the next request refreshes it", config.baseUrl());
  }

  /**
   * Returns the usage points the user consented to, as stored by the last authorization.
   *
   * @throws ConsentRequiredException when no tokens of this proxy are stored
   */
  public List<String> usagePointIds() throws LinkyException {
    return loadOwnTokens().usagePointIds();
  }

  Call newDeviceTokenCall(DeviceAuthorization authorization) {
    FormBody form =
        new FormBody.Builder()
            .add("grant_type", DEVICE_CODE_GRANT)
            .add("device_code", authorization.deviceCode())
            .add("client_id", config.clientId())
            .build();
    return endpoint.newCall(config.deviceTokenUrl(), form);
  }

  TokenReply execute(Call call) throws LinkyException {
    return endpoint.execute(call);
  }

  /** Stores the tokens of a successful device token response and makes them current. */
  StoredTokens completeAuthorization(TokenReply reply, Instant requestedAt) throws LinkyException {
    StoredTokens tokens = readGrant(reply, requestedAt, null);
    saveOrKeep(tokens);
    cache.put(tokens.accessToken());
    LOG.info(
        "Device authorization at {} granted {} usage point(s); the access token expires at {}",
        config.baseUrl(),
        tokens.usagePointIds().size(),
        tokens.accessToken().expiresAt());
    return tokens;
  }

  private AccessToken renew() throws LinkyException {
    StoredTokens stored = loadOwnTokens();
    if (cache.isFresh(stored.accessToken())) {
      return stored.accessToken();
    }
    return refresh(stored).accessToken();
  }

  /**
   * Saves {@code tokens}, or keeps them in memory and logs an error when the store fails, because
   * the server may already have invalidated the previous refresh token.
   */
  private void saveOrKeep(StoredTokens tokens) {
    try {
      store.save(tokens);
      unsaved = null;
    } catch (LinkyException e) {
      unsaved = tokens;
      LOG.error(
          "{}; the new tokens are kept in memory until the process ends, after which consent "
              + "is needed again",
          e.getMessage());
    }
  }

  private StoredTokens loadOwnTokens() throws LinkyException {
    StoredTokens inMemory = unsaved;
    if (inMemory != null) {
      return inMemory;
    }
    Optional<StoredTokens> loaded = store.load();
    if (loaded.isEmpty()) {
      throw new ConsentRequiredException(
          "No tokens of "
              + config.source()
              + " are stored in "
              + store
              + "; run the device authorization first",
          null);
    }
    StoredTokens stored = loaded.get();
    if (!stored.source().equals(config.source())) {
      throw new ConsentRequiredException(
          "The tokens in "
              + store
              + " come from "
              + stored.source()
              + ", not from "
              + config.source()
              + "; run the device authorization for this proxy or use another token store",
          null);
    }
    return stored;
  }

  private StoredTokens refresh(StoredTokens stored) throws LinkyException {
    if (stored.refreshToken().isEmpty()) {
      throw new ConsentRequiredException(
          "The access token in "
              + store
              + " has expired and no refresh token is stored; "
              + "run the device authorization again",
          null);
    }
    Instant requestedAt = clock.instant();
    TokenReply reply = endpoint.post(config.deviceTokenUrl(), refreshForm(stored));
    if (reply.error().isPresent()) {
      throw refreshRejected(reply, stored);
    }
    StoredTokens renewed = readGrant(reply, requestedAt, stored);
    saveOrKeep(renewed);
    boolean rotated = !renewed.refreshToken().equals(stored.refreshToken());
    LOG.info(
        "Refreshed the access token at {}{}; it expires at {}",
        config.baseUrl(),
        rotated ? " and stored the new refresh token" : "",
        renewed.accessToken().expiresAt());
    return renewed;
  }

  private FormBody refreshForm(StoredTokens stored) {
    FormBody.Builder form =
        new FormBody.Builder()
            .add("grant_type", "refresh_token")
            .add("client_id", config.clientId())
            .add("refresh_token", stored.refreshToken().orElseThrow());
    if (!stored.usagePointIds().isEmpty()) {
      form.add("usage_points_id", String.join(",", stored.usagePointIds()));
    }
    return form.build();
  }

  private LinkyException refreshRejected(TokenReply reply, StoredTokens stored)
      throws LinkyException {
    OAuthError error = reply.error().orElseThrow();
    if (error.is("invalid_grant") || error.is("invalid_request")) {
      clearIfUnchanged(stored);
      String message =
          reply.describeError()
              + ": the refresh token is no longer valid; run the device authorization again";
      return new ConsentRequiredException(
          message, reply.endpoint(), reply.status(), error.code(), null, null);
    }
    if (error.is("slow_down")) {
      String message = reply.describeError() + ": too many refreshes; try again in a minute";
      return new TemporaryFailureException(
          message, reply.endpoint(), reply.status(), error.code(), null, null);
    }
    return rejected(reply, "check the client id and the base URL");
  }

  /** Clears the store unless another process already saved a newer refresh token there. */
  private void clearIfUnchanged(StoredTokens rejected) throws LinkyException {
    unsaved = null;
    Optional<StoredTokens> current = store.load();
    if (current.isPresent() && current.get().refreshToken().equals(rejected.refreshToken())) {
      store.clear();
      LOG.info("Cleared {} because {} rejected its refresh token", store, config.baseUrl());
    }
  }

  private DeviceAuthorization readAuthorization(TokenReply reply, Instant requestedAt)
      throws InvalidResponseException {
    Duration lifetime = reply.requiredSeconds("expires_in");
    return new DeviceAuthorization(
        reply.requiredString("device_code"),
        reply.requiredString("user_code"),
        reply.requiredString("verification_uri"),
        reply.optionalString("verification_uri_complete").orElse(null),
        requestedAt.plus(lifetime),
        reply.optionalSeconds("interval").orElse(DEFAULT_INTERVAL));
  }

  /**
   * Reads a token response. The refresh token and usage points of {@code previous} are kept when
   * the response has none, because the proxy's refresh response omits the usage points.
   */
  private StoredTokens readGrant(TokenReply reply, Instant requestedAt, StoredTokens previous)
      throws InvalidResponseException {
    String accessToken = reply.requiredString("access_token");
    checkBearer(reply);
    // NOTE: RFC 6749 only recommends expires_in; a token without it is rejected as invalid.
    Duration lifetime = reply.requiredSeconds("expires_in");
    String refreshToken = reply.optionalString("refresh_token").orElse(null);
    List<String> usagePointIds = reply.usagePointIds("usage_points_id");
    if (previous != null && refreshToken == null) {
      refreshToken = previous.refreshToken().orElse(null);
    }
    if (previous != null && usagePointIds.isEmpty()) {
      usagePointIds = previous.usagePointIds();
    }
    AccessToken token = AccessToken.of(accessToken, requestedAt.plus(lifetime));
    return StoredTokens.of(config.source(), token, refreshToken, usagePointIds);
  }

  static void checkBearer(TokenReply reply) throws InvalidResponseException {
    Optional<String> type = reply.optionalString("token_type");
    if (type.isPresent() && !type.get().equalsIgnoreCase("bearer")) {
      String message =
          "POST " + reply.endpoint() + " returned token_type " + type.get() + " instead of Bearer";
      throw new InvalidResponseException(
          message, reply.endpoint(), reply.status(), null, null, null);
    }
  }

  static LinkyException rejected(TokenReply reply, String advice) {
    OAuthError error = reply.error().orElseThrow();
    return new LinkyException(
        reply.describeError() + "; " + advice,
        reply.endpoint(),
        reply.status(),
        error.code(),
        null,
        null);
  }

  @Override
  public String toString() {
    return "ConsentProxyTokenProvider{" + config.source() + ", store=" + store + "}";
  }

  /** Builds a {@link ConsentProxyTokenProvider}. */
  public static final class Builder {
    private final ConsentProxyConfig config;
    private TokenStore store = new InMemoryTokenStore();
    private OkHttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();

    private Builder(ConsentProxyConfig config) {
      this.config = config;
    }

    /** Sets where tokens are kept between runs; by default they are kept in memory only. */
    public Builder tokenStore(TokenStore store) {
      this.store = requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the HTTP client, for example {@code LinkyClient.httpClient()} to share its connection
     * pool; by default one from {@link LinkyHttpClients#create()}.
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Sets the clock that token expiry is measured against; by default the UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Sets how the device flow waits between polls; by default {@link Sleeper#system()}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper");
      return this;
    }

    public ConsentProxyTokenProvider build() {
      if (httpClient == null) {
        httpClient = LinkyHttpClients.create();
      }
      return new ConsentProxyTokenProvider(this);
    }
  }
}
