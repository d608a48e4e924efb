package io.github.linkyj.domoticz;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SyncTarget} that writes to a Domoticz server through a {@link DomoticzClient}.
 *
 * <p>Devices are found again by hardware and name, so a restart reuses them. Thread-safe as far as
 * the client is.
 */
public final class DomoticzTarget implements SyncTarget {
  private static final Logger LOG = LoggerFactory.getLogger(DomoticzTarget.class);

  private final DomoticzClient client;
  private final Map<String, P1Device> devices = new ConcurrentHashMap<>();
  private volatile DomoticzHardware hardware;
  // The short-log retention read in this cycle, or null before the first read.
  private volatile Integer shortLogDays;
  private volatile boolean skipLogged;

  /** Creates a target that writes through {@code client}. */
  public DomoticzTarget(DomoticzClient client) {
    this.client = requireNonNull(client, "client");
  }

  /** Returns the client. */
  public DomoticzClient client() {
    return client;
  }

  @Override
  public String stateKey() {
    return client.baseUrl();
  }

  @Override
  public void prepare(String hardwareName) throws DomoticzException {
    requireNonNull(hardwareName, "hardwareName");
    client.version();
    hardware = client.findOrCreateHardware(hardwareName);
    shortLogDays = null;
    skipLogged = false;
  }

  @Override
  public void prepareMeter(String meterId, String deviceName) throws DomoticzException {
    requireNonNull(meterId, "meterId");
    requireNonNull(deviceName, "deviceName");
    if (hardware == null) {
      throw new IllegalStateException("Call prepare(hardwareName) before prepareMeter");
    }
    devices.put(meterId, client.findOrCreateP1Device(hardware, deviceName));
  }

  /** Returns the device of a prepared meter. */
  public P1Device device(String meterId) {
    P1Device device = devices.get(requireNonNull(meterId, "meterId"));
    if (device == null) {
      throw new IllegalStateException(
          "Unknown meter " + meterId + ": call prepareMeter before writing to it");
    }
    return device;
  }

  /**
   * Writes a short-log point, unless it ends before the short-log retention of Domoticz (Setup &gt;
   * Settings &gt; Log History &gt; Short Log Sensors). Domoticz deletes such a point within one
   * short-log interval, so sending it would cost a call and store nothing. The retention is read
   * once per cycle, at the first point after {@link #prepare}, unless {@link #shortLogDays()}
   * already read it.
   */
  @Override
  public void writeShortLogPoint(String meterId, LocalDateTime end, P1Reading reading)
      throws DomoticzException {
    P1Device device = device(meterId);
    LocalDateTime oldestKept = LocalDateTime.now(client.clock()).minusDays(retention());
    if (end.isBefore(oldestKept)) {
      if (!skipLogged) {
        skipLogged = true;
        LOG.debug(
            "Not writing short-log points of {} that end before {}: Domoticz keeps {} day(s)",
            meterId,
            oldestKept,
            retention());
      }
      return;
    }
    client.writeShortLogPoint(device, end, reading);
  }

  private int retention() throws DomoticzException {
    Integer days = shortLogDays;
    if (days == null) {
      days = client.shortLogDays();
      shortLogDays = days;
    }
    return days;
  }

  @Override
  public void writeDayRow(String meterId, LocalDate date, P1Energy energy)
      throws DomoticzException {
    client.writeDayRow(device(meterId), date, energy);
  }

  @Override
  public void writeCurrentValue(String meterId, P1Reading reading) throws DomoticzException {
    client.writeCurrentValue(device(meterId), reading);
  }

  @Override
  public void log(String message, DomoticzLogLevel level) throws DomoticzException {
    client.addLogMessage(message, level);
  }

  @Override
  public int shortLogDays() throws DomoticzException {
    int days = client.shortLogDays();
    shortLogDays = days;
    return days;
  }

  @Override
  public Set<LocalDate> storedDays(String meterId, LocalDate from, LocalDate to)
      throws DomoticzException {
    Set<LocalDate> days = new TreeSet<>();
    client.readDayRows(device(meterId), from, to).forEach(row -> days.add(row.date()));
    return days;
  }

  @Override
  public List<String> verify(
      String meterId, Map<LocalDate, P1Energy> dayRows, Map<LocalDateTime, P1Reading> shortLog)
      throws DomoticzException {
    P1Device device = device(meterId);
    List<String> problems = new ArrayList<>();
    if (!dayRows.isEmpty()) {
      try {
        client.verifyDayRows(device, dayRows);
      } catch (DomoticzHistoryException e) {
        problems.add(e.getMessage());
      }
    }
    if (!shortLog.isEmpty()) {
      try {
        client.verifyShortLog(device, shortLog);
      } catch (DomoticzHistoryException e) {
        problems.add(e.getMessage());
      }
    }
    return problems;
  }

  @Override
  public String toString() {
    return "DomoticzTarget[" + client + "]";
  }
}
