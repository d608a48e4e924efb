package io.github.linkyj.examples.cli;

import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.MeteringData;
import io.github.linkyj.core.MeteringKind;
import io.github.linkyj.examples.cli.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code linky fetch}: fetches one metering kind and date range and prints it as CSV or JSON. */
@Command(
    name = "fetch",
    description = {
      "Fetches one metering kind of a usage point from the configured source and prints one row"
          + " per reading as CSV or JSON (energy in Wh, power in W or VA).",
      "Uses the stored consent: run linky consent first. Long ranges are split into the requests"
          + " Enedis accepts (7 days of load curve, 365 days of daily data)."
    })
final class FetchCommand implements Callable<Integer> {
  private static final Pattern USAGE_POINT = Pattern.compile("\\d{14}");

  @Spec private CommandSpec spec;

  @Option(
      names = "--kind",
      required = true,
      paramLabel = "KIND",
      converter = ConvertCommand.KindConverter.class,
      description =
          "Enedis kind: daily_consumption, consumption_load_curve, daily_consumption_max_power,"
              + " daily_production or production_load_curve.")
  private MeteringKind kind;

  @Option(
      names = "--usage-point",
      required = true,
      paramLabel = "ID",
      description = "The 14-digit usage point id (PRM).")
  private String usagePoint;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DATE",
      description = "First day, inclusive (YYYY-MM-DD, Paris local date).")
  private LocalDate from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DATE",
      description = "Day after the last day, exclusive as in the Enedis API (YYYY-MM-DD).")
  private LocalDate to;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "csv",
      description = "csv (default) or json.")
  private OutputFormat format;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Writes to FILE (replaced atomically) instead of standard output.")
  private Path output;

  @Override
  public Integer call() throws ConfigException, LinkyException, InvalidInputException, IOException {
    checkArguments();
    LinkyCommand linky = LinkyCommand.of(spec);
    MeteringData data;
    try (Source source = Source.open(linky.loadConfig(), linky.clock())) {
      if (!source.outsideConsent(List.of(usagePoint)).isEmpty()) {
        throw new InvalidInputException(
            "Invalid --usage-point "
                + usagePoint
                + ": it is not in the consent, which covers "
                + String.join(", ", source.consentedUsagePoints())
                + ". Give one of those, or run 'linky consent' again to include it.");
      }
      data = source.client().fetch(kind, usagePoint, from, to);
    }
    MeteringSeries series = new MeteringSeries(usagePoint, kind);
    series.add(data, "the response");
    if (output == null) {
      new MeteringWriter(spec.commandLine().getOut(), format).readings(List.of(series));
    } else {
      writeFile(series);
    }
    if (data.isEmpty()) {
      spec.commandLine().getErr().println("linky fetch: Enedis returned no reading in that range");
      spec.commandLine().getErr().flush();
    }
    return ExitCode.OK;
  }

  private void checkArguments() throws InvalidInputException {
    if (!USAGE_POINT.matcher(usagePoint).matches()) {
      throw new InvalidInputException(
          "Invalid usage point '" + usagePoint + "': expected 14 digits");
    }
    if (!from.isBefore(to)) {
      throw new InvalidInputException(
          "Invalid range --from " + from + " --to " + to + ": --to is exclusive and must be later");
    }
    Path directory = output == null ? null : output.toAbsolutePath().getParent();
    if (directory != null && !Files.isDirectory(directory)) {
      throw new InvalidInputException(
          "Invalid --output "
              + output
              + ": the directory "
              + directory
              + " does not exist. Create it or choose another path.");
    }
  }

  private void writeFile(MeteringSeries series) throws IOException {
    StringWriter text = new StringWriter();
    try (PrintWriter writer = new PrintWriter(text)) {
      new MeteringWriter(writer, format).readings(List.of(series));
    }
    Path absolute = output.toAbsolutePath();
    Path temporary = null;
    try {
      temporary = Files.createTempFile(absolute.getParent(), ".linky-fetch", ".tmp");
      Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8);
      Files.move(
          temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // The exception names the temporary file, which the user never asked for.
      throw new IOException("Cannot write --output " + output + ": " + reason(e), e);
    } finally {
      if (temporary != null) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return fileSystem.getReason();
    }
    return e.getClass().getSimpleName();
  }
}
