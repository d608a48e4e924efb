package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterErrorsTest {

  @Test
  void secretOptionValueNeverPrinted() {
    Cli.Result result = Cli.run("sync", "--domoticz-password", "FakeDomoPw77");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).doesNotContain("FakeDomoPw77");
    assertThat(result.err())
        .startsWith("linky sync: unknown option(s) '--domoticz-password'.")
        .contains("Set the environment variable LINKY_DOMOTICZ_PASSWORD")
        .contains("set domoticz.password-file (or LINKY_DOMOTICZ_PASSWORD_FILE) to its path.")
        .endsWith("See 'linky sync --help'." + System.lineSeparator());
  }

  @Test
  void secretOptionWithEqualsHidden() {
    Cli.Result result = Cli.run("run", "--gateway-token=Tok3nValue", "--bogus", "word");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).doesNotContain("Tok3nValue").doesNotContain("word");
    assertThat(result.err())
        .startsWith("linky run: unknown option(s) '--gateway-token', '--bogus'.")
        .contains("Set the environment variable LINKY_GATEWAY_TOKEN");
  }

  @Test
  void invalidDateGetsPlainMessage() {
    Cli.Result result = Cli.run("demo", "--today", "2026-02-30");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "linky demo: Invalid value for option '--today': invalid date 2026-02-30: expected"
                + " YYYY-MM-DD, such as 2026-03-01"
                + System.lineSeparator()
                + "See 'linky demo --help'."
                + System.lineSeparator());
  }

  @Test
  void badNumberPrintsNoUsage() {
    Cli.Result result = Cli.run("demo", "--days", "abc");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).doesNotContain("Usage:");
    assertThat(result.err())
        .isEqualTo(
            "linky demo: Invalid value for option '--days': 'abc' is not an int"
                + System.lineSeparator()
                + "See 'linky demo --help'."
                + System.lineSeparator());
  }
}
