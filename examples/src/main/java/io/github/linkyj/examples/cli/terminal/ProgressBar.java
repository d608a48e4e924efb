package io.github.linkyj.examples.cli.terminal;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Reports the progress of a long task: a bar redrawn in place on an interactive terminal, or one
 * plain line per step otherwise (for logs, pipes and systemd).
 *
 * <p>Not thread-safe; one task reports from one thread.
 */
public final class ProgressBar {
  private static final int BAR_WIDTH = 30;

  private final PrintStream out;
  private final boolean interactive;
  private final String task;
  private int lastPercent = -1;

  /**
   * Creates a progress reporter.
   *
   * @param out where to print
   * @param interactive true when {@code out} is a terminal, such as when {@code System.console()}
   *     is not null
   * @param task a short name of the task, printed before the bar
   */
  public ProgressBar(PrintStream out, boolean interactive, String task) {
    this.out = Objects.requireNonNull(out, "out");
    this.interactive = interactive;
    this.task = Objects.requireNonNull(task, "task");
  }

  /**
   * Reports that {@code done} of {@code total} steps are finished, with a note on the current step
   * (for example the usage point and dates being fetched).
   */
  public void update(long done, long total, String note) {
    if (total <= 0) {
      throw new IllegalArgumentException("total must be positive: " + total);
    }
    if (done < 0 || done > total) {
      throw new IllegalArgumentException("done must be from 0 to " + total + ": " + done);
    }
    int percent = (int) (done * 100 / total);
    if (interactive) {
      drawBar(done, total, percent, note);
    } else if (percent != lastPercent) {
      out.println(task + ": " + done + "/" + total + " (" + percent + "%) " + note);
    }
    lastPercent = percent;
  }

  /** Ends the bar so that the next output starts on a fresh line. */
  public void finish() {
    if (interactive && lastPercent >= 0) {
      out.println();
    }
    out.flush();
  }

  private void drawBar(long done, long total, int percent, String note) {
    int filled = (int) (done * BAR_WIDTH / total);
    StringBuilder line = new StringBuilder("\r").append(task).append(" [");
    line.append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append("] ");
    line.append(String.format("%3d%% ", percent)).append(note);
    // Clears what a longer previous note left on the line.
    line.append("\u001b[K");
    out.print(line);
    out.flush();
  }
}
