package io.github.linkyj.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The typed content of one metering response, or of several chunked responses merged in time order.
 *
 * <p>Exactly one of the three lists is filled, depending on {@link #kind()}: {@link #intervals()}
 * for load curves, {@link #dailyEnergies()} for daily consumption and production, {@link
 * #maxPowers()} for daily max power. The others are empty.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class MeteringData {

  /** Returns the metering series. */
  public abstract MeteringKind kind();

  /** Returns the 14-digit usage point (PRM). */
  public abstract String usagePointId();

  /** Returns the first day covered, inclusive. */
  public abstract LocalDate start();

  /** Returns the day after the last day covered (exclusive end). */
  public abstract LocalDate end();

  /** Returns the Enedis quality flag, such as {@code "BRUT"}, when the response had one. */
  public abstract Optional<String> quality();

  /** Returns the load-curve points in time order, without duplicates. */
  public abstract List<IntervalReading> intervals();

  /** Returns the daily energies in date order. */
  public abstract List<DailyEnergy> dailyEnergies();

  /** Returns the daily maximum powers in date order. */
  public abstract List<MaxPowerReading> maxPowers();

  /**
   * Returns the Enedis error code that ended a backward walk at the oldest available data, such as
   * {@code ADAM-ERR0123} (before activation), {@code ADAM-ERR0125} (history limit) or {@code
   * no_data_found}. Empty when every requested chunk was served.
   */
  public abstract Optional<String> oldestEdgeCode();

  /** Returns whether the data contains no reading at all. */
  public boolean isEmpty() {
    return intervals().isEmpty() && dailyEnergies().isEmpty() && maxPowers().isEmpty();
  }

  @Value.Check
  void check() {
    if (start().isAfter(end())) {
      throw new IllegalArgumentException("start " + start() + " is after end " + end());
    }
  }
}
