package io.github.linkyj.examples.cli;

import io.github.linkyj.domoticz.DomoticzAuth;
import io.github.linkyj.domoticz.DomoticzClient;
import io.github.linkyj.domoticz.sync.DebugLevel;
import io.github.linkyj.domoticz.sync.Language;
import io.github.linkyj.domoticz.sync.MainFigure;
import io.github.linkyj.domoticz.sync.SecondaryFigure;
import io.github.linkyj.domoticz.sync.SyncSettings;
import io.github.linkyj.examples.cli.config.ConfigException;
import io.github.linkyj.examples.cli.config.ConfigKey;
import io.github.linkyj.examples.cli.config.RunnerConfig;
import io.github.linkyj.offpeak.OffPeakParseException;
import io.github.linkyj.offpeak.OffPeakSchedule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text settings of {@link RunnerConfig} into the typed values of the libraries. Every
 * invalid value becomes a {@link ConfigException} naming the key, the value, where it came from and
 * what is accepted.
 */
final class Settings {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static final Pattern SANDBOX = Pattern.compile("sandbox-(\\d)");
  private static final Pattern USAGE_POINT = Pattern.compile("\\d{14}");

  /** The text before the accepted values in the messages of the library parsers. */
  private static final String EXPECTED = ": expected ";

  private Settings() {}

  /** Returns the debug level, accepting the words of the configuration file. */
  static DebugLevel debugLevel(RunnerConfig config) throws ConfigException {
    String text = config.value(ConfigKey.DEBUG).orElse("off").strip().toLowerCase(Locale.ROOT);
    Matcher sandbox = SANDBOX.matcher(text);
    if (sandbox.matches()) {
      int customer = Integer.parseInt(sandbox.group(1));
      if (customer > 8) {
        throw new ConfigException(invalidDebug(config, text));
      }
      return DebugLevel.sandbox(customer);
    }
    return switch (text) {
      case "", "off" -> DebugLevel.OFF;
      case "simple" -> DebugLevel.SIMPLE;
      case "advanced" -> DebugLevel.ADVANCED;
      case "reset-consent" -> DebugLevel.RESET_CONSENT;
      case "reset-cache" -> DebugLevel.RESET_CACHE;
      default -> throw new ConfigException(invalidDebug(config, text));
    };
  }

  private static String invalidDebug(RunnerConfig config, String text) {
    return config.invalid(
        ConfigKey.DEBUG,
        text,
        "off, simple, advanced, reset-consent, reset-cache or sandbox-0 to sandbox-8");
  }

  /**
   * Returns the sync settings: off-peak schedule, dashboard figures, days, debug and language.
   *
   * @throws ConfigException listing every invalid value, one per line when there are several
   */
  static SyncSettings syncSettings(RunnerConfig config) throws ConfigException {
    SyncSettings.Builder builder = SyncSettings.builder();
    List<String> errors = new ArrayList<>();

    collect(errors, () -> offPeak(config, builder));
    collect(
        errors,
        () -> builder.mainFigure(parse(config, ConfigKey.DASHBOARD_MAIN, MainFigure::parse)));
    collect(
        errors,
        () ->
            builder.secondaryFigure(
                parse(config, ConfigKey.DASHBOARD_SECONDARY, SecondaryFigure::parse)));
    collect(errors, () -> builder.language(parse(config, ConfigKey.LANGUAGE, Language::parse)));
    collect(errors, () -> builder.hardwareName(config.require(ConfigKey.DOMOTICZ_HARDWARE)));
    collect(
        errors,
        () ->
            builder.hourlyViewDays(
                config.requireInt(ConfigKey.DAYS_HOURLY, 0, SyncSettings.MAX_HOURLY_VIEW_DAYS)));
    collect(errors, () -> historyDays(config, builder));
    collect(errors, () -> builder.debugLevel(debugLevel(config)));

    if (errors.size() == 1) {
      throw new ConfigException(errors.get(0));
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(
          errors.size()
              + " invalid settings:"
              + System.lineSeparator()
              + String.join(System.lineSeparator(), errors));
    }
    return builder.build();
  }

  /** A step that reads one setting. */
  private interface SettingStep {
    void run() throws ConfigException;
  }

  private static void collect(List<String> errors, SettingStep step) {
    try {
      step.run();
    } catch (ConfigException e) {
      errors.add(e.getMessage());
    }
  }

  private static void offPeak(RunnerConfig config, SyncSettings.Builder builder)
      throws ConfigException {
    String offPeak = config.value(ConfigKey.OFFPEAK).orElse("").strip();
    if (offPeak.equalsIgnoreCase("contract")) {
      builder.offPeakFromContract(true);
    } else {
      offPeakSchedule(config);
      builder.offPeakSchedule(offPeak);
    }
  }

  private static void historyDays(RunnerConfig config, SyncSettings.Builder builder)
      throws ConfigException {
    int history =
        config.requireInt(
            ConfigKey.DAYS_HISTORY,
            SyncSettings.MIN_OTHER_VIEW_DAYS,
            SyncSettings.MAX_OTHER_VIEW_DAYS_FROM_DAILY);
    if (history > SyncSettings.MAX_OTHER_VIEW_DAYS_FROM_CURVE) {
      builder.dailyEndpointForOlderDays(true);
    }
    builder.otherViewDays(history);
  }

  /**
   * Parses {@code key} with a library parser, turning its message into one that names where the
   * value came from.
   */
  private static <T> T parse(RunnerConfig config, ConfigKey key, Function<String, T> parser)
      throws ConfigException {
    String text = config.require(key);
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      int expected = message.indexOf(EXPECTED);
      String accepted = expected < 0 ? message : message.substring(expected + EXPECTED.length());
      throw new ConfigException(config.invalid(key, text.strip(), accepted));
    }
  }

  /** Returns the off-peak schedule, or empty when it is unset or read from the contract. */
  static Optional<OffPeakSchedule> offPeakSchedule(RunnerConfig config) throws ConfigException {
    String text = config.value(ConfigKey.OFFPEAK).orElse("").strip();
    if (text.isEmpty() || text.equalsIgnoreCase("contract")) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffPeakSchedule.parse(text));
    } catch (OffPeakParseException e) {
      throw new ConfigException(
          config.invalid(ConfigKey.OFFPEAK, text, "off-peak hours such as 22h00-6h00")
              + " "
              + e.getMessage());
    }
  }

  /**
   * Rejects an off-peak schedule with a section for a usage point outside {@code usagePoints}, the
   * usage points of the sync, because such an id is most likely mistyped. An empty list means that
   * they are not known before the sync, which then checks the sections itself.
   *
   * @throws ConfigException naming the unknown ids and the usage points of the sync
   */
  static void checkScheduleSections(RunnerConfig config, List<String> usagePoints)
      throws ConfigException {
    Optional<OffPeakSchedule> schedule = offPeakSchedule(config);
    if (usagePoints.isEmpty() || schedule.isEmpty()) {
      return;
    }
    List<String> unknown =
        schedule.get().usagePointIds().stream().filter(id -> !usagePoints.contains(id)).toList();
    if (unknown.isEmpty()) {
      return;
    }
    String text = config.value(ConfigKey.OFFPEAK).orElse("").strip();
    throw new ConfigException(
        config.invalid(
                ConfigKey.OFFPEAK,
                text,
                "sections only for the usage points of this sync, "
                    + String.join(", ", usagePoints))
            + " The section of usage point "
            + String.join(", ", unknown)
            + " matches none of them: correct its id, or remove the section.");
  }

  /** Returns the usage point ids set by {@code usage-points}, empty when unset. */
  static List<String> usagePoints(RunnerConfig config) throws ConfigException {
    List<String> ids = new ArrayList<>();
    String text = config.value(ConfigKey.USAGE_POINTS).orElse("");
    for (String part : text.split(",")) {
      String id = part.strip();
      if (id.isEmpty()) {
        continue;
      }
      if (!USAGE_POINT.matcher(id).matches()) {
        throw new ConfigException(
            config.invalid(ConfigKey.USAGE_POINTS, text, "14-digit ids separated by commas"));
      }
      ids.add(id);
    }
    return List.copyOf(ids);
  }

  /** Returns the directory of the sync state. */
  static Path stateDir(RunnerConfig config) throws ConfigException {
    return Path.of(config.require(ConfigKey.STATE_DIR));
  }

  /** Returns the token file: {@code token.file}, or {@code token.json} in the state directory. */
  static Path tokenFile(RunnerConfig config) throws ConfigException {
    Optional<String> file = config.value(ConfigKey.TOKEN_FILE).filter(v -> !v.isBlank());
    if (file.isPresent()) {
      return Path.of(file.get());
    }
    if (config.value(ConfigKey.STATE_DIR).filter(v -> !v.isBlank()).isPresent()) {
      return stateDir(config).resolve("token.json");
    }
    return Path.of(config.require(ConfigKey.TOKEN_FILE));
  }

  /**
   * Returns a Domoticz client for {@code url} with the login settings of {@code config}. The client
   * reads "now" in Paris time, whatever the zone of this machine, because the sync stamps the day
   * rows and hourly points in Paris time and Domoticz deletes old points by those stamps.
   */
  static DomoticzClient domoticz(RunnerConfig config, String url, Clock clock)
      throws ConfigException {
    DomoticzAuth auth = domoticzAuth(config);
    try {
      return DomoticzClient.builder(url)
          .auth(auth)
          .allowPlainHttpBasicAuth(config.requireBoolean(ConfigKey.DOMOTICZ_ALLOW_PLAIN_BASIC))
          .clock(clock.withZone(PARIS))
          .build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** Returns a Domoticz client for {@code domoticz.url}. */
  static DomoticzClient domoticz(RunnerConfig config, Clock clock) throws ConfigException {
    parse(config, ConfigKey.DOMOTICZ_URL, DomoticzClient::builder);
    return domoticz(config, config.require(ConfigKey.DOMOTICZ_URL), clock);
  }

  private static DomoticzAuth domoticzAuth(RunnerConfig config) throws ConfigException {
    String kind = config.require(ConfigKey.DOMOTICZ_AUTH).strip().toLowerCase(Locale.ROOT);
    return switch (kind) {
      case "none" -> DomoticzAuth.none();
      case "session" ->
          DomoticzAuth.session(
              config.require(ConfigKey.DOMOTICZ_USER), config.require(ConfigKey.DOMOTICZ_PASSWORD));
      case "basic" ->
          DomoticzAuth.basic(
              config.require(ConfigKey.DOMOTICZ_USER), config.require(ConfigKey.DOMOTICZ_PASSWORD));
      case "oauth2" ->
          DomoticzAuth.oauth2(
              config.require(ConfigKey.DOMOTICZ_CLIENT_ID),
              config.require(ConfigKey.DOMOTICZ_USER),
              config.require(ConfigKey.DOMOTICZ_PASSWORD));
      default ->
          throw new ConfigException(
              config.invalid(ConfigKey.DOMOTICZ_AUTH, kind, "none, session, oauth2 or basic"));
    };
  }
}
