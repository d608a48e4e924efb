package io.github.linkyj.examples.cli;

import io.github.linkyj.offpeak.OffPeakParseException;
import io.github.linkyj.offpeak.OffPeakSchedule;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** Parses the off-peak text of a command and reports a parse error with its position. */
final class OffPeakText {
  private OffPeakText() {}

  /** Joins the words with single spaces, so the text may be given quoted or unquoted. */
  static String join(List<String> words) {
    return String.join(" ", words);
  }

  /**
   * Parses the text, or prints the error with a caret under the offending index to {@code err}.
   *
   * @return the schedule, or empty if the text is invalid
   */
  static Optional<OffPeakSchedule> parse(String text, PrintWriter err) {
    try {
      return Optional.of(OffPeakSchedule.parse(text));
    } catch (OffPeakParseException e) {
      err.println("linky: " + e.getMessage());
      err.println("  " + e.input());
      err.println("  " + " ".repeat(e.input().codePointCount(0, e.index())) + "^");
      err.flush();
      return Optional.empty();
    }
  }
}
