package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Summary of one written day of a usage point, kept in the sync state, enough to compose the
 * dashboard and merge usage points without fetching the day again.
 *
 * @param day the local day
 * @param energy the day's energy per register, watt-minutes
 * @param maxHourEnergy the largest energy of one hour per register, watt-minutes; 0 without hourly
 *     detail
 * @param tariffMinutes the load-curve minutes per register (see {@link DayEnergy})
 * @param consumption where the consumption comes from
 * @param production where the production comes from
 * @param peak the day's maximum consumption power, if known
 * @param shortLogWattHours how far the day's short-log points moved the counters, Wh
 */
public record DayStatistics(
    LocalDate day,
    Registers energy,
    Registers maxHourEnergy,
    Registers tariffMinutes,
    DaySource consumption,
    DaySource production,
    Optional<DailyPeak> peak,
    Registers shortLogWattHours) {
  /** Creates the value. */
  public DayStatistics {
    requireNonNull(day, "day");
    requireNonNull(energy, "energy");
    requireNonNull(maxHourEnergy, "maxHourEnergy");
    requireNonNull(tariffMinutes, "tariffMinutes");
    requireNonNull(consumption, "consumption");
    requireNonNull(production, "production");
    requireNonNull(peak, "peak");
    requireNonNull(shortLogWattHours, "shortLogWattHours");
  }

  /** Returns the statistics of {@code day}, without peak and short log. */
  public static DayStatistics of(DayEnergy day) {
    long[] max = new long[4];
    for (HourEnergy hour : day.hours()) {
      long[] energy = hour.energy().toArray();
      for (int i = 0; i < 4; i++) {
        max[i] = Math.max(max[i], energy[i]);
      }
    }
    return new DayStatistics(
        day.day(),
        day.energy(),
        Registers.of(max),
        day.tariffMinutes(),
        day.consumption(),
        day.production(),
        Optional.empty(),
        Registers.ZERO);
  }

  /** Returns a day that has only a maximum power reading. */
  public static DayStatistics ofPeak(DailyPeak peak) {
    return new DayStatistics(
        peak.time().toLocalDate(),
        Registers.ZERO,
        Registers.ZERO,
        Registers.ZERO,
        DaySource.NONE,
        DaySource.NONE,
        Optional.of(peak),
        Registers.ZERO);
  }

  /** Returns a copy with the day's maximum power. */
  public DayStatistics withPeak(DailyPeak dailyPeak) {
    LocalDateTime time = dailyPeak.time();
    if (!time.toLocalDate().equals(day)) {
      throw new IllegalArgumentException(
          "Invalid maximum power at " + time + " for the day " + day + ": the dates differ");
    }
    return new DayStatistics(
        day,
        energy,
        maxHourEnergy,
        tariffMinutes,
        consumption,
        production,
        Optional.of(dailyPeak),
        shortLogWattHours);
  }

  /** Returns a copy with the energies of {@code other}, keeping this day's peak. */
  public DayStatistics withEnergyOf(DayStatistics other) {
    return new DayStatistics(
        day,
        other.energy,
        other.maxHourEnergy,
        other.tariffMinutes,
        other.consumption,
        other.production,
        peak.isPresent() ? peak : other.peak,
        other.shortLogWattHours);
  }

  /** Returns a copy with the short-log movement of the day, Wh. */
  public DayStatistics withShortLog(Registers wattHours) {
    return new DayStatistics(
        day, energy, maxHourEnergy, tariffMinutes, consumption, production, peak, wattHours);
  }

  /** Returns the source of {@code direction}. */
  public DaySource source(Direction direction) {
    return direction == Direction.CONSUMPTION ? consumption : production;
  }

  /** Returns whether the day's energy is final in both directions that have data. */
  public boolean isComplete() {
    boolean any = consumption != DaySource.NONE || production != DaySource.NONE;
    boolean consumptionOk = consumption == DaySource.NONE || consumption.isComplete();
    boolean productionOk = production == DaySource.NONE || production.isComplete();
    return any && consumptionOk && productionOk;
  }
}
