package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A short end-to-end run against a Domoticz server: creates a hardware and a P1 device, writes day
 * rows, short-log points and the current value, reads them back and compares. It runs against a
 * live Domoticz in {@link LiveDomoticzTest} and against {@link FakeDomoticz} in unit tests.
 */
final class LiveScenario {
  static final String USAGE_POINT = "11111111111111";

  private LiveScenario() {}

  /** Runs the scenario on the hardware {@code hardwareName} and returns the device it used. */
  static P1Device run(DomoticzClient client, Clock clock, String hardwareName) throws Exception {
    DomoticzHardware hardware = client.findOrCreateHardware(hardwareName);
    P1Device device = client.findOrCreateP1Device(hardware, P1Device.nameFor(USAGE_POINT));
    assertThat(client.findOrCreateP1Device(hardware, device.name())).isEqualTo(device);

    Map<LocalDate, P1Energy> days = dayRows(LocalDate.now(clock));
    for (Map.Entry<LocalDate, P1Energy> day : days.entrySet()) {
      client.writeDayRow(device, day.getKey(), day.getValue());
    }
    Map<LocalDateTime, P1Reading> points = shortLog(LocalDateTime.now(clock));
    for (Map.Entry<LocalDateTime, P1Reading> point : points.entrySet()) {
      client.writeShortLogPoint(device, point.getKey(), point.getValue());
    }
    P1Reading last = ((TreeMap<LocalDateTime, P1Reading>) points).lastEntry().getValue();
    client.writeCurrentValue(device, last);

    client.verifyDayRows(device, days);
    client.verifyShortLog(device, points);
    List<StoredDayRow> stored =
        client.readDayRows(
            device, days.keySet().iterator().next(), LocalDate.now(clock).minusDays(1));
    assertThat(stored).hasSize(days.size());
    assertThat(stored.get(0).energy()).isEqualTo(days.values().iterator().next());
    assertThat(client.readShortLog(device)).hasSize(points.size() - 1);
    assertThat(client.shortLogDays()).isBetween(1, 7);
    client.addLogMessage("Linky for Java: test run on " + hardwareName, DomoticzLogLevel.STATUS);
    return device;
  }

  /** Returns five day rows ending yesterday, with a big value and zeros among them. */
  static Map<LocalDate, P1Energy> dayRows(LocalDate today) {
    Map<LocalDate, P1Energy> days = new TreeMap<>();
    days.put(today.minusDays(5), new P1Energy(8804, 12331, 0, 0));
    days.put(today.minusDays(4), new P1Energy(10176, 14173, 672, 793));
    days.put(today.minusDays(3), new P1Energy(0, 0, 0, 0));
    days.put(today.minusDays(2), new P1Energy(12345678901L, 1, 2, 3));
    days.put(today.minusDays(1), new P1Energy(7181, 10293, 165, 176));
    return days;
  }

  /** Returns six hourly points of cumulative counters, ending at the last full hour. */
  static Map<LocalDateTime, P1Reading> shortLog(LocalDateTime now) {
    Map<LocalDateTime, P1Reading> points = new TreeMap<>();
    LocalDateTime lastHour = now.truncatedTo(ChronoUnit.HOURS);
    P1Energy counters = new P1Energy(8123456, 11234567, 102345, 1534210);
    for (int hour = 5; hour >= 0; hour--) {
      counters = counters.plus(new P1Energy(400, 300 + hour, 0, hour * 10));
      points.put(lastHour.minusHours(hour), new P1Reading(counters, 700, hour * 10));
    }
    return points;
  }
}
