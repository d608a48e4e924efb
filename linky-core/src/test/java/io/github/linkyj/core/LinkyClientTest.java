package io.github.linkyj.core;

import static io.github.linkyj.core.TestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.linkyj.core.TestSupport.FakeTime;
import io.github.linkyj.core.TestSupport.FakeTokens;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(20)
class LinkyClientTest {
  private static final String PRM = "22222222222222";

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

  /** Returns each metering kind with a recorded body, its usage point, range and size. */
  static Stream<Arguments> recordedKinds() {
    return Stream.of(
        Arguments.of(
            MeteringKind.DAILY_CONSUMPTION,
            "daily_consumption_2020-12-03_2020-12-10.json",
            "22222222222222",
            "2020-12-03",
            "2020-12-10",
            7),
        Arguments.of(
            MeteringKind.CONSUMPTION_LOAD_CURVE,
            "consumption_load_curve_2020-12-02_2020-12-09.json",
            "22222222222222",
            "2020-12-02",
            "2020-12-09",
            336),
        Arguments.of(
            MeteringKind.DAILY_CONSUMPTION_MAX_POWER,
            "daily_consumption_max_power_2022-03-23_2022-03-24.json",
            "11111111111111",
            "2022-03-23",
            "2022-03-24",
            1),
        Arguments.of(
            MeteringKind.DAILY_PRODUCTION,
            "daily_production_2023-04-01_2023-04-02.json",
            "55555555555555",
            "2023-04-01",
            "2023-04-02",
            1),
        Arguments.of(
            MeteringKind.PRODUCTION_LOAD_CURVE,
            "production_load_curve_2023-04-01_2023-04-02.json",
            "55555555555555",
            "2023-04-01",
            "2023-04-02",
            48));
  }

  static Stream<Arguments> everySourceAndKind() {
    return Stream.of(DataSource.values())
        .flatMap(
            source ->
                recordedKinds()
                    .map(
                        kind -> {
                          Object[] args = kind.get();
                          Object[] all = new Object[args.length + 1];
                          all[0] = source;
                          System.arraycopy(args, 0, all, 1, args.length);
                          return Arguments.of(all);
                        }));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everySourceAndKind")
  void recordedBodyThroughEachSource(
      DataSource source,
      MeteringKind kind,
      String file,
      String usagePoint,
      String start,
      String end,
      int readings)
      throws Exception {
    LocalDate from = LocalDate.parse(start);
    LocalDate to = LocalDate.parse(end);
    LinkyClient client = client(source, to.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
    String body = fixture(file);
    server.enqueue(new MockResponse().setBody(source == DataSource.GATEWAY ? unwrap(body) : body));

    MeteringData data = client.fetch(kind, usagePoint, from, to);
    RecordedRequest request = server.takeRequest();

    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo(expectedPath(source, kind, usagePoint, start, end));
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1");
    assertThat(request.getHeader("User-Agent")).isEqualTo(LinkyHttpClients.userAgent());
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    assertThat(data.kind()).isEqualTo(kind);
    assertThat(data.usagePointId()).isEqualTo(usagePoint);
    assertThat(data.intervals().size() + data.dailyEnergies().size() + data.maxPowers().size())
        .isEqualTo(readings);
    assertThat(data.start()).isEqualTo(from);
    assertThat(data.end()).isEqualTo(to);
  }

  @Test
  void userAgentNamesLibraryVersion() {
    assertThat(LinkyHttpClients.userAgent()).matches("linky-java/\\d+\\.\\d+\\.\\d+.*");
    assertThat(LinkyHttpClients.userAgent()).doesNotContain("null");
  }

  @Test
  void curveMethodsUseTheirEndpoints() throws Exception {
    LinkyClient client = client(DataSource.ENEDIS_DIRECT, Instant.parse("2023-04-02T12:00:00Z"));
    LocalDate day = LocalDate.of(2023, 4, 1);
    String prm = "55555555555555";
    server.enqueue(
        new MockResponse().setBody(TestSupport.curveBody(prm, day, day.plusDays(1), 30)));
    server.enqueue(
        new MockResponse().setBody(TestSupport.curveBody(prm, day, day.plusDays(1), 30)));
    server.enqueue(
        new MockResponse().setBody(TestSupport.dailyBody(prm, day, day.plusDays(1), false)));
    server.enqueue(
        new MockResponse().setBody(TestSupport.dailyBody(prm, day, day.plusDays(1), false)));
    server.enqueue(
        new MockResponse().setBody(TestSupport.dailyBody(prm, day, day.plusDays(1), true)));

    client.consumptionLoadCurve(prm, day, day.plusDays(1));
    client.productionLoadCurve(prm, day, day.plusDays(1));
    client.dailyConsumption(prm, day, day.plusDays(1));
    client.dailyProduction(prm, day, day.plusDays(1));
    client.dailyConsumptionMaxPower(prm, day, day.plusDays(1));

    assertThat(pathOf(server.takeRequest()))
        .isEqualTo("/metering_data_clc/v5/consumption_load_curve");
    assertThat(pathOf(server.takeRequest()))
        .isEqualTo("/metering_data_plc/v5/production_load_curve");
    assertThat(pathOf(server.takeRequest())).isEqualTo("/metering_data_dc/v5/daily_consumption");
    assertThat(pathOf(server.takeRequest())).isEqualTo("/metering_data_dp/v5/daily_production");
    assertThat(pathOf(server.takeRequest()))
        .isEqualTo("/metering_data_dcmp/v5/daily_consumption_max_power");
  }

  @Test
  void contractThroughProxy() throws Exception {
    LinkyClient client = client(DataSource.CONSENT_PROXY, Instant.parse("2020-12-10T10:00:00Z"));
    server.enqueue(
        new MockResponse().setBody(fixture("contracts_9kVA_BTINFCUST_HC-23h30-7h30.json")));

    Contract contract = client.contract(PRM);
    RecordedRequest request = server.takeRequest();

    assertThat(request.getPath())
        .isEqualTo("/data/proxy/customers_upc/v5/usage_points/contracts?usage_point_id=" + PRM);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1");
    assertThat(contract.subscribedPowerKva()).hasValue(9);
    assertThat(contract.distributionTariff()).contains("BTINFCUST");
    assertThat(contract.offpeakHours()).contains("HC (23H30-7H30)");
    assertThat(contract.lastActivationDate()).contains(LocalDate.of(2007, 7, 6));
    assertThat(contract.segment()).contains("C5");
    assertThat(contract.meterType()).contains("AMM");
    assertThat(client.activationDate(PRM)).contains(LocalDate.of(2007, 7, 6));
  }

  @Test
  void contractFromEnedisDirect() throws Exception {
    LinkyClient client = client(DataSource.ENEDIS_DIRECT, Instant.parse("2020-12-10T10:00:00Z"));
    server.enqueue(
        new MockResponse().setBody(fixture("contracts_9kVA_BTINFCUST_HC-23h30-7h30.json")));

    client.contract(PRM);

    assertThat(server.takeRequest().getPath())
        .isEqualTo("/customers_upc/v5/usage_points/contracts?usage_point_id=" + PRM);
  }

  @Test
  void contractForOtherUsagePointIsInvalid() {
    LinkyClient client = client(DataSource.ENEDIS_DIRECT, Instant.parse("2020-12-10T10:00:00Z"));
    server.enqueue(
        new MockResponse().setBody(fixture("contracts_9kVA_BTINFCUST_HC-23h30-7h30.json")));

    assertThatThrownBy(() -> client.contract("12345678901234"))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "Invalid contract response from /customers_upc/v5/usage_points/contracts for usage"
                + " point 12345678901234: the body has no entry for the requested usage point");
  }

  @Test
  void gatewayHasNoContract() {
    LinkyClient client = client(DataSource.GATEWAY, Instant.parse("2020-12-10T10:00:00Z"));

    assertThatThrownBy(() -> client.contract(PRM))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("The GATEWAY source serves no contract; configure the off-peak hours by hand");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void unauthorizedRenewsTokenOnce() throws Exception {
    LinkyClient client = dailyClient();
    server.enqueue(new MockResponse().setResponseCode(401).setBody(""));
    server.enqueue(
        new MockResponse().setBody(fixture("daily_consumption_2020-12-03_2020-12-10.json")));

    MeteringData data = dailyWeek(client);

    assertThat(data.dailyEnergies()).hasSize(7);
    assertThat(tokens.invalidated).extracting(t -> t.value()).containsExactly("token-1");
    assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer token-1");
    assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer token-2");
  }

  @Test
  void secondUnauthorizedNeedsConsent() {
    LinkyClient client = dailyClient();
    server.enqueue(new MockResponse().setResponseCode(401));
    server.enqueue(new MockResponse().setResponseCode(401));

    assertThatThrownBy(() -> dailyWeek(client))
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "The server rejected the access token for usage point 22222222222222: GET"
                + " /data/proxy/metering_data_dc/v5/daily_consumption for [2020-12-03,"
                + " 2020-12-10) returned HTTP 401; obtain a new token or consent")
        .hasMessageNotContaining("token-");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(tokens.invalidated).hasSize(1);
  }

  @Test
  void proxyExpiredTokenIsRenewed() throws Exception {
    LinkyClient client = dailyClient();
    server.enqueue(
        new MockResponse()
            .setResponseCode(403)
            .setBody("{\"error\":\"Forbidden\",\"error_description\":\"Access token not found\"}"));
    server.enqueue(
        new MockResponse().setBody(fixture("daily_consumption_2020-12-03_2020-12-10.json")));

    assertThat(dailyWeek(client).dailyEnergies()).hasSize(7);
    assertThat(tokens.invalidated).hasSize(1);
  }

  @Test
  void uncoveredUsagePointNeedsConsent() {
    LinkyClient client = dailyClient();
    server.enqueue(
        new MockResponse()
            .setResponseCode(404)
            .setBody("{\"error\":\"Unauthorized\",\"error_description\":\"Bad access token\"}"));

    assertThatThrownBy(() -> dailyWeek(client))
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "The consent does not cover usage point 22222222222222: GET"
                + " /data/proxy/metering_data_dc/v5/daily_consumption for [2020-12-03,"
                + " 2020-12-10) returned HTTP 404 Unauthorized \"Bad access token\"; run the consent again and include this"
                + " usage point in it");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(tokens.invalidated).isEmpty();
  }

  @Test
  void noConsentIsNotRetried() {
    LinkyClient client = dailyClient();
    server.enqueue(
        new MockResponse()
            .setResponseCode(403)
            .setBody(fixture("error_403_ADAM-DC-0008_no_consent.json")));

    assertThatThrownBy(() -> dailyWeek(client)).isInstanceOf(ConsentRequiredException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(tokens.invalidated).isEmpty();
  }

  @Test
  void wrongDirectionIsNotRetried() {
    LinkyClient client = dailyClient();
    server.enqueue(
        new MockResponse()
            .setResponseCode(400)
            .setBody(fixture("error_400_ADAM-ERR0069_measure_direction.json")));

    assertThatThrownBy(() -> dailyWeek(client)).isInstanceOf(WrongDirectionException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void technicalErrorIsRetriedWithJitter() throws Exception {
    LinkyClient client = dailyClient();
    server.enqueue(
        new MockResponse()
            .setResponseCode(500)
            .setBody("{\"error\":\"technical_error\",\"error_description\":\"Technical error.\"}"));
    server.enqueue(
        new MockResponse().setBody(fixture("daily_consumption_2020-12-03_2020-12-10.json")));

    assertThat(dailyWeek(client).dailyEnergies()).hasSize(7);
    assertThat(time.sleeps).hasSize(1);
    assertThat(time.sleeps.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void retryAfterHeaderIsRespected() throws Exception {
    LinkyClient client = dailyClient();
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "7"));
    server.enqueue(
        new MockResponse().setBody(fixture("daily_consumption_2020-12-03_2020-12-10.json")));

    dailyWeek(client);

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void shortQuotaWaitIsSleptThrough() throws Exception {
    LinkyClient client = dailyClient();
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "30"));
    server.enqueue(
        new MockResponse().setBody(fixture("daily_consumption_2020-12-03_2020-12-10.json")));

    dailyWeek(client);

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void longQuotaWaitFailsAtOnce() {
    LinkyClient client = dailyClient();
    server.enqueue(
        new MockResponse()
            .setResponseCode(429)
            .setBody(fixture("error_429_quota_900804_throttled.json")));

    assertThatThrownBy(() -> dailyWeek(client))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> assertThat(e.retryAt()).contains(Instant.parse("2026-07-17T05:00:00Z")));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void droppedConnectionIsRetried() throws Exception {
    LinkyClient client = dailyClient();
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(
        new MockResponse().setBody(fixture("daily_consumption_2020-12-03_2020-12-10.json")));

    assertThat(dailyWeek(client).dailyEnergies()).hasSize(7);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void timeoutIsRetried() throws Exception {
    LinkyClient client =
        builder(DataSource.CONSENT_PROXY, Instant.parse("2020-12-10T10:00:00Z"))
            .httpClient(
                new okhttp3.OkHttpClient.Builder().readTimeout(200, TimeUnit.MILLISECONDS).build())
            .build();
    server.enqueue(
        new MockResponse()
            .setBody(fixture("daily_consumption_2020-12-03_2020-12-10.json"))
            .setHeadersDelay(1, TimeUnit.SECONDS));
    server.enqueue(
        new MockResponse().setBody(fixture("daily_consumption_2020-12-03_2020-12-10.json")));

    assertThat(dailyWeek(client).dailyEnergies()).hasSize(7);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(server.takeRequest().getHeader("User-Agent"))
        .isEqualTo(LinkyHttpClients.userAgent());
  }

  @Test
  void sharedClientGetsHeadersOnce() {
    okhttp3.OkHttpClient shared = LinkyHttpClients.create();

    assertThat(LinkyHttpClients.withUserAgent(shared)).isSameAs(shared);
    assertThat(client(DataSource.GATEWAY, Instant.EPOCH).httpClient().interceptors()).hasSize(1);
  }

  @Test
  void retriesAreBounded() {
    LinkyClient client = dailyClient();
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse().setResponseCode(500).setBody("<html>oops</html>"));
    }

    assertThatThrownBy(() -> dailyWeek(client))
        .isInstanceOf(TemporaryFailureException.class)
        .hasMessage(
            "Enedis failed temporarily for usage point 22222222222222: GET"
                + " /data/proxy/metering_data_dc/v5/daily_consumption for [2020-12-03,"
                + " 2020-12-10) returned HTTP 500; retry later");
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(time.sleeps).hasSize(3);
    assertThat(time.sleeps.get(2)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
  }

  @Test
  void truncatedBodyIsInvalidResponse() {
    LinkyClient client = dailyClient();
    String body = fixture("daily_consumption_2020-12-03_2020-12-10.json");
    server.enqueue(new MockResponse().setBody(body.substring(0, 100)));

    assertThatThrownBy(() -> dailyWeek(client))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith(
            "Invalid metering response from /data/proxy/metering_data_dc/v5/daily_consumption"
                + " for [2020-12-03, 2020-12-10) for usage point 22222222222222: the body is not"
                + " valid JSON (");
  }

  @Test
  void responseForOtherUsagePointIsInvalid() {
    LinkyClient client = dailyClient();
    server.enqueue(
        new MockResponse()
            .setBody(
                fixture("daily_consumption_2020-12-03_2020-12-10.json")
                    .replace(PRM, "99999999999999")));

    assertThatThrownBy(() -> dailyWeek(client))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "Invalid metering response from /data/proxy/metering_data_dc/v5/daily_consumption"
                + " for [2020-12-03, 2020-12-10): it is for usage point 99999999999999, not the"
                + " requested 22222222222222");
  }

  @Test
  void invalidUsagePointIsRejected() {
    LinkyClient client = dailyClient();

    assertThatThrownBy(
            () ->
                client.dailyConsumption(
                    "1234", LocalDate.of(2020, 12, 3), LocalDate.of(2020, 12, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Usage point id must be exactly 14 digits, got \"1234\"");
  }

  @Test
  void emptyRangeIsRejected() {
    LinkyClient client = dailyClient();
    LocalDate day = LocalDate.of(2020, 12, 3);

    assertThatThrownBy(() -> client.dailyConsumption(PRM, day, day))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("start 2020-12-03 must be before end 2020-12-03 (end is exclusive)");
  }

  @Test
  void builderRequiresBaseUrl() {
    assertThatThrownBy(
            () -> LinkyClient.builder().source(DataSource.GATEWAY).tokenProvider(tokens).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("baseUrl");
    assertThatThrownBy(() -> LinkyClient.builder().baseUrl("proxy.example"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Base URL is not an http or https URL: \"proxy.example\"");
  }

  @Test
  void basePathIsKept() throws Exception {
    LinkyClient client =
        builder(DataSource.CONSENT_PROXY, Instant.parse("2020-12-10T10:00:00Z"))
            .baseUrl(server.url("/prefix"))
            .build();
    server.enqueue(
        new MockResponse().setBody(fixture("daily_consumption_2020-12-03_2020-12-10.json")));

    dailyWeek(client);

    assertThat(pathOf(server.takeRequest()))
        .isEqualTo("/prefix/data/proxy/metering_data_dc/v5/daily_consumption");
  }

  private LinkyClient dailyClient() {
    return client(DataSource.CONSENT_PROXY, Instant.parse("2020-12-10T10:00:00Z"));
  }

  private static MeteringData dailyWeek(LinkyClient client) throws LinkyException {
    return client.dailyConsumption(PRM, LocalDate.of(2020, 12, 3), LocalDate.of(2020, 12, 10));
  }

  private LinkyClient client(DataSource source, Instant now) {
    return builder(source, now).build();
  }

  private LinkyClient.Builder builder(DataSource source, Instant now) {
    time = new FakeTime(now);
    return LinkyClient.builder()
        .source(source)
        .baseUrl(server.url("/"))
        .tokenProvider(tokens)
        .clock(time)
        .sleeper(time)
        .random(new SplittableRandom(42));
  }

  private static String pathOf(RecordedRequest request) {
    return request.getRequestUrl().encodedPath();
  }

  private static String expectedPath(
      DataSource source, MeteringKind kind, String usagePoint, String start, String end) {
    String range = "&start=" + start + "&end=" + end;
    return switch (source) {
      case CONSENT_PROXY ->
          "/data/proxy/" + kind.enedisPath() + "?usage_point_id=" + usagePoint + range;
      case ENEDIS_DIRECT -> "/" + kind.enedisPath() + "?usage_point_id=" + usagePoint + range;
      case GATEWAY -> "/api/" + kind.gatewayName() + "?prm=" + usagePoint + range;
    };
  }

  /** Returns the body as the gateway sends it: the meter_reading members at the top level. */
  private static String unwrap(String body) {
    return body.substring(body.indexOf(':') + 1, body.lastIndexOf('}')).trim();
  }
}
