package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.core.testing.LoggedRequest;
import io.github.linkyj.domoticz.FakeDomoticz;
import io.github.linkyj.domoticz.FakeDomoticzServer;
import io.github.linkyj.domoticz.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code linky sync} with a token file that is corrupt or too open, a consent that Enedis revoked
 * and a refresh token that the proxy rejects: exit code 3, a message that names the problem and
 * {@code linky consent}, and no request beyond the one that found the problem.
 */
class TokenFileCliTest {
  private static final String HOUSE = "22516914714270";
  private static final String RUN_CONSENT =
      ". Run 'linky consent' (with the same configuration), then sync again.";

  @TempDir Path dir;
  private final MutableClock clock =
      new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), Cli.PARIS);
  private FakeDomoticzServer domoticz;
  private EnedisSimulator simulator;
  private Map<String, String> environment;
  private Path tokenFile;

  @BeforeEach
  void start() throws Exception {
    domoticz = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock).shortLogDays(7));
    simulator =
        EnedisSimulator.builder(clock)
            .sandboxCustomer(0)
            .pollInterval(Duration.ofSeconds(1))
            .approveAfterPolls(0)
            .start();
    tokenFile = dir.resolve("token.json");
    environment = new HashMap<>();
    environment.put("LINKY_DOMOTICZ_URL", domoticz.url());
    environment.put("LINKY_STATE_DIR", dir.resolve("state").toString());
    environment.put("LINKY_SOURCE_URL", simulator.baseUrl());
    environment.put("LINKY_SOURCE_CLIENT_ID", simulator.clientId());
    environment.put("LINKY_TOKEN_FILE", tokenFile.toString());
    environment.put("LINKY_DAYS_HISTORY", "3");
    Cli.Result consent = Cli.run(environment, clock, "consent");
    assertThat(consent.exitCode()).as(consent.err()).isZero();
    simulator.clearRequests();
  }

  @AfterEach
  void stop() throws Exception {
    simulator.close();
    domoticz.close();
  }

  private Cli.Result sync() {
    return Cli.run(environment, clock, "sync");
  }

  private List<String> requests() {
    return simulator.requests().stream().map(TokenFileCliTest::describe).toList();
  }

  private static String describe(LoggedRequest request) {
    return request.method() + " " + request.path() + " " + request.status();
  }

  @Test
  void corruptTokenFileExitsWithCode3() throws Exception {
    Files.writeString(tokenFile, "{\"format\":1,\"access_token\":");

    Cli.Result result = sync();

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(result.err())
        .isEqualTo(
            "linky sync: no valid Enedis consent (Token file "
                + tokenFile
                + " is not valid JSON (End of input); delete it and give consent again, which"
                + " writes a new file)"
                + RUN_CONSENT
                + "\n");
    assertThat(requests()).isEmpty();
  }

  @Test
  void consentRepairsCorruptTokenFile() throws Exception {
    Files.writeString(tokenFile, "not json");
    sync();

    Cli.Result consent = Cli.run(environment, clock, "consent");
    Cli.Result result = sync();

    assertThat(consent.exitCode()).as(consent.err()).isZero();
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
        .isEqualTo("rw-------");
  }

  @Test
  void readableTokenFileBecomesOwnerOnly() throws Exception {
    Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));

    Cli.Result result = sync();

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
        .isEqualTo("rw-------");
  }

  @Test
  void revokedConsentExitsWithCode3() {
    simulator.revokeConsent(HOUSE);

    Cli.Result result = sync();

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(result.err())
        .startsWith(
            "linky sync: no valid Enedis consent (Consent missing or revoked for usage point")
        .contains("HTTP 403 ADAM-DC-0008")
        .endsWith(RUN_CONSENT + "\n");
    assertThat(requests())
        .containsExactly("GET /data/proxy/metering_data_clc/v5/consumption_load_curve 403");
  }

  @Test
  void rejectedRefreshTokenExitsWithCode3() throws Exception {
    simulator.revokeRefreshTokens();
    clock.advance(Duration.ofHours(4));

    Cli.Result first = sync();
    Cli.Result second = sync();

    assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
    assertThat(first.err())
        .contains("invalid_grant")
        .contains("the refresh token is no longer valid")
        .endsWith(RUN_CONSENT + "\n");
    assertThat(tokenFile).doesNotExist();
    assertThat(second.exitCode()).as(second.err()).isEqualTo(3);
    assertThat(second.err()).contains("No tokens of").endsWith(RUN_CONSENT + "\n");
    assertThat(requests()).containsExactly("POST /device/token 400");
  }
}
