package io.github.linkyj.domoticz.sync;

/** Conversions from exact watt-minutes to whole watt-hours. */
final class WattHours {
  private WattHours() {}

  /** Returns {@code wattMinutes / 60} rounded half up. */
  static long roundHalfUp(long wattMinutes) {
    return Math.floorDiv(wattMinutes + 30, 60);
  }

  /**
   * Returns the four registers of a day in Wh such that they add up to the day total rounded half
   * up. Each register gets the whole Wh below its exact value, then the Wh still missing from the
   * rounded total go one each to the registers with the largest remainders (the lower register
   * first on a tie). Each register is then within 1 Wh of its exact value, and a register with no
   * energy stays at 0.
   */
  static Registers roundDay(Registers wattMinutes) {
    long[] exact = wattMinutes.toArray();
    long total = roundHalfUp(wattMinutes.total());
    long[] rounded = new long[4];
    long[] remainders = new long[4];
    long assigned = 0;
    for (int i = 0; i < 4; i++) {
      rounded[i] = Math.floorDiv(exact[i], 60);
      remainders[i] = Math.floorMod(exact[i], 60);
      assigned += rounded[i];
    }
    for (long missing = total - assigned; missing > 0; missing--) {
      int largest = -1;
      for (int i = 0; i < 4; i++) {
        if (remainders[i] > 0 && (largest < 0 || remainders[i] > remainders[largest])) {
          largest = i;
        }
      }
      rounded[largest]++;
      remainders[largest] = 0;
    }
    return Registers.of(rounded);
  }
}
