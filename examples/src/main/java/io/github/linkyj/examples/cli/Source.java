package io.github.linkyj.examples.cli;

import io.github.linkyj.core.ConsentRequiredException;
import io.github.linkyj.core.DataSource;
import io.github.linkyj.core.LinkyClient;
import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.auth.AccessTokenProvider;
import io.github.linkyj.core.auth.ClientCredentialsConfig;
import io.github.linkyj.core.auth.ClientCredentialsTokenProvider;
import io.github.linkyj.core.auth.ConsentProxyConfig;
import io.github.linkyj.core.auth.ConsentProxyTokenProvider;
import io.github.linkyj.core.auth.DeviceFlow;
import io.github.linkyj.core.auth.FileTokenStore;
import io.github.linkyj.core.auth.GatewayConfig;
import io.github.linkyj.core.auth.GatewayTokenProvider;
import io.github.linkyj.core.auth.InMemoryTokenStore;
import io.github.linkyj.core.auth.TokenStore;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.domoticz.sync.DebugLevel;
import io.github.linkyj.examples.cli.config.ConfigException;
import io.github.linkyj.examples.cli.config.ConfigKey;
import io.github.linkyj.examples.cli.config.RunnerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured way to Enedis data: a {@link LinkyClient} with its token provider, built from
 * {@code source}, {@code source.url}, the credentials and {@code token.file}.
 *
 * <p>With {@code debug = sandbox-N}, a built-in {@link EnedisSimulator} serving sandbox customer N
 * takes the place of the configured source; its consent is approved at once and kept in memory.
 */
final class Source implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Source.class);

  private String description;
  private final LinkyClient client;
  private final ConsentProxyTokenProvider consentProxy;
  private final GatewayTokenProvider gateway;
  private final AccessTokenProvider tokens;
  private final TokenStore store;
  private final List<String> configuredUsagePoints;
  private String usagePointsOrigin;
  private final EnedisSimulator simulator;

  private Source(Builder builder) {
    this.description = builder.description;
    this.consentProxy = builder.consentProxy;
    this.gateway = builder.gateway;
    this.tokens = builder.tokens;
    this.store = builder.store;
    this.configuredUsagePoints = builder.usagePoints;
    this.usagePointsOrigin = builder.usagePointsOrigin;
    this.simulator = builder.simulator;
    this.client =
        LinkyClient.builder()
            .source(builder.dataSource)
            .baseUrl(builder.baseUrl)
            .tokenProvider(builder.tokens)
            .clock(builder.clock)
            .build();
  }

  /**
   * Opens the source that {@code config} describes.
   *
   * @throws ConfigException when a setting is missing or invalid
   */
  static Source open(RunnerConfig config, Clock clock) throws ConfigException, LinkyException {
    DebugLevel debug = Settings.debugLevel(config);
    if (debug.kind() == DebugLevel.Kind.SANDBOX) {
      Source source = sandbox(debug.sandboxCustomer(), clock, Settings.usagePoints(config));
      source.usagePointsOrigin = config.origin(ConfigKey.USAGE_POINTS).orElse("default");
      return source;
    }
    String kind = config.require(ConfigKey.SOURCE).strip().toLowerCase(Locale.ROOT);
    Builder builder = new Builder(clock);
    builder.usagePoints = Settings.usagePoints(config);
    builder.usagePointsOrigin = config.origin(ConfigKey.USAGE_POINTS).orElse("default");
    builder.baseUrl = config.require(ConfigKey.SOURCE_URL);
    try {
      switch (kind) {
        case "proxy" -> proxy(config, builder);
        case "data-connect" -> dataConnect(config, builder);
        case "gateway" -> gateway(config, builder);
        default ->
            throw new ConfigException(
                config.invalid(ConfigKey.SOURCE, kind, "proxy, data-connect or gateway"));
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(invalidSourceSetting(config, builder.baseUrl, e.getMessage()));
    }
    return new Source(builder);
  }

  /**
   * Returns the message of a source setting that the library rejected. A message about the base URL
   * names {@code source.url} and where its value came from, as every other setting error does.
   */
  private static String invalidSourceSetting(RunnerConfig config, String url, String message) {
    String prefix = "Invalid baseUrl \"" + url + "\": ";
    if (!message.startsWith(prefix)) {
      return "Invalid source setting: " + message;
    }
    String reason = message.substring(prefix.length());
    return "Invalid value '"
        + url
        + "' for "
        + ConfigKey.SOURCE_URL.key()
        + " (from "
        + config.origin(ConfigKey.SOURCE_URL).orElse("default")
        + "): "
        + reason
        + ".";
  }

  private static void proxy(RunnerConfig config, Builder builder) throws ConfigException {
    Path tokenFile = Settings.tokenFile(config);
    builder.store = FileTokenStore.of(tokenFile);
    ConsentProxyConfig proxy =
        ConsentProxyConfig.of(builder.baseUrl, config.require(ConfigKey.SOURCE_CLIENT_ID));
    builder.consentProxy =
        ConsentProxyTokenProvider.builder(proxy)
            .tokenStore(builder.store)
            .clock(builder.clock)
            .build();
    builder.tokens = builder.consentProxy;
    builder.dataSource = DataSource.CONSENT_PROXY;
    builder.description = "consent proxy " + proxy.baseUrl() + " (tokens in " + tokenFile + ")";
  }

  private static void dataConnect(RunnerConfig config, Builder builder) throws ConfigException {
    ClientCredentialsConfig credentials =
        ClientCredentialsConfig.of(
            builder.baseUrl,
            config.require(ConfigKey.SOURCE_CLIENT_ID),
            config.require(ConfigKey.SOURCE_CLIENT_SECRET));
    ClientCredentialsTokenProvider.Builder tokens =
        ClientCredentialsTokenProvider.builder(credentials).clock(builder.clock);
    if (config.value(ConfigKey.TOKEN_FILE).filter(v -> !v.isBlank()).isPresent()) {
      builder.store = FileTokenStore.of(Settings.tokenFile(config));
      tokens.tokenStore(builder.store);
    }
    builder.tokens = tokens.build();
    builder.dataSource = DataSource.ENEDIS_DIRECT;
    builder.description = "Enedis Data Connect " + credentials.baseUrl();
  }

  private static void gateway(RunnerConfig config, Builder builder) throws ConfigException {
    GatewayConfig gatewayConfig =
        GatewayConfig.of(builder.baseUrl, config.require(ConfigKey.GATEWAY_TOKEN));
    builder.gateway = GatewayTokenProvider.of(gatewayConfig, builder.clock);
    builder.tokens = builder.gateway;
    builder.dataSource = DataSource.GATEWAY;
    builder.description = "gateway " + gatewayConfig.baseUrl();
  }

  /**
   * Starts a simulator serving sandbox customer {@code customer} and gives consent on it, so
   * commands run without an outside service.
   */
  static Source sandbox(int customer, Clock clock, List<String> usagePoints) throws LinkyException {
    EnedisSimulator simulator;
    try {
      simulator =
          EnedisSimulator.builder(clock)
              .sandboxCustomer(customer)
              .pollInterval(Duration.ofSeconds(1))
              .approveAfterPolls(0)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start the Enedis simulator on the loopback address", e);
    }
    Source source = onSimulator(simulator, new InMemoryTokenStore(), clock, usagePoints);
    source.description = "Enedis simulator, sandbox customer " + customer + " (debug setting)";
    try {
      DeviceFlow flow = source.consentProxy().orElseThrow().startDeviceAuthorization();
      flow.awaitConsent();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      source.close();
      throw new ConsentRequiredException("Interrupted during the simulator's consent", e);
    }
    LOG.info("Reading the Enedis simulator's sandbox customer {} (debug setting)", customer);
    return source;
  }

  /** Returns a consent-proxy source on a running simulator, which it closes on {@link #close()}. */
  static Source onSimulator(
      EnedisSimulator simulator, TokenStore store, Clock clock, List<String> usagePoints) {
    Builder builder = new Builder(clock);
    builder.simulator = simulator;
    builder.store = store;
    builder.baseUrl = simulator.baseUrl();
    builder.usagePoints = usagePoints;
    builder.consentProxy =
        ConsentProxyTokenProvider.builder(
                ConsentProxyConfig.of(simulator.baseUrl(), simulator.clientId()))
            .tokenStore(store)
            .clock(clock)
            .build();
    builder.tokens = builder.consentProxy;
    builder.dataSource = DataSource.CONSENT_PROXY;
    builder.description = "Enedis simulator at " + simulator.baseUrl();
    return new Source(builder);
  }

  /** Returns a short description of the source for messages, without any secret. */
  String description() {
    return description;
  }

  /** Returns the data client. */
  LinkyClient client() {
    return client;
  }

  /** Returns the consent proxy provider, present when the source runs a device flow. */
  Optional<ConsentProxyTokenProvider> consentProxy() {
    return Optional.ofNullable(consentProxy);
  }

  /** Returns the token provider of the data client. */
  AccessTokenProvider clientTokens() {
    return tokens;
  }

  /** Returns the gateway provider, present for the gateway source. */
  Optional<GatewayTokenProvider> gateway() {
    return Optional.ofNullable(gateway);
  }

  /** Returns the simulator behind this source, if it is one. */
  Optional<EnedisSimulator> simulator() {
    return Optional.ofNullable(simulator);
  }

  /**
   * Returns the usage points to read: those of {@code usage-points} if set, otherwise those of the
   * consent (proxy) or of the token (gateway).
   *
   * @throws ConsentRequiredException when there is no consent yet
   * @throws ConfigException for Data Connect without {@code usage-points}
   */
  List<String> usagePointIds() throws LinkyException, ConfigException {
    if (!configuredUsagePoints.isEmpty()) {
      checkUsagePoints();
      return configuredUsagePoints;
    }
    if (consentProxy != null) {
      return consentProxy.usagePointIds();
    }
    if (gateway != null) {
      return gateway.usagePointIds();
    }
    throw new ConfigException(
        "Missing setting usage-points: Enedis Data Connect does not list the consented usage"
            + " points. Set usage-points (or "
            + ConfigKey.USAGE_POINTS.environmentVariable()
            + ") to the 14-digit ids, separated by commas.");
  }

  /**
   * Rejects a usage point of {@code usage-points} that the consent does not cover. The check runs
   * only when the token provider lists the consented points (consent proxy or gateway, once consent
   * is given); Data Connect does not list them.
   *
   * @throws ConfigException naming the usage points outside the consent and the consented ones
   */
  void checkUsagePoints() throws ConfigException, LinkyException {
    List<String> outside = outsideConsent(configuredUsagePoints);
    if (outside.isEmpty()) {
      return;
    }
    throw new ConfigException(
        "Usage point "
            + String.join(", ", outside)
            + " of usage-points (from "
            + usagePointsOrigin
            + ") is not in the consent, which covers "
            + String.join(", ", consentedUsagePoints())
            + ". Run 'linky consent' again to include it, or remove it from usage-points.");
  }

  /**
   * Returns the ids of {@code usagePointIds} that the consent does not cover, or none when the
   * token provider does not list the consented usage points.
   */
  List<String> outsideConsent(List<String> usagePointIds) throws LinkyException {
    List<String> consented = consentedUsagePoints();
    if (consented.isEmpty()) {
      return List.of();
    }
    return usagePointIds.stream().filter(id -> !consented.contains(id)).toList();
  }

  /** Returns the usage points that the consent lists, or none when it lists none or is missing. */
  List<String> consentedUsagePoints() throws LinkyException {
    try {
      if (consentProxy != null) {
        return consentProxy.usagePointIds();
      }
      if (gateway != null) {
        return gateway.usagePointIds();
      }
    } catch (ConsentRequiredException e) {
      // No consent yet: the sync reports that, and the new consent is checked on the next run.
    }
    return List.of();
  }

  /**
   * Returns the usage points that the sync will read when they are known before it starts: those of
   * {@code usage-points}, else those the consent lists; none when neither is known yet.
   */
  List<String> knownUsagePoints() throws LinkyException {
    return configuredUsagePoints.isEmpty() ? consentedUsagePoints() : configuredUsagePoints;
  }

  /** Returns {@link #usagePointIds()} for the sync, which reports a setting error as a failure. */
  List<String> usagePointIdsForSync() throws LinkyException {
    try {
      return usagePointIds();
    } catch (ConfigException e) {
      throw new LinkyException(e.getMessage(), e);
    }
  }

  /**
   * Clears the stored tokens, so that the next command requires consent again. The sync calls it
   * once for {@code debug = reset-consent} and records that in its state.
   */
  void clearConsent() throws LinkyException {
    if (store != null) {
      store.clear();
    }
  }

  /** Stops the simulator, if this source runs one. */
  @Override
  public void close() {
    if (simulator == null) {
      return;
    }
    try {
      simulator.close();
    } catch (IOException e) {
      LOG.warn("Cannot stop the Enedis simulator cleanly", e);
    }
  }

  @Override
  public String toString() {
    return "Source{" + description + "}";
  }

  private static final class Builder {
    private final Clock clock;
    private String description;
    private DataSource dataSource;
    private String baseUrl;
    private AccessTokenProvider tokens;
    private ConsentProxyTokenProvider consentProxy;
    private GatewayTokenProvider gateway;
    private TokenStore store;
    private List<String> usagePoints = List.of();
    private String usagePointsOrigin = "default";
    private EnedisSimulator simulator;

    Builder(Clock clock) {
      this.clock = clock;
    }
  }
}
