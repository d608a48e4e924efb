package io.github.linkyj.examples.cli;

import io.github.linkyj.core.DailyEnergy;
import io.github.linkyj.core.MeteringKind;
import io.github.linkyj.offpeak.Direction;
import io.github.linkyj.offpeak.OffPeakSchedule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code linky convert FILE...}: prints stored Enedis metering responses as CSV or JSON, per
 * reading or per day, optionally split into peak and off-peak energy.
 */
@Command(
    name = "convert",
    description = {
      "Prints stored Enedis metering responses (the JSON the API returns) as CSV or JSON.",
      "Several files are merged; a reading present in several files is printed once.",
      "Without --daily: one row per reading (load-curve interval, day or daily maximum power).",
      "With --daily: one row per local day, energy in Wh. Days that the load curve covers only in"
          + " part are left out, with a note on standard error, unless --partial-days is given."
    })
final class ConvertCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Stored responses, named <kind>_<start>_<end>[_note].json (kind as Enedis names it, such"
              + " as consumption_load_curve) or with a kind that the content shows.")
  private List<Path> files;

  @Option(
      names = "--daily",
      description =
          "Prints one row per local day (date,energy_wh in Wh). A load-curve interval counts for"
              + " the day it starts on.")
  private boolean daily;

  @Option(
      names = "--schedule",
      paramLabel = "TEXT",
      description =
          "Off-peak hours (syntax of linky offpeak check, such as \"22h00-6h00\"); with --daily,"
              + " adds the peak_wh and off_peak_wh columns (Wh) for load curves.")
  private String schedule;

  @Option(
      names = "--usage-point",
      paramLabel = "ID",
      description =
          "Prints only this 14-digit usage point; its own section of the schedule applies.")
  private String usagePoint;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      converter = KindConverter.class,
      description =
          "Reads every file as this Enedis kind (daily_consumption, consumption_load_curve,"
              + " daily_consumption_max_power, daily_production, production_load_curve) instead of"
              + " taking it from the file name.")
  private MeteringKind kind;

  @Option(
      names = "--partial-days",
      description =
          "With --daily, also prints days the curve covers in part, and a complete column.")
  private boolean partialDays;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "csv",
      description = "csv (default) or json.")
  private OutputFormat format;

  @Override
  public Integer call() throws InvalidInputException {
    PrintWriter err = spec.commandLine().getErr();
    Optional<OffPeakSchedule> offPeak = Optional.empty();
    if (schedule != null) {
      offPeak = OffPeakText.parse(schedule, err);
      if (offPeak.isEmpty()) {
        return ExitCode.INVALID_INPUT;
      }
    }
    List<MeteringSeries> series = selected(MeteringFiles.read(files, kind));
    for (MeteringSeries one : series) {
      one.conflicts().forEach(conflict -> err.println("linky convert: " + conflict));
    }
    MeteringWriter writer = new MeteringWriter(spec.commandLine().getOut(), format);
    if (daily) {
      writer.days(days(series, offPeak.orElse(null), err), offPeak.isPresent(), partialDays);
    } else {
      writer.readings(series);
    }
    err.flush();
    return ExitCode.OK;
  }

  private List<MeteringSeries> selected(List<MeteringSeries> series) throws InvalidInputException {
    if (usagePoint == null) {
      return series;
    }
    List<MeteringSeries> matching =
        series.stream().filter(s -> s.usagePointId().equals(usagePoint)).toList();
    if (matching.isEmpty()) {
      List<String> ids = series.stream().map(MeteringSeries::usagePointId).distinct().toList();
      throw new InvalidInputException(
          "No file contains usage point "
              + usagePoint
              + "; the files contain "
              + String.join(", ", ids));
    }
    return matching;
  }

  private List<DayRow> days(List<MeteringSeries> series, OffPeakSchedule offPeak, PrintWriter err) {
    List<DayRow> rows = new ArrayList<>();
    for (MeteringSeries one : series) {
      String kindName = one.kind().enedisName();
      if (one.kind() == MeteringKind.DAILY_CONSUMPTION_MAX_POWER) {
        err.println(
            "linky convert: left out "
                + one.usagePointId()
                + " "
                + kindName
                + ": a maximum power has no day energy; convert it without --daily");
        continue;
      }
      if (one.kind().isLoadCurve()) {
        Direction direction =
            one.kind().isProduction() ? Direction.PRODUCTION : Direction.CONSUMPTION;
        for (DayRow row :
            EnergySplit.days(one.usagePointId(), kindName, one.intervals(), offPeak, direction)) {
          if (row.isComplete() || partialDays) {
            rows.add(row);
          } else {
            err.println(
                "linky convert: left out "
                    + row.date()
                    + " of "
                    + one.usagePointId()
                    + ": the curve covers "
                    + hours(row.covered())
                    + " of its "
                    + hours(row.dayLength())
                    + " (--partial-days prints it)");
          }
        }
      } else {
        for (DailyEnergy day : one.days()) {
          Duration length = Duration.ofDays(1);
          rows.add(
              new DayRow(
                  one.usagePointId(), kindName, day.date(), day.energy(), null, length, length));
        }
      }
    }
    return rows;
  }

  private static String hours(Duration duration) {
    return String.format("%d:%02d", duration.toHours(), duration.toMinutesPart());
  }

  /** Converts an Enedis kind name such as {@code daily_consumption}. */
  static final class KindConverter implements ITypeConverter<MeteringKind> {
    @Override
    public MeteringKind convert(String value) {
      try {
        return MeteringKind.ofEnedisName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
