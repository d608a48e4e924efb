package io.github.linkyj.examples.cli;

import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.MeteringParser;
import io.github.linkyj.core.auth.DeviceFlow;
import io.github.linkyj.core.auth.FileTokenStore;
import io.github.linkyj.core.auth.StoredTokens;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.core.testing.SandboxCustomer;
import io.github.linkyj.domoticz.DomoticzClient;
import io.github.linkyj.domoticz.DomoticzException;
import io.github.linkyj.domoticz.DomoticzTarget;
import io.github.linkyj.domoticz.LinkySync;
import io.github.linkyj.domoticz.RecordingTarget;
import io.github.linkyj.domoticz.SyncReport;
import io.github.linkyj.domoticz.SyncTarget;
import io.github.linkyj.domoticz.sync.DebugLevel;
import io.github.linkyj.domoticz.sync.SyncSettings;
import io.github.linkyj.examples.cli.config.ConfigException;
import io.github.linkyj.examples.cli.config.ConfigKey;
import io.github.linkyj.examples.cli.config.RunnerConfig;
import io.github.linkyj.offpeak.OffPeakSchedule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code linky demo}: the whole path with no outside service. It starts the Enedis simulator, runs
 * the consent (approved by the simulator), then one full sync, into a given Domoticz or into memory
 * with a table of what would be written.
 */
@Command(
    name = "demo",
    description = {
      "Runs the consent and one full sync against the built-in Enedis simulator, with no outside"
          + " service. Without --domoticz it prints what a sync writes: devices, day totals split"
          + " into peak and off-peak (Wh), hourly points and dashboard values.",
      "By default the simulator serves generated data of the Enedis sandbox customers 0"
          + " (consumption), 3 (a consumption and a production point, merged into one meter) and"
          + " 4 (no data on Tuesdays and Wednesdays)."
    })
final class DemoCommand implements Callable<Integer> {
  /** The demo's customers: one meter, a consumption and production pair, and missing days. */
  static final List<Integer> DEFAULT_CUSTOMERS = List.of(0, 3, 4);

  private static final LocalTime DEMO_TIME = LocalTime.of(9, 0);
  private static final Pattern USAGE_POINT_ID = Pattern.compile("\\d{14}");

  @Spec private CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Serves the recorded Enedis responses in DIR (files <kind>_<start>_<end>[_note].json,"
              + " contracts*.json) instead of generated data; days outside the files answer"
              + " no_data_found.")
  private Path data;

  @Option(
      names = "--today",
      paramLabel = "DATE",
      description =
          "Runs as if the Paris date were DATE (YYYY-MM-DD) at 09:00; recorded data needs a date"
              + " just after it. Default: the real date and time.")
  private LocalDate today;

  @Option(
      names = "--schedule",
      paramLabel = "TEXT",
      defaultValue = "22h00-6h00",
      description =
          "Off-peak hours (syntax of linky offpeak check) used to split the energy; default:"
              + " ${DEFAULT-VALUE}. Sets offpeak.")
  private String schedule;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "7",
      description =
          "Days of history for the day, week, month and year views (2 to 1095); default:"
              + " ${DEFAULT-VALUE}. Sets days.history. The hourly view (--days-hourly) also"
              + " writes day rows, so fewer days show only with a lower --days-hourly.")
  private int days;

  @Option(
      names = "--customers",
      paramLabel = "N",
      split = ",",
      description =
          "Enedis sandbox customers (0 to 8) the simulator serves, separated by commas; default:"
              + " 0,3,4. Ignored with --data.")
  private List<Integer> customers;

  @Option(
      names = "--domoticz",
      paramLabel = "URL",
      description =
          "Writes into the Domoticz at URL (login from the domoticz.* settings) instead of"
              + " printing the table.")
  private String domoticzUrl;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Keeps the sync state and token file in DIR, so a second demo resumes; default: a"
              + " temporary directory deleted at exit.")
  private Path stateDir;

  @Override
  public Integer call()
      throws ConfigException,
          LinkyException,
          DomoticzException,
          InterruptedException,
          InvalidInputException,
          IOException {
    LinkyCommand linky = LinkyCommand.of(spec);
    PrintWriter out = spec.commandLine().getOut();
    checkData();
    RunnerConfig config =
        linky.loadConfig(demoSettings()).withOrigin(ConfigKey.OFFPEAK, "option --schedule");
    SyncSettings settings =
        Settings.syncSettings(config).toBuilder().debugLevel(DebugLevel.OFF).build();
    Clock clock = demoClock(linky.clock());
    if (!linky.isVerbose()) {
      // The table and the outcome report what happened; the sync's log lines would bury them.
      Logging.quiet();
    }

    Path directory = stateDir != null ? stateDir : Files.createTempDirectory("linky-demo");
    try (EnedisSimulator simulator = startSimulator(clock);
        Source source =
            Source.onSimulator(
                simulator, FileTokenStore.of(directory.resolve("token.json")), clock, List.of())) {
      out.println("Enedis simulator started at " + simulator.baseUrl() + describeData(clock));
      out.println();
      giveConsent(source, clock, out, linky);
      Settings.checkScheduleSections(config, source.knownUsagePoints());

      SyncTarget target = target(config, clock);
      int exitCode = ExitCode.OK;
      for (Household household : households(source, clock, out)) {
        out.println();
        out.println("=== " + household.title());
        SyncReport report = sync(household, source, settings, target, directory, clock, linky);
        if (report.outcome() == SyncReport.Outcome.CONSENT_REQUIRED && data == null) {
          printSimulatedConsentLoss(out);
          exitCode = Math.max(exitCode, ExitCode.CONSENT_REQUIRED);
          continue;
        }
        new DemoTable(out, settings).print(report);
        SyncSetup.printOutcome(report, out, spec.commandLine().getErr(), "demo", false);
        exitCode = Math.max(exitCode, SyncSetup.exitCode(report));
      }
      printNextSteps(out, settings.hardwareName());
      return exitCode;
    } finally {
      if (stateDir == null) {
        deleteRecursively(directory);
      }
    }
  }

  /**
   * The usage points of one consent, synced together. Each sandbox customer is a household of its
   * own, so a consumption point is merged only with the production point of the same household.
   */
  private record Household(String title, String stateName, List<String> usagePointIds) {}

  private List<Household> households(Source source, Clock clock, PrintWriter out)
      throws LinkyException, InvalidInputException, IOException {
    List<Household> households = new ArrayList<>();
    if (data != null) {
      return recordedHouseholds(source, clock, out);
    }
    for (int number : customers == null ? DEFAULT_CUSTOMERS : customers) {
      SandboxCustomer customer = SandboxCustomer.of(number);
      households.add(
          new Household(
              "Sandbox customer " + number + ": " + customer.description(),
              "customer-" + number,
              customer.usagePointIds()));
    }
    return households;
  }

  /**
   * Returns one household per recorded usage point that has data in the days the sync reads, and
   * prints which were left out and why.
   */
  private List<Household> recordedHouseholds(Source source, Clock clock, PrintWriter out)
      throws LinkyException, InvalidInputException, IOException {
    RecordedCoverage coverage = RecordedCoverage.of(data);
    LocalDate today = LocalDate.now(clock);
    LocalDate from = today.minusDays(Math.max(days, SyncSettings.MAX_HOURLY_VIEW_DAYS));
    List<Household> households = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String id : source.consentProxy().orElseThrow().usagePointIds()) {
      if (coverage.covers(id, from, today)) {
        households.add(new Household("Usage point " + id + " (recorded data)", id, List.of(id)));
      } else {
        skipped.add(id + " (" + coverage.describe(id) + ")");
      }
    }
    if (!skipped.isEmpty()) {
      out.println(
          "Left out, no recorded day in ["
              + from
              + ", "
              + today
              + "): "
              + String.join(", ", skipped)
              + ". Choose --today just after a covered day to see them.");
    }
    return households;
  }

  private static SyncReport sync(
      Household household,
      Source source,
      SyncSettings settings,
      SyncTarget target,
      Path directory,
      Clock clock,
      LinkyCommand linky) {
    SyncProgress progress = SyncProgress.of(linky.interactive(), System.err);
    LinkySync sync =
        LinkySync.builder()
            .client(source.client())
            .usagePointIds(household.usagePointIds())
            .settings(settings)
            .offPeakSchedule(
                householdSchedule(
                    OffPeakSchedule.parse(settings.offPeakSchedule()), household.usagePointIds()))
            .target(target)
            .stateDirectory(directory.resolve(household.stateName()))
            .clock(clock)
            .progress(progress)
            .allowNightTraffic(true)
            .build();
    SyncReport report = sync.runOnce();
    progress.finish();
    return report;
  }

  /**
   * Returns the schedule without the sections of usage points outside {@code usagePointIds}. Each
   * household is synced on its own, and a sync rejects a section for a usage point it does not
   * read, so a section of another household's meter is dropped here instead.
   */
  static OffPeakSchedule householdSchedule(OffPeakSchedule schedule, List<String> usagePointIds) {
    StringBuilder text = new StringBuilder();
    boolean keep = true;
    // The canonical text separates its tokens with single spaces, and only ids are 14 digits.
    for (String token : schedule.toString().split(" ")) {
      if (USAGE_POINT_ID.matcher(token).matches()) {
        keep = usagePointIds.contains(token);
      }
      if (keep) {
        text.append(token).append(' ');
      }
    }
    return OffPeakSchedule.parse(text.toString().strip());
  }

  /**
   * Explains a sandbox customer whose consent the simulator refuses, because the usual advice (run
   * {@code linky consent}) does not apply to the demo.
   */
  private static void printSimulatedConsentLoss(PrintWriter out) {
    out.println(
        "Nothing fetched: the simulator answers this customer as Enedis answers after a revoked"
            + " consent (HTTP 403 ADAM-DC-0008), so linky stops and exits with 3. With a real"
            + " meter, 'linky consent' asks for the consent again.");
    out.flush();
  }

  private void printNextSteps(PrintWriter out, String hardwareName) {
    out.println();
    if (domoticzUrl == null) {
      out.println(
          "Add --domoticz http://HOST:PORT to write these rows into a Domoticz;"
              + " docs/cli.md describes the setup with a real consent.");
    } else {
      out.println(
          "Written into the Domoticz at " + domoticzUrl + ", hardware \"" + hardwareName + "\".");
    }
    out.flush();
  }

  /** Returns the settings that the demo's options set; they win over the file and environment. */
  private Map<ConfigKey, String> demoSettings() {
    Map<ConfigKey, String> settings = new EnumMap<>(ConfigKey.class);
    settings.put(ConfigKey.OFFPEAK, schedule);
    settings.put(ConfigKey.DAYS_HISTORY, Integer.toString(days));
    settings.put(ConfigKey.DEBUG, "off");
    return settings;
  }

  /** Returns the clock: the real one, or DATE at 09:00 in Paris, running from there. */
  private Clock demoClock(Clock base) {
    if (today == null) {
      return base.withZone(MeteringParser.ENEDIS_ZONE);
    }
    Clock paris = base.withZone(MeteringParser.ENEDIS_ZONE);
    Duration shift =
        Duration.between(
            base.instant(), today.atTime(DEMO_TIME).atZone(MeteringParser.ENEDIS_ZONE).toInstant());
    return Clock.offset(paris, shift);
  }

  private void checkData() throws InvalidInputException {
    if (domoticzUrl != null && RunnerConfig.hasUserInfo(domoticzUrl)) {
      throw new InvalidInputException(
          "Invalid value for --domoticz: the URL contains a user name or password before '@',"
              + " which would be logged. Remove it from the URL. Set the user name with"
              + " --domoticz-user and the password with "
              + ConfigKey.DOMOTICZ_PASSWORD.environmentVariable()
              + " or "
              + ConfigKey.DOMOTICZ_PASSWORD.fileKey()
              + ".");
    }
    if (data != null && !Files.isDirectory(data)) {
      throw new InvalidInputException(
          "--data " + data + " is not a directory; give the folder of recorded Enedis responses");
    }
    if (days < SyncSettings.MIN_OTHER_VIEW_DAYS
        || days > SyncSettings.MAX_OTHER_VIEW_DAYS_FROM_DAILY) {
      throw new InvalidInputException(
          "Invalid value "
              + days
              + " for --days: expected a whole number from "
              + SyncSettings.MIN_OTHER_VIEW_DAYS
              + " to "
              + SyncSettings.MAX_OTHER_VIEW_DAYS_FROM_DAILY);
    }
    if (customers != null) {
      customers = List.copyOf(new LinkedHashSet<>(customers));
      for (int customer : customers) {
        if (customer < 0 || customer > 8) {
          throw new InvalidInputException(
              "Invalid sandbox customer " + customer + " in --customers: expected 0 to 8");
        }
      }
    }
  }

  private EnedisSimulator startSimulator(Clock clock) throws IOException, InvalidInputException {
    EnedisSimulator.Builder builder =
        EnedisSimulator.builder(clock).pollInterval(Duration.ofSeconds(1)).approveAfterPolls(1);
    if (data == null) {
      for (int customer : customers == null ? DEFAULT_CUSTOMERS : customers) {
        builder.sandboxCustomer(customer);
      }
      return builder.start();
    }
    builder.recordedData(data).ignoreHistoryLimits();
    try {
      return builder.start();
    } catch (IllegalArgumentException e) {
      // The simulator rejects an empty directory or an unreadable file with a message naming it.
      throw new InvalidInputException("Invalid --data: " + e.getMessage(), e);
    }
  }

  private String describeData(Clock clock) {
    String source =
        data != null
            ? ", serving the recorded responses in " + data
            : ", serving generated data of sandbox customers "
                + (customers == null ? DEFAULT_CUSTOMERS : customers);
    return source + "; today is " + LocalDate.now(clock) + " (Paris).";
  }

  private static void giveConsent(Source source, Clock clock, PrintWriter out, LinkyCommand linky)
      throws LinkyException, InterruptedException {
    DeviceFlow flow = source.consentProxy().orElseThrow().startDeviceAuthorization();
    out.println("Consent, as 'linky consent' shows it (the simulator approves it by itself):");
    StoredTokens tokens = ConsentPrompt.showAndAwait(flow, clock, out, linky.shutdownHooks());
    out.println("Consent received for " + String.join(", ", tokens.usagePointIds()) + ".");
    out.flush();
  }

  private SyncTarget target(RunnerConfig config, Clock clock)
      throws ConfigException, DomoticzException {
    if (domoticzUrl == null) {
      return new RecordingTarget("memory:demo", SyncSettings.MAX_HOURLY_VIEW_DAYS);
    }
    DomoticzClient domoticz = Settings.domoticz(config, domoticzUrl, clock);
    domoticz.version();
    return new DomoticzTarget(domoticz);
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot delete the demo's temporary directory " + directory, e);
    }
  }
}
