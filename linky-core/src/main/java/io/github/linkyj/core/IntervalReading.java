package io.github.linkyj.core;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One load-curve point: the average power over the half-open interval {@code [start, end)}.
 *
 * <p>Enedis stamps a point with the local end of its interval; {@link #start()} is that end minus
 * the point's {@code interval_length}, computed on the time line, so a point ending at 03:00 on the
 * spring clock-change day starts at 01:30. The point belongs to the local day of its start: the
 * point stamped {@code 2020-12-03 00:00:00} is the last half hour of 2020-12-02.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class IntervalReading {

  /** Returns the start of the interval, in the zone of the client (normally Europe/Paris). */
  public abstract ZonedDateTime start();

  /** Returns the end of the interval, as Enedis stamps the point. */
  public abstract ZonedDateTime end();

  /** Returns the average power over the interval in W (produced power for a production curve). */
  public abstract long averagePower();

  /** Returns the Enedis measure type, {@code "B"} for raw data, when the point carries one. */
  public abstract Optional<String> measureType();

  /** Returns the interval length, such as 30 minutes. */
  @Value.Derived
  public Duration length() {
    return elapsed(start(), end());
  }

  /** Returns the energy of the interval: average power × minutes, kept exact. */
  @Value.Derived
  public Energy energy() {
    return Energy.ofAveragePower(averagePower(), length().toMinutes());
  }

  /** Returns the local day the interval belongs to: the day of its start. */
  public LocalDate day() {
    return start().toLocalDate();
  }

  /** Returns a reading for {@code [start, end)} with the given average power in W. */
  public static IntervalReading of(ZonedDateTime start, ZonedDateTime end, long averagePower) {
    return ImmutableIntervalReading.builder()
        .start(start)
        .end(end)
        .averagePower(averagePower)
        .build();
  }

  /**
   * Returns the time between two instants, as {@link Duration#between} does, from their epoch
   * seconds, which avoids the local date-time arithmetic of {@link ZonedDateTime#until}.
   */
  private static Duration elapsed(ZonedDateTime start, ZonedDateTime end) {
    return Duration.ofSeconds(
        end.toEpochSecond() - start.toEpochSecond(), end.getNano() - start.getNano());
  }

  @Value.Check
  void check() {
    Duration length = elapsed(start(), end());
    if (length.isNegative() || length.isZero() || length.toSecondsPart() != 0) {
      throw new IllegalArgumentException(
          "Interval must last a positive whole number of minutes: " + start() + " to " + end());
    }
  }
}
