package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.ZonedDateTime;

/**
 * Energy of one clock hour {@code [start, start + 1 h)}, in watt-minutes, from the load-curve
 * intervals that start in that hour.
 */
public record HourEnergy(ZonedDateTime start, Registers energy) {
  /** Creates the value. */
  public HourEnergy {
    requireNonNull(start, "start");
    requireNonNull(energy, "energy");
  }

  /** Returns the end of the hour, the timestamp of its short-log point. */
  public ZonedDateTime end() {
    return start.plusHours(1);
  }
}
