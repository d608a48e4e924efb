package io.github.linkyj.examples.cli;

import io.github.linkyj.offpeak.Direction;
import io.github.linkyj.offpeak.OffPeakSchedule;
import io.github.linkyj.offpeak.Tariff;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code linky offpeak classify TEXT --usage-point ID --direction DIR --at DATE-TIME}: prints
 * {@code peak} or {@code off-peak}.
 */
@Command(
    name = "classify",
    description = {
      "Prints the tariff, peak or off-peak, of a usage point at a local date-time.",
      "Exits with 2 when the text or an option value is invalid."
    })
final class OffPeakClassifyCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "TEXT",
      description = "Off-peak hours, with the syntax of the check command.")
  private List<String> words;

  @Option(
      names = "--usage-point",
      required = true,
      paramLabel = "ID",
      converter = UsagePointConverter.class,
      description = "The 14-digit usage point id (PRM).")
  private String usagePoint;

  @Option(
      names = "--direction",
      required = true,
      paramLabel = "DIRECTION",
      converter = DirectionConverter.class,
      description = "consumption or production.")
  private Direction direction;

  @Option(
      names = "--at",
      required = true,
      paramLabel = "DATE-TIME",
      converter = LocalDateTimeConverter.class,
      description = "The local wall-clock date-time in France, such as 2024-05-08T03:15.")
  private LocalDateTime at;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Optional<OffPeakSchedule> schedule = OffPeakText.parse(OffPeakText.join(words), err);
    if (schedule.isEmpty()) {
      return LinkyCommand.EXIT_INVALID_INPUT;
    }
    Tariff tariff;
    try {
      tariff = schedule.get().tariff(usagePoint, direction, at);
    } catch (DateTimeException e) {
      err.println("linky: Invalid value for option '--at': " + e.getMessage());
      err.flush();
      return LinkyCommand.EXIT_INVALID_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(tariff == Tariff.OFF_PEAK ? "off-peak" : "peak");
    out.flush();
    return 0;
  }

  /** Accepts exactly 14 ASCII digits. */
  static final class UsagePointConverter implements ITypeConverter<String> {
    private static final Pattern USAGE_POINT_ID = Pattern.compile("[0-9]{14}");

    @Override
    public String convert(String value) {
      if (!USAGE_POINT_ID.matcher(value).matches()) {
        throw new TypeConversionException(
            "'" + value + "' is not a usage point id. Give the 14 digits of the PRM");
      }
      return value;
    }
  }

  /** Accepts {@code consumption} or {@code production}, in any case. */
  static final class DirectionConverter implements ITypeConverter<Direction> {
    @Override
    public Direction convert(String value) {
      switch (value.toLowerCase(Locale.ROOT)) {
        case "consumption":
          return Direction.CONSUMPTION;
        case "production":
          return Direction.PRODUCTION;
        default:
          throw new TypeConversionException(
              "'" + value + "' is not a direction. Give consumption or production");
      }
    }
  }

  /** Accepts an ISO local date-time such as {@code 2024-05-08T03:15}. */
  static final class LocalDateTimeConverter implements ITypeConverter<LocalDateTime> {
    @Override
    public LocalDateTime convert(String value) {
      try {
        return LocalDateTime.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a local date-time. Give one such as 2024-05-08T03:15");
      }
    }
  }
}
