package io.github.linkyj.domoticz.sync;

/** Statistic of a period shown on the dashboard's energy registers. */
public enum Statistic {
  /** Energy of the period in Wh. */
  VALUE("value"),
  /** Highest energy of one clock hour of the period, in Wh (the mean power of that hour, W). */
  MAX("max"),
  /**
   * Mean power of the register over the time that register's tariff was in force, in W (equal to
   * the mean energy per hour of that tariff, Wh).
   */
  MEAN("mean");

  private final String code;

  Statistic(String code) {
    this.code = code;
  }

  /** Returns the code used in the plugin's dashboard options, such as {@code max}. */
  public String code() {
    return code;
  }
}
