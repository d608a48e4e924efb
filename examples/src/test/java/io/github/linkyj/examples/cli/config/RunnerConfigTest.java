package io.github.linkyj.examples.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerConfigTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  /** Writes an owner-only file, as a secret file must be. */
  private Path writeSecret(String name, String text) throws IOException {
    Path file = write(name, text);
    if (isPosix()) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    return file;
  }

  private boolean isPosix() throws IOException {
    return Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
  }

  @Test
  void optionBeatsEnvironmentBeatsFile() throws Exception {
    Path file = write("linky.conf", "days.history = 30\ndays.hourly = 2\nlanguage = fr\n");
    Map<String, String> environment = Map.of("LINKY_DAYS_HISTORY", "60", "LINKY_DAYS_HOURLY", "3");
    Map<ConfigKey, String> options = Map.of(ConfigKey.DAYS_HISTORY, "90");

    RunnerConfig config = RunnerConfig.load(file, environment, options);

    assertThat(config.require(ConfigKey.DAYS_HISTORY)).isEqualTo("90");
    assertThat(config.require(ConfigKey.DAYS_HOURLY)).isEqualTo("3");
    assertThat(config.require(ConfigKey.LANGUAGE)).isEqualTo("fr");
    assertThat(config.require(ConfigKey.DASHBOARD_MAIN)).isEqualTo("peak_day");
    assertThat(config.origin(ConfigKey.DAYS_HOURLY))
        .contains("environment variable LINKY_DAYS_HOURLY");
    assertThat(config.origin(ConfigKey.DASHBOARD_MAIN)).contains("default");
  }

  @Test
  void unknownKeyInFileIsRejected() throws Exception {
    Path file = write("linky.conf", "days.histroy = 30\n");

    assertThatThrownBy(() -> RunnerConfig.load(file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Unknown key 'days.histroy' in configuration file " + file)
        .hasMessageContaining("days.history");
  }

  @Test
  void missingFileNamesPath() {
    Path file = dir.resolve("absent.conf");

    assertThatThrownBy(() -> RunnerConfig.load(file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Configuration file not found: " + file);
  }

  @Test
  void secretInFileIsRejected() throws Exception {
    Path file = write("linky.conf", "domoticz.password = hunter2\n");

    assertThatThrownBy(() -> RunnerConfig.load(file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("contains a secret")
        .hasMessageContaining("LINKY_DOMOTICZ_PASSWORD")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void secretAsOptionIsRejected() {
    Map<ConfigKey, String> options = Map.of(ConfigKey.SOURCE_CLIENT_SECRET, "s3cret");

    assertThatThrownBy(() -> RunnerConfig.load(null, Map.of(), options))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot be given as an option")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void secretReadFromNamedFile() throws Exception {
    Path secret = writeSecret("password", "hunter2\n");
    Path file = write("linky.conf", "domoticz.password-file = " + secret + "\n");

    RunnerConfig config = RunnerConfig.load(file, Map.of(), Map.of());

    assertThat(config.require(ConfigKey.DOMOTICZ_PASSWORD)).isEqualTo("hunter2");
    assertThat(config.toString()).doesNotContain("hunter2").contains("<redacted>");
  }

  @Test
  void secretFromEnvironmentBeatsFile() throws Exception {
    Path secret = write("token", "from-file");
    Map<String, String> environment =
        Map.of("LINKY_GATEWAY_TOKEN", "from-env", "LINKY_GATEWAY_TOKEN_FILE", secret.toString());

    RunnerConfig config = RunnerConfig.load(null, environment, Map.of());

    assertThat(config.require(ConfigKey.GATEWAY_TOKEN)).isEqualTo("from-env");
  }

  @Test
  void emptySecretFileIsRejected() throws Exception {
    Path secret = writeSecret("empty", "\n");
    Map<String, String> environment = Map.of("LINKY_GATEWAY_TOKEN_FILE", secret.toString());

    assertThatThrownBy(() -> RunnerConfig.load(null, environment, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Secret file " + secret + " for gateway.token is empty.");
  }

  @Test
  void missingRequiredValueNamesFix() throws Exception {
    RunnerConfig config = RunnerConfig.load(null, Map.of(), Map.of());

    assertThatThrownBy(() -> config.require(ConfigKey.DOMOTICZ_URL))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Missing setting domoticz.url")
        .hasMessageContaining("LINKY_DOMOTICZ_URL");
  }

  @Test
  void integerOutOfRangeNamesOrigin() throws Exception {
    RunnerConfig config = RunnerConfig.load(null, Map.of("LINKY_DAYS_HOURLY", "9"), Map.of());

    assertThatThrownBy(() -> config.requireInt(ConfigKey.DAYS_HOURLY, 0, 7))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid value '9' for days.hourly (from environment variable LINKY_DAYS_HOURLY):"
                + " expected a whole number from 0 to 7.");
  }

  @Test
  void integerNotANumberIsRejected() throws Exception {
    RunnerConfig config = RunnerConfig.load(null, Map.of(), Map.of(ConfigKey.DAYS_HISTORY, "7d"));

    assertThatThrownBy(() -> config.requireInt(ConfigKey.DAYS_HISTORY, 2, 730))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Invalid value '7d' for days.history");
  }

  @Test
  void booleanAcceptsOnlyTrueOrFalse() throws Exception {
    RunnerConfig yes =
        RunnerConfig.load(null, Map.of("LINKY_DOMOTICZ_ALLOW_PLAIN_BASIC", "TRUE"), Map.of());
    RunnerConfig bad =
        RunnerConfig.load(null, Map.of("LINKY_DOMOTICZ_ALLOW_PLAIN_BASIC", "yes"), Map.of());

    assertThat(yes.requireBoolean(ConfigKey.DOMOTICZ_ALLOW_PLAIN_BASIC)).isTrue();
    assertThatThrownBy(() -> bad.requireBoolean(ConfigKey.DOMOTICZ_ALLOW_PLAIN_BASIC))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expected true or false");
  }

  @Test
  void environmentVariableNames() {
    assertThat(ConfigKey.DOMOTICZ_ALLOW_PLAIN_BASIC.environmentVariable())
        .isEqualTo("LINKY_DOMOTICZ_ALLOW_PLAIN_BASIC");
    assertThat(ConfigKey.SOURCE_CLIENT_ID.environmentVariable())
        .isEqualTo("LINKY_SOURCE_CLIENT_ID");
  }

  @Test
  void domoticzUrlWithPasswordRejected() {
    Map<ConfigKey, String> options =
        Map.of(ConfigKey.DOMOTICZ_URL, "http://admin:S3cretPw@127.0.0.1:8080");

    assertThatThrownBy(() -> RunnerConfig.load(null, Map.of(), options))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("S3cretPw")
        .hasMessage(
            "Invalid value for domoticz.url (from option --domoticz-url): the URL contains a user"
                + " name or password before '@', which would be logged. Remove it from the URL."
                + " Set the user name with domoticz.user and the password with"
                + " LINKY_DOMOTICZ_PASSWORD or domoticz.password-file.");
  }

  @Test
  void sourceUrlWithUserRejected() throws Exception {
    Path file = write("linky.conf", "source.url = https://id:pw@127.0.0.1:9/x\n");

    assertThatThrownBy(() -> RunnerConfig.load(file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "Invalid value for source.url (from configuration file " + file + "): the URL")
        .hasMessageEndingWith(
            "Set the client id with source.client-id and the secret with"
                + " LINKY_SOURCE_CLIENT_SECRET or source.client-secret-file.");
  }

  @Test
  void urlWithAtInPathAccepted() throws Exception {
    Map<String, String> environment =
        Map.of("LINKY_DOMOTICZ_URL", "http://127.0.0.1:8080/path@x?q=a@b");

    RunnerConfig config = RunnerConfig.load(null, environment, Map.of());

    assertThat(config.require(ConfigKey.DOMOTICZ_URL))
        .isEqualTo("http://127.0.0.1:8080/path@x?q=a@b");
  }

  @Test
  void readableSecretFileIsRejected() throws Exception {
    assumeTrue(isPosix(), "POSIX permissions only");
    Path secret = write("password", "hunter2\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
    Map<String, String> environment = Map.of("LINKY_DOMOTICZ_PASSWORD_FILE", secret.toString());

    assertThatThrownBy(() -> RunnerConfig.load(null, environment, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("hunter2")
        .hasMessage(
            "Secret file "
                + secret
                + " for domoticz.password is open to group or others (permissions rw-r--r--)."
                + " Make it owner-only: chmod 600 "
                + secret);
  }

  @Test
  void missingSecretFileNamesPath() {
    Path secret = dir.resolve("absent");
    Map<String, String> environment = Map.of("LINKY_GATEWAY_TOKEN_FILE", secret.toString());

    assertThatThrownBy(() -> RunnerConfig.load(null, environment, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Secret file "
                + secret
                + " for gateway.token not found. Check the path, or set LINKY_GATEWAY_TOKEN"
                + " instead.");
  }

  @Test
  void knownKeysListFileKeysOfSecrets() throws Exception {
    Path file = write("linky.conf", "domoticz.urll = http://127.0.0.1:8080\n");

    assertThatThrownBy(() -> RunnerConfig.load(file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("source.client-id, source.client-secret-file, gateway.token-file,")
        .hasMessageContaining(" domoticz.client-id, domoticz.password-file, ")
        .hasMessageNotContaining("domoticz.password,")
        .hasMessageNotContaining("gateway.token,");
  }
}
