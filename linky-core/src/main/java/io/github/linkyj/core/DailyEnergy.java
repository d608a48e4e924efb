package io.github.linkyj.core;

import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * The energy of one local day from a daily series ({@code daily_consumption} or {@code
 * daily_production}), as Enedis computes it from the meter index.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class DailyEnergy {

  /** Returns the local day. */
  public abstract LocalDate date();

  /** Returns the energy of the day. */
  public abstract Energy energy();

  /** Returns the energy of {@code date}. */
  public static DailyEnergy of(LocalDate date, Energy energy) {
    return ImmutableDailyEnergy.builder().date(date).energy(energy).build();
  }
}
