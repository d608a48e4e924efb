package io.github.linkyj.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code linky} command. Each subcommand is a class of its own, listed in the {@code
 * subcommands} attribute of its parent's {@code @Command} annotation. Exit codes: 0 on success, 1
 * when a command fails, 2 when the arguments or the given text are invalid.
 */
@Command(
    name = "linky",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = LinkyCommand.Version.class,
    description = "Brings Linky smart-meter data from Enedis into Java programs and Domoticz.",
    subcommands = {OffPeakCommand.class})
public final class LinkyCommand {
  /** The exit code of invalid arguments or invalid text, as picocli uses for usage errors. */
  static final int EXIT_INVALID_INPUT = CommandLine.ExitCode.USAGE;

  /** Runs the command with the given arguments and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Returns the configured command line; tests run it in-process with their own writers. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new LinkyCommand());
    commandLine.setExecutionExceptionHandler(LinkyCommand::reportFailure);
    return commandLine;
  }

  /** Prints a failure without a stack trace, because users act on the message. */
  private static int reportFailure(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    err.println(commandLine.getCommandName() + ": " + exception.getMessage());
    err.flush();
    return CommandLine.ExitCode.SOFTWARE;
  }

  /** Reads the version that the build writes into {@code version.properties}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties properties = new Properties();
      try (InputStream in = LinkyCommand.class.getResourceAsStream("version.properties")) {
        if (in == null) {
          throw new IllegalStateException("version.properties is missing from the linky jar");
        }
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read version.properties of the linky jar", e);
      }
      return new String[] {"linky " + properties.getProperty("version")};
    }
  }
}
