package io.github.linkyj.examples.cli.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings of the {@code linky} command, as written in the configuration file.
 *
 * <p>Each key may also come from the environment as {@code LINKY_} followed by the key in upper
 * case with {@code .} and {@code -} replaced by {@code _}; for example {@code domoticz.url} is
 * {@code LINKY_DOMOTICZ_URL}. A secret key is read only from the environment or from the file named
 * by its {@code -file} companion key, never from the command line.
 */
public enum ConfigKey {
  SOURCE("source", "proxy", "Where consent and data come from: proxy, data-connect or gateway"),
  SOURCE_URL("source.url", null, "Base URL of the consent proxy, Enedis gateway or third party"),
  SOURCE_CLIENT_ID("source.client-id", null, "Client id registered with the source"),
  SOURCE_CLIENT_SECRET(
      "source.client-secret", null, "Client secret of an Enedis Data Connect application", true),
  GATEWAY_TOKEN("gateway.token", null, "Bearer token pasted from a third-party gateway", true),
  USAGE_POINTS(
      "usage-points",
      null,
      "Usage point ids (14 digits, comma-separated) to read; default: those of the consent"),
  TOKEN_FILE(
      "token.file",
      null,
      "File that stores the consent tokens (JSON, owner-only); default: token.json in state.dir"),
  STATE_DIR("state.dir", null, "Directory for the sync state and debug logs"),
  DOMOTICZ_URL("domoticz.url", null, "Base URL of Domoticz, for example http://127.0.0.1:8080"),
  DOMOTICZ_AUTH("domoticz.auth", "none", "Domoticz login: none, session, oauth2 or basic"),
  DOMOTICZ_USER("domoticz.user", null, "Domoticz user name"),
  DOMOTICZ_CLIENT_ID(
      "domoticz.client-id", null, "OAuth2 application name registered in Domoticz (oauth2 only)"),
  DOMOTICZ_PASSWORD("domoticz.password", null, "Domoticz password", true),
  DOMOTICZ_ALLOW_PLAIN_BASIC(
      "domoticz.allow-plain-basic", "false", "Allow HTTP Basic over plain HTTP (true or false)"),
  DOMOTICZ_HARDWARE("domoticz.hardware", "Linky", "Name of the Dummy hardware in Domoticz"),
  OFFPEAK("offpeak", "", "Off-peak schedule (linky-offpeak syntax), 'contract', or empty"),
  DASHBOARD_MAIN("dashboard.main", "peak_day", "Main dashboard figure, peak_day ... peak_year"),
  DASHBOARD_SECONDARY(
      "dashboard.secondary", "value_day", "Secondary dashboard figure, value_day ... mean_year"),
  DAYS_HOURLY("days.hourly", "7", "Days written to the hourly view (short log), 0 to 7"),
  DAYS_HISTORY(
      "days.history",
      "7",
      "Days fetched for the day, week, month and year views, 2 to 1095 (over 730, the older days"
          + " come from the daily endpoint, split into peak and off-peak by the share of the day's"
          + " off-peak minutes, without hourly points)"),
  DEBUG(
      "debug",
      "off",
      "Debug level: off, simple, advanced, reset-consent, reset-cache, or sandbox-N to read the"
          + " built-in Enedis simulator's sandbox customer N (0 to 8) instead of the source"),
  LANGUAGE("language", "en", "Language of the messages sent to Domoticz: en or fr");

  private final String key;
  private final String defaultValue;
  private final String description;
  private final boolean secret;

  ConfigKey(String key, String defaultValue, String description) {
    this(key, defaultValue, description, false);
  }

  ConfigKey(String key, String defaultValue, String description, boolean secret) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
    this.secret = secret;
  }

  /** Returns the key as written in the configuration file. */
  public String key() {
    return key;
  }

  /** Returns the value used when no layer sets the key, if there is one. */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** Returns a one-line description for help text and error messages. */
  public String description() {
    return description;
  }

  /** Returns whether the value is a secret, accepted only from the environment or a file. */
  public boolean isSecret() {
    return secret;
  }

  /** Returns the environment variable that sets this key. */
  public String environmentVariable() {
    return "LINKY_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Returns the command-line option that sets this key: {@code --} and the key, dots as dashes. */
  public String optionName() {
    return "--" + key.replace('.', '-');
  }

  /** Returns the companion key naming a file that contains this secret, such as {@code x-file}. */
  public String fileKey() {
    return key + "-file";
  }

  /** Finds the key written as {@code name} in a configuration file. */
  public static Optional<ConfigKey> byKey(String name) {
    return Arrays.stream(values()).filter(k -> k.key.equals(name)).findFirst();
  }
}
