package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.DataSource;
import io.github.linkyj.core.LinkyClient;
import io.github.linkyj.core.RateLimits;
import io.github.linkyj.core.auth.AccessTokenProvider;
import io.github.linkyj.core.auth.ClientCredentialsConfig;
import io.github.linkyj.core.auth.ClientCredentialsTokenProvider;
import io.github.linkyj.core.auth.ConsentProxyConfig;
import io.github.linkyj.core.auth.ConsentProxyTokenProvider;
import io.github.linkyj.core.auth.DeviceFlow;
import io.github.linkyj.core.auth.FileTokenStore;
import io.github.linkyj.core.auth.GatewayConfig;
import io.github.linkyj.core.auth.GatewayTokenProvider;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.core.testing.LoggedRequest;
import io.github.linkyj.core.testing.TestSecrets;
import io.github.linkyj.domoticz.sync.SchedulePolicy;
import io.github.linkyj.domoticz.sync.SyncSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link LinkyService} for 24 simulated hours after the consent was lost, and counts the
 * requests that reach the simulator: the loop must keep running without hammering Enedis or the
 * consent proxy.
 */
class ConsentLossServiceTest {
  private static final String HOUSE = "22516914714270";
  private static final Duration DAY = Duration.ofHours(24);

  @TempDir Path directory;
  private SyncFixture fixture;

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  /** A service on the consent proxy, with its tokens in a token file after a first consent. */
  private final class ProxyService {
    final Path tokenFile = directory.resolve("tokens.json");
    final ConsentProxyTokenProvider tokens;
    final LinkySync sync;
    final List<SyncReport> reports = new ArrayList<>();

    ProxyService() throws Exception {
      EnedisSimulator simulator = fixture.simulator;
      tokens =
          ConsentProxyTokenProvider.builder(
                  ConsentProxyConfig.of(simulator.baseUrl(), simulator.clientId()))
              .tokenStore(FileTokenStore.of(tokenFile))
              .clock(fixture.clock)
              .sleeper(fixture.clock::advance)
              .build();
      DeviceFlow flow = tokens.startDeviceAuthorization();
      flow.awaitConsent();
      LinkyClient client =
          LinkyClient.builder()
              .source(DataSource.CONSENT_PROXY)
              .baseUrl(simulator.baseUrl())
              .tokenProvider(tokens)
              .clock(fixture.clock)
              .zone(SyncFixture.PARIS)
              .rateLimits(RateLimits.of(1000, 100_000))
              .sleeper(fixture.clock::advance)
              .build();
      sync =
          LinkySync.builder()
              .client(client)
              .usagePointIds(List.of(HOUSE))
              .settings(SyncSettings.builder().otherViewDays(7).build())
              .target(new RecordingTarget())
              .stateDirectory(directory.resolve("state"))
              .debugDirectory(directory.resolve("debug"))
              .clock(fixture.clock)
              .random(new java.util.Random(7))
              .build();
    }

    /** Runs the service until the clock passes {@code end}. */
    void runUntil(Instant end) throws InterruptedException {
      LinkyService[] service = new LinkyService[1];
      service[0] =
          new LinkyService(
              sync,
              fixture.clock,
              report -> {
                reports.add(report);
                if (!report.nextRun().isBefore(end)) {
                  service[0].stop();
                }
              },
              (until, wakeUp) ->
                  fixture.clock.advance(Duration.between(fixture.clock.instant(), until)));
      service[0].run();
    }
  }

  private static List<String> described(List<LoggedRequest> requests) {
    return requests.stream().map(r -> r.method() + " " + r.path() + " " + r.status()).toList();
  }

  private static final String LOAD_CURVE_403 =
      "GET /data/proxy/metering_data_clc/v5/consumption_load_curve 403";

  @Test
  void revokedConsentStopsProxyTraffic() throws Exception {
    fixture =
        new SyncFixture(LocalDateTime.of(2026, 12, 4, 9, 0), directory, b -> b.sandboxCustomer(0));
    ProxyService service = new ProxyService();
    fixture.simulator.revokeConsent(HOUSE);
    fixture.simulator.clearRequests();
    Instant end = fixture.clock.instant().plus(DAY);

    service.runUntil(end);

    // The access token still works for 3 h 30: each hourly cycle gets 403 ADAM-DC-0008 once. The
    // refresh that follows is rejected, the token file is deleted, and later cycles send nothing.
    assertThat(described(fixture.simulator.requests()))
        .containsExactly(
            LOAD_CURVE_403,
            LOAD_CURVE_403,
            LOAD_CURVE_403,
            LOAD_CURVE_403,
            "POST /device/token 400");
    assertThat(service.reports).hasSize(14);
    assertThat(service.reports)
        .extracting(SyncReport::outcome)
        .containsOnly(SyncReport.Outcome.CONSENT_REQUIRED);
    assertThat(service.reports.get(0).failure())
        .hasValueSatisfying(f -> assertThat(f).contains("ADAM-DC-0008"));
    assertThat(service.reports.get(13).failure())
        .hasValueSatisfying(
            f -> assertThat(f).contains("No tokens of").contains("run the device authorization"));
    assertThat(service.tokenFile).doesNotExist();
    assertThat(cycleGaps(service.reports)).allMatch(gap -> gap.compareTo(Duration.ofHours(1)) >= 0);
  }

  @Test
  void rejectedRefreshTokenStopsProxyTraffic() throws Exception {
    fixture =
        new SyncFixture(LocalDateTime.of(2026, 12, 4, 9, 0), directory, b -> b.sandboxCustomer(0));
    ProxyService service = new ProxyService();
    fixture.simulator.revokeRefreshTokens();
    fixture.clock.advance(Duration.ofHours(4));
    fixture.simulator.clearRequests();
    Instant end = fixture.clock.instant().plus(DAY);

    service.runUntil(end);

    assertThat(described(fixture.simulator.requests())).containsExactly("POST /device/token 400");
    assertThat(service.reports)
        .extracting(SyncReport::outcome)
        .containsOnly(SyncReport.Outcome.CONSENT_REQUIRED);
    assertThat(service.reports.get(0).failure())
        .hasValueSatisfying(
            f -> assertThat(f).contains("invalid_grant").contains("no longer valid"));
    assertThat(service.tokenFile).doesNotExist();
  }

  @Test
  void corruptTokenFileSendsNothing() throws Exception {
    fixture =
        new SyncFixture(LocalDateTime.of(2026, 12, 4, 9, 0), directory, b -> b.sandboxCustomer(0));
    ProxyService service = new ProxyService();
    Files.writeString(service.tokenFile, "{\"format\":1,\"access_token\":");
    fixture.clock.advance(Duration.ofHours(4));
    fixture.simulator.clearRequests();
    Instant end = fixture.clock.instant().plus(DAY);

    service.runUntil(end);

    assertThat(fixture.simulator.requests()).isEmpty();
    assertThat(service.reports)
        .extracting(SyncReport::outcome)
        .containsOnly(SyncReport.Outcome.CONSENT_REQUIRED);
    assertThat(service.reports.get(0).failure())
        .hasValue(
            "Token file "
                + service.tokenFile
                + " is not valid JSON (End of input); delete it and give consent again, which"
                + " writes a new file");
    assertThat(service.tokenFile).exists();
  }

  @Test
  void revokedConsentOnDataConnectStaysHourly() throws Exception {
    fixture =
        new SyncFixture(LocalDateTime.of(2026, 12, 4, 9, 0), directory, b -> b.sandboxCustomer(0));
    fixture.simulator.revokeConsent(HOUSE);
    LinkySync sync =
        fixture
            .sync(
                SyncSettings.builder().otherViewDays(7).build(),
                List.of(HOUSE),
                new RecordingTarget())
            .build();
    List<SyncReport> reports = new ArrayList<>();
    Instant end = fixture.clock.instant().plus(DAY);
    LinkyService[] service = new LinkyService[1];
    service[0] =
        new LinkyService(
            sync,
            fixture.clock,
            report -> {
              reports.add(report);
              if (!report.nextRun().isBefore(end)) {
                service[0].stop();
              }
            },
            (until, wakeUp) ->
                fixture.clock.advance(Duration.between(fixture.clock.instant(), until)));

    service[0].run();

    // Data Connect has no refresh token to lose, so each cycle sends one request and gets 403.
    // The cycles are an hour apart and skip the night, which bounds the traffic to one request an
    // hour. A new application token is requested when less than 20 minutes of its 3 h 30 remain.
    long dataRequests = fixture.simulator.requestCount("metering_data");
    assertThat(reports).hasSize(14);
    assertThat(dataRequests).isEqualTo(reports.size());
    assertThat(fixture.simulator.requestCount("/oauth2/v3/token")).isEqualTo(5);
    assertThat(cycleGaps(reports)).allMatch(gap -> gap.compareTo(Duration.ofHours(1)) >= 0);
  }

  /** Runs a service on {@code client} for a day and returns the report of every cycle. */
  private List<SyncReport> runForADay(LinkyClient client) throws InterruptedException {
    LinkySync sync =
        LinkySync.builder()
            .client(client)
            .usagePointIds(List.of(HOUSE))
            .settings(SyncSettings.builder().otherViewDays(7).build())
            .target(new RecordingTarget())
            .stateDirectory(directory.resolve("state"))
            .debugDirectory(directory.resolve("debug"))
            .clock(fixture.clock)
            .random(new java.util.Random(7))
            .build();
    List<SyncReport> reports = new ArrayList<>();
    Instant end = fixture.clock.instant().plus(DAY);
    LinkyService[] service = new LinkyService[1];
    service[0] =
        new LinkyService(
            sync,
            fixture.clock,
            report -> {
              reports.add(report);
              if (!report.nextRun().isBefore(end)) {
                service[0].stop();
              }
            },
            (until, wakeUp) ->
                fixture.clock.advance(Duration.between(fixture.clock.instant(), until)));
    service[0].run();
    return reports;
  }

  private LinkyClient client(DataSource source, AccessTokenProvider tokens) {
    return LinkyClient.builder()
        .source(source)
        .baseUrl(fixture.simulator.baseUrl())
        .tokenProvider(tokens)
        .clock(fixture.clock)
        .zone(SyncFixture.PARIS)
        .rateLimits(RateLimits.of(1000, 100_000))
        .sleeper(fixture.clock::advance)
        .build();
  }

  @Test
  void expiredGatewayTokenSendsNothing() throws Exception {
    fixture =
        new SyncFixture(LocalDateTime.of(2026, 12, 4, 9, 0), directory, b -> b.sandboxCustomer(0));
    String token =
        EnedisSimulator.mintGatewayToken(
            List.of(HOUSE), fixture.clock.instant().minus(DAY), Duration.ofHours(1));
    GatewayTokenProvider gateway =
        GatewayTokenProvider.of(
            GatewayConfig.of(fixture.simulator.baseUrl(), token), fixture.clock);

    List<SyncReport> reports = runForADay(client(DataSource.GATEWAY, gateway));

    assertThat(fixture.simulator.requests()).isEmpty();
    assertThat(reports)
        .extracting(SyncReport::outcome)
        .containsOnly(SyncReport.Outcome.CONSENT_REQUIRED);
    assertThat(reports.get(0).failure())
        .hasValueSatisfying(f -> assertThat(f).startsWith("The gateway token expired at "));
  }

  @Test
  void rejectedClientSecretBacksOffUntilMorning() throws Exception {
    fixture =
        new SyncFixture(LocalDateTime.of(2026, 12, 4, 9, 0), directory, b -> b.sandboxCustomer(0));
    ClientCredentialsTokenProvider tokens =
        ClientCredentialsTokenProvider.builder(
                ClientCredentialsConfig.of(
                    fixture.simulator.baseUrl(),
                    fixture.simulator.enedisClientId(),
                    TestSecrets.add("revoked-client-secret-0000")))
            .clock(fixture.clock)
            .build();

    List<SyncReport> reports = runForADay(client(DataSource.ENEDIS_DIRECT, tokens));

    // A rejected secret is a failure, not a consent problem: two retries an hour apart, then the
    // next morning's window, so three token requests and no data request in the first day.
    assertThat(reports).extracting(SyncReport::outcome).containsOnly(SyncReport.Outcome.FAILED);
    assertThat(reports)
        .extracting(SyncReport::nextRunReason)
        .startsWith(
            SchedulePolicy.Reason.RETRY,
            SchedulePolicy.Reason.RETRY,
            SchedulePolicy.Reason.TOO_MANY_FAILURES);
    assertThat(fixture.simulator.requestCount("metering_data")).isZero();
    assertThat(fixture.simulator.requestCount("/oauth2/v3/token")).isEqualTo(reports.size());
    assertThat(reports.size()).isLessThanOrEqualTo(4);
    assertThat(reports.get(0).failure())
        .hasValueSatisfying(f -> assertThat(f).contains("invalid_client"));
  }

  private static List<Duration> cycleGaps(List<SyncReport> reports) {
    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < reports.size(); i++) {
      gaps.add(Duration.between(reports.get(i - 1).nextRun(), reports.get(i).nextRun()));
    }
    return gaps;
  }
}
