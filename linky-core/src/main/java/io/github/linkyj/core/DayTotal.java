package io.github.linkyj.core;

import java.time.Duration;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * The energy of one local day summed from load-curve points, with how much of the day the points
 * cover. A day with holes is not scaled up: its energy is what the points measured.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class DayTotal {

  /** Returns the local day. */
  public abstract LocalDate date();

  /** Returns the energy of the intervals that start on the day. */
  public abstract Energy energy();

  /** Returns the total length of those intervals. */
  public abstract Duration covered();

  /** Returns the length of the local day: 24 hours, or 23 and 25 on clock-change days. */
  public abstract Duration dayLength();

  /** Returns whether the points cover the whole day. */
  public boolean isComplete() {
    return covered().equals(dayLength());
  }
}
