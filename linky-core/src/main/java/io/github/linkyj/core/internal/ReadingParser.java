package io.github.linkyj.core.internal;

import io.github.linkyj.core.DailyEnergy;
import io.github.linkyj.core.Energy;
import io.github.linkyj.core.ImmutableIntervalReading;
import io.github.linkyj.core.ImmutableMeteringData;
import io.github.linkyj.core.IntervalReading;
import io.github.linkyj.core.InvalidResponseException;
import io.github.linkyj.core.MaxPowerReading;
import io.github.linkyj.core.MeteringData;
import io.github.linkyj.core.MeteringKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.ChronoZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the JSON of an Enedis metering response into {@link MeteringData}.
 *
 * <p>Accepts the Enedis shape {@code {"meter_reading": {...}}} and the gateway shape that puts the
 * {@code meter_reading} members at the top level. Values may be JSON strings or numbers. A point
 * whose value is null or empty is a hole and is skipped. Points repeated with the same stamp and
 * value are dropped.
 *
 * <p>An instance parses one response at a time; it is not thread-safe.
 */
public final class ReadingParser {
  private static final Logger LOG = LoggerFactory.getLogger(ReadingParser.class);
  private static final long MAX_INTERVAL_MINUTES = 60;
  private static final long MAX_VALUE = 1_000_000_000_000L;

  private final ZoneId zone;
  private final String endpoint;
  private final String period;
  private final String usagePointId;
  private final LocalStamps localStamps;

  /** The last valid {@code interval_length} text and its value, because points repeat it. */
  private String lastLengthText;

  private Duration lastLength;

  /**
   * Creates a parser.
   *
   * @param zone the zone of the naive Enedis stamps, normally Europe/Paris
   * @param endpoint the endpoint named in error messages, or null for a file
   * @param usagePointId the usage point requested, named in error messages, or null
   */
  public ReadingParser(ZoneId zone, String endpoint, String usagePointId) {
    this(zone, endpoint, null, usagePointId);
  }

  /**
   * Creates a parser for the response to one request.
   *
   * @param zone the zone of the naive Enedis stamps, normally Europe/Paris
   * @param endpoint the endpoint named in error messages, or null for a file
   * @param period the requested days, such as {@code [2020-12-03, 2020-12-10)}, named in error
   *     messages, or null
   * @param usagePointId the usage point requested, named in error messages, or null
   */
  public ReadingParser(ZoneId zone, String endpoint, String period, String usagePointId) {
    this.zone = zone;
    this.endpoint = endpoint;
    this.period = period;
    this.usagePointId = usagePointId;
    this.localStamps = new LocalStamps(zone);
  }

  /** Parses {@code json} as a response of {@code kind}. */
  public MeteringData parse(MeteringKind kind, String json) throws InvalidResponseException {
    Map<String, Object> reading = meterReading(readObject(json));
    String responseUsagePoint = JsonTree.text(reading, "usage_point_id");
    if (responseUsagePoint == null) {
      throw invalid("the response has no usage_point_id");
    }
    List<Object> points = JsonTree.array(reading.get("interval_reading"));
    if (points == null) {
      throw invalid("the response has no interval_reading array");
    }
    checkUnit(kind, reading);
    ImmutableMeteringData.Builder data =
        ImmutableMeteringData.builder()
            .kind(kind)
            .usagePointId(responseUsagePoint)
            .start(date(reading, "start"))
            .end(date(reading, "end"));
    String quality = JsonTree.text(reading, "quality");
    if (quality != null) {
      data.quality(quality);
    }
    if (kind.isLoadCurve()) {
      data.intervals(intervals(points, responseUsagePoint));
    } else if (kind == MeteringKind.DAILY_CONSUMPTION_MAX_POWER) {
      data.maxPowers(maxPowers(points));
    } else {
      data.dailyEnergies(dailyEnergies(points, responseUsagePoint));
    }
    return build(data);
  }

  /**
   * Rejects a response whose {@code reading_type.unit} does not fit {@code kind}, such as a daily
   * body read as a load curve. A response without a unit is accepted.
   */
  private void checkUnit(MeteringKind kind, Map<String, Object> reading)
      throws InvalidResponseException {
    String unit = JsonTree.text(JsonTree.object(reading.get("reading_type")), "unit");
    String expected = expectedUnit(kind);
    if (unit != null && !unit.trim().equalsIgnoreCase(expected)) {
      throw invalid(
          "reading_type.unit is \""
              + unit
              + "\" but "
              + kind.enedisName()
              + " is in "
              + expected
              + "; check the metering kind");
    }
  }

  private static String expectedUnit(MeteringKind kind) {
    return switch (kind) {
      case CONSUMPTION_LOAD_CURVE, PRODUCTION_LOAD_CURVE -> "W";
      case DAILY_CONSUMPTION_MAX_POWER -> "VA";
      case DAILY_CONSUMPTION, DAILY_PRODUCTION -> "Wh";
    };
  }

  private MeteringData build(ImmutableMeteringData.Builder data) throws InvalidResponseException {
    try {
      return data.build();
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  private Map<String, Object> readObject(String json) throws InvalidResponseException {
    Object tree;
    try {
      tree = JsonTree.parse(json);
    } catch (IOException | RuntimeException e) {
      throw new InvalidResponseException(
          prefix() + "the body is not valid JSON (" + e.getMessage() + ")",
          endpoint,
          200,
          null,
          usagePointId,
          e);
    }
    Map<String, Object> object = JsonTree.object(tree);
    if (object == null) {
      throw invalid("the body is not a JSON object");
    }
    return object;
  }

  private Map<String, Object> meterReading(Map<String, Object> root)
      throws InvalidResponseException {
    Map<String, Object> wrapped = JsonTree.object(root.get("meter_reading"));
    if (wrapped != null) {
      return wrapped;
    }
    if (root.containsKey("interval_reading")) {
      return root;
    }
    throw invalid("the body has no meter_reading object");
  }

  private List<IntervalReading> intervals(List<Object> points, String pointId)
      throws InvalidResponseException {
    Map<Instant, IntervalReading> byEnd = new HashMap<>(points.size() * 2);
    Set<Instant> stamps = new HashSet<>(points.size() * 2);
    List<IntervalReading> readings = new ArrayList<>();
    Counts counts = new Counts();
    for (int index = 0; index < points.size(); index++) {
      Map<String, Object> point = point(points, index);
      // Holes take part in the order that resolves the autumn repeat, so resolve them too.
      ZonedDateTime end = intervalEnd(point, index, stamps);
      stamps.add(end.toInstant());
      Long watts = value(point, index);
      if (watts == null) {
        counts.holes++;
        continue;
      }
      Duration length = intervalLength(points, index);
      IntervalReading reading = interval(end, length, watts, point);
      IntervalReading earlier = byEnd.putIfAbsent(end.toInstant(), reading);
      if (earlier == null) {
        readings.add(reading);
      } else {
        counts.record(earlier.equals(reading));
      }
    }
    counts.log(pointId, "points");
    readings.sort(
        Comparator.comparing(IntervalReading::start, ChronoZonedDateTime.timeLineOrder()));
    return readings;
  }

  private IntervalReading interval(
      ZonedDateTime end, Duration length, long watts, Map<String, Object> point) {
    ImmutableIntervalReading.Builder reading =
        ImmutableIntervalReading.builder()
            .start(end.minus(length).withZoneSameInstant(zone))
            .end(end)
            .averagePower(watts);
    String measureType = JsonTree.text(point, "measure_type");
    if (measureType != null) {
      reading.measureType(measureType);
    }
    return reading.build();
  }

  /**
   * Resolves a naive end stamp in the zone. In the autumn overlap the first occurrence of a stamp
   * takes the summer offset and the second the winter offset; a stamp in the spring gap moves
   * forward by the gap, so {@code 02:00} on that day means {@code 03:00}.
   *
   * <p>NOTE: no recorded Enedis response of a clock-change day exists yet, so these labels follow
   * the documented rule (local end stamps, the repeated hour sent twice) and are unverified.
   */
  private ZonedDateTime intervalEnd(Map<String, Object> point, int index, Set<Instant> seen)
      throws InvalidResponseException {
    String text = JsonTree.text(point, "date");
    if (text == null) {
      throw invalid("interval_reading[" + index + "] has no date");
    }
    try {
      LocalDateTime naive = LocalStamps.parseNaive(text.trim());
      if (naive != null) {
        return localStamps.resolve(naive, seen);
      }
    } catch (DateTimeException e) {
      throw invalidDate(index, text);
    }
    String iso = text.trim().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(iso).atZoneSameInstant(zone);
    } catch (DateTimeException withoutOffset) {
      // A naive local stamp in another ISO form, such as one without seconds.
    }
    try {
      return localStamps.resolve(LocalDateTime.parse(iso), seen);
    } catch (DateTimeException e) {
      throw invalidDate(index, text);
    }
  }

  private InvalidResponseException invalidDate(int index, String text) {
    return invalid(
        "interval_reading[" + index + "] date \"" + text + "\" is not yyyy-MM-dd HH:mm:ss");
  }

  /**
   * Returns the point's {@code interval_length}. A point without one takes the length of the
   * nearest earlier point that has one, else of the nearest later one.
   */
  private Duration intervalLength(List<Object> points, int index) throws InvalidResponseException {
    for (int i = index; i >= 0; i--) {
      Duration length = declaredLength(points, i);
      if (length != null) {
        return length;
      }
    }
    for (int i = index + 1; i < points.size(); i++) {
      Duration length = declaredLength(points, i);
      if (length != null) {
        return length;
      }
    }
    throw invalid("no point of the load curve has an interval_length");
  }

  private Duration declaredLength(List<Object> points, int index) throws InvalidResponseException {
    String text = JsonTree.text(JsonTree.object(points.get(index)), "interval_length");
    if (text == null) {
      return null;
    }
    if (text.equals(lastLengthText)) {
      return lastLength;
    }
    Duration length;
    try {
      length = Duration.parse(text);
    } catch (DateTimeException e) {
      length = null;
    }
    boolean valid =
        length != null
            && length.toSecondsPart() == 0
            && length.toMinutes() > 0
            && length.toMinutes() <= MAX_INTERVAL_MINUTES;
    if (!valid) {
      throw invalid(
          "interval_reading["
              + index
              + "] interval_length \""
              + text
              + "\" is not a duration from PT1M to PT60M");
    }
    lastLengthText = text;
    lastLength = length;
    return length;
  }

  private List<DailyEnergy> dailyEnergies(List<Object> points, String pointId)
      throws InvalidResponseException {
    Map<LocalDate, DailyEnergy> byDate = new LinkedHashMap<>();
    Counts counts = new Counts();
    for (int index = 0; index < points.size(); index++) {
      Map<String, Object> point = point(points, index);
      Long wattHours = value(point, index);
      if (wattHours == null) {
        counts.holes++;
        continue;
      }
      DailyEnergy energy = DailyEnergy.of(day(point, index), Energy.ofWattHours(wattHours));
      DailyEnergy earlier = byDate.putIfAbsent(energy.date(), energy);
      if (earlier != null) {
        counts.record(earlier.equals(energy));
      }
    }
    counts.log(pointId, "days");
    List<DailyEnergy> energies = new ArrayList<>(byDate.values());
    energies.sort(Comparator.comparing(DailyEnergy::date));
    return energies;
  }

  private List<MaxPowerReading> maxPowers(List<Object> points) throws InvalidResponseException {
    Map<LocalDate, MaxPowerReading> byDate = new LinkedHashMap<>();
    for (int index = 0; index < points.size(); index++) {
      Map<String, Object> point = point(points, index);
      Long voltAmperes = value(point, index);
      if (voltAmperes != null) {
        MaxPowerReading reading =
            MaxPowerReading.of(intervalEnd(point, index, Set.of()), voltAmperes);
        byDate.putIfAbsent(reading.date(), reading);
      }
    }
    List<MaxPowerReading> readings = new ArrayList<>(byDate.values());
    readings.sort(Comparator.comparing(r -> r.time().toInstant()));
    return readings;
  }

  private LocalDate day(Map<String, Object> point, int index) throws InvalidResponseException {
    String text = JsonTree.text(point, "date");
    try {
      return LocalDate.parse(text == null || text.length() < 10 ? "" : text.substring(0, 10));
    } catch (DateTimeException e) {
      throw invalid("interval_reading[" + index + "] date \"" + text + "\" is not yyyy-MM-dd");
    }
  }

  private LocalDate date(Map<String, Object> reading, String name) throws InvalidResponseException {
    String text = JsonTree.text(reading, name);
    try {
      return LocalDate.parse(text == null || text.length() < 10 ? "" : text.substring(0, 10));
    } catch (DateTimeException e) {
      throw invalid("meter_reading." + name + " \"" + text + "\" is not yyyy-MM-dd");
    }
  }

  private Map<String, Object> point(List<Object> points, int index)
      throws InvalidResponseException {
    Map<String, Object> point = JsonTree.object(points.get(index));
    if (point == null) {
      throw invalid("interval_reading[" + index + "] is not an object");
    }
    return point;
  }

  /**
   * Returns the integer value of a point, or null for a hole: a null, empty or absent value, or the
   * text {@code "null"}.
   */
  private Long value(Map<String, Object> point, int index) throws InvalidResponseException {
    Object raw = point.get("value");
    if (raw == null
        || (raw instanceof String text && (text.isBlank() || text.trim().equals("null")))) {
      return null;
    }
    String text = JsonTree.text(point, "value");
    if (text != null && isShortDigitRun(text)) {
      return (long) LocalStamps.digits(text, 0, text.length());
    }
    long value;
    try {
      value = new BigDecimal(text == null ? "" : text.trim()).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalid("interval_reading[" + index + "] value \"" + raw + "\" is not an integer");
    }
    if (value > MAX_VALUE || value < -MAX_VALUE) {
      // Larger values are no meter reading, and their watt-minute sums could overflow a long.
      throw invalid(
          "interval_reading[" + index + "] value " + value + " is beyond +/-" + MAX_VALUE);
    }
    return value;
  }

  /** Returns whether {@code text} is 1 to 9 ASCII digits, the usual form of a point's value. */
  private static boolean isShortDigitRun(String text) {
    if (text.isEmpty() || text.length() > 9) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private InvalidResponseException invalid(String problem) {
    return new InvalidResponseException(
        prefix() + problem, endpoint, 200, null, usagePointId, null);
  }

  private String prefix() {
    StringBuilder prefix = new StringBuilder("Invalid metering response");
    if (endpoint != null) {
      prefix.append(" from ").append(endpoint);
    }
    if (period != null) {
      prefix.append(" for ").append(period);
    }
    if (usagePointId != null) {
      prefix.append(" for usage point ").append(usagePointId);
    }
    return prefix.append(": ").toString();
  }

  /** Counts the points skipped while parsing one response, logged once. */
  private static final class Counts {
    int holes;
    int duplicates;
    int conflicts;

    void record(boolean identical) {
      if (identical) {
        duplicates++;
      } else {
        conflicts++;
      }
    }

    void log(String pointId, String unit) {
      if (holes > 0) {
        LOG.info("Usage point {}: skipped {} {} without a value", pointId, holes, unit);
      }
      if (duplicates > 0) {
        LOG.debug("Usage point {}: dropped {} exact duplicate {}", pointId, duplicates, unit);
      }
      if (conflicts > 0) {
        LOG.warn(
            "Usage point {}: {} {} repeat an earlier stamp with another value; kept the first",
            pointId,
            conflicts,
            unit);
      }
    }
  }
}
