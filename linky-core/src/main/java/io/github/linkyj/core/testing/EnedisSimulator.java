package io.github.linkyj.core.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockWebServer;

/**
 * A local fake of the three ways into Linky data, on one loopback HTTP server: the consent proxy
 * with its device flow, Enedis Data Connect itself, and a conso.boris.sh-style gateway. It serves
 * generated or recorded data, enforces the Enedis range rules, and injects faults on request.
 *
 * <p>The three services share the server's root URL, {@link #baseUrl()}:
 *
 * <ul>
 *   <li>consent proxy: {@code POST /device/code}, {@code POST /device/token} (device-code and
 *       refresh-token grants), {@code GET /device?code=} (the consent page: opening it approves the
 *       code), and {@code GET /data/proxy/<Enedis v5 path>};
 *   <li>Enedis: {@code POST /oauth2/v3/token} (client credentials, {@link #enedisClientId()} and
 *       {@link #enedisClientSecret()}), the five {@code metering_data_*} v5 paths and {@code
 *       customers_upc/v5/usage_points/contracts};
 *   <li>gateway: {@code GET /api/<kind>?prm=&start=&end=} with a bearer token from {@link
 *       #gatewayToken(String...)}.
 * </ul>
 *
 * <p>A test starts it with generated data for the nine Enedis sandbox customers and points a client
 * at it:
 *
 * <pre>{@code
 * Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneId.of("Europe/Paris"));
 * try (EnedisSimulator simulator = EnedisSimulator.builder(clock).start()) {
 *   String proxyUrl = simulator.baseUrl();      // e.g. http://127.0.0.1:50123/
 *   String clientId = simulator.clientId();     // the form value of client_id
 *   // ... run the device flow: the first poll returns authorization_pending, the second the
 *   // tokens, whose usage_points_id lists every sandbox usage point.
 *   long calls = simulator.requestCount("/data/proxy/");
 * }
 * }</pre>
 *
 * <p>Other set-ups:
 *
 * <ul>
 *   <li>{@code builder(clock).sandboxCustomer(5)} serves only sandbox customer 5;
 *   <li>{@code builder(clock).usagePoint("11111111111111",
 *       MeterProfile.consumption().withStep(Duration.ofMinutes(10)))} serves a custom meter;
 *   <li>{@code builder(clock).recordedData(dir).ignoreHistoryLimits()} serves the recorded
 *       responses of a directory (see {@link Builder#recordedData(Path)}), as {@code linky demo
 *       --data DIR} does with a clock set to its {@code --today} date;
 *   <li>{@code approveAfterPolls(0)} and {@code pollInterval(Duration.ofSeconds(1))} make an
 *       unattended consent, such as the demo's, quick;
 *   <li>{@code manualApproval()} waits for {@link #approveUserCode(String)} or a GET of the
 *       verification URI.
 * </ul>
 *
 * <p>"Today", for the end-date and history rules, is the clock's date in Europe/Paris; token and
 * device-code expiry also follow the clock, so a test moves time by moving its clock. The server
 * listens on the loopback address only. Instances are thread-safe.
 */
public final class EnedisSimulator implements AutoCloseable {
  private static final Pattern USAGE_POINT_ID = Pattern.compile("\\d{14}");
  private static final Duration GATEWAY_TOKEN_VALIDITY = Duration.ofDays(364 + 365 + 365);

  private final MockWebServer server;
  private final Clock clock;
  private final String baseUrl;
  private final String clientId;
  private final String enedisClientId;
  private final String enedisClientSecret;
  private final List<String> usagePointIds;
  private final Set<String> revoked;
  private final ConsentProxy proxy;
  private final SimulatorDispatcher dispatcher;

  private EnedisSimulator(Builder builder, MockWebServer server, Map<String, MeterProfile> meters) {
    this.server = server;
    this.clock = builder.clock;
    this.baseUrl = server.url("/").toString();
    this.clientId = builder.clientId;
    this.enedisClientId = builder.enedisClientId;
    this.enedisClientSecret = builder.enedisClientSecret;
    this.usagePointIds = List.copyOf(meters.keySet());
    this.revoked = ConcurrentHashMap.newKeySet();

    this.proxy =
        new ConsentProxy(
            clock,
            clientId,
            builder.pollInterval,
            builder.approveAfterPolls,
            builder.manualApproval,
            builder.rotateRefreshTokens,
            builder.enforcePollInterval,
            () -> usagePointIds);
    EnedisApi enedis =
        new EnedisApi(
            clock,
            meters,
            revoked,
            new GeneratedData(builder.seed),
            builder.recorded,
            builder.historyLimits,
            builder.publicationTime);

    this.dispatcher =
        new SimulatorDispatcher(
            clock,
            proxy,
            new EnedisTokens(clock, enedisClientId, enedisClientSecret),
            enedis,
            new Gateway(clock, enedis),
            baseUrl);
    server.setDispatcher(dispatcher);
  }

  /**
   * Returns a builder. The clock sets "today" (its date in Europe/Paris) and the time for token and
   * device-code expiry.
   */
  public static Builder builder(Clock clock) {
    return new Builder(requireNonNull(clock, "clock"));
  }

  /**
   * Mints a gateway token: an HS256 JWT whose {@code sub} is the JSON array of usage point ids,
   * signed with the simulator's fixed test key. Every simulator accepts it until it expires.
   */
  public static String mintGatewayToken(
      List<String> usagePointIds, Instant issuedAt, Duration validity) {
    requireNonNull(usagePointIds, "usagePointIds");
    requireNonNull(issuedAt, "issuedAt");
    requireNonNull(validity, "validity");
    if (usagePointIds.isEmpty()) {
      throw new IllegalArgumentException("A gateway token needs at least one usage point id");
    }
    return GatewayTokens.mint(usagePointIds, issuedAt, issuedAt.plus(validity));
  }

  /**
   * Returns a gateway token for the given usage points, or for all of them if none is given, issued
   * now by the simulator's clock and valid about three years, as conso.boris.sh issues.
   */
  public String gatewayToken(String... usagePointIds) {
    List<String> ids = usagePointIds.length == 0 ? this.usagePointIds : List.of(usagePointIds);
    return mintGatewayToken(ids, clock.instant(), GATEWAY_TOKEN_VALIDITY);
  }

  /** Returns the root URL of the three services, ending with a slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Returns the {@code client_id} the consent proxy expects on {@code /device/token}. */
  public String clientId() {
    return clientId;
  }

  /** Returns the Enedis application's client id for {@code /oauth2/v3/token}. */
  public String enedisClientId() {
    return enedisClientId;
  }

  /** Returns the Enedis application's client secret for {@code /oauth2/v3/token}. */
  public String enedisClientSecret() {
    return enedisClientSecret;
  }

  /** Returns every usage point the simulator serves, in consent order. */
  public List<String> usagePointIds() {
    return usagePointIds;
  }

  /**
   * Sets the responses to the next device-code polls, whatever device code they carry. After the
   * script runs out, polls follow the builder's approval mode again.
   */
  public void scriptDevicePolls(DevicePoll... outcomes) {
    for (DevicePoll outcome : outcomes) {
      requireNonNull(outcome, "outcome");
    }
    proxy.script(Arrays.asList(outcomes));
  }

  /**
   * Approves a user code for every usage point, as the user would on the consent page.
   *
   * @throws IllegalArgumentException if the code is unknown or expired
   */
  public void approveUserCode(String userCode) {
    approveUserCode(userCode, List.of());
  }

  /**
   * Approves a user code for some usage points only: the token response lists just those.
   *
   * @throws IllegalArgumentException if the code is unknown or expired
   */
  public void approveUserCode(String userCode, List<String> usagePointIds) {
    requireNonNull(userCode, "userCode");
    requireNonNull(usagePointIds, "usagePointIds");
    if (!proxy.approve(userCode, usagePointIds)) {
      throw new IllegalArgumentException(
          "Unknown or expired user code " + userCode + ": request a new device code first");
    }
  }

  /**
   * Refuses a user code: the next poll returns {@code access_denied}.
   *
   * @throws IllegalArgumentException if the code is unknown
   */
  public void denyUserCode(String userCode) {
    requireNonNull(userCode, "userCode");
    if (!proxy.deny(userCode)) {
      throw new IllegalArgumentException(
          "Unknown user code " + userCode + ": request a new device code first");
    }
  }

  /** Returns the user code of the latest device authorization, if any. */
  public Optional<String> lastUserCode() {
    return proxy.lastUserCode();
  }

  /**
   * Revokes the consent of one usage point: its data calls return 403 {@code ADAM-DC-0008}, and the
   * refresh tokens that cover it return {@code invalid_grant}.
   */
  public void revokeConsent(String usagePointId) {
    requireNonNull(usagePointId, "usagePointId");
    revoked.add(usagePointId);
    proxy.revokeUsagePoint(usagePointId);
  }

  /** Forgets every refresh token: the next refresh returns {@code invalid_grant}. */
  public void revokeRefreshTokens() {
    proxy.revokeRefreshTokens();
  }

  /** Adds a fault; faults are tried in the order they were added. */
  public void inject(Fault fault) {
    dispatcher.inject(requireNonNull(fault, "fault"));
  }

  /** Removes every fault not used up yet. */
  public void clearFaults() {
    dispatcher.clearFaults();
  }

  /** Returns the requests received so far, oldest first. */
  public List<LoggedRequest> requests() {
    return dispatcher.requests();
  }

  /** Returns how many requests had a path containing the fragment, such as {@code load_curve}. */
  public long requestCount(String pathFragment) {
    requireNonNull(pathFragment, "pathFragment");
    return requests().stream().filter(request -> request.path().contains(pathFragment)).count();
  }

  /** Empties the request log. */
  public void clearRequests() {
    dispatcher.clearRequests();
  }

  /** Stops the server and closes any connection still open. */
  @Override
  public void close() throws IOException {
    server.shutdown();
  }

  @Override
  public String toString() {
    return "EnedisSimulator{" + baseUrl + ", " + usagePointIds.size() + " usage points}";
  }

  /** Configures and starts an {@link EnedisSimulator}. */
  public static final class Builder {
    private final Clock clock;
    private final Map<String, MeterProfile> usagePoints = new LinkedHashMap<>();
    private long seed = 1;
    private Path recordedDirectory;
    private RecordedData recorded;
    private Duration pollInterval = Duration.ofSeconds(5);
    private int approveAfterPolls = 1;
    private boolean manualApproval;
    private boolean enforcePollInterval;
    private boolean rotateRefreshTokens = true;
    private boolean historyLimits = true;
    private LocalTime publicationTime;
    private String clientId = "linky-simulator";
    private String enedisClientId = "simulator-enedis-client";
    private String enedisClientSecret = "simulator-enedis-secret";

    private Builder(Clock clock) {
      this.clock = clock;
    }

    /** Sets the seed of generated data; the same seed gives the same values. Default 1. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Adds the usage points of a sandbox customer, 0 to 8. Without any usage point, the simulator
     * serves all nine customers.
     */
    public Builder sandboxCustomer(int number) {
      SandboxCustomer.of(number).usagePoints().forEach(this::usagePoint);
      return this;
    }

    /** Adds a usage point with its profile. */
    public Builder usagePoint(String usagePointId, MeterProfile profile) {
      requireNonNull(usagePointId, "usagePointId");
      requireNonNull(profile, "profile");
      if (!USAGE_POINT_ID.matcher(usagePointId).matches()) {
        throw new IllegalArgumentException(
            "Invalid usage point id '" + usagePointId + "': use exactly 14 digits");
      }
      usagePoints.put(usagePointId, profile);
      return this;
    }

    /**
     * Serves the recorded responses of a directory instead of generated data. Metering files are
     * named {@code <kind>_<start>_<end>[_note].json} ({@code kind} being the Enedis endpoint name
     * such as {@code daily_consumption}; the file covers [start, end)); contract and address files
     * {@code contracts[_note].json} and {@code addresses[_note].json}. The usage points served are
     * those the files name; a range the files do not cover returns 404 {@code no_data_found}.
     */
    public Builder recordedData(Path directory) {
      this.recordedDirectory = requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Turns off the history deadline (24 months and 15 days for load curves, 36 months and 15 days
     * for daily data, before today), so that old recordings can be served with a recent clock. The
     * other range rules still apply.
     */
    public Builder ignoreHistoryLimits() {
      this.historyLimits = false;
      return this;
    }

    /**
     * Withholds yesterday's data until the given Paris time, as Enedis publishes it from about
     * 08:00: before then, a range ending today lacks its last day, and a range of only yesterday
     * returns 404 {@code no_data_found}. By default yesterday is served from midnight.
     */
    public Builder publishAt(LocalTime time) {
      this.publicationTime = requireNonNull(time, "time");
      return this;
    }

    /** Sets the {@code interval} of the device-code response. Default 5 seconds. */
    public Builder pollInterval(Duration interval) {
      requireNonNull(interval, "interval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("Invalid poll interval " + interval + ": use 0 or more");
      }
      this.pollInterval = interval;
      return this;
    }

    /**
     * Sets how many polls return {@code authorization_pending} before the consent is approved
     * automatically. Default 1; 0 approves on the first poll.
     */
    public Builder approveAfterPolls(int polls) {
      if (polls < 0) {
        throw new IllegalArgumentException("Invalid poll count " + polls + ": use 0 or more");
      }
      this.approveAfterPolls = polls;
      this.manualApproval = false;
      return this;
    }

    /**
     * Turns off automatic approval: polls return {@code authorization_pending} until {@link
     * EnedisSimulator#approveUserCode(String)} or a GET of the verification URI approves.
     */
    public Builder manualApproval() {
      this.manualApproval = true;
      return this;
    }

    /**
     * Makes a device-code poll that comes sooner than the interval after the previous poll of the
     * same code return {@code slow_down}, and adds 5 seconds to that code's interval from then on,
     * as RFC 8628 allows. Off by default, because a test with a fixed clock polls at one instant.
     */
    public Builder enforcePollInterval() {
      this.enforcePollInterval = true;
      return this;
    }

    /**
     * Sets whether a refresh returns a new refresh token and invalidates the old one. Default true;
     * false keeps the refresh token, as the DomoticzLinky proxy does.
     */
    public Builder rotateRefreshTokens(boolean rotate) {
      this.rotateRefreshTokens = rotate;
      return this;
    }

    /** Sets the {@code client_id} the consent proxy expects. Default {@code linky-simulator}. */
    public Builder clientId(String clientId) {
      this.clientId = requireNonNull(clientId, "clientId");
      return this;
    }

    /** Sets the Enedis application's client credentials for {@code /oauth2/v3/token}. */
    public Builder enedisCredentials(String clientId, String clientSecret) {
      this.enedisClientId = requireNonNull(clientId, "clientId");
      this.enedisClientSecret = requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /**
     * Starts the simulator on a free loopback port.
     *
     * @throws IOException if the server cannot start or a recorded file cannot be read
     * @throws IllegalArgumentException if the recorded directory or one of its files is invalid, or
     *     usage points were added together with a recorded directory
     */
    public EnedisSimulator start() throws IOException {
      Map<String, MeterProfile> meters = meters();
      MockWebServer server = new MockWebServer();
      server.setServerSocketFactory(new NoDelayServerSocketFactory());
      server.start(InetAddress.getLoopbackAddress(), 0);
      try {
        return new EnedisSimulator(this, server, meters);
      } catch (RuntimeException e) {
        server.shutdown();
        throw e;
      }
    }

    private Map<String, MeterProfile> meters() throws IOException {
      if (recordedDirectory == null) {
        if (usagePoints.isEmpty()) {
          for (SandboxCustomer customer : SandboxCustomer.values()) {
            usagePoints.putAll(customer.usagePoints());
          }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(usagePoints));
      }
      if (!usagePoints.isEmpty()) {
        throw new IllegalArgumentException(
            "Usage points "
                + usagePoints.keySet()
                + " were added together with recorded data from "
                + recordedDirectory
                + ": recorded data serves only the usage points its files name");
      }
      recorded = RecordedData.load(recordedDirectory);
      Map<String, MeterProfile> meters = new LinkedHashMap<>();
      for (String id : recorded.usagePointIds()) {
        meters.put(id, recorded.profile(id));
      }
      return Collections.unmodifiableMap(meters);
    }
  }
}
