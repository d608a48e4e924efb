package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/**
 * Maximum apparent power of one local day, from the Enedis daily maximum power endpoint.
 *
 * @param time the local time of the maximum; its date is the day the peak belongs to
 * @param voltAmperes the maximum power, VA, not negative
 */
public record DailyPeak(LocalDateTime time, long voltAmperes) {
  /** Creates the value; a negative power raises {@link IllegalArgumentException}. */
  public DailyPeak {
    requireNonNull(time, "time");
    if (voltAmperes < 0) {
      throw new IllegalArgumentException(
          "Invalid maximum power " + voltAmperes + " VA at " + time + ": expected 0 or more");
    }
  }
}
