package io.github.linkyj.domoticz;

import static java.util.Objects.requireNonNull;

import io.github.linkyj.domoticz.sync.SchedulePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link LinkySync} for as long as the program runs, on the plugin's schedule: a first cycle
 * at start (or at the morning window when started at night), then one a day after 08:00 at a random
 * minute, an hour later after a failure, at the time Enedis gives after a quota refusal, and never
 * between 22:00 and 08:00.
 *
 * <p>{@link #stop()}, from a signal handler for instance, lets the running cycle finish and save
 * the batch it is writing, then makes {@link #run()} return. Waits use the {@link Waiter}, so tests
 * with a fake clock run instantly.
 */
public final class LinkyService {
  private static final Logger LOG = LoggerFactory.getLogger(LinkyService.class);

  /** Waits until an instant of the service's clock. */
  @FunctionalInterface
  public interface Waiter {
    /**
     * Returns at {@code until} or earlier when {@code wakeUp} is signalled; may return early.
     *
     * @param until the instant to wait for
     * @param wakeUp counted down by {@link #stop()}
     */
    void waitUntil(Instant until, CountDownLatch wakeUp) throws InterruptedException;
  }

  private final LinkySync sync;
  private final Clock clock;
  private final Waiter waiter;
  private final Consumer<SyncReport> listener;
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean stopped;
  private volatile int cycles;

  /**
   * Creates a service with the system waiter, which sleeps on the clock's time line.
   *
   * @param sync the sync to run
   * @param clock the clock of the schedule; the same as the sync's
   * @param listener receives the report of every cycle, for example to start the consent flow
   */
  public LinkyService(LinkySync sync, Clock clock, Consumer<SyncReport> listener) {
    this(sync, clock, listener, systemWaiter(clock));
  }

  /**
   * Creates a service.
   *
   * @param sync the sync to run
   * @param clock the clock of the schedule; the same as the sync's
   * @param listener receives the report of every cycle
   * @param waiter waits between cycles
   */
  public LinkyService(LinkySync sync, Clock clock, Consumer<SyncReport> listener, Waiter waiter) {
    this.sync = requireNonNull(sync, "sync");
    this.clock = requireNonNull(clock, "clock");
    this.listener = requireNonNull(listener, "listener");
    this.waiter = requireNonNull(waiter, "waiter");
  }

  /** Returns a waiter that blocks the thread until the instant, or until a stop. */
  public static Waiter systemWaiter(Clock clock) {
    requireNonNull(clock, "clock");
    return (until, wakeUp) -> {
      long millis = Duration.between(clock.instant(), until).toMillis();
      if (millis > 0) {
        wakeUp.await(millis, TimeUnit.MILLISECONDS);
      }
    };
  }

  /**
   * Runs cycles until {@link #stop()}. Returns once the running cycle has saved its last batch.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public void run() throws InterruptedException {
    try {
      SchedulePolicy.NextRun next = sync.firstRun();
      while (!stopped) {
        waitFor(next.at());
        if (stopped) {
          break;
        }
        SyncReport report = sync.runOnce(() -> stopped);
        cycles++;
        LOG.info(
            "Sync cycle {} ended {}; next run {} ({})",
            cycles,
            report.outcome(),
            report.nextRun(),
            report.nextRunReason());
        listener.accept(report);
        next = new SchedulePolicy.NextRun(report.nextRun(), report.nextRunReason());
      }
    } finally {
      finished.countDown();
    }
  }

  private void waitFor(Instant at) throws InterruptedException {
    while (!stopped && clock.instant().isBefore(at)) {
      waiter.waitUntil(at, stopSignal);
    }
  }

  /**
   * Asks the service to stop: the running cycle stops after saving the batch it is writing, and
   * {@link #run()} returns. Safe to call from any thread, more than once.
   */
  public void stop() {
    stopped = true;
    sync.stop();
    stopSignal.countDown();
  }

  /**
   * Waits until {@link #run()} has returned after {@link #stop()}.
   *
   * @return false if {@code timeout} passed first
   */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Returns the cycles run so far. */
  public int cycles() {
    return cycles;
  }
}
