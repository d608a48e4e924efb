package io.github.linkyj.domoticz;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A device inside {@link FakeDomoticz}, with its options and stored history. */
public final class FakeDevice {
  /** A calendar row: U1, U2, R1, R2, CONS, PROD in Wh, then counters C1..C4 (0 if not sent). */
  public record DayRow(long[] values) {
    /** Returns the four energy registers. */
    public P1Energy energy() {
      return new P1Energy(values[0], values[1], values[2], values[3]);
    }
  }

  final long idx;
  final String deviceId;
  String name;
  final long hardwareIdx;
  final int type;
  final int subType;
  String sValue;
  LocalDateTime lastUpdate;
  final Map<String, String> options = new LinkedHashMap<>();
  final NavigableMap<LocalDate, DayRow> dayRows = new TreeMap<>();
  final NavigableMap<LocalDateTime, long[]> shortLog = new TreeMap<>();

  FakeDevice(
      long idx,
      String deviceId,
      String name,
      long hardwareIdx,
      int type,
      int subType,
      String sValue,
      LocalDateTime created) {
    this.idx = idx;
    this.deviceId = deviceId;
    this.name = name;
    this.hardwareIdx = hardwareIdx;
    this.type = type;
    this.subType = subType;
    this.sValue = sValue;
    this.lastUpdate = created;
  }

  public long idx() {
    return idx;
  }

  public String name() {
    return name;
  }

  public long hardwareIdx() {
    return hardwareIdx;
  }

  /** Returns the sValue that the dashboard shows. */
  public String sValue() {
    return sValue;
  }

  /** Returns the options with their plain values, such as {@code AddDBLogEntry=true}. */
  public Map<String, String> options() {
    return Collections.unmodifiableMap(options);
  }

  /** Returns the calendar rows by date. */
  public NavigableMap<LocalDate, DayRow> dayRows() {
    return Collections.unmodifiableNavigableMap(dayRows);
  }

  /** Returns the short-log samples (U1, U2, R1, R2, CONS, PROD) by time. */
  public NavigableMap<LocalDateTime, long[]> shortLog() {
    return Collections.unmodifiableNavigableMap(shortLog);
  }

  boolean isP1() {
    return type == 250 && subType == 1;
  }

  boolean insertsHistory() {
    return "true".equals(options.get("AddDBLogEntry"));
  }
}
