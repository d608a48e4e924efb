package io.github.linkyj.examples.cli;

import io.github.linkyj.core.ConsentRequiredException;
import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.MeteringParser;
import io.github.linkyj.core.auth.ConsentProxyTokenProvider;
import io.github.linkyj.core.auth.DeviceAuthorization;
import io.github.linkyj.core.auth.DeviceFlow;
import io.github.linkyj.core.auth.StoredTokens;
import io.github.linkyj.domoticz.DomoticzClient;
import io.github.linkyj.domoticz.DomoticzException;
import io.github.linkyj.domoticz.DomoticzLogLevel;
import io.github.linkyj.domoticz.DomoticzTarget;
import io.github.linkyj.domoticz.LinkyService;
import io.github.linkyj.domoticz.LinkySync;
import io.github.linkyj.domoticz.SyncReport;
import io.github.linkyj.domoticz.SyncTarget;
import io.github.linkyj.domoticz.sync.SyncSettings;
import io.github.linkyj.domoticz.sync.UserMessage;
import io.github.linkyj.domoticz.sync.UserMessages;
import io.github.linkyj.examples.cli.config.ConfigException;
import io.github.linkyj.examples.cli.config.RunnerConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code linky run}: the long-running service. It syncs at start, then once a day after 08:00, and
 * stops cleanly on SIGTERM: the running cycle saves the batch it is writing, then the command
 * returns.
 */
@Command(
    name = "run",
    description = {
      "Runs the sync as a service: a cycle at start (or at 08:00 when started at night), then one"
          + " a day after 08:00 (Paris time), one hour later after a failure. Logs one line per"
          + " cycle on standard error.",
      "When consent is missing it starts the device flow, writes the page and user code to the"
          + " Domoticz log and to standard output, and waits for the approval.",
      "SIGTERM (systemctl stop) or Ctrl-C lets the current batch finish and be saved, prints"
          + " 'Stopped after N sync cycles', then exits. The exit status is that of the signal:"
          + " 143 after SIGTERM, 130 after Ctrl-C."
    })
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  /** How long SIGTERM waits for the running batch; systemd's unit allows 60 s before SIGKILL. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(50);

  @Spec private CommandSpec spec;

  @Option(
      names = "--allow-night",
      description =
          "Runs the first cycle at once even between 22:00 and 08:00 (Paris time), for a local"
              + " simulator or a measurement. Later cycles keep the daily schedule.")
  private boolean allowNight;

  @Override
  public Integer call()
      throws ConfigException, LinkyException, DomoticzException, InterruptedException {
    LinkyCommand linky = LinkyCommand.of(spec);
    RunnerConfig config = linky.loadConfig();
    SyncSettings settings = Settings.syncSettings(config);
    PrintWriter out = spec.commandLine().getOut();

    try (Source source = Source.open(config, linky.clock())) {
      source.checkUsagePoints();
      Settings.checkScheduleSections(config, source.knownUsagePoints());
      DomoticzClient domoticz = Settings.domoticz(config, linky.clock());
      domoticz.version();
      SyncTarget target = new DomoticzTarget(domoticz);
      LinkySync sync =
          SyncSetup.build(
              source,
              settings,
              target,
              Settings.stateDir(config),
              linky.clock(),
              SyncProgress.of(false, System.err),
              allowNight);
      ConsentOnDemand consent =
          new ConsentOnDemand(
              source,
              target,
              new UserMessages(settings.language(), MeteringParser.ENEDIS_ZONE),
              out,
              linky.clock());
      LinkyService service = new LinkyService(sync, linky.clock(), consent::onReport);
      Stopper stopper = new Stopper(service, consent);

      ShutdownHooks.Registration hook =
          linky.shutdownHooks().register("linky-run-stop", stopper::stopAndWait);
      LOG.info("linky run started with {}", source.description());
      try {
        service.run();
        String cycles = service.cycles() + (service.cycles() == 1 ? " sync cycle" : " sync cycles");
        LOG.info("linky run stopped after {}", cycles);
        out.println("Stopped after " + cycles + "; the sync state is saved.");
        out.flush();
      } finally {
        stopper.finished();
        hook.remove();
      }
      return ExitCode.OK;
    }
  }

  /** The SIGTERM action: stops the service and the consent wait, then waits for the last save. */
  static final class Stopper {
    private final LinkyService service;
    private final ConsentOnDemand consent;
    private final CountDownLatch finished = new CountDownLatch(1);

    Stopper(LinkyService service, ConsentOnDemand consent) {
      this.service = service;
      this.consent = consent;
    }

    /**
     * Asks the service to stop and waits until its running batch is saved and the command has
     * printed its last line. The JVM exits when the shutdown hook returns, so returning earlier
     * would cut that line off.
     */
    void stopAndWait() {
      LOG.info("Stop requested; finishing the batch being written");
      long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
      service.stop();
      consent.cancel();
      try {
        if (!service.awaitStopped(STOP_TIMEOUT)) {
          LOG.warn("The sync did not stop within {}; the last batch will be redone", STOP_TIMEOUT);
          return;
        }
        long remaining = Math.max(0, deadline - System.nanoTime());
        if (!finished.await(remaining, TimeUnit.NANOSECONDS)) {
          LOG.warn("linky run did not report its stop within {}", STOP_TIMEOUT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Marks the command as done, so a waiting {@link #stopAndWait()} returns. */
    void finished() {
      finished.countDown();
    }
  }

  /**
   * Starts the device flow when a cycle reports that consent is missing, shows the page and code in
   * the Domoticz log and on standard output, and waits for the approval. The next cycle then uses
   * the new tokens.
   *
   * <p>A code that expires or is denied is not followed by another one the same day (Paris time):
   * each flow polls the consent proxy every few seconds for minutes, so a new code every hourly
   * cycle of an unattended service would cost hundreds of requests a day. {@code linky consent}
   * gives consent at any time, and the next cycle reads the tokens it stores.
   */
  static final class ConsentOnDemand {
    private final Source source;
    private final SyncTarget target;
    private final UserMessages messages;
    private final PrintWriter out;
    private final Clock clock;
    private final AtomicReference<DeviceFlow> running = new AtomicReference<>();
    private volatile boolean cancelled;
    private volatile LocalDate unansweredOn;

    ConsentOnDemand(
        Source source, SyncTarget target, UserMessages messages, PrintWriter out, Clock clock) {
      this.source = source;
      this.target = target;
      this.messages = messages;
      this.out = out;
      this.clock = clock;
    }

    void onReport(SyncReport report) {
      synchronized (out) {
        out.println(
            "Sync cycle ended "
                + report.outcome()
                + report.failure().map(f -> " (" + f + ")").orElse("")
                + "; next run "
                + SyncSetup.parisTime(report.nextRun()));
        out.flush();
      }
      if (report.outcome() != SyncReport.Outcome.CONSENT_REQUIRED || cancelled) {
        return;
      }
      if (source.consentProxy().isEmpty()) {
        LOG.error(
            "Enedis consent is missing and {} has no device flow: renew the token or the"
                + " credentials, then restart",
            source.description());
        return;
      }
      LocalDate today = clock.instant().atZone(MeteringParser.ENEDIS_ZONE).toLocalDate();
      if (today.equals(unansweredOn)) {
        LOG.info(
            "Enedis consent is still missing; today's consent code went unanswered, so the next"
                + " code is requested tomorrow. Run 'linky consent' to give consent now");
        return;
      }
      if (!askConsent(source.consentProxy().get())) {
        unansweredOn = today;
      }
    }

    /** Runs one device flow; returns false when the code expired unanswered or was denied. */
    private boolean askConsent(ConsentProxyTokenProvider proxy) {
      try {
        DeviceFlow flow = proxy.startDeviceAuthorization();
        running.set(flow);
        if (cancelled) {
          flow.cancel();
        }
        announce(flow.authorization());
        StoredTokens tokens = flow.awaitConsent();
        LOG.info("Consent received for {} usage points", tokens.usagePointIds().size());
        return true;
      } catch (CancellationException e) {
        LOG.info("Consent wait cancelled by the stop request");
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      } catch (ConsentRequiredException e) {
        LOG.error(
            "The consent failed: {}; a new code is requested tomorrow, or run 'linky consent' to"
                + " give consent now",
            e.getMessage());
        return false;
      } catch (LinkyException e) {
        LOG.error("The consent failed: {}; the next cycle asks again", e.getMessage());
        return true;
      } finally {
        running.set(null);
      }
    }

    private void announce(DeviceAuthorization authorization) {
      String url = authorization.verificationUriComplete().orElse(authorization.verificationUri());
      UserMessage message = messages.consentRequired(url, authorization.userCode());
      synchronized (out) {
        out.println(message.text());
        out.flush();
      }
      LOG.warn("{}", message.text());
      try {
        target.log(message.text(), DomoticzLogLevel.ERROR);
      } catch (DomoticzException e) {
        LOG.warn("Cannot write the consent message to the Domoticz log: {}", e.getMessage());
      }
    }

    /** Cancels a running consent wait, and any that would start later. */
    void cancel() {
      cancelled = true;
      DeviceFlow flow = running.get();
      if (flow != null) {
        flow.cancel();
      }
    }
  }
}
