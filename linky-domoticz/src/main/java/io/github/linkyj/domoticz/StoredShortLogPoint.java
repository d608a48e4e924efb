package io.github.linkyj.domoticz;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/**
 * A point of a P1 device's short log as Domoticz returns it in its day graph. Domoticz returns
 * average powers over the interval that ends at {@link #time()}, not the stored counters, and does
 * not list the oldest stored point, which only serves as the start of the first interval.
 *
 * @param time the end of the interval, in the Domoticz server's local time, to the minute
 * @param usage1Power average consumption power at the peak rate, in W
 * @param usage2Power average consumption power at the off-peak rate, in W
 * @param return1Power average production power at the peak rate, in W (0 or positive)
 * @param return2Power average production power at the off-peak rate, in W (0 or positive)
 */
public record StoredShortLogPoint(
    LocalDateTime time, long usage1Power, long usage2Power, long return1Power, long return2Power) {
  /** Checks the fields. */
  public StoredShortLogPoint {
    requireNonNull(time, "time");
  }
}
