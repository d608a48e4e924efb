package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;

/**
 * Decides when the next sync cycle runs.
 *
 * <ul>
 *   <li>One cycle a day, in the morning window: 08:00 plus a random minute from 0 to 59, Europe/
 *       Paris time, so that the users of the plugin do not all call Enedis at the same minute.
 *   <li>After a failed cycle, the next one runs an hour later.
 *   <li>After {@value #MAX_CONSECUTIVE_FAILURES} failed cycles in a row, the user gets the "too
 *       many communication failures" message and the next cycle waits for the next morning window,
 *       which spares the Enedis quota during a long outage.
 *   <li>When Enedis rejects a request for quota with a retry time, the next cycle runs no earlier
 *       than that instant.
 *   <li>No cycle runs between 22:00 and 08:00, when Enedis servers are unreachable: a time in that
 *       span moves to the next morning window, with the "servers unreachable at this hour" message.
 * </ul>
 *
 * <p>This class is thread-safe when its {@link Random} is.
 */
public final class SchedulePolicy {
  /** Failed cycles in a row after which retries wait for the next morning. */
  public static final int MAX_CONSECUTIVE_FAILURES = 3;

  /** Start of the hours without traffic. */
  public static final LocalTime NIGHT_START = LocalTime.of(22, 0);

  /** End of the hours without traffic and start of the morning window. */
  public static final LocalTime NIGHT_END = LocalTime.of(8, 0);

  private static final Duration RETRY_DELAY = Duration.ofHours(1);

  private final Clock clock;
  private final Random random;
  private final ZoneId zone;

  /** Creates the policy for Europe/Paris. */
  public SchedulePolicy(Clock clock, Random random) {
    this(clock, random, ZoneId.of("Europe/Paris"));
  }

  /** Creates the policy for {@code zone}. */
  public SchedulePolicy(Clock clock, Random random, ZoneId zone) {
    this.clock = requireNonNull(clock, "clock");
    this.random = requireNonNull(random, "random");
    this.zone = requireNonNull(zone, "zone");
  }

  /** Reason for the time of the next cycle. */
  public enum Reason {
    /** Now: the first cycle after a start. */
    START,
    /** The morning window of the next day, after a successful cycle. */
    DAILY,
    /** An hour after a failed cycle. */
    RETRY,
    /** The next morning window after too many failures in a row. */
    TOO_MANY_FAILURES,
    /** The instant Enedis asked to wait for. */
    QUOTA,
    /** Moved out of the night to the morning window. */
    NIGHT
  }

  /** When the next cycle runs and why. */
  public record NextRun(Instant at, Reason reason) {
    /** Creates the value. */
    public NextRun {
      requireNonNull(at, "at");
      requireNonNull(reason, "reason");
    }
  }

  /** Returns when the first cycle after a start runs: now, or the morning if it is night. */
  public NextRun afterStart() {
    return outOfNight(clock.instant(), Reason.START);
  }

  /** Returns when the cycle after a successful one runs: tomorrow's morning window. */
  public NextRun afterSuccess() {
    LocalDate tomorrow = clock.instant().atZone(zone).toLocalDate().plusDays(1);
    return new NextRun(morningWindow(tomorrow), Reason.DAILY);
  }

  /**
   * Returns when the cycle after a failed one runs.
   *
   * @param consecutiveFailures the failed cycles in a row, this one included, 1 or more
   */
  public NextRun afterFailure(int consecutiveFailures) {
    if (consecutiveFailures < 1) {
      throw new IllegalArgumentException(
          "Invalid consecutive failures " + consecutiveFailures + ": expected 1 or more");
    }
    if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
      LocalDate tomorrow = clock.instant().atZone(zone).toLocalDate().plusDays(1);
      return new NextRun(morningWindow(tomorrow), Reason.TOO_MANY_FAILURES);
    }
    return outOfNight(clock.instant().plus(RETRY_DELAY), Reason.RETRY);
  }

  /**
   * Returns when the cycle after a quota refusal runs: at {@code retryAt}, or an hour from now if
   * that is later, moved out of the night.
   */
  public NextRun afterQuota(Instant retryAt) {
    requireNonNull(retryAt, "retryAt");
    Instant retry = clock.instant().plus(RETRY_DELAY);
    Instant at = retryAt.isAfter(retry) ? retryAt : retry;
    return outOfNight(at, Reason.QUOTA);
  }

  /** Returns whether Enedis may be called now, outside 22:00 to 08:00. */
  public boolean isTrafficAllowedNow() {
    return !isNight(clock.instant());
  }

  /** Returns whether {@code instant} falls between 22:00 and 08:00 local time. */
  public boolean isNight(Instant instant) {
    LocalTime time = instant.atZone(zone).toLocalTime();
    return !time.isBefore(NIGHT_START) || time.isBefore(NIGHT_END);
  }

  private NextRun outOfNight(Instant at, Reason reason) {
    if (!isNight(at)) {
      return new NextRun(at, reason);
    }
    ZonedDateTime local = at.atZone(zone);
    LocalDate day =
        local.toLocalTime().isBefore(NIGHT_END)
            ? local.toLocalDate()
            : local.toLocalDate().plusDays(1);
    return new NextRun(morningWindow(day), Reason.NIGHT);
  }

  private Instant morningWindow(LocalDate day) {
    int minute = random.nextInt(60);
    return day.atTime(NIGHT_END.plusMinutes(minute)).atZone(zone).toInstant();
  }
}
