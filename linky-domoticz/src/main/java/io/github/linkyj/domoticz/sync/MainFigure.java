package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

/**
 * Main dashboard figure: the highest daily maximum power (VA) of a period, written to the
 * instantaneous power fields of the meter. Its text form is {@code peak_<period>}, such as {@code
 * peak_day}.
 */
public record MainFigure(Period period) {
  /** The plugin's default, {@code peak_day}. */
  public static final MainFigure DEFAULT = new MainFigure(Period.DAY);

  /** Creates the figure for {@code period}. */
  public MainFigure {
    requireNonNull(period, "period");
  }

  /**
   * Parses the text form, such as {@code peak_cweek}.
   *
   * @throws IllegalArgumentException naming the text and the accepted values
   */
  public static MainFigure parse(String text) {
    requireNonNull(text, "text");
    String trimmed = text.trim();
    if (trimmed.startsWith("peak_")) {
      for (Period period : Period.values()) {
        if (trimmed.equals("peak_" + period.code())) {
          return new MainFigure(period);
        }
      }
    }
    throw new IllegalArgumentException(
        "Invalid main dashboard figure '"
            + text
            + "': expected peak_day, peak_cweek, peak_lweek, peak_cmonth, peak_lmonth or"
            + " peak_year");
  }

  /** Returns the text form accepted by {@link #parse}. */
  @Override
  public String toString() {
    return "peak_" + period.code();
  }
}
