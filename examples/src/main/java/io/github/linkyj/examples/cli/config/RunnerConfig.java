package io.github.linkyj.examples.cli.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of one {@code linky} invocation, merged from four layers.
 *
 * <p>Precedence, highest first: command-line options, environment variables ({@code LINKY_*}), the
 * configuration file (Java properties syntax), then the built-in defaults of {@link ConfigKey}.
 * Secrets ({@link ConfigKey#isSecret()}) are taken from the environment variable, or else from the
 * file named by the {@code <key>-file} entry of any layer; a secret written directly in the
 * configuration file or given as an option is rejected so it never lands in shell history or a
 * world-readable file.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows no secret.
 */
public final class RunnerConfig {
  /** The start of a URL up to an {@code @} in its authority part: {@code scheme://user:pw@}. */
  private static final Pattern USER_INFO = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*@");

  private static final String DOMOTICZ_URL_FIX =
      "Set the user name with domoticz.user and the password with "
          + ConfigKey.DOMOTICZ_PASSWORD.environmentVariable()
          + " or "
          + ConfigKey.DOMOTICZ_PASSWORD.fileKey()
          + ".";
  private static final String SOURCE_URL_FIX =
      "Set the client id with source.client-id and the secret with "
          + ConfigKey.SOURCE_CLIENT_SECRET.environmentVariable()
          + " or "
          + ConfigKey.SOURCE_CLIENT_SECRET.fileKey()
          + ".";

  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE);

  private final Map<ConfigKey, Setting> settings;

  private RunnerConfig(Map<ConfigKey, Setting> settings) {
    this.settings = settings;
  }

  /** A value and the layer it came from, for messages such as "set in /etc/linky.conf". */
  record Setting(String value, String origin) {}

  /**
   * Loads the settings.
   *
   * @param file the configuration file, or null for none; a missing file is an error
   * @param environment the process environment, usually {@link System#getenv()}
   * @param options values from command-line options, keyed by {@link ConfigKey}
   * @throws ConfigException when the file cannot be read, names an unknown key, contains a secret,
   *     or a secret file cannot be read
   */
  public static RunnerConfig load(
      Path file, Map<String, String> environment, Map<ConfigKey, String> options)
      throws ConfigException {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(options, "options");

    Properties fileEntries = file == null ? new Properties() : readFile(file);
    String fileOrigin = file == null ? null : "configuration file " + file;
    Map<ConfigKey, Setting> merged = new EnumMap<>(ConfigKey.class);
    for (ConfigKey key : ConfigKey.values()) {
      Setting setting =
          key.isSecret()
              ? resolveSecret(key, fileEntries, fileOrigin, environment, options)
              : resolvePlain(key, fileEntries, fileOrigin, environment, options);
      if (setting != null) {
        merged.put(key, setting);
      }
    }
    rejectUserInfo(merged, ConfigKey.SOURCE_URL, SOURCE_URL_FIX);
    rejectUserInfo(merged, ConfigKey.DOMOTICZ_URL, DOMOTICZ_URL_FIX);
    return new RunnerConfig(merged);
  }

  /**
   * Rejects a URL with user info ({@code user:password@host}), because the URL is logged and stored
   * in the sync state. The message leaves the URL out so its password is not shown.
   */
  private static void rejectUserInfo(Map<ConfigKey, Setting> settings, ConfigKey key, String fix)
      throws ConfigException {
    Setting setting = settings.get(key);
    if (setting == null || !hasUserInfo(setting.value())) {
      return;
    }
    throw new ConfigException(
        "Invalid value for "
            + key.key()
            + " (from "
            + setting.origin()
            + "): the URL contains a user name or password before '@', which would be logged."
            + " Remove it from the URL. "
            + fix);
  }

  private static Properties readFile(Path file) throws ConfigException {
    Properties entries = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      entries.load(reader);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          "Configuration file not found: "
              + file
              + ". Create it from examples/linky.conf.sample"
              + " or leave out --config.");
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
    }

    for (String name : entries.stringPropertyNames()) {
      if (isSecretFileKey(name)) {
        continue;
      }
      Optional<ConfigKey> key = ConfigKey.byKey(name);
      if (key.isEmpty()) {
        throw new ConfigException(
            "Unknown key '"
                + name
                + "' in configuration file "
                + file
                + ". Known keys: "
                + knownKeys()
                + ".");
      }
      if (key.get().isSecret()) {
        throw new ConfigException(
            "Key '"
                + name
                + "' in configuration file "
                + file
                + " contains a secret. Remove it and"
                + " set "
                + key.get().environmentVariable()
                + ", or put the secret alone in an"
                + " owner-only file and set "
                + key.get().fileKey()
                + " to its path.");
      }
    }
    return entries;
  }

  /** Returns whether {@code url} has user info, as in {@code http://user:password@host}. */
  public static boolean hasUserInfo(String url) {
    return USER_INFO.matcher(url.strip()).find();
  }

  private static boolean isSecretFileKey(String name) {
    if (!name.endsWith("-file")) {
      return false;
    }
    String secretName = name.substring(0, name.length() - "-file".length());
    return ConfigKey.byKey(secretName).filter(ConfigKey::isSecret).isPresent();
  }

  private static Setting resolvePlain(
      ConfigKey key,
      Properties fileEntries,
      String fileOrigin,
      Map<String, String> environment,
      Map<ConfigKey, String> options) {
    if (options.containsKey(key)) {
      return new Setting(options.get(key), "option " + key.optionName());
    }
    String fromEnvironment = environment.get(key.environmentVariable());
    if (fromEnvironment != null) {
      return new Setting(fromEnvironment, "environment variable " + key.environmentVariable());
    }
    String fromFile = fileEntries.getProperty(key.key());
    if (fromFile != null) {
      return new Setting(fromFile.strip(), fileOrigin);
    }
    return key.defaultValue().map(value -> new Setting(value, "default")).orElse(null);
  }

  private static Setting resolveSecret(
      ConfigKey key,
      Properties fileEntries,
      String fileOrigin,
      Map<String, String> environment,
      Map<ConfigKey, String> options)
      throws ConfigException {
    if (options.containsKey(key)) {
      throw new ConfigException(
          key.key()
              + " is a secret and cannot be given as an option. Set "
              + key.environmentVariable()
              + " or "
              + key.fileKey()
              + ".");
    }
    String fromEnvironment = environment.get(key.environmentVariable());
    if (fromEnvironment != null) {
      return new Setting(fromEnvironment, "environment variable " + key.environmentVariable());
    }

    String fileEnvironmentVariable = key.environmentVariable() + "_FILE";
    String secretFile = environment.get(fileEnvironmentVariable);
    String origin = "environment variable " + fileEnvironmentVariable;
    if (secretFile == null) {
      secretFile = fileEntries.getProperty(key.fileKey());
      origin = fileOrigin;
    }
    if (secretFile == null) {
      return null;
    }
    return new Setting(readSecretFile(key, Path.of(secretFile.strip())), origin);
  }

  private static String readSecretFile(ConfigKey key, Path path) throws ConfigException {
    try {
      rejectOpenPermissions(key, path);
      String secret = Files.readString(path, StandardCharsets.UTF_8).strip();
      if (secret.isEmpty()) {
        throw new ConfigException("Secret file " + path + " for " + key.key() + " is empty.");
      }
      return secret;
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          "Secret file "
              + path
              + " for "
              + key.key()
              + " not found. Check the path, or set "
              + key.environmentVariable()
              + " instead.");
    } catch (IOException e) {
      throw new ConfigException(
          "Cannot read the secret file " + path + " for " + key.key() + ": " + e.getMessage());
    }
  }

  /**
   * Rejects a secret file that group or others may read or write. The check runs only on file
   * systems with POSIX permissions; elsewhere (FAT, Windows ACLs) the file is read as it is.
   */
  private static void rejectOpenPermissions(ConfigKey key, Path path)
      throws IOException, ConfigException {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> permissions = view.readAttributes().permissions();
    Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
    open.addAll(permissions);
    open.retainAll(GROUP_OR_OTHERS);
    if (!open.isEmpty()) {
      throw new ConfigException(
          "Secret file "
              + path
              + " for "
              + key.key()
              + " is open to group or others (permissions "
              + PosixFilePermissions.toString(permissions)
              + "). Make it owner-only: chmod 600 "
              + path);
    }
  }

  /** Returns the keys a configuration file may contain: a secret appears as its file key. */
  static String knownKeys() {
    StringBuilder names = new StringBuilder();
    for (ConfigKey key : ConfigKey.values()) {
      if (names.length() > 0) {
        names.append(", ");
      }
      names.append(key.isSecret() ? key.fileKey() : key.key());
    }
    return names.toString();
  }

  /** Returns the value of {@code key}, if any layer or the default sets it. */
  public Optional<String> value(ConfigKey key) {
    Setting setting = settings.get(key);
    return setting == null ? Optional.empty() : Optional.of(setting.value());
  }

  /**
   * Returns the value of {@code key}.
   *
   * @throws ConfigException when no layer sets it, naming the file key and environment variable
   */
  public String require(ConfigKey key) throws ConfigException {
    Optional<String> value = value(key).filter(v -> !v.isBlank());
    if (value.isEmpty()) {
      String where =
          key.isSecret()
              ? "Set " + key.environmentVariable() + " or " + key.fileKey() + "."
              : "Set "
                  + key.key()
                  + " in the configuration file or "
                  + key.environmentVariable()
                  + ".";
      throw new ConfigException(
          "Missing setting " + key.key() + " (" + key.description() + "). " + where);
    }
    return value.get();
  }

  /**
   * Returns the value of {@code key} as an integer within {@code [min, max]}.
   *
   * @throws ConfigException when it is missing, not a whole number or out of range
   */
  public int requireInt(ConfigKey key, int min, int max) throws ConfigException {
    String text = require(key);
    try {
      int value = Integer.parseInt(text.strip());
      if (value < min || value > max) {
        throw new ConfigException(invalid(key, text, "a whole number from " + min + " to " + max));
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(invalid(key, text, "a whole number from " + min + " to " + max));
    }
  }

  /**
   * Returns the value of {@code key} as a boolean written {@code true} or {@code false}.
   *
   * @throws ConfigException when it is missing or another word
   */
  public boolean requireBoolean(ConfigKey key) throws ConfigException {
    String text = require(key).strip();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigException(invalid(key, text, "true or false"));
  }

  /** Returns a message for a value of {@code key} that is not {@code expected}. */
  public String invalid(ConfigKey key, String text, String expected) {
    Setting setting = settings.get(key);
    String origin = setting == null ? "default" : setting.origin();
    String shown = key.isSecret() ? "<redacted>" : "'" + text + "'";
    return "Invalid value "
        + shown
        + " for "
        + key.key()
        + " (from "
        + origin
        + "): expected "
        + expected
        + ".";
  }

  /**
   * Returns a copy in which the value of {@code key}, if set, is reported as coming from {@code
   * origin}. A command whose own option sets a key under another name, such as {@code demo
   * --schedule} for {@code offpeak}, uses it so that messages name the option the user typed.
   */
  public RunnerConfig withOrigin(ConfigKey key, String origin) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(origin, "origin");
    Setting setting = settings.get(key);
    if (setting == null) {
      return this;
    }
    Map<ConfigKey, Setting> copy = new EnumMap<>(settings);
    copy.put(key, new Setting(setting.value(), origin));
    return new RunnerConfig(copy);
  }

  /** Returns where the value of {@code key} came from, such as "environment variable X". */
  public Optional<String> origin(ConfigKey key) {
    Setting setting = settings.get(key);
    return setting == null ? Optional.empty() : Optional.of(setting.origin());
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("RunnerConfig{");
    boolean first = true;
    for (Map.Entry<ConfigKey, Setting> entry : settings.entrySet()) {
      if (!first) {
        text.append(", ");
      }
      first = false;
      String value = entry.getKey().isSecret() ? "<redacted>" : entry.getValue().value();
      text.append(entry.getKey().key()).append('=').append(value);
    }
    return text.append('}').toString();
  }
}
