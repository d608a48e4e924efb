package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LinkyCommandTest {

  /** The exit code and the text written to standard output and standard error. */
  record Result(int exitCode, String out, String err) {}

  static Result run(String... args) {
    CommandLine commandLine = LinkyCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));

    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  @Test
  void versionNamesProjectVersion() {
    Result result = run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).matches("linky \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
  }

  @Test
  void subcommandsInheritVersion() {
    Result top = run("--version");
    Result nested = run("offpeak", "check", "--version");

    assertThat(nested.exitCode()).isZero();
    assertThat(nested.out()).isEqualTo(top.out());
  }

  @Test
  void helpListsOffPeakGroup() {
    Result result = run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Usage: linky").contains("offpeak");
  }

  @Test
  void offPeakHelpListsSubcommands() {
    Result result = run("offpeak", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("check").contains("classify");
  }

  @Test
  void missingSubcommandIsUsageError() {
    Result result = run("offpeak");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Missing required subcommand");
  }

  @Test
  void unknownSubcommandIsUsageError() {
    Result result = run("fly");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "linky: unknown command 'fly'."
                + System.lineSeparator()
                + "See 'linky --help'."
                + System.lineSeparator());
  }
}
