package io.github.linkyj.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recorded Enedis responses loaded from a directory, served day by day.
 *
 * <p>A metering file is named {@code <kind>_<start>_<end>[_note].json}, kind being the Enedis
 * endpoint name (such as {@code consumption_load_curve}), and covers the days [start, end). A day
 * covered by a file but without points in it is a hole. When files overlap, the first file in name
 * order owns the shared days, so no point is served twice. Customer files are named {@code
 * contracts[_note].json} and {@code addresses[_note].json}. Other files are ignored.
 */
final class RecordedData {
  private static final Logger log = LoggerFactory.getLogger(RecordedData.class);

  private static final Pattern METERING =
      Pattern.compile("([a-z_]+?)_(\\d{4}-\\d{2}-\\d{2})_(\\d{4}-\\d{2}-\\d{2})(_.*)?\\.json");
  private static final Pattern CUSTOMER = Pattern.compile("(contracts|addresses)(_.*)?\\.json");

  private final Map<String, Map<MeteringKind, NavigableMap<LocalDate, List<Reading>>>> days =
      new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> contracts = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> addresses = new LinkedHashMap<>();

  private RecordedData() {}

  /**
   * Loads every recorded file of a directory.
   *
   * @throws IOException if the directory or a file cannot be read
   * @throws IllegalArgumentException if a file has an unknown kind, an empty range or an unexpected
   *     JSON shape
   */
  static RecordedData load(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException(
          "Recorded data directory " + directory + " does not exist or is not a directory");
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    RecordedData data = new RecordedData();
    for (Path file : files) {
      data.loadFile(file);
    }
    if (data.days.isEmpty()) {
      throw new IllegalArgumentException(
          "Recorded data directory "
              + directory
              + " has no metering file: name files <kind>_<start>_<end>[_note].json");
    }
    return data;
  }

  private void loadFile(Path file) throws IOException {
    String name = file.getFileName().toString();
    Matcher metering = METERING.matcher(name);
    Matcher customer = CUSTOMER.matcher(name);
    if (metering.matches()) {
      loadMetering(file, metering);
    } else if (customer.matches()) {
      loadCustomer(file, customer.group(1));
    } else {
      log.debug("Ignoring {}: not a metering or customer file", file);
    }
  }

  private void loadMetering(Path file, Matcher name) throws IOException {
    MeteringKind kind =
        MeteringKind.fromEndpointName(name.group(1))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Unknown kind '"
                            + name.group(1)
                            + "' in recorded file "
                            + file
                            + ": use one of "
                            + Arrays.stream(MeteringKind.values())
                                .map(MeteringKind::endpointName)
                                .collect(Collectors.joining(", "))));
    LocalDate start = LocalDate.parse(name.group(2));
    LocalDate end = LocalDate.parse(name.group(3));
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "Recorded file " + file + " has an empty range: its start must be before its end");
    }
    Map<String, Object> meterReading = Json.object(read(file), "meter_reading", file);
    String usagePointId = Json.string(meterReading, "usage_point_id", file);
    List<Object> points = Json.list(meterReading, "interval_reading", file);

    NavigableMap<LocalDate, List<Reading>> byDay =
        days.computeIfAbsent(usagePointId, id -> new EnumMap<>(MeteringKind.class))
            .computeIfAbsent(kind, k -> new TreeMap<>());
    Set<LocalDate> owned = new HashSet<>();
    for (LocalDate day = start; day.isBefore(end); day = day.plusDays(1)) {
      if (byDay.putIfAbsent(day, new ArrayList<>()) == null) {
        owned.add(day);
      }
    }
    for (Object point : points) {
      Reading reading = toReading(point, file);
      LocalDate day = dayOf(reading, kind, file);
      if (owned.contains(day)) {
        byDay.get(day).add(reading);
      }
    }
  }

  private void loadCustomer(Path file, String kind) throws IOException {
    Map<String, Object> customer = Json.object(read(file), "customer", file);
    for (Object item : Json.list(customer, "usage_points", file)) {
      Map<String, Object> point = Json.asObject(item, "usage_points[]", file);
      Map<String, Object> usagePoint = Json.object(point, "usage_point", file);
      String id = Json.string(usagePoint, "usage_point_id", file);
      Map<String, Object> single = new LinkedHashMap<>(customer);
      single.put("usage_points", List.of(point));
      (kind.equals("contracts") ? contracts : addresses).put(id, Map.of("customer", single));
    }
  }

  private static Map<String, Object> read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return Json.parseObject(text, file);
  }

  private static Reading toReading(Object point, Path file) {
    Map<String, Object> json = Json.asObject(point, "interval_reading[]", file);
    Object value = json.get("value");
    if (value instanceof Double number && number == Math.rint(number)) {
      value = number.longValue();
    }
    return new Reading(
        value,
        Json.string(json, "date", file),
        (String) json.get("interval_length"),
        (String) json.get("measure_type"));
  }

  /** Returns the day a point belongs to: for a curve, the day its interval starts. */
  private static LocalDate dayOf(Reading reading, MeteringKind kind, Path file) {
    try {
      if (!kind.isLoadCurve()) {
        return LocalDate.parse(reading.date().substring(0, 10));
      }
      LocalDateTime end = LocalDateTime.parse(reading.date().substring(0, 19).replace(' ', 'T'));
      Duration length =
          Duration.parse(reading.intervalLength() == null ? "PT30M" : reading.intervalLength());
      return end.minus(length).toLocalDate();
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "Invalid date '" + reading.date() + "' in recorded file " + file, e);
    }
  }

  /** Returns the usage points that have metering files, in file name order. */
  Set<String> usagePointIds() {
    return Collections.unmodifiableSet(days.keySet());
  }

  /** Returns a profile for a recorded usage point: the directions it has files for. */
  MeterProfile profile(String usagePointId) {
    Set<MeteringKind> kinds = days.get(usagePointId).keySet();
    boolean consumption = kinds.stream().anyMatch(kind -> !kind.isProduction());
    boolean production = kinds.stream().anyMatch(MeteringKind::isProduction);
    MeterProfile profile =
        consumption && production
            ? MeterProfile.selfConsumption()
            : consumption ? MeterProfile.consumption() : MeterProfile.production();
    Optional<LocalDate> activation = activationDate(usagePointId);
    return activation.isPresent() ? profile.withActivationDate(activation.get()) : profile;
  }

  private Optional<LocalDate> activationDate(String usagePointId) {
    return contract(usagePointId)
        .map(document -> Json.find(document, "customer", "usage_points", "contracts"))
        .map(contract -> contract.get("last_activation_date"))
        .filter(String.class::isInstance)
        .map(date -> LocalDate.parse(((String) date).substring(0, 10)));
  }

  /** Returns the recorded points of [start, end), empty when the files cover none of it. */
  List<Reading> readings(String usagePointId, MeteringKind kind, LocalDate start, LocalDate end) {
    NavigableMap<LocalDate, List<Reading>> byDay =
        days.getOrDefault(usagePointId, Map.of()).get(kind);
    if (byDay == null) {
      return List.of();
    }
    List<Reading> readings = new ArrayList<>();
    byDay.subMap(start, true, end, false).values().forEach(readings::addAll);
    return readings;
  }

  Optional<Map<String, Object>> contract(String usagePointId) {
    return Optional.ofNullable(contracts.get(usagePointId));
  }

  Optional<Map<String, Object>> address(String usagePointId) {
    return Optional.ofNullable(addresses.get(usagePointId));
  }
}
