package io.github.linkyj.domoticz;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Parsing of Domoticz's counter graphs and comparison of written and stored history. */
final class History {
  static final DateTimeFormatter SHORT_LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter GRAPH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private History() {}

  /**
   * Returns the calendar rows of a year graph that lie in {@code year} and before {@code today}.
   * Domoticz ends each week, month and year graph with a row worked out from the short log, dated
   * today or the day after the window, and may list the day after the window twice. Those rows are
   * not stored day rows, so they are left out. A repeated date keeps its first row.
   */
  static List<StoredDayRow> dayRows(Dtos.Graph graph, int year, LocalDate today)
      throws DomoticzException {
    NavigableMap<LocalDate, StoredDayRow> rows = new TreeMap<>();
    if (graph.result == null) {
      return List.of();
    }
    for (Dtos.GraphRow row : graph.result) {
      LocalDate date = parseDate(row.d);
      if (date.getYear() == year && date.isBefore(today) && !rows.containsKey(date)) {
        rows.put(date, new StoredDayRow(date, energy(row)));
      }
    }
    return new ArrayList<>(rows.values());
  }

  static List<StoredShortLogPoint> shortLog(Dtos.Graph graph) throws DomoticzException {
    List<StoredShortLogPoint> points = new ArrayList<>();
    if (graph.result == null) {
      return points;
    }
    for (Dtos.GraphRow row : graph.result) {
      points.add(
          new StoredShortLogPoint(
              parseTime(row.d),
              whole(first(row.v1, row.v), 0),
              whole(row.v2, 0),
              Math.abs(whole(row.r1, 0)),
              Math.abs(whole(row.r2, 0))));
    }
    return points;
  }

  /** Returns one line per written day row that is missing or different in {@code stored}. */
  static List<String> compareDays(Map<LocalDate, P1Energy> written, List<StoredDayRow> stored) {
    Map<LocalDate, P1Energy> byDate = new TreeMap<>();
    stored.forEach(row -> byDate.put(row.date(), row.energy()));
    List<String> problems = new ArrayList<>();
    new TreeMap<>(written)
        .forEach(
            (date, energy) -> {
              P1Energy found = byDate.get(date);
              if (found == null) {
                problems.add(date + " missing");
              } else if (!found.equals(energy)) {
                problems.add(
                    date
                        + " stored "
                        + found.toSValueFields()
                        + " instead of "
                        + energy.toSValueFields());
              }
            });
    return problems;
  }

  private static P1Energy energy(Dtos.GraphRow row) throws DomoticzException {
    return new P1Energy(
        kilowattHoursToWh(first(row.v1, row.v), row.d),
        kilowattHoursToWh(row.v2, row.d),
        Math.abs(kilowattHoursToWh(row.r1, row.d)),
        Math.abs(kilowattHoursToWh(row.r2, row.d)));
  }

  private static String first(String preferred, String fallback) {
    return preferred != null ? preferred : fallback;
  }

  /** Converts a {@code "8.804"} kWh text with three decimals to whole Wh. */
  private static long kilowattHoursToWh(String kWh, String date) throws DomoticzException {
    if (kWh == null) {
      return 0;
    }
    try {
      return new BigDecimal(kWh)
          .movePointRight(3)
          .setScale(0, RoundingMode.HALF_UP)
          .longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new DomoticzException(
          "Invalid energy '" + kWh + "' in Domoticz's graph row " + date + ": expected kWh", e);
    }
  }

  private static long whole(String number, long fallback) throws DomoticzException {
    if (number == null) {
      return fallback;
    }
    try {
      return new BigDecimal(number).setScale(0, RoundingMode.HALF_UP).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new DomoticzException(
          "Invalid number '" + number + "' in Domoticz's graph: expected watts", e);
    }
  }

  private static LocalDate parseDate(String text) throws DomoticzException {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new DomoticzException(
          "Invalid date '" + text + "' in Domoticz's graph: expected yyyy-MM-dd", e);
    }
  }

  private static LocalDateTime parseTime(String text) throws DomoticzException {
    try {
      return LocalDateTime.parse(text, GRAPH_TIME);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new DomoticzException(
          "Invalid time '" + text + "' in Domoticz's day graph: expected yyyy-MM-dd HH:mm", e);
    }
  }
}
