package io.github.linkyj.domoticz;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests move forward by hand. */
public final class MutableClock extends Clock {
  private volatile Instant instant;
  private final ZoneId zone;

  /** Creates a clock that reads {@code instant} in {@code zone}. */
  public MutableClock(Instant instant, ZoneId zone) {
    this.instant = instant;
    this.zone = zone;
  }

  /** Returns a UTC clock at {@code 2026-12-04T16:05:10Z}, the time of the recorded session. */
  public static MutableClock atRecording() {
    return new MutableClock(Instant.parse("2026-12-04T16:05:10Z"), ZoneOffset.UTC);
  }

  /** Moves the clock forward by {@code duration}. */
  public void advance(Duration duration) {
    instant = instant.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(instant, newZone);
  }

  @Override
  public Instant instant() {
    return instant;
  }
}
