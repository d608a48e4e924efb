package io.github.linkyj.core.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code interval_reading} element. Load-curve points carry an interval length and a measure
 * type; daily and max-power points carry neither.
 *
 * @param value the value as Enedis sends it: a string, or a number in recorded files that had one
 * @param date {@code YYYY-MM-DD} or {@code YYYY-MM-DD HH:MM:SS}, local time in Europe/Paris
 * @param intervalLength such as {@code PT30M}, or null
 * @param measureType such as {@code B}, or null
 */
record Reading(Object value, String date, String intervalLength, String measureType) {

  static Reading daily(long value, String date) {
    return new Reading(Long.toString(value), date, null, null);
  }

  static Reading curve(long value, String date, String intervalLength) {
    return new Reading(Long.toString(value), date, intervalLength, "B");
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("value", value);
    json.put("date", date);
    if (intervalLength != null) {
      json.put("interval_length", intervalLength);
    }
    if (measureType != null) {
      json.put("measure_type", measureType);
    }
    return json;
  }
}
