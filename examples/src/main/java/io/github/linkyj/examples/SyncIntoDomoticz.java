package io.github.linkyj.examples;

import io.github.linkyj.core.DataSource;
import io.github.linkyj.core.LinkyClient;
import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.MeteringParser;
import io.github.linkyj.core.auth.ConsentProxyConfig;
import io.github.linkyj.core.auth.ConsentProxyTokenProvider;
import io.github.linkyj.core.auth.FileTokenStore;
import io.github.linkyj.domoticz.DomoticzAuth;
import io.github.linkyj.domoticz.DomoticzClient;
import io.github.linkyj.domoticz.DomoticzTarget;
import io.github.linkyj.domoticz.LinkySync;
import io.github.linkyj.domoticz.SyncReport;
import io.github.linkyj.domoticz.sync.SyncSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Runs one sync cycle of Enedis data into Domoticz with {@link LinkySync}, without the {@code
 * linky} command. The sync writes the hourly short log, the day rows split into peak and off-peak,
 * and the dashboard value of each usage point.
 *
 * <pre>
 * LINKY_SOURCE_URL=https://proxy.example.org/ LINKY_SOURCE_CLIENT_ID=my-id \
 * LINKY_TOKEN_FILE=token.json LINKY_DOMOTICZ_URL=http://127.0.0.1:8080 LINKY_STATE_DIR=state \
 * java -cp linky.jar io.github.linkyj.examples.SyncIntoDomoticz
 * </pre>
 */
public final class SyncIntoDomoticz {
  private SyncIntoDomoticz() {}

  /** Reads the settings from the environment and runs one cycle for the consented usage points. */
  public static void main(String[] args) throws LinkyException {
    Clock clock = Clock.system(MeteringParser.ENEDIS_ZONE);
    String baseUrl = requireEnvironment("LINKY_SOURCE_URL");
    ConsentProxyTokenProvider tokens =
        ConsentProxyTokenProvider.builder(
                ConsentProxyConfig.of(baseUrl, requireEnvironment("LINKY_SOURCE_CLIENT_ID")))
            .tokenStore(FileTokenStore.of(Path.of(requireEnvironment("LINKY_TOKEN_FILE"))))
            .clock(clock)
            .build();
    LinkyClient client =
        LinkyClient.builder()
            .source(DataSource.CONSENT_PROXY)
            .baseUrl(baseUrl)
            .tokenProvider(tokens)
            .clock(clock)
            .build();
    DomoticzClient domoticz =
        DomoticzClient.builder(requireEnvironment("LINKY_DOMOTICZ_URL"))
            .auth(DomoticzAuth.none())
            .clock(clock)
            .build();

    SyncReport report =
        sync(
            client,
            tokens.usagePointIds(),
            domoticz,
            Path.of(requireEnvironment("LINKY_STATE_DIR")),
            clock);

    System.out.println(report.outcome() + "; next run at " + report.nextRun());
    report.failure().ifPresent(failure -> System.err.println(failure));
    System.exit(report.isClean() ? 0 : 1);
  }

  /**
   * Syncs {@code usagePointIds} into {@code domoticz} with the off-peak hours 22h00-6h00 and 30
   * days of history, keeping the sync state in {@code stateDirectory}.
   *
   * @return what the cycle wrote; failures are reported in it, not thrown
   */
  public static SyncReport sync(
      LinkyClient client,
      List<String> usagePointIds,
      DomoticzClient domoticz,
      Path stateDirectory,
      Clock clock) {
    Objects.requireNonNull(client, "client");
    SyncSettings settings =
        SyncSettings.builder().offPeakSchedule("22h00-6h00").otherViewDays(30).build();
    LinkySync sync =
        LinkySync.builder()
            .client(client)
            .usagePointIds(usagePointIds)
            .settings(settings)
            .target(new DomoticzTarget(domoticz))
            .stateDirectory(stateDirectory)
            .clock(clock)
            .build();
    return sync.runOnce();
  }

  private static String requireEnvironment(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      System.err.println("Missing environment variable " + name);
      System.exit(2);
    }
    return value;
  }
}
