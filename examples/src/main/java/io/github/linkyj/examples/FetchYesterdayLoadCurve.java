package io.github.linkyj.examples;

import io.github.linkyj.core.DataSource;
import io.github.linkyj.core.DayTotal;
import io.github.linkyj.core.IntervalReading;
import io.github.linkyj.core.LinkyClient;
import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.LoadCurves;
import io.github.linkyj.core.MeteringData;
import io.github.linkyj.core.MeteringParser;
import io.github.linkyj.core.auth.ConsentProxyConfig;
import io.github.linkyj.core.auth.ConsentProxyTokenProvider;
import io.github.linkyj.core.auth.FileTokenStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Prints yesterday's load curve of one usage point, using linky-core alone.
 *
 * <p>Run it with the consent proxy's settings in the environment and the usage point as argument,
 * after {@code linky consent} stored the tokens:
 *
 * <pre>
 * LINKY_SOURCE_URL=https://proxy.example.org/ LINKY_SOURCE_CLIENT_ID=my-id \
 * LINKY_TOKEN_FILE=token.json java -cp linky.jar \
 *     io.github.linkyj.examples.FetchYesterdayLoadCurve 22516914714270
 * </pre>
 */
public final class FetchYesterdayLoadCurve {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private FetchYesterdayLoadCurve() {}

  /** Reads the settings from the environment and prints the curve of the usage point argument. */
  public static void main(String[] args) throws LinkyException {
    if (args.length != 1) {
      System.err.println("Usage: FetchYesterdayLoadCurve USAGE_POINT_ID (14 digits)");
      System.exit(2);
    }
    String baseUrl = requireEnvironment("LINKY_SOURCE_URL");
    ConsentProxyTokenProvider tokens =
        ConsentProxyTokenProvider.builder(
                ConsentProxyConfig.of(baseUrl, requireEnvironment("LINKY_SOURCE_CLIENT_ID")))
            .tokenStore(FileTokenStore.of(Path.of(requireEnvironment("LINKY_TOKEN_FILE"))))
            .build();
    Clock clock = Clock.system(MeteringParser.ENEDIS_ZONE);
    LinkyClient client =
        LinkyClient.builder()
            .source(DataSource.CONSENT_PROXY)
            .baseUrl(baseUrl)
            .tokenProvider(tokens)
            .clock(clock)
            .build();
    print(client, args[0], clock, System.out);
  }

  /**
   * Fetches the curve of the day before today (Paris time) and prints one line per interval, {@code
   * HH:mm-HH:mm W Wh}, then the day's total in Wh.
   *
   * @return the day's total
   */
  public static DayTotal print(
      LinkyClient client, String usagePointId, Clock clock, PrintStream out) throws LinkyException {
    Objects.requireNonNull(client, "client");
    LocalDate today = LocalDate.now(clock.withZone(MeteringParser.ENEDIS_ZONE));
    LocalDate yesterday = today.minusDays(1);

    MeteringData curve = client.consumptionLoadCurve(usagePointId, yesterday, today);

    out.println(
        "Load curve of " + usagePointId + " on " + yesterday + " (power in W, energy in Wh)");
    for (IntervalReading reading : curve.intervals()) {
      out.printf(
          "%s-%s %6d W %9s Wh%n",
          TIME.format(reading.start()),
          TIME.format(reading.end()),
          reading.averagePower(),
          reading.energy().wattHours().toPlainString());
    }
    DayTotal total = LoadCurves.totalsByDay(curve.intervals()).get(yesterday);
    if (total == null) {
      out.println("No reading for " + yesterday + ": Enedis may not have published it yet.");
      return null;
    }
    out.println("Total: " + total.energy().wattHours().toPlainString() + " Wh");
    return total;
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
