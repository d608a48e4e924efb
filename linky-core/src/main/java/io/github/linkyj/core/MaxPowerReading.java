package io.github.linkyj.core;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.immutables.value.Value;

/**
 * The maximum apparent power of one local day and the instant it was reached. It is a power at an
 * instant, never an energy.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class MaxPowerReading {

  /** Returns the instant of the maximum, to the second. */
  public abstract ZonedDateTime time();

  /** Returns the maximum apparent power in VA. */
  public abstract long apparentPower();

  /** Returns the local day of the maximum. */
  public LocalDate date() {
    return time().toLocalDate();
  }

  /** Returns a reading of {@code apparentPower} VA reached at {@code time}. */
  public static MaxPowerReading of(ZonedDateTime time, long apparentPower) {
    return ImmutableMaxPowerReading.builder().time(time).apparentPower(apparentPower).build();
  }
}
