package io.github.linkyj.domoticz.sync;

/**
 * The four registers of a Domoticz P1 Smart Meter: consumption peak ({@code usage1}), consumption
 * off-peak ({@code usage2}), production peak ({@code return1}) and production off-peak ({@code
 * return2}). The unit is the caller's: watt-minutes for energies before rounding, Wh after, or
 * minutes for the time covered by each tariff.
 */
public record Registers(long usage1, long usage2, long return1, long return2) {
  /** All four registers at zero. */
  public static final Registers ZERO = new Registers(0, 0, 0, 0);

  /** Returns the registers from an array in the order usage1, usage2, return1, return2. */
  static Registers of(long[] values) {
    return new Registers(values[0], values[1], values[2], values[3]);
  }

  /** Returns the registers as an array in the order usage1, usage2, return1, return2. */
  long[] toArray() {
    return new long[] {usage1, usage2, return1, return2};
  }

  /** Returns the register-wise sum. */
  public Registers plus(Registers other) {
    return new Registers(
        usage1 + other.usage1,
        usage2 + other.usage2,
        return1 + other.return1,
        return2 + other.return2);
  }

  /** Returns the sum of the four registers. */
  public long total() {
    return usage1 + usage2 + return1 + return2;
  }

  /** Returns the consumption registers, with the production ones at zero. */
  public Registers consumptionOnly() {
    return new Registers(usage1, usage2, 0, 0);
  }

  /** Returns the production registers, with the consumption ones at zero. */
  public Registers productionOnly() {
    return new Registers(0, 0, return1, return2);
  }
}
