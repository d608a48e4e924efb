package io.github.linkyj.domoticz;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Destination of a {@link LinkySync}: a Domoticz server ({@link DomoticzTarget}) or memory ({@link
 * RecordingTarget}).
 *
 * <p>A meter is named by its meter id: a usage point id, or {@code <C> / <P>} for a merged pair.
 * Call {@link #prepare} once, then {@link #prepareMeter} for a meter before writing to it.
 */
public interface SyncTarget {
  /**
   * Returns the key of the sync state file together with the hardware name: the Domoticz URL, or
   * another text that names the target.
   */
  String stateKey();

  /**
   * Finds or creates the hardware that owns the meters.
   *
   * @throws DomoticzException if the target rejects it
   */
  void prepare(String hardwareName) throws DomoticzException;

  /**
   * Finds or creates the P1 Smart Meter device of a meter, ready for history insertion.
   *
   * @param meterId the usage point id or merged id
   * @param deviceName the device name, such as {@code Linky 12345678901234}
   * @throws DomoticzException if the target rejects it
   * @throws IllegalStateException if {@link #prepare} was not called
   */
  void prepareMeter(String meterId, String deviceName) throws DomoticzException;

  /** Writes one hourly short-log point: the cumulative counters at {@code end}. */
  void writeShortLogPoint(String meterId, LocalDateTime end, P1Reading reading)
      throws DomoticzException;

  /** Writes the history row of one day; writing the same day again replaces it. */
  void writeDayRow(String meterId, LocalDate date, P1Energy energy) throws DomoticzException;

  /** Writes the undated value that the dashboard shows. */
  void writeCurrentValue(String meterId, P1Reading reading) throws DomoticzException;

  /** Adds a line to the target's log. */
  void log(String message, DomoticzLogLevel level) throws DomoticzException;

  /** Returns how many days of short log the target keeps. */
  int shortLogDays() throws DomoticzException;

  /**
   * Returns the days from {@code from} to {@code to}, both inclusive, that have a day row of the
   * meter. Days from today on are left out, because Domoticz shows a running value for today.
   *
   * @throws DomoticzException if the history cannot be read
   */
  Set<LocalDate> storedDays(String meterId, LocalDate from, LocalDate to) throws DomoticzException;

  /**
   * Reads back what was written and returns one line per row or point the target did not store.
   * Each line names the device and the date. The list is empty when everything is stored.
   *
   * @param meterId the meter
   * @param dayRows the day rows written in this cycle
   * @param shortLog the short-log points written in this cycle
   * @throws DomoticzException if the history cannot be read
   */
  List<String> verify(
      String meterId, Map<LocalDate, P1Energy> dayRows, Map<LocalDateTime, P1Reading> shortLog)
      throws DomoticzException;
}
