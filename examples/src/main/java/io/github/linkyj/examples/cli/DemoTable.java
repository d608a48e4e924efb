package io.github.linkyj.examples.cli;

import io.github.linkyj.domoticz.P1Reading;
import io.github.linkyj.domoticz.SyncReport;
import io.github.linkyj.domoticz.sync.SyncSettings;
import io.github.linkyj.domoticz.sync.UserMessage;
import java.io.PrintWriter;

/**
 * Prints a sync report as readable tables: the devices, each meter's day rows split into peak and
 * off-peak (Wh), the hourly points and the dashboard value.
 */
final class DemoTable {
  private static final String DAY_FORMAT = "  %-10s %12s %10s %10s";
  private static final String RETURN_FORMAT = " %12s %10s %10s";

  private final PrintWriter out;
  private final SyncSettings settings;

  DemoTable(PrintWriter out, SyncSettings settings) {
    this.out = out;
    this.settings = settings;
  }

  void print(SyncReport report) {
    printDevices(report);
    for (SyncReport.Meter meter : report.meters()) {
      printMeter(meter);
    }
    printMessages(report);
    out.flush();
  }

  private void printDevices(SyncReport report) {
    out.println("Devices (Domoticz P1 Smart Meter, hardware \"" + settings.hardwareName() + "\"):");
    out.printf("  %-40s %s%n", "DEVICE", "USAGE POINTS");
    for (SyncReport.Meter meter : report.meters()) {
      out.printf("  %-40s %s%n", meter.deviceName(), String.join(", ", meter.usagePointIds()));
    }
  }

  private void printMeter(SyncReport.Meter meter) {
    boolean production = hasProduction(meter);
    out.println();
    out.println(
        meter.deviceName()
            + ": day rows in Wh, off-peak hours "
            + describeSchedule()
            + " (Domoticz counters U1/U2 = consumption peak/off-peak, R1/R2 = production)");
    StringBuilder header =
        new StringBuilder(String.format(DAY_FORMAT, "DATE", "CONSUMPTION", "PEAK", "OFF-PEAK"));
    if (production) {
      header.append(String.format(RETURN_FORMAT, "PRODUCTION", "PEAK", "OFF-PEAK"));
    }
    out.println(header);
    for (SyncReport.DayRow row : meter.dayRows()) {
      StringBuilder line =
          new StringBuilder(
              String.format(
                  DAY_FORMAT, row.date(), row.usage1() + row.usage2(), row.usage1(), row.usage2()));
      if (production) {
        line.append(
            String.format(
                RETURN_FORMAT, row.return1() + row.return2(), row.return1(), row.return2()));
      }
      out.println(line);
    }
    if (meter.dayRows().isEmpty()) {
      out.println("  (no day row written)");
    }
    out.println("  Hourly short-log points written: " + meter.hourlyPoints().size());
    out.println("  Dashboard: " + describeDashboard(meter));
    for (String problem : meter.problems()) {
      out.println("  Problem: " + problem);
    }
  }

  private String describeSchedule() {
    if (settings.offPeakFromContract()) {
      return "from the Enedis contract";
    }
    return settings.offPeakSchedule().isBlank() ? "none" : settings.offPeakSchedule();
  }

  private String describeDashboard(SyncReport.Meter meter) {
    if (meter.dashboard().isEmpty()) {
      return "not written (" + meter.dashboardMissing().orElse("no reason given") + ")";
    }
    P1Reading reading = meter.dashboard().get();
    return String.format(
        "U1 %d Wh, U2 %d Wh, R1 %d Wh, R2 %d Wh, power %d W / %d W (main figure %s,"
            + " secondary figure %s)",
        reading.counters().usage1(),
        reading.counters().usage2(),
        reading.counters().return1(),
        reading.counters().return2(),
        reading.consumptionPower(),
        reading.productionPower(),
        settings.mainFigure(),
        settings.secondaryFigure());
  }

  private void printMessages(SyncReport report) {
    if (report.messages().isEmpty()) {
      return;
    }
    out.println();
    out.println("Messages for the Domoticz log:");
    for (UserMessage message : report.messages()) {
      out.println("  " + message.level() + ": " + message.text());
    }
  }

  private static boolean hasProduction(SyncReport.Meter meter) {
    return meter.dayRows().stream().anyMatch(row -> row.return1() + row.return2() > 0);
  }
}
