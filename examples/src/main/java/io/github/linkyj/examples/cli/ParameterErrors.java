package io.github.linkyj.examples.cli;

import io.github.linkyj.examples.cli.config.ConfigKey;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints command-line errors as one line plus a pointer to the help, instead of the full usage.
 *
 * <p>An unknown option is reported by its name only. Picocli's own message also lists the words
 * after it, and the word after an option such as {@code --domoticz-password} is the password, so
 * this handler never prints arguments that do not start with {@code -}.
 */
final class ParameterErrors implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    PrintWriter err = commandLine.getErr();
    String command = commandLine.getCommandSpec().qualifiedName();
    if (exception instanceof UnmatchedArgumentException unmatched) {
      reportUnmatched(err, commandLine, unmatched.getUnmatched());
    } else {
      err.println(command + ": " + exception.getMessage());
    }
    err.println("See '" + command + " --help'.");
    err.flush();
    return ExitCode.INVALID_INPUT;
  }

  private static void reportUnmatched(
      PrintWriter err, CommandLine commandLine, List<String> unmatched) {
    String command = commandLine.getCommandSpec().qualifiedName();
    List<String> options = new ArrayList<>();
    for (String argument : unmatched) {
      if (argument.startsWith("-")) {
        options.add(optionName(argument));
      }
    }
    if (options.isEmpty() && !commandLine.getSubcommands().isEmpty()) {
      err.println(command + ": unknown command '" + unmatched.get(0) + "'.");
      return;
    }
    if (options.isEmpty()) {
      err.println(command + ": unexpected argument(s) " + quoted(unmatched) + ".");
      return;
    }
    err.println(command + ": unknown option(s) " + quoted(options) + ".");
    for (String option : options) {
      secretOf(option)
          .ifPresent(
              key ->
                  err.println(
                      key.key()
                          + " is a secret and has no option, so it stays out of shell history"
                          + " and process lists. Set the environment variable "
                          + key.environmentVariable()
                          + ", or write the secret alone in an owner-only file and set "
                          + key.fileKey()
                          + " (or "
                          + key.environmentVariable()
                          + "_FILE) to its path."));
    }
  }

  /** Returns the option name of {@code --name=value}, dropping the value. */
  private static String optionName(String argument) {
    int equals = argument.indexOf('=');
    return equals < 0 ? argument : argument.substring(0, equals);
  }

  private static Optional<ConfigKey> secretOf(String option) {
    for (ConfigKey key : ConfigKey.values()) {
      if (key.isSecret() && ConfigOptions.optionName(key).equals(option)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  private static String quoted(List<String> words) {
    return "'" + String.join("', '", words) + "'";
  }

  /** Converts a {@code YYYY-MM-DD} option value, with a message free of Java class names. */
  static final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "invalid date " + value + ": expected YYYY-MM-DD, such as 2026-03-01");
      }
    }
  }
}
