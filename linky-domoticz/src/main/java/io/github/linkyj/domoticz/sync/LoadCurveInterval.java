package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * One load-curve interval: the average power over {@code [start, end)}.
 *
 * <p>Enedis dates a load-curve point at the end of its interval, so the caller sets {@code start}
 * to the point's date minus its interval length. Both ends are zoned so that the repeated hour of
 * the autumn daylight-saving change stays two distinct hours.
 *
 * @param start the first instant of the interval
 * @param end the instant after the interval, a whole number of minutes after {@code start}
 * @param averagePowerWatts the average power over the interval, W, not negative
 */
public record LoadCurveInterval(ZonedDateTime start, ZonedDateTime end, long averagePowerWatts) {
  /**
   * Creates the interval.
   *
   * @throws IllegalArgumentException if the end is not a whole number of minutes after the start,
   *     or the power is negative
   */
  public LoadCurveInterval {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    Duration length = elapsed(start, end);
    if (length.isNegative()
        || length.isZero()
        || length.toSecondsPart() != 0
        || length.getNano() != 0) {
      throw new IllegalArgumentException(
          "Invalid load-curve interval "
              + start
              + " to "
              + end
              + ": the end must be a whole number of minutes after the start");
    }
    if (averagePowerWatts < 0) {
      throw new IllegalArgumentException(
          "Invalid load-curve power "
              + averagePowerWatts
              + " W at "
              + start
              + ": expected 0 or more");
    }
  }

  /** Returns the length of the interval in minutes. */
  public long minutes() {
    return elapsed(start, end).toMinutes();
  }

  /**
   * Returns the time between two instants, as {@link Duration#between} does, from their epoch
   * seconds, which avoids the local date-time arithmetic of {@link ZonedDateTime#until}.
   */
  private static Duration elapsed(ZonedDateTime start, ZonedDateTime end) {
    return Duration.ofSeconds(
        end.toEpochSecond() - start.toEpochSecond(), end.getNano() - start.getNano());
  }

  /** Returns the energy of the interval in watt-minutes (power × minutes), exact. */
  public long wattMinutes() {
    return averagePowerWatts * minutes();
  }
}
