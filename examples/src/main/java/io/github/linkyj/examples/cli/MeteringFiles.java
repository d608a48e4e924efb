package io.github.linkyj.examples.cli;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import io.github.linkyj.core.InvalidResponseException;
import io.github.linkyj.core.MeteringData;
import io.github.linkyj.core.MeteringKind;
import io.github.linkyj.core.MeteringParser;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okio.Buffer;

/**
 * Reads stored Enedis metering responses ({@code {"meter_reading": {...}}} or the gateway shape)
 * and merges them into one {@link MeteringSeries} per usage point and kind.
 */
final class MeteringFiles {
  private MeteringFiles() {}

  /**
   * Reads and merges {@code files}.
   *
   * @param kind the kind of every file, or null to take it from each file name or content
   * @throws InvalidInputException naming the first file that cannot be read or parsed
   */
  static List<MeteringSeries> read(List<Path> files, MeteringKind kind)
      throws InvalidInputException {
    Map<String, MeteringSeries> series = new LinkedHashMap<>();
    for (Path file : files) {
      String json = readText(file);
      MeteringKind fileKind = kind != null ? kind : kindOf(file, json);
      MeteringData data = parse(file, fileKind, json);
      String key = data.usagePointId() + " " + fileKind.enedisName();
      series
          .computeIfAbsent(key, k -> new MeteringSeries(data.usagePointId(), fileKind))
          .add(data, file.getFileName().toString());
    }
    return new ArrayList<>(series.values());
  }

  private static String readText(Path file) throws InvalidInputException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": file not found");
    } catch (MalformedInputException e) {
      throw new InvalidInputException(file + ": not UTF-8 text; expected an Enedis JSON response");
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read the file: " + e.getMessage(), e);
    }
  }

  private static MeteringData parse(Path file, MeteringKind kind, String json)
      throws InvalidInputException {
    try {
      return MeteringParser.parse(kind, json);
    } catch (InvalidResponseException e) {
      throw new InvalidInputException(
          file + ": not a valid " + kind.enedisName() + " response: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the kind that the file name starts with, or else the kind its {@code reading_type} and
   * points show; consumption is assumed when the content alone gives no direction.
   */
  static MeteringKind kindOf(Path file, String json) throws InvalidInputException {
    Optional<MeteringKind> fromName = MeteringKind.ofFileName(file.getFileName().toString());
    if (fromName.isPresent()) {
      return fromName.get();
    }
    Map<?, ?> reading = meterReading(file, json);
    Object readingType = reading.get("reading_type");
    String aggregate = "";
    if (readingType instanceof Map<?, ?> type && type.get("aggregate") instanceof String text) {
      aggregate = text;
    }
    boolean curve = hasIntervalLength(reading.get("interval_reading"));
    if (curve || aggregate.equals("average")) {
      return MeteringKind.CONSUMPTION_LOAD_CURVE;
    }
    if (aggregate.equals("maximum") || aggregate.equals("max")) {
      return MeteringKind.DAILY_CONSUMPTION_MAX_POWER;
    }
    if (aggregate.equals("sum")) {
      return MeteringKind.DAILY_CONSUMPTION;
    }
    throw new InvalidInputException(
        file
            + ": cannot tell the metering kind from the name or the content; name the file"
            + " <kind>_<start>_<end>.json (kind such as daily_consumption) or pass --kind");
  }

  private static Map<?, ?> meterReading(Path file, String json) throws InvalidInputException {
    Object root;
    try {
      root = JsonReader.of(new Buffer().writeUtf8(json)).readJsonValue();
    } catch (IOException | JsonDataException e) {
      String reason = e instanceof JsonEncodingException ? "malformed JSON" : e.getMessage();
      throw new InvalidInputException(file + ": not JSON (" + reason + ")", e);
    }
    if (!(root instanceof Map<?, ?> object)) {
      throw new InvalidInputException(file + ": expected a JSON object with meter_reading");
    }
    if (object.get("meter_reading") instanceof Map<?, ?> reading) {
      return reading;
    }
    if (object.containsKey("interval_reading")) {
      return object;
    }
    throw new InvalidInputException(
        file + ": no meter_reading member; expected an Enedis metering response");
  }

  private static boolean hasIntervalLength(Object points) {
    if (points instanceof List<?> list && !list.isEmpty()) {
      return list.get(0) instanceof Map<?, ?> first && first.containsKey("interval_length");
    }
    return false;
  }
}
