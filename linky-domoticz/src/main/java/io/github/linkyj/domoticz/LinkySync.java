package io.github.linkyj.domoticz;

import static java.util.Objects.requireNonNull;

import io.github.linkyj.core.LinkyClient;
import io.github.linkyj.core.LinkyException;
import io.github.linkyj.domoticz.sync.DebugLevel;
import io.github.linkyj.domoticz.sync.DebugLog;
import io.github.linkyj.domoticz.sync.Redactor;
import io.github.linkyj.domoticz.sync.SchedulePolicy;
import io.github.linkyj.domoticz.sync.SyncSettings;
import io.github.linkyj.domoticz.sync.SyncState;
import io.github.linkyj.domoticz.sync.SyncStateStore;
import io.github.linkyj.domoticz.sync.UserMessage;
import io.github.linkyj.domoticz.sync.UserMessages;
import io.github.linkyj.offpeak.OffPeakSchedule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One complete Linky to Domoticz sync cycle, with the behaviour of the DomoticzLinky plugin.
 *
 * <p>{@link #runOnce()} loads the sync state, plans what to fetch, fetches it from Enedis batch by
 * batch, splits each interval into peak and off-peak with the usage point's own off-peak schedule,
 * writes the hourly short log and the day rows, saves the state after every batch, writes the
 * dashboard value, merges a consumption-only and a production-only usage point into one {@code
 * Linky <C> / <P>} meter, reads the history back, and works out when the next cycle runs. It never
 * throws for a failure of Enedis or Domoticz, and returns a {@link SyncReport} of what happened.
 *
 * <p>The state is saved after every batch, so a cycle ended by a failure or {@link #stop()} resumes
 * at the first batch not saved and writes no day twice. When a Domoticz request fails in the middle
 * of a batch, the rows Domoticz acknowledged before it are saved too. Domoticz returns OK even for
 * a row it drops, so the state records every written day as unverified until a read-back finds it.
 * The read-back runs at the end of the cycle and after a failure that did not come from Domoticz.
 * Failing that, it runs at the start of the next cycle, which then fetches the days Domoticz lacks.
 * A crash in the middle of a batch writes that batch again, which replaces the same rows.
 *
 * <p>Example, a dry run into memory:
 *
 * <pre>{@code
 * LinkySync sync = LinkySync.builder()
 *     .client(linkyClient)
 *     .usagePointIds(List.of("22516914714270"))
 *     .settings(SyncSettings.builder().offPeakSchedule("22h00-6h00").otherViewDays(30).build())
 *     .target(new RecordingTarget())
 *     .stateDirectory(Path.of("state"))
 *     .build();
 * SyncReport report = sync.runOnce();
 * System.out.println(report.outcome() + ", next run " + report.nextRun());
 * }</pre>
 *
 * <p>A {@code LinkySync} runs one cycle at a time; {@link #stop()} may be called from any thread.
 * At the simple and advanced debug levels, the first cycle opens the debug log file and later
 * cycles add to it, until {@link #close()}.
 */
public final class LinkySync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LinkySync.class);

  /** Supplies the usage point ids of a cycle, such as a token provider's {@code usagePointIds}. */
  @FunctionalInterface
  public interface UsagePointSource {
    /** Returns the usage point ids, in processing order. */
    List<String> usagePointIds() throws LinkyException;
  }

  /** Receives the progress of a cycle, for a progress bar. */
  @FunctionalInterface
  public interface ProgressListener {
    /**
     * Called after each batch is written and saved.
     *
     * @param done the batches done
     * @param total the batches of the cycle
     * @param note what was just done, such as the usage point and days
     */
    void onProgress(int done, int total, String note);
  }

  /** Clears the stored Enedis consent, such as {@code tokenStore::clear}. */
  @FunctionalInterface
  public interface ConsentReset {
    /** Clears the consent. */
    void reset() throws LinkyException;
  }

  final LinkyClient client;
  final UsagePointSource usagePoints;
  final SyncSettings settings;
  final SyncTarget target;
  final SyncStateStore store;
  final Clock clock;
  final ZoneId zone;
  final ProgressListener progress;
  final Random random;
  final Path debugDirectory;
  final OffPeakSchedule offPeakSchedule;
  final ConsentReset consentReset;
  final boolean nightTraffic;
  final UserMessages text;
  final SchedulePolicy policy;

  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean();
  private DebugLog debugLog; // Guarded by this.
  private volatile BooleanSupplier externalStop = () -> false;
  final AtomicBoolean retentionChecked = new AtomicBoolean();
  final Map<String, OffPeakSchedule> contractSchedules = new ConcurrentHashMap<>();

  private LinkySync(Builder b) {
    this.client = requireNonNull(b.client, "client");
    this.usagePoints = requireNonNull(b.usagePoints, "usagePointIds");
    this.settings = requireNonNull(b.settings, "settings");
    this.target = requireNonNull(b.target, "target");
    this.clock = b.clock;
    this.zone = b.zone;
    this.store =
        b.store != null
            ? b.store
            : new SyncStateStore(requireNonNull(b.stateDirectory, "stateDirectory"), clock);
    this.progress = b.progress;
    this.random = b.random;
    this.debugDirectory = b.debugDirectory;
    this.offPeakSchedule =
        b.offPeakSchedule != null
            ? b.offPeakSchedule
            : OffPeakSchedule.parse(settings.offPeakSchedule());
    this.consentReset = b.consentReset;
    this.nightTraffic = b.nightTraffic;
    this.text = new UserMessages(settings.language(), zone);
    this.policy = new SchedulePolicy(clock, random, zone);
  }

  /** Returns a builder; the client, usage point ids, settings, target and state are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the settings. */
  public SyncSettings settings() {
    return settings;
  }

  /** Returns the target. */
  public SyncTarget target() {
    return target;
  }

  /** Returns the message catalogue in the language of the settings. */
  public UserMessages userMessages() {
    return text;
  }

  /**
   * Sends a user message, such as {@link UserMessages#consentRequired}, as a cycle does: to SLF4J,
   * to the debug log file if one is open, and to the target's log with the matching level. A
   * failure to reach the target is logged, not thrown.
   */
  public void send(UserMessage message) {
    requireNonNull(message, "message");
    DebugLog debug;
    synchronized (this) {
      debug = debugLog == null ? DebugLog.disabled() : debugLog;
    }
    send(message, debug, null);
  }

  /**
   * Runs one sync cycle. Failures of Enedis and Domoticz end the cycle and are reported, not
   * thrown; batches already written stay recorded.
   *
   * @throws IllegalStateException if a cycle of this instance is already running
   */
  public SyncReport runOnce() {
    return runOnce(() -> false);
  }

  /** Runs one cycle that also stops when {@code stop} turns true. */
  SyncReport runOnce(BooleanSupplier stop) {
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("A sync cycle of " + this + " is already running");
    }
    try {
      stopRequested.set(false);
      externalStop = stop;
      return new SyncCycle(this).run();
    } finally {
      running.set(false);
    }
  }

  /**
   * Asks the running cycle to stop after the batch it is writing, once that batch is saved. The
   * cycle then returns a report with outcome {@link SyncReport.Outcome#STOPPED}. A call while no
   * cycle runs affects nothing: the next cycle clears it. {@link LinkyService#stop()} also covers
   * the time between cycles.
   */
  public void stop() {
    stopRequested.set(true);
  }

  boolean isStopRequested() {
    return stopRequested.get() || externalStop.getAsBoolean();
  }

  /**
   * Returns whether the debug level requests a consent reset and that reset was not applied yet. A
   * runner without a {@link Builder#consentReset} hook clears its token store when this is true,
   * then calls {@link #markConsentReset()}.
   *
   * @throws IOException if the state file cannot be read
   */
  public boolean isConsentResetDue() throws IOException {
    DebugLevel level = settings.debugLevel();
    return level.kind() == DebugLevel.Kind.RESET_CONSENT
        && store.load(target.stateKey(), settings.hardwareName()).state().isResetDue(level);
  }

  /**
   * Records the consent reset as applied, so it is not applied again while the level stays.
   *
   * @throws IOException if the state file cannot be written
   */
  public void markConsentReset() throws IOException {
    SyncState state = store.load(target.stateKey(), settings.hardwareName()).state();
    store.save(state.withDebugLevel(settings.debugLevel()));
  }

  /**
   * Returns the Enedis sandbox customer that the debug level selects for simulation; a runner
   * points the client at an {@code EnedisSimulator} serving that customer.
   */
  public Optional<Integer> sandboxCustomer() {
    DebugLevel level = settings.debugLevel();
    return level.kind() == DebugLevel.Kind.SANDBOX
        ? Optional.of(level.sandboxCustomer())
        : Optional.empty();
  }

  /** Returns the debug log, opening it on the first call and sending its path to {@code sink}. */
  synchronized DebugLog debugLog(List<UserMessage> sink) {
    if (debugLog == null) {
      try {
        debugLog =
            DebugLog.open(
                settings.debugLevel(), settings.hardwareName(), debugDirectory, clock, zone);
      } catch (IOException e) {
        LOG.warn("Cannot create the debug log file in {}: {}", debugDirectory, e.toString());
        debugLog = DebugLog.disabled();
      }
      DebugLog opened = debugLog;
      opened
          .file()
          .ifPresent(f -> send(text.debugLogFile(f, settings.hardwareName()), opened, sink));
    }
    return debugLog;
  }

  /** Closes the debug log file, if a cycle opened one. A later cycle opens a new file. */
  @Override
  public synchronized void close() {
    if (debugLog == null) {
      return;
    }
    try {
      debugLog.close();
    } catch (IOException e) {
      LOG.warn(
          "Cannot close the debug log file {}: {}", debugLog.file().orElse(null), e.toString());
    }
    debugLog = null;
  }

  /** Returns when the first cycle after a start runs, sending the night message if it waits. */
  SchedulePolicy.NextRun firstRun() {
    SchedulePolicy.NextRun next = policy.afterStart();
    if (next.reason() == SchedulePolicy.Reason.NIGHT && !nightTraffic) {
      send(text.serversUnreachableAtNight(next.at()), DebugLog.disabled(), null);
      return next;
    }
    return new SchedulePolicy.NextRun(clock.instant(), SchedulePolicy.Reason.START);
  }

  /** Sends a user message to SLF4J, the debug file and the target's log. */
  void send(UserMessage message, DebugLog debug, List<UserMessage> sink) {
    if (sink != null) {
      sink.add(message);
    }
    String line = Redactor.redact(message.text());
    switch (message.level()) {
      case ERROR -> LOG.error("{}", line);
      default -> LOG.info("{}", line);
    }
    writeDebug(debug, line);
    DomoticzLogLevel level =
        switch (message.level()) {
          case ERROR -> DomoticzLogLevel.ERROR;
          case STATUS -> DomoticzLogLevel.STATUS;
          case LOG -> DomoticzLogLevel.NORMAL;
        };
    toTarget(line, level);
  }

  /** Writes a debug line to SLF4J, the debug file and, at the advanced level, the target's log. */
  void debug(DebugLog debug, String line) {
    String redacted = Redactor.redact(line);
    LOG.debug("{}", redacted);
    writeDebug(debug, redacted);
    if (settings.debugLevel().logsToDomoticz()) {
      toTarget(redacted, DomoticzLogLevel.NORMAL);
    }
  }

  private static void writeDebug(DebugLog debug, String line) {
    try {
      debug.log(line);
    } catch (IOException e) {
      LOG.warn("Cannot write the debug log file {}: {}", debug.file().orElse(null), e.toString());
    }
  }

  private void toTarget(String line, DomoticzLogLevel level) {
    try {
      target.log(line, level);
    } catch (DomoticzException | RuntimeException e) {
      LOG.warn("Cannot add a message to the log of {}: {}", target, Redactor.redact(e.toString()));
    }
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return Redactor.redact(message == null ? e.getClass().getSimpleName() : message);
  }

  @Override
  public String toString() {
    return "LinkySync[" + target + ", " + settings.hardwareName() + "]";
  }

  /** Configures a {@link LinkySync}. Not thread-safe. */
  public static final class Builder {
    private LinkyClient client;
    private UsagePointSource usagePoints;
    private SyncSettings settings;
    private SyncTarget target;
    private SyncStateStore store;
    private Path stateDirectory;
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneId.of("Europe/Paris");
    private ProgressListener progress = (done, total, note) -> {};
    private Random random = new Random();
    private Path debugDirectory = Path.of(System.getProperty("java.io.tmpdir"));
    private OffPeakSchedule offPeakSchedule;
    private ConsentReset consentReset;
    private boolean nightTraffic;

    private Builder() {}

    /** Sets the Enedis client. Required. */
    public Builder client(LinkyClient client) {
      this.client = requireNonNull(client, "client");
      return this;
    }

    /** Sets fixed usage point ids. This or {@link #usagePoints} is required. */
    public Builder usagePointIds(List<String> ids) {
      List<String> copy = List.copyOf(requireNonNull(ids, "ids"));
      this.usagePoints = () -> copy;
      return this;
    }

    /** Sets where the usage point ids come from, asked at each cycle. */
    public Builder usagePoints(UsagePointSource source) {
      this.usagePoints = requireNonNull(source, "source");
      return this;
    }

    /** Sets the plugin settings. Required. */
    public Builder settings(SyncSettings settings) {
      this.settings = requireNonNull(settings, "settings");
      return this;
    }

    /** Sets where the data is written. Required. */
    public Builder target(SyncTarget target) {
      this.target = requireNonNull(target, "target");
      return this;
    }

    /** Sets the sync state store. This or {@link #stateDirectory} is required. */
    public Builder stateStore(SyncStateStore store) {
      this.store = requireNonNull(store, "store");
      return this;
    }

    /** Sets the directory of the sync state files, stored with this builder's clock. */
    public Builder stateDirectory(Path directory) {
      this.stateDirectory = requireNonNull(directory, "directory");
      return this;
    }

    /** Sets the clock; the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the zone of days and hours; Europe/Paris by default, the zone of Enedis data. */
    public Builder zone(ZoneId zone) {
      this.zone = requireNonNull(zone, "zone");
      return this;
    }

    /** Sets the progress listener, called after each batch. */
    public Builder progress(ProgressListener listener) {
      this.progress = requireNonNull(listener, "listener");
      return this;
    }

    /** Sets the random source of the morning minute of the next run. */
    public Builder random(Random random) {
      this.random = requireNonNull(random, "random");
      return this;
    }

    /** Sets the directory of the debug log file; the system temporary folder by default. */
    public Builder debugDirectory(Path directory) {
      this.debugDirectory = requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Sets the off-peak schedule, replacing the parsed text of the settings. Usage points whose
     * contract gives the off-peak hours (when the settings ask for it) still use their contract.
     */
    public Builder offPeakSchedule(OffPeakSchedule schedule) {
      this.offPeakSchedule = requireNonNull(schedule, "schedule");
      return this;
    }

    /** Sets how the consent is cleared when the debug level requests a consent reset. */
    public Builder consentReset(ConsentReset reset) {
      this.consentReset = requireNonNull(reset, "reset");
      return this;
    }

    /**
     * Allows cycles between 22:00 and 08:00, when Enedis servers are normally unreachable; for
     * simulators and tests. Off by default.
     */
    public Builder allowNightTraffic(boolean allow) {
      this.nightTraffic = allow;
      return this;
    }

    /**
     * Returns the sync.
     *
     * @throws NullPointerException if a required part is missing, naming it
     * @throws io.github.linkyj.offpeak.OffPeakParseException if the settings' off-peak text is
     *     invalid
     */
    public LinkySync build() {
      return new LinkySync(this);
    }
  }
}
