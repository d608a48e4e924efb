package io.github.linkyj.examples.cli;

import io.github.linkyj.core.LinkyException;
import io.github.linkyj.domoticz.DomoticzClient;
import io.github.linkyj.domoticz.DomoticzException;
import io.github.linkyj.domoticz.DomoticzTarget;
import io.github.linkyj.domoticz.LinkySync;
import io.github.linkyj.domoticz.SyncReport;
import io.github.linkyj.domoticz.sync.SyncSettings;
import io.github.linkyj.examples.cli.config.ConfigException;
import io.github.linkyj.examples.cli.config.RunnerConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code linky sync}: one complete sync cycle of Enedis data into Domoticz. */
@Command(
    name = "sync",
    description = {
      "Runs one complete sync cycle: fetches the missing Enedis data of every usage point, writes"
          + " the hourly short log, the day rows (peak and off-peak) and the dashboard value to"
          + " Domoticz, and saves the sync state in state.dir after every batch.",
      "Shows a progress bar on a terminal and log lines otherwise. Ctrl-C or SIGTERM stops the"
          + " cycle once the batch being written is saved (exit 130). Exits with 0 when the cycle"
          + " completed; see the exit codes below otherwise."
    })
final class SyncCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--allow-night",
      description =
          "Calls Enedis even between 22:00 and 08:00 (Paris time), when the sync normally waits"
              + " to spare the consent proxy.")
  private boolean allowNight;

  @Override
  public Integer call() throws ConfigException, LinkyException, DomoticzException {
    LinkyCommand linky = LinkyCommand.of(spec);
    RunnerConfig config = linky.loadConfig();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    SyncSettings settings = Settings.syncSettings(config);

    try (Source source = Source.open(config, linky.clock())) {
      if (source.consentProxy().isEmpty() && source.gateway().isEmpty()) {
        source.usagePointIds();
      }
      source.checkUsagePoints();
      Settings.checkScheduleSections(config, source.knownUsagePoints());
      DomoticzClient domoticz = Settings.domoticz(config, linky.clock());
      domoticz.version();
      SyncProgress progress = SyncProgress.of(linky.interactive(), System.err);
      LinkySync sync =
          SyncSetup.build(
              source,
              settings,
              new DomoticzTarget(domoticz),
              Settings.stateDir(config),
              linky.clock(),
              progress,
              allowNight);

      SyncReport report = runStoppable(sync, linky.shutdownHooks());

      progress.finish();
      SyncSetup.printOutcome(report, out, err, "sync", true);
      return SyncSetup.exitCode(report);
    }
  }

  /** Runs the cycle; Ctrl-C or SIGTERM stops it after the batch being written is saved. */
  private static SyncReport runStoppable(LinkySync sync, ShutdownHooks hooks) {
    CountDownLatch finished = new CountDownLatch(1);
    ShutdownHooks.Registration hook =
        hooks.register(
            "linky-sync-stop",
            () -> {
              sync.stop();
              awaitQuietly(finished);
            });
    try {
      return sync.runOnce();
    } finally {
      finished.countDown();
      hook.remove();
    }
  }

  private static void awaitQuietly(CountDownLatch finished) {
    try {
      finished.await(RunCommand.STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
