package io.github.linkyj.core;

import static io.github.linkyj.core.TestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.linkyj.core.TestSupport.FakeTime;
import io.github.linkyj.core.TestSupport.FakeTokens;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every error body and response body shape Enedis and its gateways are known to send through
 * {@link LinkyClient}, for each metering endpoint and the contract endpoint, with the default retry
 * policy.
 *
 * <p>Each shape ends in exactly one documented outcome, never in an unexpected exception:
 *
 * <ul>
 *   <li>a typed {@link LinkyException} whose message names the usage point, the endpoint path and,
 *       for metering, the requested days; the number of requests shows whether it was retried;
 *   <li>for the edges of the history on a metering endpoint ({@code no_data_found}, {@code
 *       ADAM-ERR0123}, {@code ADAM-ERR0125}, {@code ADAM-DC-0016}, {@code ADAM-DC-0009}): empty
 *       data whose {@link MeteringData#oldestEdgeCode()} is the code; the contract endpoint throws
 *       the typed error instead;
 *   <li>for a readable body: the data, equal to what the recorded body gives.
 * </ul>
 *
 * <p>Each final failure is logged once with the usage point and endpoint, and each retry once.
 */
@Timeout(60)
class EnedisResponseShapesTest {
  private static final String PROXY = "/data/proxy/";
  private static final int DEFAULT_ATTEMPTS = RetryPolicy.defaults().maxAttempts();

  private final MockWebServer server = TestSupport.server();
  private final FakeTokens tokens = new FakeTokens();
  private FakeTime time;

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  /** The six endpoints, each with a recorded body, its usage point and its requested days. */
  enum Endpoint {
    DAILY_CONSUMPTION(
        MeteringKind.DAILY_CONSUMPTION,
        "daily_consumption_2020-12-03_2020-12-10.json",
        "22222222222222",
        "2020-12-03",
        "2020-12-10"),
    CONSUMPTION_LOAD_CURVE(
        MeteringKind.CONSUMPTION_LOAD_CURVE,
        "consumption_load_curve_2026-09-29_2026-10-01.json",
        "77777777777777",
        "2026-09-29",
        "2026-10-01"),
    DAILY_CONSUMPTION_MAX_POWER(
        MeteringKind.DAILY_CONSUMPTION_MAX_POWER,
        "daily_consumption_max_power_2022-03-23_2022-03-24.json",
        "11111111111111",
        "2022-03-23",
        "2022-03-24"),
    DAILY_PRODUCTION(
        MeteringKind.DAILY_PRODUCTION,
        "daily_production_2023-04-01_2023-04-02.json",
        "55555555555555",
        "2023-04-01",
        "2023-04-02"),
    PRODUCTION_LOAD_CURVE(
        MeteringKind.PRODUCTION_LOAD_CURVE,
        "production_load_curve_2023-04-01_2023-04-02.json",
        "55555555555555",
        "2023-04-01",
        "2023-04-02"),
    CONTRACT(
        null,
        "contracts_9kVA_BTINFCUST_HC-23h30-7h30.json",
        "22222222222222",
        "2020-12-03",
        "2020-12-10");

    final MeteringKind kind;
    final String file;
    final String usagePointId;
    final LocalDate start;
    final LocalDate end;

    Endpoint(MeteringKind kind, String file, String usagePointId, String start, String end) {
      this.kind = kind;
      this.file = file;
      this.usagePointId = usagePointId;
      this.start = LocalDate.parse(start);
      this.end = LocalDate.parse(end);
    }

    String path() {
      return PROXY + (kind == null ? "customers_upc/v5/usage_points/contracts" : kind.enedisPath());
    }

    /** Returns the requested days as messages write them, or "" for the contract. */
    String period() {
      return kind == null ? "" : " for [" + start + ", " + end + ")";
    }

    boolean isMetering() {
      return kind != null;
    }

    Object call(LinkyClient client) throws LinkyException {
      return isMetering()
          ? client.fetch(kind, usagePointId, start, end)
          : client.contract(usagePointId);
    }

    /** Returns today at 11:00 in Paris on the day the range ends, so nothing is clamped. */
    Instant now() {
      return end.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }
  }

  /** How the client repeats a request that failed. */
  enum Repeat {
    /** A final error: one request. */
    NONE,
    /** HTTP 401: the token is renewed once and the request sent again. */
    NEW_TOKEN,
    /** A temporary error: sent {@link RetryPolicy#maxAttempts()} times with backoff. */
    BACKOFF,
    /** Range too long: a metering walk retries once with a chunk one day shorter. */
    SHORTER_CHUNK,
    /**
     * The recorded quota body: a next access time after the longest server wait fails at once; one
     * already past takes the backoff.
     */
    RECORDED_NEXT_ACCESS;

    static final Instant NEXT_ACCESS = Instant.parse("2026-07-17T05:00:00Z");

    int requests(Endpoint endpoint) {
      return switch (this) {
        case NONE -> 1;
        case NEW_TOKEN -> 2;
        case BACKOFF -> DEFAULT_ATTEMPTS;
        case SHORTER_CHUNK ->
            endpoint.isMetering() && endpoint.end.toEpochDay() - endpoint.start.toEpochDay() >= 2
                ? 2
                : 1;
        case RECORDED_NEXT_ACCESS -> endpoint.now().isBefore(NEXT_ACCESS) ? 1 : DEFAULT_ATTEMPTS;
      };
    }

    /** Returns the days of the request that fails last, as messages write them. */
    String failedPeriod(Endpoint endpoint) {
      if (!endpoint.isMetering()) {
        return "";
      }
      LocalDate start =
          requests(endpoint) == 2 && this == SHORTER_CHUNK
              ? endpoint.start.plusDays(1)
              : endpoint.start;
      return " for [" + start + ", " + endpoint.end + ")";
    }
  }

  /**
   * One error response shape and its documented outcome.
   *
   * @param retryAfter the {@code Retry-After} header in seconds, or null
   * @param code the error code the exception carries, or null
   * @param edge whether a metering walk reads it as the oldest edge of the history
   */
  record ErrorShape(
      String name,
      int status,
      String body,
      String retryAfter,
      Class<? extends LinkyException> type,
      String code,
      Repeat repeat,
      boolean edge) {

    @Override
    public String toString() {
      return name;
    }
  }

  private static ErrorShape shape(
      String name, int status, String body, Class<? extends LinkyException> type, String code) {
    return new ErrorShape(name, status, body, null, type, code, Repeat.NONE, false);
  }

  private static ErrorShape retried(
      String name, int status, String body, Class<? extends LinkyException> type, String code) {
    return new ErrorShape(name, status, body, null, type, code, Repeat.BACKOFF, false);
  }

  private static ErrorShape edge(
      String name, int status, String body, Class<? extends LinkyException> type, String code) {
    return new ErrorShape(name, status, body, null, type, code, Repeat.NONE, true);
  }

  private static String enedis(String error, String description) {
    return "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}";
  }

  private static String recordedError(String file) {
    return fixture(file);
  }

  /**
   * Returns the error shapes: the recorded Enedis bodies, then the shapes documented by Enedis or
   * observed in the field (standard, gateway-wrapped, nested, API-manager, older quota, HTML and
   * empty).
   */
  static List<ErrorShape> errorShapes() {
    String html403 =
        "<!DOCTYPE html><html><head><title>Attention Required!</title></head>"
            + "<body><h1>Sorry, you have been blocked</h1></body></html>";
    String html404 =
        "<!DOCTYPE html><html><body><h1>La page que vous recherchez n'existe pas</h1></body></html>";
    String html503 = "<html><body><h1>503 Service Unavailable</h1></body></html>";
    return List.of(
        // Recorded bodies.
        shape(
            "recorded 400 Invalid_request start after end",
            400,
            recordedError("error_400_Invalid_request_start_after_end.json"),
            LinkyException.class,
            "Invalid_request"),
        shape(
            "recorded 400 ADAM-ERR0069 wrong direction",
            400,
            recordedError("error_400_ADAM-ERR0069_measure_direction.json"),
            WrongDirectionException.class,
            "ADAM-ERR0069"),
        shape(
            "recorded 403 ADAM-DC-0008 no consent",
            403,
            recordedError("error_403_ADAM-DC-0008_no_consent.json"),
            ConsentRequiredException.class,
            "ADAM-DC-0008"),
        new ErrorShape(
            "recorded 429 WSO2 900804 with next access time",
            429,
            recordedError("error_429_quota_900804_throttled.json"),
            null,
            QuotaExceededException.class,
            "900804",
            Repeat.RECORDED_NEXT_ACCESS,
            false),
        shape(
            "recorded 403 WSO2 900908 API not subscribed",
            403,
            recordedError("error_900908_resource_forbidden_api_not_subscribed.json"),
            LinkyException.class,
            "900908"),
        // Documented and observed bodies.
        shape(
            "400 ADAM-ERR0069 nested twice under enedis_return",
            400,
            "{\"tag\":\"enedis_return_ko\",\"enedis_return\":{\"error\":\"result_400\","
                + "\"enedis_return\":"
                + recordedError("error_400_ADAM-ERR0069_measure_direction.json")
                + "}}",
            WrongDirectionException.class,
            "ADAM-ERR0069"),
        shape(
            "400 ADAM-DC-0007 in French",
            400,
            enedis("ADAM-DC-0007", "Le client n'est pas titulaire du point demandé."),
            NotHolderException.class,
            "ADAM-DC-0007"),
        shape(
            "403 ADAM-DC-0007",
            403,
            enedis("ADAM-DC-0007", "The customer is not owner of this usage point."),
            NotHolderException.class,
            "ADAM-DC-0007"),
        shape(
            "403 ADAM_DC_0008 with underscores",
            403,
            enedis("ADAM_DC_0008", "No consent can be found for this customer."),
            ConsentRequiredException.class,
            "ADAM_DC_0008"),
        shape(
            "403 unauthorized_user",
            403,
            enedis("unauthorized_user", "user is not authorized to access this resource"),
            ConsentRequiredException.class,
            "unauthorized_user"),
        shape("403 HTML page of a firewall", 403, html403, LinkyException.class, null),
        shape("404 HTML page of the firewall", 404, html404, LinkyException.class, null),
        shape(
            "404 STM-ERR-0000019 unknown user",
            404,
            enedis("STM-ERR-0000019", "Unknown or unauthorized user"),
            LinkyException.class,
            "STM-ERR-0000019"),
        shape(
            "400 usage point not 14 digits",
            400,
            enedis("Invalid_request", "usage_point_id parameter must be 14 digits long."),
            LinkyException.class,
            "Invalid_request"),
        shape(
            "400 ADAM_ADAM-ERR0191 in code and message",
            400,
            "{\"message\":\"La demande ne peut aboutir : aucun service souscrit ACCES à la donnée"
                + " pour la période demandée.\",\"code\":\"ADAM_ADAM-ERR0191\"}",
            LinkyException.class,
            "ADAM_ADAM-ERR0191"),
        // Enedis checks the end against its own date, which lags after local midnight.
        shape(
            "400 end not earlier than the current date",
            400,
            enedis(
                "Invalid_request", "The end date parameter must be earlier than the current date."),
            TemporaryFailureException.class,
            "Invalid_request"),
        new ErrorShape(
            "400 ADAM-ERR0126 range too long",
            400,
            enedis("ADAM-ERR0126", "The requested period must be less than 7 days."),
            null,
            RangeTooLongException.class,
            "ADAM-ERR0126",
            Repeat.SHORTER_CHUNK,
            false),
        new ErrorShape(
            "400 ADAM-DC-0015 range too long",
            400,
            enedis("ADAM-DC-0015", "The requested period must be less than 7 days."),
            null,
            RangeTooLongException.class,
            "ADAM-DC-0015",
            Repeat.SHORTER_CHUNK,
            false),
        new ErrorShape(
            "401 gateway token invalid for this PRM",
            401,
            "{\"status\":401,\"message\":\"Votre token est invalide ou ne permet pas d'accéder à"
                + " ce PRM\"}",
            null,
            ConsentRequiredException.class,
            null,
            Repeat.NEW_TOKEN,
            false),
        new ErrorShape(
            "401 token_refresh_401 asking for new consent",
            401,
            "{\"usage_point_id\":\"01234567890123\",\"error\":\"token_refresh_401\","
                + "\"description\":\"Merci de renouveller vos consentements.\","
                + "\"user_alert\":true}",
            null,
            ConsentRequiredException.class,
            "token_refresh_401",
            Repeat.NEW_TOKEN,
            false),
        // History edges.
        edge(
            "400 ADAM-ERR0123 before activation",
            400,
            enedis(
                "ADAM-ERR0123",
                "The requested period cannot be anterior to the meter's last" + " activation date"),
            BeforeActivationException.class,
            "ADAM-ERR0123"),
        edge(
            "400 ADAM-ERR0125 history deadline",
            400,
            enedis("ADAM-ERR0125", "The start date must be greater than the history deadline."),
            HistoryLimitException.class,
            "ADAM-ERR0125"),
        edge(
            "400 ADAM-DC-0016 history deadline",
            400,
            enedis("ADAM-DC-0016", "The start date must be greater than the history deadline."),
            HistoryLimitException.class,
            "ADAM-DC-0016"),
        edge(
            "403 ADAM-DC-0009 before the consent start",
            403,
            enedis("ADAM-DC-0009", "The start date is anterior to the consent start date."),
            HistoryLimitException.class,
            "ADAM-DC-0009"),
        edge(
            "404 no_data_found",
            404,
            enedis("no_data_found", "no measure found for this usage point"),
            NoDataException.class,
            "no_data_found"),
        edge(
            "404 no_data_found in the gateway wrapper",
            404,
            "{\"status\":404,\"message\":\"The Enedis API returned an error\",\"error\":"
                + enedis("no_data_found", "no measure found for this usage point")
                + "}",
            NoDataException.class,
            "no_data_found"),
        edge(
            "404 STM-ERR-0000014 no data",
            404,
            enedis("STM-ERR-0000014", "no data found"),
            NoDataException.class,
            "STM-ERR-0000014"),
        // Temporary failures, retried with backoff.
        retried(
            "500 technical_error",
            500,
            enedis("technical_error", "Technical error. Please try later."),
            TemporaryFailureException.class,
            "technical_error"),
        retried(
            "500 Internal Server error in French",
            500,
            "{\"error\":\"Internal Server error\",\"error_description\":\"Un problème a été"
                + " rencontré lors du traitement.\",\"error_uri\":\"https://example.org/\"}",
            TemporaryFailureException.class,
            "Internal Server error"),
        retried(
            "500 ADAM-DC-0500",
            500,
            enedis("ADAM-DC-0500", "Technical error"),
            TemporaryFailureException.class,
            "ADAM-DC-0500"),
        retried(
            "500 STM-ERR-0000001 technical exception",
            500,
            enedis("STM-ERR-0000001", "Technical Exception"),
            TemporaryFailureException.class,
            "STM-ERR-0000001"),
        retried(
            "500 gateway enedis_return_ko with a string error_code",
            500,
            "{\"tag\":\"enedis_return_ko\",\"error_code\":\"Internal Server error\","
                + "\"description\":\"Enedis failed\"}",
            TemporaryFailureException.class,
            "Internal Server error"),
        retried(
            "500 gateway limit_reached with a number error_code",
            500,
            "{\"tag\":\"limit_reached\",\"error_code\":500,\"description\":\"limite de 50"
                + " demandes par jour\"}",
            TemporaryFailureException.class,
            "500"),
        retried("503 empty body", 503, "", TemporaryFailureException.class, null),
        retried("503 HTML page", 503, html503, TemporaryFailureException.class, null),
        retried("502 HTML page", 502, html503, TemporaryFailureException.class, null),
        retried("504 empty body", 504, "", TemporaryFailureException.class, null),
        // Quotas.
        retried(
            "429 older quota Q4 body without wait",
            429,
            enedis("429", "Quota Q4 reached\\r\\nCall threshold allowed on 0:-30:-40"),
            QuotaExceededException.class,
            "429"),
        retried(
            "429 gateway wrapper around a fault 900807",
            429,
            "{\"status\":429,\"message\":\"The Enedis API returned an error\",\"error\":{\"fault\":"
                + "{\"code\":900807,\"message\":\"Message throttled out\",\"description\":\"You"
                + " have exceeded your quota\"}}}",
            QuotaExceededException.class,
            "900807"),
        retried("429 empty body without wait", 429, "", QuotaExceededException.class, null),
        new ErrorShape(
            "429 Quota Q3 with Retry-After 30",
            429,
            enedis("429", "Quota Q3 reached"),
            "30",
            QuotaExceededException.class,
            "429",
            Repeat.BACKOFF,
            false),
        new ErrorShape(
            "429 with Retry-After beyond the longest wait",
            429,
            enedis("429", "Quota Q4 reached"),
            "3600",
            QuotaExceededException.class,
            "429",
            Repeat.NONE,
            false));
  }

  static Stream<Arguments> errorCases() {
    return Stream.of(Endpoint.values())
        .flatMap(endpoint -> errorShapes().stream().map(shape -> Arguments.of(endpoint, shape)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("errorCases")
  void errorShapeEndsInTypedOutcome(Endpoint endpoint, ErrorShape shape) throws Exception {
    LinkyClient client = client(endpoint);
    serve(
        request -> {
          MockResponse response = new MockResponse().setResponseCode(shape.status());
          response.setBody(shape.body());
          if (shape.retryAfter() != null) {
            response.setHeader("Retry-After", shape.retryAfter());
          }
          return response;
        });

    Object[] result = new Object[1];
    Throwable thrown;
    List<String> lines;
    try (LogLines log = new LogLines()) {
      thrown = catchThrowable(() -> result[0] = endpoint.call(client));
      lines = log.all();
    }

    int requests = shape.repeat().requests(endpoint);
    assertThat(server.getRequestCount()).as("requests").isEqualTo(requests);
    if (shape.edge() && endpoint.isMetering()) {
      assertThat(thrown).as("an edge ends the walk without an exception").isNull();
      assertEdgeData(endpoint, shape, (MeteringData) result[0], lines);
      return;
    }
    assertThat(thrown).isExactlyInstanceOf(shape.type());
    LinkyException failure = (LinkyException) thrown;
    assertNamesRequest(endpoint, shape.repeat().failedPeriod(endpoint), failure);
    assertThat(failure.httpStatus()).isEqualTo(shape.status());
    assertThat(failure.errorCode().orElse(null)).isEqualTo(shape.code());
    assertThat(failure.getMessage()).doesNotContain("token-");
    assertRetriesLogged(endpoint, shape, requests, lines);
    assertThat(
            lines.stream()
                .filter(line -> line.contains(endpoint.usagePointId))
                .filter(line -> line.contains(failure.getMessage()))
                .filter(line -> !line.contains("Retrying"))
                .count())
        .as("final failure logged once")
        .isEqualTo(1);
    assertThat(result[0]).isNull();
  }

  private static void assertEdgeData(
      Endpoint endpoint, ErrorShape shape, MeteringData data, List<String> lines) {
    assertThat(data.isEmpty()).isTrue();
    assertThat(data.oldestEdgeCode()).contains(shape.code());
    assertThat(data.start()).isEqualTo(endpoint.end);
    assertThat(data.end()).isEqualTo(endpoint.end);
    assertThat(lines)
        .filteredOn(line -> line.contains(endpoint.usagePointId))
        .filteredOn(line -> line.contains("has no data for [" + endpoint.start))
        .hasSize(1);
    assertThat(lines).noneMatch(line -> line.contains("failed after"));
  }

  private void assertRetriesLogged(
      Endpoint endpoint, ErrorShape shape, int requests, List<String> lines) {
    String prefix = "Retrying GET " + endpoint.path() + " for usage point " + endpoint.usagePointId;
    long retries = lines.stream().filter(line -> line.contains(prefix)).count();
    long renewals = lines.stream().filter(line -> line.contains("token rejected")).count();
    long shorter = lines.stream().filter(line -> line.contains("as too long")).count();
    Repeat repeat = shape.repeat();
    if (repeat == Repeat.RECORDED_NEXT_ACCESS) {
      repeat = requests == 1 ? Repeat.NONE : Repeat.BACKOFF;
    }
    switch (repeat) {
      case BACKOFF -> {
        assertThat(retries).isEqualTo(requests - 1);
        assertBackoff(shape);
      }
      case NEW_TOKEN -> {
        assertThat(renewals).isEqualTo(1);
        assertThat(tokens.invalidated).hasSize(1);
      }
      case SHORTER_CHUNK -> assertThat(shorter).isEqualTo(requests - 1);
      case NONE, RECORDED_NEXT_ACCESS -> assertThat(retries + renewals + shorter).isZero();
    }
    if (repeat != Repeat.BACKOFF) {
      assertThat(time.sleeps).isEmpty();
    }
  }

  /** Checks the waits: the server's Retry-After as given, else jittered doubling from 2 s. */
  private void assertBackoff(ErrorShape shape) {
    assertThat(time.sleeps).hasSize(DEFAULT_ATTEMPTS - 1);
    for (int retry = 1; retry < DEFAULT_ATTEMPTS; retry++) {
      Duration wait = time.sleeps.get(retry - 1);
      if (shape.retryAfter() != null) {
        assertThat(wait).isEqualTo(Duration.ofSeconds(Long.parseLong(shape.retryAfter())));
      } else {
        Duration backoff = RetryPolicy.defaults().backoff(retry);
        assertThat(wait).isBetween(backoff.dividedBy(2), backoff);
      }
    }
  }

  private static void assertNamesRequest(Endpoint endpoint, String period, LinkyException failure) {
    assertThat(failure.getMessage())
        .contains(endpoint.usagePointId)
        .contains(endpoint.path() + period);
    assertThat(failure.endpoint()).contains(endpoint.path());
    assertThat(failure.usagePointId()).contains(endpoint.usagePointId);
  }

  /** A body served with HTTP 200 that cannot be read, whatever the endpoint. */
  record BadBody(String name, UnaryOperator<String> edit, String problem) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<BadBody> unreadableBodies() {
    return List.of(
        new BadBody(
            "HTML page",
            recorded -> "<html><body>Maintenance en cours</body></html>",
            "the body is not valid JSON ("),
        new BadBody("empty body", recorded -> "", "the body is not valid JSON (empty body)"),
        new BadBody(
            "body truncated in the middle",
            recorded -> recorded.substring(0, recorded.length() / 2),
            "the body is not valid JSON ("),
        new BadBody(
            "body cut before its last brace",
            recorded -> recorded.substring(0, recorded.lastIndexOf('}')),
            "the body is not valid JSON ("),
        new BadBody(
            "comma missing between members",
            recorded -> recorded.replaceFirst("\",\\s*\"", "\" \""),
            "the body is not valid JSON ("),
        new BadBody(
            "text after the JSON",
            recorded -> recorded + " trailing",
            "the body is not valid JSON ("),
        new BadBody("JSON array", recorded -> "[]", "not "),
        new BadBody("JSON null", recorded -> "null", "not "),
        new BadBody("JSON string", recorded -> "\"ok\"", "not "),
        new BadBody(
            "Enedis error body with HTTP 200",
            recorded -> recordedError("error_403_ADAM-DC-0008_no_consent.json"),
            "; the body is an error: ADAM-DC-0008 \"No consent can be found for this customer"
                + " and this usage point.\""),
        new BadBody(
            "gateway error with HTTP 200",
            recorded ->
                "{\"tag\":\"enedis_return_ko\",\"error_code\":\"Internal Server error\","
                    + "\"description\":\"Enedis failed\"}",
            "; the body is an error: Internal Server error \"Enedis failed\""));
  }

  static Stream<Arguments> unreadableCases() {
    return Stream.of(Endpoint.values())
        .flatMap(endpoint -> unreadableBodies().stream().map(body -> Arguments.of(endpoint, body)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("unreadableCases")
  void unreadableBodyIsInvalidResponse(Endpoint endpoint, BadBody bad) {
    String body = bad.edit().apply(fixture(endpoint.file));
    LinkyClient client = client(endpoint);
    serve(request -> new MockResponse().setBody(body));

    assertInvalid(endpoint, client, bad.problem());
  }

  /** A readable metering body that must give exactly the data of the recorded body. */
  record DataShape(String name, UnaryOperator<String> edit, Expected expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** What a readable shape gives, from the readings of the recorded body. */
  enum Expected {
    SAME,
    WITHOUT_FIRST,
    NONE
  }

  static List<DataShape> dataShapes() {
    return List.of(
        new DataShape("values as JSON numbers", EnedisResponseShapesTest::numbers, Expected.SAME),
        new DataShape(
            "values with a zero decimal part",
            recorded -> recorded.replaceAll("(\"value\":\\s*\"\\d+)\"", "$1.0\""),
            Expected.SAME),
        new DataShape(
            "first value JSON null",
            recorded -> firstValue(recorded, "null"),
            Expected.WITHOUT_FIRST),
        new DataShape(
            "first value empty string",
            recorded -> firstValue(recorded, "\"\""),
            Expected.WITHOUT_FIRST),
        new DataShape(
            "first value the text null",
            recorded -> firstValue(recorded, "\"null\""),
            Expected.WITHOUT_FIRST),
        new DataShape(
            "first value member missing",
            recorded -> recorded.replaceFirst("\"value\":\\s*\"[^\"]*\",", ""),
            Expected.WITHOUT_FIRST),
        new DataShape(
            "every value null",
            recorded -> recorded.replaceAll("\"value\":\\s*\"[^\"]*\"", "\"value\": null"),
            Expected.NONE),
        new DataShape(
            "empty interval_reading",
            recorded ->
                recorded.replaceFirst(
                    "(?s)\"interval_reading\":\\s*\\[.*?\\]", "\"interval_reading\": []"),
            Expected.NONE),
        new DataShape(
            "no reading_type",
            recorded -> recorded.replaceFirst("(?s)\"reading_type\":\\s*\\{[^}]*\\},", ""),
            Expected.SAME),
        new DataShape(
            "usage_point_id as a number",
            recorded ->
                recorded.replaceFirst(
                    "\"usage_point_id\":\\s*\"(\\d+)\"", "\"usage_point_id\": $1"),
            Expected.SAME),
        new DataShape(
            "unknown members added",
            recorded -> recorded.replaceFirst("\\{", "{\"extra\": {\"a\": [1, null, true]},"),
            Expected.SAME));
  }

  static Stream<Arguments> dataCases() {
    return Stream.of(Endpoint.values())
        .filter(Endpoint::isMetering)
        .flatMap(endpoint -> dataShapes().stream().map(shape -> Arguments.of(endpoint, shape)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dataCases")
  void readableBodyGivesRecordedData(Endpoint endpoint, DataShape shape) throws Exception {
    String recorded = fixture(endpoint.file);
    String body = shape.edit().apply(recorded);
    assertThat(body).as("the edit applies").isNotEqualTo(recorded);
    List<Object> all = readings(MeteringParser.parse(endpoint.kind, recorded));
    LinkyClient client = client(endpoint);
    serve(request -> new MockResponse().setBody(body));

    MeteringData data = (MeteringData) endpoint.call(client);

    List<Object> expected =
        switch (shape.expected()) {
          case SAME -> all;
          case WITHOUT_FIRST -> all.subList(1, all.size());
          case NONE -> List.of();
        };
    assertThat(readings(data)).containsExactlyElementsOf(expected);
    assertThat(data.usagePointId()).isEqualTo(endpoint.usagePointId);
    assertThat(data.start()).isEqualTo(endpoint.start);
    assertThat(data.end()).isEqualTo(endpoint.end);
    assertThat(data.oldestEdgeCode()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  /**
   * Returns metering bodies with a member that cannot be read, and the problem each message names.
   */
  static List<BadBody> badMeteringBodies() {
    return List.of(
        new BadBody(
            "value is not a number",
            recorded -> firstValue(recorded, "\"abc\""),
            "interval_reading[0] value \"abc\" is not an integer"),
        new BadBody(
            "value is a boolean",
            recorded -> firstValue(recorded, "true"),
            "interval_reading[0] value \"true\" is not an integer"),
        new BadBody(
            "value is an object",
            recorded -> firstValue(recorded, "{\"v\": 1}"),
            "interval_reading[0] value \"{v=1.0}\" is not an integer"),
        new BadBody(
            "value has a fraction",
            recorded -> firstValue(recorded, "\"12.5\""),
            "interval_reading[0] value \"12.5\" is not an integer"),
        new BadBody(
            "value beyond a long",
            recorded -> firstValue(recorded, "\"99999999999999999999\""),
            "interval_reading[0] value \"99999999999999999999\" is not an integer"),
        new BadBody(
            "value beyond any meter",
            recorded -> firstValue(recorded, "\"9223372036854775807\""),
            "interval_reading[0] value 9223372036854775807 is beyond +/-1000000000000"),
        new BadBody(
            "value of the smallest long",
            recorded -> firstValue(recorded, "-9223372036854775808"),
            "interval_reading[0] value -9223372036854775808 is beyond +/-1000000000000"),
        new BadBody(
            "date is null",
            recorded -> recorded.replaceFirst("\"date\":\\s*\"[^\"]*\"", "\"date\": null"),
            "interval_reading[0]"),
        new BadBody(
            "date is not a date",
            recorded -> recorded.replaceFirst("\"date\":\\s*\"[^\"]*\"", "\"date\": \"hier\""),
            "interval_reading[0] date \"hier\" is not yyyy-MM-dd"),
        new BadBody(
            "point is a string",
            recorded -> recorded.replaceFirst("(?s)(\"interval_reading\":\\s*\\[)", "$1 \"x\","),
            "interval_reading[0] is not an object"),
        new BadBody(
            "interval_reading is null",
            recorded ->
                recorded.replaceFirst(
                    "(?s)\"interval_reading\":\\s*\\[.*?\\]", "\"interval_reading\": null"),
            "the response has no interval_reading array"),
        new BadBody(
            "interval_reading is missing",
            recorded -> recorded.replaceFirst("(?s),\\s*\"interval_reading\":\\s*\\[.*?\\]", ""),
            "the response has no interval_reading array"),
        new BadBody(
            "meter_reading is null",
            recorded -> "{\"meter_reading\": null}",
            "the body has no meter_reading object"),
        new BadBody(
            "usage_point_id is missing",
            recorded -> recorded.replaceFirst("\"usage_point_id\":\\s*\"\\d+\",", ""),
            "the response has no usage_point_id"),
        new BadBody(
            "usage_point_id of another meter",
            recorded ->
                recorded.replaceFirst(
                    "\"usage_point_id\":\\s*\"\\d+\"", "\"usage_point_id\": \"99999999999999\""),
            "it is for usage point 99999999999999, not the requested"),
        new BadBody(
            "start is missing",
            recorded -> recorded.replaceFirst("\"start\":\\s*\"[^\"]*\",", ""),
            "meter_reading.start \"null\" is not yyyy-MM-dd"),
        new BadBody(
            "unit of another series",
            recorded -> recorded.replaceFirst("\"unit\":\\s*\"[^\"]*\"", "\"unit\": \"kWh\""),
            "reading_type.unit is \"kWh\""));
  }

  static Stream<Arguments> badMeteringCases() {
    return Stream.of(Endpoint.values())
        .filter(Endpoint::isMetering)
        .flatMap(endpoint -> badMeteringBodies().stream().map(bad -> Arguments.of(endpoint, bad)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badMeteringCases")
  void unreadableMemberIsInvalidResponse(Endpoint endpoint, BadBody bad) {
    String recorded = fixture(endpoint.file);
    String body = bad.edit().apply(recorded);
    assertThat(body).as("the edit applies").isNotEqualTo(recorded);
    LinkyClient client = client(endpoint);
    serve(request -> new MockResponse().setBody(body));

    assertInvalid(endpoint, client, bad.problem());
  }

  static Stream<Arguments> contractBodies() {
    return Stream.of(
        Arguments.of("subscribed_power as a number", "\"9 kVA\"", "9", 9, "BTINFCUST"),
        Arguments.of("subscribed_power without unit", "\"9 kVA\"", "\"9\"", 9, "BTINFCUST"),
        Arguments.of("subscribed_power null", "\"9 kVA\"", "null", null, "BTINFCUST"),
        Arguments.of("distribution_tariff null", "\"BTINFCUST\"", "null", 9, null),
        Arguments.of("distribution_tariff as a number", "\"BTINFCUST\"", "12", 9, "12"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contractBodies")
  void contractMemberShapes(
      String name, String recordedValue, String value, Integer kva, String tariff)
      throws Exception {
    String recorded = fixture(Endpoint.CONTRACT.file);
    String body = recorded.replace(recordedValue, value);
    assertThat(body).isNotEqualTo(recorded);
    LinkyClient client = client(Endpoint.CONTRACT);
    serve(request -> new MockResponse().setBody(body));

    Contract contract = client.contract(Endpoint.CONTRACT.usagePointId);

    assertThat(
            contract.subscribedPowerKva().isPresent()
                ? contract.subscribedPowerKva().getAsInt()
                : null)
        .isEqualTo(kva);
    assertThat(contract.distributionTariff().orElse(null)).isEqualTo(tariff);
    assertThat(contract.offpeakHours()).contains("HC (23H30-7H30)");
  }

  static Stream<Arguments> badContractBodies() {
    return Stream.of(
        Arguments.of(
            "usage_points empty",
            "(?s)\"usage_points\":\\s*\\[.*\\]",
            "\"usage_points\": []",
            "the body has no entry for the requested usage point"),
        Arguments.of(
            "usage_points null",
            "(?s)\"usage_points\":\\s*\\[.*\\]",
            "\"usage_points\": null",
            "the body has no customer.usage_points array"),
        Arguments.of(
            "subscribed_power beyond an int",
            "\"9 kVA\"",
            "\"99999999999 kVA\"",
            "subscribed_power \"99999999999 kVA\" is not a whole number of kVA"),
        Arguments.of(
            "subscribed_power with a decimal comma",
            "\"9 kVA\"",
            "\"9,5 kVA\"",
            "subscribed_power \"9,5 kVA\" is not a whole number of kVA"),
        Arguments.of(
            "last_activation_date not a date",
            "\"last_activation_date\": \"[^\"]*\"",
            "\"last_activation_date\": \"bientôt\"",
            "last_activation_date \"bientôt\" is not yyyy-MM-dd"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badContractBodies")
  void badContractMemberIsInvalidResponse(
      String name, String pattern, String replacement, String problem) {
    String recorded = fixture(Endpoint.CONTRACT.file);
    String body = recorded.replaceFirst(pattern, replacement);
    assertThat(body).isNotEqualTo(recorded);
    LinkyClient client = client(Endpoint.CONTRACT);
    serve(request -> new MockResponse().setBody(body));

    assertInvalid(Endpoint.CONTRACT, client, problem);
  }

  private void assertInvalid(Endpoint endpoint, LinkyClient client, String problem) {
    Throwable thrown;
    List<String> lines;
    try (LogLines log = new LogLines()) {
      thrown = catchThrowable(() -> endpoint.call(client));
      lines = log.all();
    }

    assertThat(thrown).isExactlyInstanceOf(InvalidResponseException.class);
    LinkyException failure = (LinkyException) thrown;
    assertThat(failure.getMessage())
        .startsWith(
            "Invalid "
                + (endpoint.isMetering() ? "metering" : "contract")
                + " response from "
                + endpoint.path()
                + endpoint.period())
        .contains(endpoint.usagePointId)
        .contains(problem);
    assertThat(failure.endpoint()).contains(endpoint.path());
    assertThat(failure.usagePointId()).contains(endpoint.usagePointId);
    assertThat(failure.httpStatus()).isEqualTo(200);
    assertThat(server.getRequestCount()).as("an unreadable body is not retried").isEqualTo(1);
    assertThat(lines).filteredOn(line -> line.contains(failure.getMessage())).hasSize(1);
  }

  private LinkyClient client(Endpoint endpoint) {
    time = new FakeTime(endpoint.now());
    return LinkyClient.builder()
        .source(DataSource.CONSENT_PROXY)
        .baseUrl(server.url("/"))
        .tokenProvider(tokens)
        .clock(time)
        .sleeper(time)
        .random(new SplittableRandom(11))
        .build();
  }

  private void serve(Function<RecordedRequest, MockResponse> reply) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return reply.apply(request);
          }
        });
  }

  private static List<Object> readings(MeteringData data) {
    List<Object> all = new ArrayList<>();
    all.addAll(data.intervals());
    all.addAll(data.dailyEnergies());
    all.addAll(data.maxPowers());
    return all;
  }

  private static String numbers(String recorded) {
    return recorded.replaceAll("\"value\":\\s*\"(\\d+)\"", "\"value\": $1");
  }

  private static String firstValue(String recorded, String json) {
    return recorded.replaceFirst("\"value\":\\s*\"[^\"]*\"", "\"value\": " + json);
  }
}
