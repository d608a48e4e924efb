package io.github.linkyj.examples.cli;

import io.github.linkyj.core.MeteringKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The days that a folder of recorded Enedis responses covers, per usage point, read from the file
 * names ({@code <kind>_<start>_<end>[_note].json}, end exclusive) and the usage point id inside.
 */
final class RecordedCoverage {
  private static final Pattern RANGE =
      Pattern.compile("_(\\d{4}-\\d{2}-\\d{2})_(\\d{4}-\\d{2}-\\d{2})(_[^.]*)?\\.json$");

  /** The first covered day and the day after the last one, per usage point. */
  private final Map<String, LocalDate[]> ranges;

  private RecordedCoverage(Map<String, LocalDate[]> ranges) {
    this.ranges = ranges;
  }

  /**
   * Reads the metering files of {@code directory}; other files (contracts, errors) are ignored.
   *
   * @throws InvalidInputException naming a metering file that cannot be read
   */
  static RecordedCoverage of(Path directory) throws InvalidInputException, IOException {
    Map<String, LocalDate[]> ranges = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.sorted().toList()) {
        Optional<LocalDate[]> range = range(file);
        if (range.isEmpty()) {
          continue;
        }
        for (MeteringSeries series : MeteringFiles.read(List.of(file), null)) {
          ranges.merge(series.usagePointId(), range.get(), RecordedCoverage::union);
        }
      }
    }
    return new RecordedCoverage(ranges);
  }

  private static Optional<LocalDate[]> range(Path file) {
    String name = file.getFileName().toString();
    Matcher matcher = RANGE.matcher(name);
    if (MeteringKind.ofFileName(name).isEmpty() || !matcher.find()) {
      return Optional.empty();
    }
    try {
      LocalDate start = LocalDate.parse(matcher.group(1));
      LocalDate end = LocalDate.parse(matcher.group(2));
      return Optional.of(new LocalDate[] {start, end});
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static LocalDate[] union(LocalDate[] a, LocalDate[] b) {
    LocalDate start = a[0].isBefore(b[0]) ? a[0] : b[0];
    LocalDate end = a[1].isAfter(b[1]) ? a[1] : b[1];
    return new LocalDate[] {start, end};
  }

  /** Returns whether the files of {@code usagePointId} cover a day of {@code [from, to)}. */
  boolean covers(String usagePointId, LocalDate from, LocalDate to) {
    LocalDate[] range = ranges.get(usagePointId);
    return range != null && range[0].isBefore(to) && range[1].isAfter(from);
  }

  /** Returns the covered days of {@code usagePointId}, such as {@code 2020-11-01..2020-12-09}. */
  String describe(String usagePointId) {
    LocalDate[] range = ranges.get(usagePointId);
    return range == null ? "no file" : range[0] + ".." + range[1].minusDays(1);
  }
}
