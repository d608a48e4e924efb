package io.github.linkyj.core;

import static java.util.Objects.requireNonNull;

import io.github.linkyj.core.internal.ReadingParser;
import java.time.ZoneId;

/**
 * Parses the JSON text of an Enedis metering response, such as a stored {@code
 * <kind>_<start>_<end>.json} file, into typed readings.
 *
 * <p>Accepts the Enedis v4 and v5 shape {@code {"meter_reading": {...}}} and the gateway shape with
 * the same members at the top level. Values may be JSON strings ({@code "540"}) or numbers. For
 * load curves, a point's {@code date} is the local end of its interval; each point keeps its own
 * {@code interval_length}, which may change inside one response; the autumn repeated hour is
 * resolved by order; points without a value are holes and are skipped; exact duplicates are
 * dropped.
 *
 * <p>Example:
 *
 * <pre>{@code
 * String json = Files.readString(Path.of("consumption_load_curve_2020-12-02_2020-12-09.json"));
 * MeteringKind kind = MeteringKind.ofFileName("consumption_load_curve_2020-12-02_2020-12-09.json")
 *     .orElseThrow();
 * MeteringData data = MeteringParser.parse(kind, json);
 * SortedMap<LocalDate, DayTotal> days = LoadCurves.totalsByDay(data.intervals());
 * }</pre>
 */
public final class MeteringParser {
  /** The zone of every naive Enedis time stamp. */
  public static final ZoneId ENEDIS_ZONE = ZoneId.of("Europe/Paris");

  private MeteringParser() {}

  /**
   * Parses {@code json} as a response of {@code kind}, reading stamps in Europe/Paris.
   *
   * @throws InvalidResponseException if the text is not JSON or not a metering response, or if a
   *     date, value or interval length cannot be read. The message names the member.
   */
  public static MeteringData parse(MeteringKind kind, String json) throws InvalidResponseException {
    return parse(kind, json, ENEDIS_ZONE);
  }

  /** Parses {@code json} as a response of {@code kind}, reading naive stamps in {@code zone}. */
  public static MeteringData parse(MeteringKind kind, String json, ZoneId zone)
      throws InvalidResponseException {
    requireNonNull(kind, "kind");
    requireNonNull(json, "json");
    requireNonNull(zone, "zone");
    return new ReadingParser(zone, null, null).parse(kind, json);
  }
}
