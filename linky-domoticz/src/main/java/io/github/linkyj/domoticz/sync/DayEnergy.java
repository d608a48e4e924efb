package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * Energy of one local day for one usage point, before rounding.
 *
 * @param day the local day; it contains the intervals that start on it
 * @param energy the day's energy per register, watt-minutes
 * @param tariffMinutes the minutes of load curve per register: peak and off-peak minutes of the
 *     consumption intervals, then of the production intervals; 0 for a day from daily values
 * @param hours the hours with load-curve data, in time order; empty for a day from daily values
 * @param consumption where the consumption comes from
 * @param production where the production comes from
 */
public record DayEnergy(
    LocalDate day,
    Registers energy,
    Registers tariffMinutes,
    List<HourEnergy> hours,
    DaySource consumption,
    DaySource production) {
  /** Creates the value. */
  public DayEnergy {
    requireNonNull(day, "day");
    requireNonNull(energy, "energy");
    requireNonNull(tariffMinutes, "tariffMinutes");
    hours = List.copyOf(hours);
    requireNonNull(consumption, "consumption");
    requireNonNull(production, "production");
  }

  /** Returns the source of {@code direction}. */
  public DaySource source(Direction direction) {
    return direction == Direction.CONSUMPTION ? consumption : production;
  }
}
