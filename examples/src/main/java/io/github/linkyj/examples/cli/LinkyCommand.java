package io.github.linkyj.examples.cli;

import io.github.linkyj.core.ConsentRequiredException;
import io.github.linkyj.core.LinkyException;
import io.github.linkyj.domoticz.DomoticzException;
import io.github.linkyj.examples.cli.config.ConfigException;
import io.github.linkyj.examples.cli.config.ConfigKey;
import io.github.linkyj.examples.cli.config.RunnerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code linky} command. Each subcommand is a class of its own, listed in the {@code
 * subcommands} attribute of its parent's {@code @Command} annotation. The exit codes are those of
 * {@link ExitCode}.
 *
 * <p>Subcommands reach the shared state (environment, clock, global options) through {@link
 * #of(CommandSpec)}, because picocli sets the inherited {@code --config} and {@code --verbose}
 * options on this object wherever they are written.
 */
@Command(
    name = "linky",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = LinkyCommand.Version.class,
    description = "Brings Linky smart-meter data from Enedis into Java programs and Domoticz.",
    subcommands = {
      ConsentCommand.class,
      SyncCommand.class,
      RunCommand.class,
      DemoCommand.class,
      FetchCommand.class,
      ConvertCommand.class,
      OffPeakCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:Enedis, the consent source or the network failed",
      "2:invalid argument, setting or input file",
      "3:consent missing, denied or expired: run linky consent",
      "4:Domoticz login, connection or version check failed before the sync",
      "5:nothing fetched now (Enedis quota or night pause): retry later",
      "130:stopped with Ctrl-C",
      "143:run stopped by SIGTERM (systemctl stop); the state is saved"
    })
public final class LinkyCommand {
  /** The exit code of invalid arguments or invalid text, as picocli uses for usage errors. */
  static final int EXIT_INVALID_INPUT = ExitCode.INVALID_INPUT;

  private final Map<String, String> environment;
  private final Clock clock;
  private final boolean interactive;
  private final Map<ConfigKey, String> configOptions = new EnumMap<>(ConfigKey.class);
  private ShutdownHooks shutdownHooks = ShutdownHooks.jvm();
  private boolean verbose;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description =
          "Configuration file in Java properties syntax. Default: the file named by $LINKY_CONFIG,"
              + " or none.")
  private Path configFile;

  private LinkyCommand(Map<String, String> environment, Clock clock, boolean interactive) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
    this.interactive = interactive;
  }

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Logs debug lines (requests, retries, sync steps) on standard error.")
  private void verbose(boolean verbose) {
    this.verbose = verbose;
    Logging.verbose(verbose);
  }

  /** Returns whether {@code --verbose} was given. */
  boolean isVerbose() {
    return verbose;
  }

  /** Runs the command with the given arguments and exits with its exit code. */
  public static void main(String[] args) {
    boolean interactive = System.console() != null;
    System.exit(commandLine(System.getenv(), Clock.systemDefaultZone(), interactive).execute(args));
  }

  /** Returns the command line of this process, reading the real environment and clock. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv(), Clock.systemDefaultZone(), false);
  }

  /**
   * Returns a command line that reads {@code environment} instead of the process environment and
   * takes "now" from {@code clock}; tests run it in-process with their own writers.
   *
   * @param interactive true when standard output is a terminal, which draws progress bars
   */
  public static CommandLine commandLine(
      Map<String, String> environment, Clock clock, boolean interactive) {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(clock, "clock");
    LinkyCommand command = new LinkyCommand(environment, clock, interactive);
    CommandLine commandLine = new CommandLine(command);
    ConfigOptions.install(commandLine, command.configOptions);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(LinkyCommand::reportFailure);
    commandLine.setParameterExceptionHandler(new ParameterErrors());
    commandLine.registerConverter(LocalDate.class, new ParameterErrors.DateConverter());
    return commandLine;
  }

  /** Returns the {@code linky} command that {@code spec} belongs to. */
  static LinkyCommand of(CommandSpec spec) {
    return (LinkyCommand) spec.root().userObject();
  }

  /** Returns the environment variables this command reads. */
  Map<String, String> environment() {
    return environment;
  }

  /** Returns the clock that gives "now". */
  Clock clock() {
    return clock;
  }

  /** Returns where commands register what to do on SIGTERM or Ctrl-C. */
  ShutdownHooks shutdownHooks() {
    return shutdownHooks;
  }

  /** Replaces the JVM shutdown hooks, so a test can run the SIGTERM action itself. */
  void shutdownHooks(ShutdownHooks hooks) {
    this.shutdownHooks = Objects.requireNonNull(hooks, "hooks");
  }

  /** Returns whether standard output is a terminal. */
  boolean interactive() {
    return interactive;
  }

  /**
   * Loads the settings from the configuration file, the {@code LINKY_*} environment variables and
   * the options of this invocation, plus {@code extraOptions} (which win).
   */
  RunnerConfig loadConfig(Map<ConfigKey, String> extraOptions) throws ConfigException {
    Path file = configFile;
    String fromEnvironment = environment.get("LINKY_CONFIG");
    if (file == null && fromEnvironment != null && !fromEnvironment.isBlank()) {
      file = Path.of(fromEnvironment);
      if (Files.notExists(file)) {
        throw new ConfigException(
            "Configuration file not found: "
                + file
                + " (from LINKY_CONFIG). Create it from examples/linky.conf.sample or unset"
                + " LINKY_CONFIG.");
      }
    }
    Map<ConfigKey, String> options = new EnumMap<>(ConfigKey.class);
    options.putAll(configOptions);
    options.putAll(extraOptions);
    return RunnerConfig.load(file, environment, options);
  }

  /** Loads the settings; see {@link #loadConfig(Map)}. */
  RunnerConfig loadConfig() throws ConfigException {
    return loadConfig(Map.of());
  }

  /** Prints a failure without a stack trace, because users act on the message. */
  private static int reportFailure(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    int exitCode = exitCodeOf(exception);
    err.println("linky " + commandLine.getCommandName() + ": " + messageOf(exception));
    if (exitCode == ExitCode.CONSENT_REQUIRED) {
      err.println("Run 'linky consent' (with the same configuration) to give consent again.");
    }
    err.flush();
    return exitCode;
  }

  /** Maps a failure to the exit code documented in docs/cli.md. */
  static int exitCodeOf(Throwable exception) {
    if (exception instanceof ConfigException || exception instanceof InvalidInputException) {
      return ExitCode.INVALID_INPUT;
    }
    if (exception instanceof ConsentRequiredException) {
      return ExitCode.CONSENT_REQUIRED;
    }
    if (exception instanceof DomoticzException) {
      return ExitCode.DOMOTICZ_FAILURE;
    }
    if (exception instanceof CancellationException || exception instanceof InterruptedException) {
      return ExitCode.CANCELLED;
    }
    if (exception instanceof LinkyException) {
      return ExitCode.FAILURE;
    }
    if (exception.getCause() != null && exception.getCause() != exception) {
      int fromCause = exitCodeOf(exception.getCause());
      if (fromCause != ExitCode.FAILURE) {
        return fromCause;
      }
    }
    return ExitCode.FAILURE;
  }

  private static String messageOf(Throwable exception) {
    if (exception instanceof CancellationException) {
      return "stopped";
    }
    String message = exception.getMessage();
    return message == null ? exception.getClass().getSimpleName() : message;
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
