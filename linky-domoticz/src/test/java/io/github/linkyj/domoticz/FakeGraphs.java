package io.github.linkyj.domoticz;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import okhttp3.mockwebserver.MockResponse;

/**
 * The graph and device-list responses of {@link FakeDomoticz}, in the shape Domoticz 2025.1 uses.
 */
final class FakeGraphs {
  private static final DateTimeFormatter GRAPH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private FakeGraphs() {}

  static MockResponse graph(FakeDevice device, Map<String, String> query, LocalDate today) {
    String range = query.get("range");
    if (device == null || range == null || !"counter".equals(query.get("sensor"))) {
      return Recorded.of("graph-missing-range-err.json").toResponse();
    }
    Map<String, Object> body = header(device, range);
    List<Object> result;
    switch (range) {
      case "day":
        result = dayRows(device);
        break;
      case "week":
        result = calendarRows(device, today.minusDays(7), today, today, false);
        break;
      case "month":
      case "year":
        LocalDate[] window = window(range, query, today);
        result = calendarRows(device, window[0], window[1], today, true);
        break;
      default:
        return Recorded.of("graph-missing-range-err.json").toResponse();
    }
    if (!result.isEmpty()) {
      body.put("result", result);
    }
    return FakeDomoticz.json(body);
  }

  private static Map<String, Object> header(FakeDevice device, String range) {
    String template =
        range.equals("day")
            ? "graph-counter-p1-day-empty.json"
            : "graph-counter-p1-month-empty.json";
    Map<String, Object> body = Recorded.of(template).bodyJson();
    long[] current = currentValue(device);
    body.put("CounterT1", kWh(current[0]));
    body.put("CounterT2", kWh(current[1]));
    body.put("CounterR1", kWh(current[2]));
    body.put("CounterR2", kWh(current[3]));
    body.put("title", "Graph counter " + range);
    return body;
  }

  /**
   * Returns the window of a month or year graph. With {@code actmonth}/{@code actyear} it runs from
   * the first day to the first day of the next period, both included, as the recording of {@code
   * actmonth=11} shows; without, it ends today.
   */
  private static LocalDate[] window(String range, Map<String, String> query, LocalDate today) {
    Long year = FakeDomoticz.longOrNull(query.get("actyear"));
    Long month = FakeDomoticz.longOrNull(query.get("actmonth"));
    if (range.equals("month") && year != null && month != null) {
      LocalDate start = LocalDate.of(year.intValue(), month.intValue(), 1);
      return new LocalDate[] {start, start.plusMonths(1)};
    }
    if (range.equals("year") && year != null) {
      // NOTE: the year window with actyear was not probed with older data; assumed like months.
      LocalDate start = LocalDate.of(year.intValue(), 1, 1);
      return new LocalDate[] {start, start.plusYears(1)};
    }
    return new LocalDate[] {
      range.equals("month") ? today.minusMonths(1) : today.minusYears(1), today
    };
  }

  private static List<Object> calendarRows(
      FakeDevice device, LocalDate start, LocalDate end, LocalDate today, boolean counters) {
    List<Object> rows = new ArrayList<>();
    device
        .dayRows
        .subMap(start, true, end, true)
        .forEach(
            (date, row) -> {
              long[] v = row.values();
              Map<String, Object> json = new TreeMap<>();
              json.put("d", date.toString());
              json.put("p", "0.0000");
              json.put("v1", kWh(v[0]));
              json.put("v2", kWh(v[1]));
              json.put("r1", kWh(v[2]));
              json.put("r2", kWh(v[3]));
              if (counters) {
                // Counters come in the order U1, R1, U2, R2, as start-of-day readings.
                json.put("c1", v[6] == 0 ? "0" : kWh(v[6] - v[0]));
                json.put("c2", v[7] == 0 ? "0" : kWh(v[7] - v[2]));
                json.put("c3", v[8] == 0 ? "0" : kWh(v[8] - v[1]));
                json.put("c4", v[9] == 0 ? "0" : kWh(v[9] - v[3]));
              }
              rows.add(json);
            });
    LocalDate syntheticDate = end.isBefore(today) ? end : today;
    NavigableMap<LocalDateTime, long[]> samples =
        device.shortLog.tailMap(syntheticDate.atStartOfDay(), true);
    if (!samples.isEmpty()) {
      rows.add(syntheticRow(syntheticDate, samples, counters));
    }
    return rows;
  }

  /** Returns the row that Domoticz works out from the short log: last minus first sample. */
  private static Map<String, Object> syntheticRow(
      LocalDate date, NavigableMap<LocalDateTime, long[]> samples, boolean counters) {
    long[] first = samples.firstEntry().getValue();
    long[] last = samples.lastEntry().getValue();
    Map<String, Object> json = new TreeMap<>();
    json.put("d", date.toString());
    json.put("p", "0.0000");
    json.put("v1", kWh(last[0] - first[0]));
    json.put("v2", kWh(last[1] - first[1]));
    json.put("r1", kWh(last[2] - first[2]));
    json.put("r2", kWh(last[3] - first[3]));
    if (counters) {
      json.put("c1", kWh(first[0]));
      json.put("c2", kWh(first[2]));
      json.put("c3", kWh(first[1]));
      json.put("c4", kWh(first[3]));
    }
    return json;
  }

  /**
   * Returns the day graph: average power in W over each interval since the previous sample, the
   * oldest sample being only the start of the first interval, and returns as negative numbers.
   */
  private static List<Object> dayRows(FakeDevice device) {
    List<Object> rows = new ArrayList<>();
    LocalDateTime previousTime = null;
    long[] previous = null;
    long[] dayStart = null;
    for (Map.Entry<LocalDateTime, long[]> sample : device.shortLog.entrySet()) {
      LocalDateTime time = sample.getKey();
      long[] v = sample.getValue();
      if (previous != null) {
        long seconds = java.time.Duration.between(previousTime, time).getSeconds();
        long factor = 3600 / Math.max(1, seconds);
        if (dayStart == null || !time.toLocalDate().equals(previousTime.toLocalDate())) {
          dayStart = previous;
        }
        Map<String, Object> json = new TreeMap<>();
        json.put("d", time.format(GRAPH_TIME));
        json.put("v1", Long.toString((v[0] - previous[0]) * factor));
        json.put("v2", Long.toString((v[1] - previous[1]) * factor));
        json.put("r1", Long.toString(-(v[2] - previous[2]) * factor));
        json.put("r2", Long.toString(-(v[3] - previous[3]) * factor));
        json.put("eu", Long.toString(v[0] + v[1] - dayStart[0] - dayStart[1]));
        rows.add(json);
      }
      previousTime = time;
      previous = v;
    }
    return rows;
  }

  static Map<String, Object> deviceJson(FakeDevice device, String hardwareName) {
    Map<String, Object> json = new TreeMap<>();
    json.put("idx", Long.toString(device.idx));
    json.put("ID", device.deviceId);
    json.put("Name", device.name);
    json.put("HardwareID", device.hardwareIdx);
    json.put("HardwareName", hardwareName);
    json.put("HardwareTypeVal", 15);
    json.put(
        "LastUpdate", device.lastUpdate.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
    json.put("Used", 1);
    json.put("Unit", 1);

    if (!device.isP1()) {
      json.put("Type", "General");
      json.put("SubType", "Managed Counter");
      json.put("Data", device.sValue);
      return json;
    }
    json.put("Type", "P1 Smart Meter");
    json.put("SubType", "Energy");

    String[] fields = device.sValue.split(";", -1);
    if (fields.length != 6) {
      json.put("Data", "Invalid!: " + device.sValue);
      json.put("Counter", "0");
      json.put("CounterDeliv", "0");
      json.put("Usage", "Invalid");
      return json;
    }

    long[] v = currentValue(device);
    json.put("Data", device.sValue);
    json.put("Counter", kWh(v[0] + v[1]));
    json.put("CounterDeliv", kWh(v[2] + v[3]));
    json.put("Usage", v[4] + " Watt");
    json.put("UsageDeliv", v[5] + " Watt");
    return json;
  }

  private static long[] currentValue(FakeDevice device) {
    String[] fields = device.sValue.split(";", -1);
    long[] values = new long[6];
    for (int i = 0; i < 6 && i < fields.length && fields.length == 6; i++) {
      values[i] = (long) Double.parseDouble(fields[i]);
    }
    return values;
  }

  private static String kWh(long wh) {
    return String.format(Locale.ROOT, "%.3f", wh / 1000.0);
  }
}
