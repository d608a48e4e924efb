package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.domoticz.FakeDomoticz;
import io.github.linkyj.domoticz.FakeDomoticzServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each invalid setting stops {@code linky sync} and {@code linky run} at start with exit code 2 and
 * a message that names the setting, where its value came from and the accepted values, before any
 * request reaches Enedis or Domoticz and before anything is written.
 */
class ConfigErrorsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), Cli.PARIS);
  private static final String HOUSE = "22516914714270";
  private static final String TYPO = "22516914714207";

  private Path dir;
  private EnedisSimulator simulator;
  private FakeDomoticzServer domoticz;
  private Map<String, String> environment;
  private byte[] tokens;

  @BeforeEach
  void giveConsent() throws Exception {
    dir = Files.createTempDirectory("linky-config-errors");
    simulator =
        EnedisSimulator.builder(CLOCK)
            .sandboxCustomer(0)
            .pollInterval(Duration.ofSeconds(1))
            .approveAfterPolls(0)
            .start();
    domoticz = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(CLOCK).shortLogDays(7));
    environment = new HashMap<>();
    environment.put("LINKY_SOURCE_URL", simulator.baseUrl());
    environment.put("LINKY_SOURCE_CLIENT_ID", simulator.clientId());
    environment.put("LINKY_TOKEN_FILE", dir.resolve("token.json").toString());
    environment.put("LINKY_STATE_DIR", dir.resolve("state").toString());
    environment.put("LINKY_DOMOTICZ_URL", domoticz.url());

    Cli.Result consent = Cli.run(environment, CLOCK, "consent");
    assertThat(consent.exitCode()).as(consent.err()).isZero();
    tokens = Files.readAllBytes(dir.resolve("token.json"));
    simulator.clearRequests();
  }

  @AfterEach
  void stopServers() throws Exception {
    try {
      simulator.close();
    } finally {
      domoticz.close();
    }
  }

  /** One invalid setting: where it is set and the message expected on standard error. */
  private record Case(
      String name,
      List<String> options,
      Map<String, String> variables,
      String file,
      String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case option(String name, String option, String value, String message) {
    return new Case(name, List.of(option, value), Map.of(), null, message);
  }

  private static Case variable(String name, String variable, String value, String message) {
    return new Case(name, List.of(), Map.of(variable, value), null, message);
  }

  static Stream<Arguments> invalidSettings() {
    List<Case> cases =
        List.of(
            option(
                "unknown main figure",
                "--dashboard-main",
                "peak_week",
                "Invalid value 'peak_week' for dashboard.main (from option --dashboard-main):"
                    + " expected peak_day, peak_cweek, peak_lweek, peak_cmonth, peak_lmonth or"
                    + " peak_year."),
            variable(
                "unknown secondary figure",
                "LINKY_DASHBOARD_SECONDARY",
                "sum_day",
                "Invalid value 'sum_day' for dashboard.secondary (from environment variable"
                    + " LINKY_DASHBOARD_SECONDARY): expected value_, max_ or mean_ followed by day,"
                    + " cweek, lweek, cmonth, lmonth or year, such as value_day."),
            new Case(
                "unknown dashboard key",
                List.of(),
                Map.of(),
                "dashboard.size = 3\n",
                "Unknown key 'dashboard.size' in configuration file CONFIG. Known keys: source,"
                    + " source.url, source.client-id, source.client-secret-file,"
                    + " gateway.token-file, usage-points, token.file, state.dir, domoticz.url,"
                    + " domoticz.auth, domoticz.user, domoticz.client-id, domoticz.password-file,"
                    + " domoticz.allow-plain-basic, domoticz.hardware, offpeak, dashboard.main,"
                    + " dashboard.secondary, days.hourly, days.history, debug, language."),
            option(
                "history days above range",
                "--days-history",
                "1096",
                "Invalid value '1096' for days.history (from option --days-history): expected a"
                    + " whole number from 2 to 1095."),
            option(
                "history days below range",
                "--days-history",
                "1",
                "Invalid value '1' for days.history (from option --days-history): expected a"
                    + " whole number from 2 to 1095."),
            new Case(
                "history days not a number",
                List.of(),
                Map.of(),
                "days.history = two years\n",
                "Invalid value 'two years' for days.history (from configuration file CONFIG):"
                    + " expected a whole number from 2 to 1095."),
            option(
                "hourly days above range",
                "--days-hourly",
                "8",
                "Invalid value '8' for days.hourly (from option --days-hourly): expected a whole"
                    + " number from 0 to 7."),
            variable(
                "hourly days below range",
                "LINKY_DAYS_HOURLY",
                "-1",
                "Invalid value '-1' for days.hourly (from environment variable LINKY_DAYS_HOURLY):"
                    + " expected a whole number from 0 to 7."),
            option(
                "Domoticz URL without colon",
                "--domoticz-url",
                "http//127.0.0.1:8080",
                "Invalid value 'http//127.0.0.1:8080' for domoticz.url (from option"
                    + " --domoticz-url): expected http://host:port or https://host/."),
            variable(
                "Domoticz URL without scheme",
                "LINKY_DOMOTICZ_URL",
                "127.0.0.1:8080",
                "Invalid value '127.0.0.1:8080' for domoticz.url (from environment variable"
                    + " LINKY_DOMOTICZ_URL): expected http://host:port or https://host/."),
            option(
                "source URL without scheme",
                "--source-url",
                "proxy.example:443",
                "Invalid value 'proxy.example:443' for source.url (from option --source-url):"
                    + " expected an http or https URL such as https://consent.example.org."),
            option(
                "source URL with query",
                "--source-url",
                "http://127.0.0.1:1/?client=1",
                "Invalid value 'http://127.0.0.1:1/?client=1' for source.url (from option"
                    + " --source-url): remove the query string and fragment."),
            option(
                "malformed schedule",
                "--offpeak",
                "22h-6h lundy 1h-2h",
                "Invalid value '22h-6h lundy 1h-2h' for offpeak (from option --offpeak): expected"
                    + " off-peak hours such as 22h00-6h00. Unknown word \"lundy\" at index 7 of"
                    + " off-peak hours \"22h-6h lundy 1h-2h\". Expected a time range such as"
                    + " 22h00-06h00, a weekday such as mercredi or wed, a holiday word such as"
                    + " férié or holiday, P for production, or a 14-digit usage point id."),
            option(
                "schedule for unknown usage point",
                "--offpeak",
                "22h-6h " + TYPO + " 23h-7h",
                "Invalid value '22h-6h "
                    + TYPO
                    + " 23h-7h' for offpeak (from option --offpeak): expected sections only for"
                    + " the usage points of this sync, "
                    + HOUSE
                    + ". The section of usage point "
                    + TYPO
                    + " matches none of them: correct its id, or remove the section."),
            option(
                "unknown language",
                "--language",
                "de",
                "Invalid value 'de' for language (from option --language): expected en (English) or fr (French)."),
            option(
                "unknown debug level",
                "--debug",
                "sandbox-9",
                "Invalid value 'sandbox-9' for debug (from option --debug): expected off,"
                    + " simple, advanced, reset-consent, reset-cache or sandbox-0 to sandbox-8."));
    List<Arguments> arguments = new ArrayList<>();
    for (String command : List.of("sync", "run")) {
      for (Case invalid : cases) {
        arguments.add(Arguments.of(command, invalid));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("invalidSettings")
  void invalidSettingStopsAtStart(String command, Case invalid) throws Exception {
    environment.putAll(invalid.variables());
    List<String> args = new ArrayList<>(List.of(command));
    String expected = invalid.message();
    if (invalid.file() != null) {
      Path config = dir.resolve("linky.conf");
      Files.writeString(config, invalid.file());
      args.add("--config");
      args.add(config.toString());
      expected = expected.replace("CONFIG", config.toString());
    }
    args.addAll(invalid.options());

    Cli.Result result = Cli.run(environment, CLOCK, args.toArray(String[]::new));

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("linky " + command + ": " + expected + System.lineSeparator());
    assertThat(result.out()).isEmpty();
    assertThat(simulator.requests()).isEmpty();
    assertThat(domoticz.domoticz().requests()).isEmpty();
    assertThat(dir.resolve("state")).doesNotExist();
    assertThat(Files.readAllBytes(dir.resolve("token.json"))).isEqualTo(tokens);
  }
}
