package io.github.linkyj.domoticz;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link SyncTarget} that keeps everything in memory: the devices, the day rows, the short-log
 * points, the dashboard values and the log messages. Use it for a dry run, or to show what a sync
 * would write without a Domoticz server. Thread-safe: every method is synchronized.
 */
public final class RecordingTarget implements SyncTarget {
  /** A log message and its level. */
  public record LogEntry(DomoticzLogLevel level, String message) {
    /** Checks the fields. */
    public LogEntry {
      requireNonNull(level, "level");
      requireNonNull(message, "message");
    }
  }

  private final String stateKey;
  private final int shortLogDays;
  private String hardwareName;
  private final Map<String, String> devices = new LinkedHashMap<>();
  private final Map<String, SortedMap<LocalDate, P1Energy>> dayRows = new LinkedHashMap<>();
  private final Map<String, Map<LocalDate, Integer>> dayRowWrites = new LinkedHashMap<>();
  private final Map<String, SortedMap<LocalDateTime, P1Reading>> shortLog = new LinkedHashMap<>();
  private final Map<String, P1Reading> currentValues = new LinkedHashMap<>();
  private final List<LogEntry> messages = new ArrayList<>();

  /** Creates an empty target named {@code memory:} that keeps 7 days of short log. */
  public RecordingTarget() {
    this("memory:", 7);
  }

  /**
   * Creates an empty target.
   *
   * @param stateKey the key of the sync state file, such as {@code memory:demo}
   * @param shortLogDays the short-log days it reports, 1 to 7 like Domoticz
   */
  public RecordingTarget(String stateKey, int shortLogDays) {
    this.stateKey = requireNonNull(stateKey, "stateKey");
    if (shortLogDays < 1) {
      throw new IllegalArgumentException(
          "Invalid short-log days " + shortLogDays + ": expected 1 or more");
    }
    this.shortLogDays = shortLogDays;
  }

  @Override
  public String stateKey() {
    return stateKey;
  }

  @Override
  public synchronized void prepare(String hardwareName) {
    this.hardwareName = requireNonNull(hardwareName, "hardwareName");
  }

  @Override
  public synchronized void prepareMeter(String meterId, String deviceName) {
    requireNonNull(meterId, "meterId");
    requireNonNull(deviceName, "deviceName");
    if (hardwareName == null) {
      throw new IllegalStateException("Call prepare(hardwareName) before prepareMeter");
    }
    devices.put(meterId, deviceName);
  }

  private void checkMeter(String meterId) {
    if (!devices.containsKey(requireNonNull(meterId, "meterId"))) {
      throw new IllegalStateException(
          "Unknown meter " + meterId + ": call prepareMeter before writing to it");
    }
  }

  @Override
  public synchronized void writeShortLogPoint(
      String meterId, LocalDateTime end, P1Reading reading) {
    checkMeter(meterId);
    requireNonNull(end, "end");
    requireNonNull(reading, "reading");
    shortLog.computeIfAbsent(meterId, k -> new TreeMap<>()).put(end, reading);
  }

  @Override
  public synchronized void writeDayRow(String meterId, LocalDate date, P1Energy energy) {
    checkMeter(meterId);
    requireNonNull(date, "date");
    requireNonNull(energy, "energy");
    dayRows.computeIfAbsent(meterId, k -> new TreeMap<>()).put(date, energy);
    dayRowWrites.computeIfAbsent(meterId, k -> new TreeMap<>()).merge(date, 1, Integer::sum);
  }

  @Override
  public synchronized void writeCurrentValue(String meterId, P1Reading reading) {
    checkMeter(meterId);
    currentValues.put(meterId, requireNonNull(reading, "reading"));
  }

  @Override
  public synchronized void log(String message, DomoticzLogLevel level) {
    messages.add(new LogEntry(level, message));
  }

  @Override
  public int shortLogDays() {
    return shortLogDays;
  }

  /** Returns the days of the rows in memory. The sync writes no row for today or later. */
  @Override
  public synchronized Set<LocalDate> storedDays(String meterId, LocalDate from, LocalDate to) {
    checkMeter(meterId);
    return new TreeSet<>(
        dayRows.getOrDefault(meterId, new TreeMap<>()).subMap(from, to.plusDays(1)).keySet());
  }

  /** Returns no problem: memory stores every row. */
  @Override
  public List<String> verify(
      String meterId, Map<LocalDate, P1Energy> dayRows, Map<LocalDateTime, P1Reading> shortLog) {
    checkMeter(meterId);
    return List.of();
  }

  /** Returns the hardware name given to {@link #prepare}, empty before. */
  public synchronized Optional<String> hardwareName() {
    return Optional.ofNullable(hardwareName);
  }

  /** Returns the device name of each meter id, in creation order. */
  public synchronized Map<String, String> devices() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(devices));
  }

  /** Returns the day rows of a meter in date order; empty for an unknown meter. */
  public synchronized SortedMap<LocalDate, P1Energy> dayRows(String meterId) {
    return Collections.unmodifiableSortedMap(
        new TreeMap<>(dayRows.getOrDefault(meterId, new TreeMap<>())));
  }

  /** Returns how many times each day row of a meter was written. */
  public synchronized Map<LocalDate, Integer> dayRowWrites(String meterId) {
    return Collections.unmodifiableMap(
        new TreeMap<>(dayRowWrites.getOrDefault(meterId, new TreeMap<>())));
  }

  /** Returns the short-log points of a meter in time order; empty for an unknown meter. */
  public synchronized SortedMap<LocalDateTime, P1Reading> shortLog(String meterId) {
    return Collections.unmodifiableSortedMap(
        new TreeMap<>(shortLog.getOrDefault(meterId, new TreeMap<>())));
  }

  /** Returns the last dashboard value of a meter. */
  public synchronized Optional<P1Reading> currentValue(String meterId) {
    return Optional.ofNullable(currentValues.get(meterId));
  }

  /** Returns the log messages in order. */
  public synchronized List<LogEntry> messages() {
    return List.copyOf(messages);
  }

  @Override
  public synchronized String toString() {
    return "RecordingTarget[" + stateKey + ", " + devices.size() + " devices]";
  }
}
