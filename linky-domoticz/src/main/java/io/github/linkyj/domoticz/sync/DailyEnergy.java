package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * Energy of one local day from an Enedis daily endpoint.
 *
 * @param day the local day
 * @param wattHours the day's energy, Wh, not negative
 */
public record DailyEnergy(LocalDate day, long wattHours) {
  /** Creates the value; a negative energy raises {@link IllegalArgumentException}. */
  public DailyEnergy {
    requireNonNull(day, "day");
    if (wattHours < 0) {
      throw new IllegalArgumentException(
          "Invalid daily energy " + wattHours + " Wh on " + day + ": expected 0 or more");
    }
  }
}
