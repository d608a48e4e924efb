package io.github.linkyj.examples.cli;

import io.github.linkyj.domoticz.LinkySync;
import io.github.linkyj.examples.cli.terminal.ProgressBar;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the progress of a sync cycle: a bar redrawn on standard error when it is a terminal, one
 * log line per batch otherwise (systemd, pipes).
 */
final class SyncProgress implements LinkySync.ProgressListener {
  private static final Logger LOG = LoggerFactory.getLogger(SyncProgress.class);

  private final ProgressBar bar;

  private SyncProgress(ProgressBar bar) {
    this.bar = bar;
  }

  /** Returns a bar on {@code terminal} when {@code interactive}, log lines otherwise. */
  static SyncProgress of(boolean interactive, PrintStream terminal) {
    return new SyncProgress(interactive ? new ProgressBar(terminal, true, "sync") : null);
  }

  @Override
  public void onProgress(int done, int total, String note) {
    if (total <= 0) {
      return;
    }
    int clamped = Math.max(0, Math.min(done, total));
    if (bar != null) {
      bar.update(clamped, total, note);
    } else {
      LOG.info("Sync batch {}/{}: {}", clamped, total, note);
    }
  }

  /** Ends the bar so that later output starts on a new line. */
  void finish() {
    if (bar != null) {
      bar.finish();
    }
  }
}
