package io.github.linkyj.examples.cli;

import io.github.linkyj.examples.cli.config.ConfigKey;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds one option per configuration key to the subcommands that read it, such as {@code
 * --domoticz-url} for {@code domoticz.url}. The options are built from {@link ConfigKey}, so a new
 * key gets its option and help line without further code. Secret keys get no option.
 */
final class ConfigOptions {
  private static final Set<ConfigKey> SOURCE_KEYS =
      EnumSet.of(
          ConfigKey.SOURCE,
          ConfigKey.SOURCE_URL,
          ConfigKey.SOURCE_CLIENT_ID,
          ConfigKey.TOKEN_FILE,
          ConfigKey.STATE_DIR,
          ConfigKey.DEBUG);

  private static final Set<ConfigKey> DOMOTICZ_KEYS =
      EnumSet.of(
          ConfigKey.DOMOTICZ_AUTH,
          ConfigKey.DOMOTICZ_USER,
          ConfigKey.DOMOTICZ_CLIENT_ID,
          ConfigKey.DOMOTICZ_ALLOW_PLAIN_BASIC,
          ConfigKey.DOMOTICZ_HARDWARE,
          ConfigKey.DASHBOARD_MAIN,
          ConfigKey.DASHBOARD_SECONDARY,
          ConfigKey.DAYS_HOURLY,
          ConfigKey.LANGUAGE);

  private ConfigOptions() {}

  /** Adds the options to the subcommands of {@code linky}, writing values into {@code values}. */
  static void install(CommandLine linky, Map<ConfigKey, String> values) {
    Map<String, CommandLine> subcommands = linky.getSubcommands();
    Set<ConfigKey> all = EnumSet.allOf(ConfigKey.class);
    addTo(subcommands.get("consent").getCommandSpec(), SOURCE_KEYS, values);
    addTo(subcommands.get("sync").getCommandSpec(), all, values);
    addTo(subcommands.get("run").getCommandSpec(), all, values);
    addTo(subcommands.get("fetch").getCommandSpec(), SOURCE_KEYS, values);
    addTo(subcommands.get("demo").getCommandSpec(), DOMOTICZ_KEYS, values);
  }

  /** Returns the option name of {@code key}: {@code --} and the key with dots as dashes. */
  static String optionName(ConfigKey key) {
    return key.optionName();
  }

  private static void addTo(
      CommandSpec command, Set<ConfigKey> keys, Map<ConfigKey, String> values) {
    for (ConfigKey key : keys) {
      if (key.isSecret()) {
        continue;
      }
      command.addOption(option(key, values));
    }
  }

  private static OptionSpec option(ConfigKey key, Map<ConfigKey, String> values) {
    String defaultText = key.defaultValue().filter(v -> !v.isEmpty()).orElse(null);
    String description =
        key.description()
            + ". Sets "
            + key.key()
            + " (environment: "
            + key.environmentVariable()
            + (defaultText == null ? ")." : "; default: " + defaultText + ").");
    ISetter setter =
        new ISetter() {
          @Override
          public <T> T set(T value) {
            if (value != null) {
              values.put(key, value.toString());
            }
            return null;
          }
        };
    return OptionSpec.builder(optionName(key))
        .paramLabel(label(key))
        .type(String.class)
        .description(description)
        .setter(setter)
        .build();
  }

  private static String label(ConfigKey key) {
    String defaultValue = key.defaultValue().orElse("");
    if (defaultValue.equals("true") || defaultValue.equals("false")) {
      return "true|false";
    }
    if (key.key().startsWith("days.")) {
      return "DAYS";
    }
    String last = key.key().substring(key.key().lastIndexOf('.') + 1);
    return last.toUpperCase(java.util.Locale.ROOT);
  }
}
