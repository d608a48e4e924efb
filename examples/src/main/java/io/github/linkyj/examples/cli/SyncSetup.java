package io.github.linkyj.examples.cli;

import io.github.linkyj.core.MeteringParser;
import io.github.linkyj.domoticz.LinkySync;
import io.github.linkyj.domoticz.SyncReport;
import io.github.linkyj.domoticz.SyncTarget;
import io.github.linkyj.domoticz.sync.SyncSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Builds the {@link LinkySync} of the runner and turns its report into output and exit codes. */
final class SyncSetup {
  private static final DateTimeFormatter PARIS_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private SyncSetup() {}

  /** Returns a sync of the source's usage points into {@code target}. */
  static LinkySync build(
      Source source,
      SyncSettings settings,
      SyncTarget target,
      Path stateDir,
      Clock clock,
      LinkySync.ProgressListener progress,
      boolean allowNight) {
    return LinkySync.builder()
        .client(source.client())
        .usagePoints(source::usagePointIdsForSync)
        .settings(settings)
        .target(target)
        .stateDirectory(stateDir)
        .debugDirectory(stateDir)
        .clock(clock)
        .progress(progress)
        .consentReset(source::clearConsent)
        .allowNightTraffic(allowNight)
        .build();
  }

  /** Returns the exit code of a cycle's outcome, as listed in docs/cli.md. */
  static int exitCode(SyncReport report) {
    return switch (report.outcome()) {
      case COMPLETED -> report.problems().isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
      case STOPPED -> ExitCode.CANCELLED;
      case CONSENT_REQUIRED -> ExitCode.CONSENT_REQUIRED;
      case QUOTA_EXCEEDED, NIGHT -> ExitCode.RETRY_LATER;
      case FAILED -> ExitCode.FAILURE;
    };
  }

  /**
   * Prints the outcome: a line per meter on {@code out} when {@code perMeter}; the failure,
   * problems and what to do on {@code err}.
   */
  static void printOutcome(
      SyncReport report, PrintWriter out, PrintWriter err, String command, boolean perMeter) {
    for (SyncReport.Meter meter : perMeter ? report.meters() : List.<SyncReport.Meter>of()) {
      out.println(
          meter.deviceName()
              + ": "
              + meter.dayRows().size()
              + " day rows, "
              + meter.hourlyPoints().size()
              + " hourly points"
              + (meter.dashboard().isPresent() ? ", dashboard updated" : ""));
    }
    for (String problem : report.problems()) {
      // The line of the outcome below already carries the failure that ended the cycle.
      if (!report.failure().filter(problem::equals).isPresent()) {
        err.println("linky " + command + ": " + problem);
      }
    }
    switch (report.outcome()) {
      case COMPLETED ->
          out.println("Sync completed; next run " + parisTime(report.nextRun()) + ".");
      case STOPPED -> err.println("linky " + command + ": stopped; the state is saved.");
      case CONSENT_REQUIRED ->
          err.println(
              "linky "
                  + command
                  + ": no valid Enedis consent"
                  + report.failure().map(f -> " (" + f + ")").orElse("")
                  + ". Run 'linky consent' (with the same configuration), then sync again.");
      case QUOTA_EXCEEDED ->
          err.println(
              "linky "
                  + command
                  + ": Enedis refused for quota"
                  + report.failure().map(f -> " (" + f + ")").orElse("")
                  + "; retry after "
                  + parisTime(report.nextRun())
                  + ".");
      case NIGHT ->
          err.println(
              "linky "
                  + command
                  + ": nothing fetched, because Enedis is not called between 22:00 and 08:00."
                  + " Retry after 08:00, or pass --allow-night.");
      case FAILED ->
          err.println(
              "linky "
                  + command
                  + ": the sync failed: "
                  + report.failure().orElse("see the log above")
                  + "; the next run retries at "
                  + parisTime(report.nextRun())
                  + ".");
    }
    out.flush();
    err.flush();
  }

  /**
   * Formats {@code instant} as Paris wall-clock time to the second, such as 2026-03-03 08:00:11.
   */
  static String parisTime(Instant instant) {
    return PARIS_TIME.format(instant.atZone(MeteringParser.ENEDIS_ZONE)) + " (Paris time)";
  }
}
