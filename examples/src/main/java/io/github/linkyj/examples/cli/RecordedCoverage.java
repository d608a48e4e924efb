package io.github.linkyj.examples.cli;

import io.github.linkyj.core.MeteringKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
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

  /**
   * The ranges of the files, per usage point: each is the first day and the day after the last. The
   * ranges of several files are kept apart, because the days between two files have no data.
   */
  private final Map<String, List<LocalDate[]>> ranges;

  private RecordedCoverage(Map<String, List<LocalDate[]>> ranges) {
    this.ranges = ranges;
  }

  /**
   * Reads the metering files of {@code directory}; other files (contracts, errors) are ignored.
   *
   * @throws InvalidInputException naming a metering file that cannot be read
   */
  static RecordedCoverage of(Path directory) throws InvalidInputException, IOException {
    Map<String, List<LocalDate[]>> ranges = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.sorted().toList()) {
        Optional<LocalDate[]> range = range(file);
        if (range.isEmpty()) {
          continue;
        }
        for (MeteringSeries series : MeteringFiles.read(List.of(file), null)) {
          ranges.computeIfAbsent(series.usagePointId(), id -> new ArrayList<>()).add(range.get());
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

  /** Returns whether a file of {@code usagePointId} covers a day of {@code [from, to)}. */
  boolean covers(String usagePointId, LocalDate from, LocalDate to) {
    for (LocalDate[] range : ranges.getOrDefault(usagePointId, List.of())) {
      if (range[0].isBefore(to) && range[1].isAfter(from)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the covered days of {@code usagePointId}, such as {@code 2020-11-01..2020-12-09,
   * 2022-03-23..2022-03-23}, with overlapping and adjacent file ranges joined.
   */
  String describe(String usagePointId) {
    List<LocalDate[]> sorted = new ArrayList<>(ranges.getOrDefault(usagePointId, List.of()));
    if (sorted.isEmpty()) {
      return "no file";
    }
    sorted.sort(Comparator.comparing((LocalDate[] range) -> range[0]));
    List<String> joined = new ArrayList<>();
    LocalDate start = sorted.get(0)[0];
    LocalDate end = sorted.get(0)[1];
    for (LocalDate[] range : sorted.subList(1, sorted.size())) {
      if (range[0].isAfter(end)) {
        joined.add(start + ".." + end.minusDays(1));
        start = range[0];
      }
      end = range[1].isAfter(end) ? range[1] : end;
    }
    joined.add(start + ".." + end.minusDays(1));
    return String.join(", ", joined);
  }
}
