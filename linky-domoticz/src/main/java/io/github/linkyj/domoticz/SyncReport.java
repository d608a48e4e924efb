package io.github.linkyj.domoticz;

import static java.util.Objects.requireNonNull;

import io.github.linkyj.domoticz.sync.SchedulePolicy;
import io.github.linkyj.domoticz.sync.UserMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Result of one {@link LinkySync#runOnce()} cycle: per meter the rows written and the dashboard,
 * the outcome, the messages shown to the user and when the next cycle runs.
 *
 * @param outcome how the cycle ended
 * @param meters one entry per meter written, in processing order
 * @param messages the user messages of the cycle, in order
 * @param problems errors worth the user's attention (rows Domoticz did not store, failures)
 * @param nextRun when the next cycle should run
 * @param nextRunReason why the next cycle runs then
 * @param requests the Enedis fetch calls made; each covers at most one Enedis request's days
 * @param failure the message of the failure that ended the cycle, if any
 */
public record SyncReport(
    Outcome outcome,
    List<Meter> meters,
    List<UserMessage> messages,
    List<String> problems,
    Instant nextRun,
    SchedulePolicy.Reason nextRunReason,
    int requests,
    Optional<String> failure) {

  /** End state of a cycle. */
  public enum Outcome {
    /** Every planned batch was fetched and written. */
    COMPLETED,
    /** {@link LinkySync#stop()} ended the cycle between two batches; the state is saved. */
    STOPPED,
    /** Enedis has no valid consent: the runner must start the device flow. */
    CONSENT_REQUIRED,
    /** Enedis refused for quota; the next run waits for its retry time. */
    QUOTA_EXCEEDED,
    /** A temporary or other failure; the next run retries later. */
    FAILED,
    /** Nothing was fetched: Enedis is not called between 22:00 and 08:00. */
    NIGHT
  }

  /** Checks the fields and copies the lists. */
  public SyncReport {
    requireNonNull(outcome, "outcome");
    meters = List.copyOf(meters);
    messages = List.copyOf(messages);
    problems = List.copyOf(problems);
    requireNonNull(nextRun, "nextRun");
    requireNonNull(nextRunReason, "nextRunReason");
    requireNonNull(failure, "failure");
  }

  /** Returns the report of the meter {@code meterId}, if it was processed. */
  public Optional<Meter> meter(String meterId) {
    return meters.stream().filter(m -> m.meterId().equals(meterId)).findFirst();
  }

  /** Returns whether the cycle completed without problems. */
  public boolean isClean() {
    return outcome == Outcome.COMPLETED && problems.isEmpty();
  }

  /**
   * Rows, points and dashboard value that a cycle wrote to one meter.
   *
   * @param meterId the usage point id, or {@code <C> / <P>} for a merged pair
   * @param deviceName the Domoticz device name
   * @param usagePointIds the usage points whose data the meter carries
   * @param dayRows the day rows written, in date order
   * @param hourlyPoints the hourly short-log points written
   * @param dashboard the dashboard value written, if one was
   * @param dashboardMissing why no dashboard value was written, if none was
   * @param problems what went wrong for this meter
   */
  public record Meter(
      String meterId,
      String deviceName,
      List<String> usagePointIds,
      List<DayRow> dayRows,
      List<HourlyPoint> hourlyPoints,
      Optional<P1Reading> dashboard,
      Optional<String> dashboardMissing,
      List<String> problems) {
    /** Checks the fields and copies the lists. */
    public Meter {
      requireNonNull(meterId, "meterId");
      requireNonNull(deviceName, "deviceName");
      usagePointIds = List.copyOf(usagePointIds);
      dayRows = List.copyOf(dayRows);
      hourlyPoints = List.copyOf(hourlyPoints);
      requireNonNull(dashboard, "dashboard");
      requireNonNull(dashboardMissing, "dashboardMissing");
      problems = List.copyOf(problems);
    }
  }

  /**
   * A day row written: the energies of the day in Wh.
   *
   * @param date the day
   * @param usage1 consumption at the peak rate, Wh
   * @param usage2 consumption at the off-peak rate, Wh
   * @param return1 production at the peak rate, Wh
   * @param return2 production at the off-peak rate, Wh
   */
  public record DayRow(LocalDate date, long usage1, long usage2, long return1, long return2) {
    /** Checks the date. */
    public DayRow {
      requireNonNull(date, "date");
    }

    static DayRow of(LocalDate date, P1Energy energy) {
      return new DayRow(date, energy.usage1(), energy.usage2(), energy.return1(), energy.return2());
    }

    /** Returns the energies as a {@link P1Energy}. */
    public P1Energy energy() {
      return new P1Energy(usage1, usage2, return1, return2);
    }
  }

  /**
   * An hourly short-log point written: the cumulative counters at the end of the hour.
   *
   * @param end the local end of the hour
   * @param counters the counters, Wh
   */
  public record HourlyPoint(LocalDateTime end, P1Energy counters) {
    /** Checks the fields. */
    public HourlyPoint {
      requireNonNull(end, "end");
      requireNonNull(counters, "counters");
    }
  }
}
