package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/** Result of composing the dashboard: a value to write, or the data it lacks. */
public sealed interface DashboardOutcome {
  /** The dashboard can be updated with {@code value}. */
  record Ready(DashboardValue value) implements DashboardOutcome {
    /** Creates the outcome. */
    public Ready {
      requireNonNull(value, "value");
    }
  }

  /**
   * Data is missing, so the dashboard keeps its previous value and the user gets the "data missing
   * to update the dashboard" message.
   *
   * @param reason what is missing, in English, for the log
   * @param missingDays the days of the period without the data, in date order. It is empty when no
   *     single day is to blame, as when the period has no hourly detail.
   */
  record Missing(String reason, List<LocalDate> missingDays) implements DashboardOutcome {
    /** Creates the outcome. */
    public Missing {
      requireNonNull(reason, "reason");
      missingDays = List.copyOf(missingDays);
    }
  }
}
