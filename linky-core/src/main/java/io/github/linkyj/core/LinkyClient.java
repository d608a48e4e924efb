package io.github.linkyj.core;

import static java.util.Objects.requireNonNull;

import io.github.linkyj.core.auth.AccessTokenProvider;
import io.github.linkyj.core.internal.ReadingParser;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches Linky metering data and contracts from Enedis, through a consent proxy, Enedis Data
 * Connect itself, or a conso.boris.sh-style gateway.
 *
 * <p>Each fetch method takes any date range, half-open as Enedis uses it ({@code start} inclusive,
 * {@code end} exclusive), and does the rest:
 *
 * <ul>
 *   <li>clamps {@code end} to today and {@code start} to the history Enedis keeps (24 months for
 *       load curves, 36 for daily series) and to the meter's activation date when known;
 *   <li>splits the range into requests of at most 7 days (load curves) or 365 days (daily series),
 *       sent newest first;
 *   <li>stops cleanly at the oldest data when Enedis returns {@code ADAM-ERR0123}, {@code
 *       ADAM-ERR0125} or {@code no_data_found}, returning what came before;
 *   <li>keeps to the {@link RateLimits}, retries temporary failures with the {@link RetryPolicy},
 *       and renews the token once on HTTP 401;
 *   <li>merges the responses into one {@link MeteringData} in time order, after handing each raw
 *       response to the {@link ResponseListener}, if one is set.
 * </ul>
 *
 * <p>Example:
 *
 * <pre>{@code
 * LinkyClient client = LinkyClient.builder()
 *     .source(DataSource.CONSENT_PROXY)
 *     .baseUrl("https://proxy.example.org/")
 *     .tokenProvider(tokens)
 *     .build();
 * LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
 * MeteringData curve =
 *     client.consumptionLoadCurve("22516914714270", today.minusDays(30), today);
 * for (DayTotal day : LoadCurves.totalsByDay(curve.intervals()).values()) {
 *   System.out.println(day.date() + " " + day.energy());
 * }
 * }</pre>
 *
 * <p>Thread-safe: one client may serve several threads and usage points; the rate limit is shared.
 */
public final class LinkyClient {
  private static final Logger LOG = LoggerFactory.getLogger(LinkyClient.class);
  private static final Pattern USAGE_POINT = Pattern.compile("\\d{14}");
  private static final String CONTRACTS_PATH = "customers_upc/v5/usage_points/contracts";

  private final DataSource source;
  private final HttpUrl baseUrl;
  private final OkHttpClient http;
  private final Clock clock;
  private final ZoneId zone;
  private final RequestExecutor executor;
  private final Map<String, LocalDate> activationDates;
  private final ResponseListener responseListener;

  private LinkyClient(Builder builder) {
    this.source = requireNonNull(builder.source, "source");
    this.baseUrl = requireNonNull(builder.baseUrl, "baseUrl");
    AccessTokenProvider tokens = requireNonNull(builder.tokenProvider, "tokenProvider");
    this.clock = builder.clock;
    this.zone = builder.zone;
    this.http =
        builder.httpClient == null
            ? LinkyHttpClients.create()
            : LinkyHttpClients.withUserAgent(builder.httpClient);
    RateLimiter limiter = new RateLimiter(builder.rateLimits, clock, builder.sleeper);
    // OkHttp would resend a request whose connection dropped, outside the retry policy, the rate
    // limit and the logs. Only the retry policy resends here.
    OkHttpClient noSilentRetry =
        http.newBuilder()
            .retryOnConnectionFailure(false)
            .addNetworkInterceptor(LinkyClient::hideImmediateRetryAfter)
            .build();
    this.executor =
        new RequestExecutor(
            noSilentRetry,
            tokens,
            clock,
            limiter,
            builder.retryPolicy,
            builder.sleeper,
            builder.random);
    this.activationDates = new ConcurrentHashMap<>(builder.activationDates);
    this.responseListener = builder.responseListener;
  }

  /** Returns a builder; the source, base URL and token provider are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the HTTP client in use, which sets the library's {@code User-Agent}. */
  public OkHttpClient httpClient() {
    return http;
  }

  /** Returns the source this client reads from. */
  public DataSource source() {
    return source;
  }

  /** Returns the daily consumption in Wh for {@code [start, end)}. */
  public MeteringData dailyConsumption(String usagePointId, LocalDate start, LocalDate end)
      throws LinkyException {
    return fetch(MeteringKind.DAILY_CONSUMPTION, usagePointId, start, end);
  }

  /** Returns the consumption load curve for {@code [start, end)}. */
  public MeteringData consumptionLoadCurve(String usagePointId, LocalDate start, LocalDate end)
      throws LinkyException {
    return fetch(MeteringKind.CONSUMPTION_LOAD_CURVE, usagePointId, start, end);
  }

  /** Returns the daily maximum apparent power for {@code [start, end)}. */
  public MeteringData dailyConsumptionMaxPower(String usagePointId, LocalDate start, LocalDate end)
      throws LinkyException {
    return fetch(MeteringKind.DAILY_CONSUMPTION_MAX_POWER, usagePointId, start, end);
  }

  /** Returns the daily production in Wh for {@code [start, end)}. */
  public MeteringData dailyProduction(String usagePointId, LocalDate start, LocalDate end)
      throws LinkyException {
    return fetch(MeteringKind.DAILY_PRODUCTION, usagePointId, start, end);
  }

  /** Returns the production load curve for {@code [start, end)}. */
  public MeteringData productionLoadCurve(String usagePointId, LocalDate start, LocalDate end)
      throws LinkyException {
    return fetch(MeteringKind.PRODUCTION_LOAD_CURVE, usagePointId, start, end);
  }

  /**
   * Returns {@code kind} for {@code [start, end)}, clamped, chunked and merged as the class
   * documentation describes. An empty range after clamping returns empty data without a request.
   *
   * @throws IllegalArgumentException if the usage point is not 14 digits or start is not before end
   * @throws LinkyException if a request fails for a reason other than reaching the oldest data
   */
  public MeteringData fetch(MeteringKind kind, String usagePointId, LocalDate start, LocalDate end)
      throws LinkyException {
    requireNonNull(kind, "kind");
    checkUsagePoint(usagePointId);
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "start " + start + " must be before end " + end + " (end is exclusive)");
    }
    return new BackfillWalk(this, kind, usagePointId).run(clamp(kind, usagePointId, start, end));
  }

  /**
   * Returns the contract of the usage point and remembers its activation date for later fetches.
   *
   * @throws UnsupportedOperationException if the source serves no contract ({@link
   *     DataSource#GATEWAY})
   */
  public Contract contract(String usagePointId) throws LinkyException {
    checkUsagePoint(usagePointId);
    if (!source.offersContract()) {
      throw new UnsupportedOperationException(
          "The " + source + " source serves no contract; configure the off-peak hours by hand");
    }
    HttpUrl url = url(CONTRACTS_PATH, CONTRACTS_PATH, usagePointId, null, null);
    String body = executor.get(url, usagePointId);
    Contract contract;
    try {
      contract = new ContractParser(url.encodedPath(), usagePointId).parse(body);
    } catch (InvalidResponseException e) {
      InvalidResponseException failure = namingErrorBody(e, body);
      LOG.warn("{}", failure.getMessage());
      throw failure;
    }
    contract.lastActivationDate().ifPresent(date -> activationDates.put(usagePointId, date));
    return contract;
  }

  /** Returns the activation date known for the usage point, from the builder or a contract. */
  public Optional<LocalDate> activationDate(String usagePointId) {
    return Optional.ofNullable(activationDates.get(usagePointId));
  }

  /** Returns today in the client's zone, from the client's clock. */
  LocalDate today() {
    return clock.instant().atZone(zone).toLocalDate();
  }

  /**
   * Returns the range that may be requested: {@code end} at most today, {@code start} at least the
   * history limit and the activation date. The result is empty when start is not before end.
   */
  DateRange clamp(MeteringKind kind, String usagePointId, LocalDate start, LocalDate end) {
    LocalDate today = today();
    LocalDate clampedEnd = end.isAfter(today) ? today : end;
    LocalDate clampedStart = max(start, today.minusMonths(kind.historyMonths()));
    LocalDate activation = activationDates.get(usagePointId);
    if (activation != null) {
      clampedStart = max(clampedStart, activation);
    }
    return new DateRange(clampedStart, clampedEnd);
  }

  /** Fetches and parses one chunk. */
  MeteringData fetchChunk(MeteringKind kind, String usagePointId, DateRange chunk)
      throws LinkyException {
    HttpUrl url =
        url(kind.enedisPath(), kind.gatewayName(), usagePointId, chunk.start(), chunk.end());
    String body = executor.get(url, usagePointId);
    String period = RequestExecutor.period(url);
    MeteringData data;
    try {
      data = new ReadingParser(zone, url.encodedPath(), period, usagePointId).parse(kind, body);
    } catch (InvalidResponseException e) {
      InvalidResponseException failure = namingErrorBody(e, body);
      LOG.warn("{}", failure.getMessage());
      throw failure;
    }
    if (!data.usagePointId().equals(usagePointId)) {
      InvalidResponseException wrongPoint =
          new InvalidResponseException(
              "Invalid metering response from "
                  + url.encodedPath()
                  + " for "
                  + period
                  + ": it is for usage point "
                  + data.usagePointId()
                  + ", not the requested "
                  + usagePointId,
              url.encodedPath(),
              200,
              null,
              usagePointId,
              null);
      LOG.warn("{}", wrongPoint.getMessage());
      throw wrongPoint;
    }
    responseListener.onResponse(kind, usagePointId, chunk.start(), chunk.end(), body);
    return data;
  }

  /**
   * Drops {@code Retry-After: 0} from a 503, which OkHttp would otherwise resend at once on its
   * own. Without the header the retry policy backs off, as it does for a zero wait.
   */
  private static Response hideImmediateRetryAfter(Interceptor.Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    boolean immediate = retryAfter != null && retryAfter.trim().matches("0+");
    if (response.code() != 503 || !immediate) {
      return response;
    }
    return response.newBuilder().removeHeader("Retry-After").build();
  }

  /**
   * Returns {@code e} with the error code and description added when the unreadable 2xx body is an
   * error body, as some gateways send, so the message shows what the server reported.
   */
  private static InvalidResponseException namingErrorBody(InvalidResponseException e, String body) {
    ErrorMapper.ErrorBody error = ErrorMapper.readBody(body);
    if (error.code() == null) {
      return e;
    }
    return new InvalidResponseException(
        e.getMessage() + "; the body is an error: " + ErrorMapper.summary(error),
        e.endpoint().orElse(null),
        e.httpStatus(),
        error.code(),
        e.usagePointId().orElse(null),
        e.getCause());
  }

  private HttpUrl url(
      String enedisPath, String gatewayName, String usagePointId, LocalDate start, LocalDate end) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    switch (source) {
      case CONSENT_PROXY -> url.addPathSegments("data/proxy/" + enedisPath);
      case ENEDIS_DIRECT -> url.addPathSegments(enedisPath);
      case GATEWAY -> url.addPathSegments("api/" + gatewayName);
    }
    url.addQueryParameter(source == DataSource.GATEWAY ? "prm" : "usage_point_id", usagePointId);
    if (start != null) {
      url.addQueryParameter("start", start.toString()).addQueryParameter("end", end.toString());
    }
    return url.build();
  }

  private static void checkUsagePoint(String usagePointId) {
    requireNonNull(usagePointId, "usagePointId");
    if (!USAGE_POINT.matcher(usagePointId).matches()) {
      throw new IllegalArgumentException(
          "Usage point id must be exactly 14 digits, got \"" + usagePointId + "\"");
    }
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** Configures a {@link LinkyClient}. Not thread-safe. */
  public static final class Builder {
    private DataSource source;
    private HttpUrl baseUrl;
    private AccessTokenProvider tokenProvider;
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = MeteringParser.ENEDIS_ZONE;
    private OkHttpClient httpClient;
    private RateLimits rateLimits = RateLimits.defaults();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Sleeper sleeper = Sleeper.system();
    private RandomGenerator random = RandomGenerator.getDefault();
    private final Map<String, LocalDate> activationDates = new ConcurrentHashMap<>();
    private ResponseListener responseListener = (kind, usagePointId, start, end, json) -> {};

    private Builder() {}

    /** Sets the way in to Enedis data; required. */
    public Builder source(DataSource source) {
      this.source = requireNonNull(source, "source");
      return this;
    }

    /**
     * Sets the base URL the source's paths are appended to; required, with no default host. A path
     * in the base is kept: {@code https://host/prefix} with the consent proxy gives {@code
     * https://host/prefix/data/proxy/...}.
     *
     * @throws IllegalArgumentException if the text is not an http or https URL
     */
    public Builder baseUrl(String baseUrl) {
      requireNonNull(baseUrl, "baseUrl");
      HttpUrl parsed = HttpUrl.parse(baseUrl);
      if (parsed == null) {
        throw new IllegalArgumentException(
            "Base URL is not an http or https URL: \"" + baseUrl + "\"");
      }
      return baseUrl(parsed);
    }

    /** Sets the base URL; see {@link #baseUrl(String)}. */
    public Builder baseUrl(HttpUrl baseUrl) {
      requireNonNull(baseUrl, "baseUrl");
      if (baseUrl.query() != null) {
        throw new IllegalArgumentException("Base URL must not have a query: " + baseUrl.redact());
      }
      this.baseUrl = baseUrl;
      return this;
    }

    /** Sets the source of bearer tokens; required. */
    public Builder tokenProvider(AccessTokenProvider tokenProvider) {
      this.tokenProvider = requireNonNull(tokenProvider, "tokenProvider");
      return this;
    }

    /** Sets the clock that gives "today"; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the zone of Enedis dates; Europe/Paris by default. */
    public Builder zone(ZoneId zone) {
      this.zone = requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Sets the HTTP client to share, for example with a token provider. The client gets the
     * library's {@code User-Agent} added; by default {@link LinkyHttpClients#create()} is used.
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Sets the request rate limits; {@link RateLimits#defaults()} by default. */
    public Builder rateLimits(RateLimits rateLimits) {
      this.rateLimits = requireNonNull(rateLimits, "rateLimits");
      return this;
    }

    /** Sets the retry policy; {@link RetryPolicy#defaults()} by default. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** Sets how the client waits; {@link Sleeper#system()} by default. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Sets the random source of the backoff jitter. */
    public Builder random(RandomGenerator random) {
      this.random = requireNonNull(random, "random");
      return this;
    }

    /**
     * Records a known activation date; fetches never start before it. {@link
     * LinkyClient#contract(String)} records the date Enedis gives.
     */
    public Builder activationDate(String usagePointId, LocalDate date) {
      checkUsagePoint(usagePointId);
      activationDates.put(usagePointId, requireNonNull(date, "date"));
      return this;
    }

    /** Sets the listener that receives each parsed metering response; none by default. */
    public Builder responseListener(ResponseListener responseListener) {
      this.responseListener = requireNonNull(responseListener, "responseListener");
      return this;
    }

    /**
     * Returns a client.
     *
     * @throws NullPointerException if the source, base URL or token provider is missing
     */
    public LinkyClient build() {
      return new LinkyClient(this);
    }
  }
}
