package io.github.linkyj.core;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact amount of energy, stored as a whole number of watt-minutes.
 *
 * <p>A load-curve point gives an average power in W over 10, 15, 30 or 60 minutes, so its energy is
 * W × minutes, which is exact in watt-minutes and becomes Wh only after dividing by 60. Sums
 * therefore never drift. {@link #wattHours()} gives the exact value as a decimal when it has one;
 * {@link #wattHours(RoundingMode)} rounds.
 *
 * <p>Immutable and thread-safe.
 */
public final class Energy implements Comparable<Energy> {
  /** No energy. */
  public static final Energy ZERO = new Energy(0);

  private static final int MINUTES_PER_HOUR = 60;

  private final long wattMinutes;

  private Energy(long wattMinutes) {
    this.wattMinutes = wattMinutes;
  }

  /** Returns the energy of {@code wattMinutes} W·min. */
  public static Energy ofWattMinutes(long wattMinutes) {
    return wattMinutes == 0 ? ZERO : new Energy(wattMinutes);
  }

  /** Returns the energy of {@code wattHours} Wh. */
  public static Energy ofWattHours(long wattHours) {
    return ofWattMinutes(Math.multiplyExact(wattHours, MINUTES_PER_HOUR));
  }

  /** Returns the energy of an average power of {@code watts} W held for {@code minutes}. */
  public static Energy ofAveragePower(long watts, long minutes) {
    return ofWattMinutes(Math.multiplyExact(watts, minutes));
  }

  /** Returns the exact energy in watt-minutes. */
  public long wattMinutes() {
    return wattMinutes;
  }

  /**
   * Returns the energy in Wh as an exact decimal.
   *
   * @throws ArithmeticException if the value has no finite decimal form (a third or a sixth of a
   *     Wh, from 10-minute steps); use {@link #wattHours(RoundingMode)} then
   */
  public BigDecimal wattHours() {
    BigDecimal exact =
        BigDecimal.valueOf(wattMinutes)
            .divide(BigDecimal.valueOf(MINUTES_PER_HOUR))
            .stripTrailingZeros();
    return exact.scale() < 0 ? exact.setScale(0) : exact;
  }

  /** Returns the energy in whole Wh, rounded with {@code mode}. */
  public long wattHours(RoundingMode mode) {
    requireNonNull(mode, "mode");
    return BigDecimal.valueOf(wattMinutes)
        .divide(BigDecimal.valueOf(MINUTES_PER_HOUR), 0, mode)
        .longValueExact();
  }

  /** Returns whether the energy is a whole number of Wh. */
  public boolean isWholeWattHours() {
    return wattMinutes % MINUTES_PER_HOUR == 0;
  }

  /** Returns the sum of this energy and {@code other}. */
  public Energy plus(Energy other) {
    requireNonNull(other, "other");
    return ofWattMinutes(Math.addExact(wattMinutes, other.wattMinutes));
  }

  @Override
  public int compareTo(Energy other) {
    return Long.compare(wattMinutes, other.wattMinutes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Energy that && wattMinutes == that.wattMinutes;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(wattMinutes);
  }

  /**
   * Returns the energy as {@code "643 Wh"} when it is a whole number of Wh, otherwise as watt-
   * minutes, such as {@code "1001 W·min"}.
   */
  @Override
  public String toString() {
    if (isWholeWattHours()) {
      return wattMinutes / MINUTES_PER_HOUR + " Wh";
    }
    return wattMinutes + " W·min";
  }
}
