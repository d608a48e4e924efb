package io.github.linkyj.domoticz;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A daily history row of a P1 device as Domoticz returns it in its week, month and year graphs.
 *
 * @param date the day, in the Domoticz server's local time
 * @param energy the energy of that day per register, in Wh
 */
public record StoredDayRow(LocalDate date, P1Energy energy) {
  /** Checks the fields. */
  public StoredDayRow {
    requireNonNull(date, "date");
    requireNonNull(energy, "energy");
  }
}
