package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Secondary dashboard figure: a statistic of a period written to the four energy registers of the
 * meter. Its text form is {@code <statistic>_<period>}, such as {@code value_day} or {@code
 * mean_cmonth}; all 18 combinations are accepted.
 */
public record SecondaryFigure(Statistic statistic, Period period) {
  /** The plugin's default, {@code value_day}. */
  public static final SecondaryFigure DEFAULT = new SecondaryFigure(Statistic.VALUE, Period.DAY);

  /** Creates the figure. */
  public SecondaryFigure {
    requireNonNull(statistic, "statistic");
    requireNonNull(period, "period");
  }

  /** Returns the 18 figures, statistic by statistic. */
  public static List<SecondaryFigure> all() {
    List<SecondaryFigure> figures = new ArrayList<>();
    for (Statistic statistic : Statistic.values()) {
      for (Period period : Period.values()) {
        figures.add(new SecondaryFigure(statistic, period));
      }
    }
    return List.copyOf(figures);
  }

  /**
   * Parses the text form, such as {@code max_lweek}.
   *
   * @throws IllegalArgumentException naming the text and the accepted values
   */
  public static SecondaryFigure parse(String text) {
    requireNonNull(text, "text");
    String trimmed = text.trim();
    for (SecondaryFigure figure : all()) {
      if (figure.toString().equals(trimmed)) {
        return figure;
      }
    }
    throw new IllegalArgumentException(
        "Invalid secondary dashboard figure '"
            + text
            + "': expected value_, max_ or mean_ followed by day, cweek, lweek, cmonth, lmonth"
            + " or year, such as value_day");
  }

  /** Returns the text form accepted by {@link #parse}. */
  @Override
  public String toString() {
    return statistic.code() + "_" + period.code();
  }
}
