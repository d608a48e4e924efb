package io.github.linkyj.core.auth;

import io.github.linkyj.core.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each wait and advances the clock by it instead of sleeping. */
final class RecordingSleeper implements Sleeper {
  private final MutableClock clock;
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private volatile Runnable onSleep = () -> {};

  RecordingSleeper(MutableClock clock) {
    this.clock = clock;
  }

  /** Runs {@code action} at the start of every wait, for example to cancel the flow. */
  void onSleep(Runnable action) {
    this.onSleep = action;
  }

  List<Duration> waits() {
    return waits;
  }

  List<Long> waitSeconds() {
    return waits.stream().map(Duration::toSeconds).toList();
  }

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
    onSleep.run();
    clock.advance(duration);
  }
}
