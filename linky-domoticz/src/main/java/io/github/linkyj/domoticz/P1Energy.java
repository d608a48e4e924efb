package io.github.linkyj.domoticz;

/**
 * The four energy registers of a P1 Smart Meter in watt-hours: consumption and production, each
 * split into peak (register 1) and off-peak (register 2).
 *
 * <p>In a day row the values are the energy of that day. In a short-log point or the dashboard
 * value they are cumulative counters. Domoticz stores integers, so the values are whole Wh.
 *
 * @param usage1 consumption at the peak rate, in Wh
 * @param usage2 consumption at the off-peak rate, in Wh
 * @param return1 production at the peak rate, in Wh
 * @param return2 production at the off-peak rate, in Wh
 */
public record P1Energy(long usage1, long usage2, long return1, long return2) {
  /** Zero in every register. */
  public static final P1Energy ZERO = new P1Energy(0, 0, 0, 0);

  /**
   * Checks that no register is negative.
   *
   * @throws IllegalArgumentException if a register is negative, because Domoticz would store 0
   */
  public P1Energy {
    checkNotNegative("usage1", usage1);
    checkNotNegative("usage2", usage2);
    checkNotNegative("return1", return1);
    checkNotNegative("return2", return2);
  }

  /** Returns the register sums of this and {@code other}. */
  public P1Energy plus(P1Energy other) {
    return new P1Energy(
        Math.addExact(usage1, other.usage1),
        Math.addExact(usage2, other.usage2),
        Math.addExact(return1, other.return1),
        Math.addExact(return2, other.return2));
  }

  /** Returns {@code usage1;usage2;return1;return2}, the first four fields of a P1 sValue. */
  String toSValueFields() {
    return usage1 + ";" + usage2 + ";" + return1 + ";" + return2;
  }

  static void checkNotNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "Invalid " + name + " " + value + ": Domoticz stores negative meter values as 0");
    }
  }
}
