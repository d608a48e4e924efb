package io.github.linkyj.examples.cli;

import com.squareup.moshi.JsonWriter;
import io.github.linkyj.core.DailyEnergy;
import io.github.linkyj.core.Energy;
import io.github.linkyj.core.IntervalReading;
import io.github.linkyj.core.MaxPowerReading;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;

/**
 * Prints metering series as CSV or JSON: one row per reading, or one row per day.
 *
 * <p>Energies are in Wh, exact to three decimals (a 10-minute step gives thirds of a Wh); powers in
 * W (load curve) or VA (maximum power). Times carry their UTC offset, so the repeated hour of the
 * autumn clock change stays unambiguous.
 */
final class MeteringWriter {
  private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final PrintWriter out;
  private final OutputFormat format;

  MeteringWriter(PrintWriter out, OutputFormat format) {
    this.out = out;
    this.format = format;
  }

  /** Returns {@code energy} in Wh as plain decimal text, such as {@code 1447} or {@code 723.5}. */
  static String wattHours(Energy energy) {
    return BigDecimal.valueOf(energy.wattMinutes())
        .divide(MINUTES_PER_HOUR, 3, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** Prints every reading of every series; CSV gets one block per row shape. */
  void readings(List<MeteringSeries> series) {
    List<Row> curves = new ArrayList<>();
    List<Row> days = new ArrayList<>();
    List<Row> powers = new ArrayList<>();
    for (MeteringSeries one : series) {
      String id = one.usagePointId();
      String kind = one.kind().enedisName();
      for (IntervalReading reading : one.intervals()) {
        curves.add(
            new Row(
                id,
                kind,
                TIME.format(reading.start()),
                TIME.format(reading.end()),
                Long.toString(reading.averagePower()),
                wattHours(reading.energy())));
      }
      for (DailyEnergy day : one.days()) {
        days.add(new Row(id, kind, day.date().toString(), wattHours(day.energy())));
      }
      for (MaxPowerReading power : one.maxPowers()) {
        powers.add(
            new Row(id, kind, TIME.format(power.time()), Long.toString(power.apparentPower())));
      }
    }
    List<Table> tables = new ArrayList<>();
    tables.add(
        new Table(
            List.of("usage_point_id", "kind", "start", "end", "average_power_w", "energy_wh"),
            curves));
    tables.add(new Table(List.of("usage_point_id", "kind", "date", "energy_wh"), days));
    tables.add(new Table(List.of("usage_point_id", "kind", "time", "max_power_va"), powers));
    print(tables);
  }

  /**
   * Prints day rows. The {@code usage_point_id} and {@code kind} columns appear only when the rows
   * come from more than one series.
   */
  void days(List<DayRow> rows, boolean split, boolean withCompleteness) {
    boolean several =
        rows.stream().map(r -> r.usagePointId() + " " + r.kind()).distinct().count() > 1;
    List<String> header = new ArrayList<>();
    if (several) {
      header.addAll(List.of("usage_point_id", "kind"));
    }
    header.addAll(List.of("date", "energy_wh"));
    if (split) {
      header.addAll(List.of("peak_wh", "off_peak_wh"));
    }
    if (withCompleteness) {
      header.add("complete");
    }
    List<Row> table = new ArrayList<>();
    for (DayRow row : rows) {
      List<String> cells = new ArrayList<>();
      if (several) {
        cells.addAll(List.of(row.usagePointId(), row.kind()));
      }
      cells.addAll(List.of(row.date().toString(), wattHours(row.energy())));
      if (split) {
        cells.add(row.offPeak() == null ? "" : wattHours(row.peak()));
        cells.add(row.offPeak() == null ? "" : wattHours(row.offPeak()));
      }
      if (withCompleteness) {
        cells.add(Boolean.toString(row.isComplete()));
      }
      table.add(new Row(cells));
    }
    print(List.of(new Table(header, table)));
  }

  private void print(List<Table> tables) {
    List<Table> filled = tables.stream().filter(t -> !t.rows().isEmpty()).toList();
    if (format == OutputFormat.JSON) {
      out.println(json(filled));
    } else {
      boolean first = true;
      for (Table table : filled) {
        if (!first) {
          out.println();
        }
        first = false;
        out.println(String.join(",", table.header()));
        for (Row row : table.rows()) {
          out.println(String.join(",", row.cells()));
        }
      }
    }
    out.flush();
  }

  /** Writes one JSON array of objects; number columns become JSON numbers. */
  private static String json(List<Table> tables) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setIndent("  ");
      writer.beginArray();
      for (Table table : tables) {
        for (Row row : table.rows()) {
          writer.beginObject();
          for (int i = 0; i < table.header().size(); i++) {
            writer.name(table.header().get(i));
            writeValue(writer, table.header().get(i), row.cells().get(i));
          }
          writer.endObject();
        }
      }
      writer.endArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private static void writeValue(JsonWriter writer, String column, String cell) throws IOException {
    if (cell.isEmpty()) {
      writer.nullValue();
    } else if (column.endsWith("_wh") || column.endsWith("_w") || column.endsWith("_va")) {
      writer.value(new BigDecimal(cell));
    } else if (column.equals("complete")) {
      writer.value(Boolean.parseBoolean(cell));
    } else {
      writer.value(cell);
    }
  }

  private record Table(List<String> header, List<Row> rows) {}

  private record Row(List<String> cells) {
    Row(String... cells) {
      this(List.of(cells));
    }
  }
}
