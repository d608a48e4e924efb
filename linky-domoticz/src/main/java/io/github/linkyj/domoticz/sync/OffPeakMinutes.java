package io.github.linkyj.domoticz.sync;

import java.time.ZonedDateTime;

/**
 * Off-peak share of a time range, supplied by the caller from the usage point's off-peak schedule
 * for one direction (consumption and production may have different schedules).
 */
@FunctionalInterface
public interface OffPeakMinutes {
  /** A schedule without off-peak hours. */
  OffPeakMinutes NONE = (start, end) -> 0;

  /**
   * Returns how many minutes of {@code [start, end)} are off-peak, from 0 to the length of the
   * range in minutes.
   */
  long offPeakMinutes(ZonedDateTime start, ZonedDateTime end);
}
