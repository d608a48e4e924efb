package io.github.linkyj.core;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One of the five Enedis metering series, named as Enedis names them.
 *
 * <p>{@link #enedisName()} is also the prefix of a stored response file: {@code
 * <kind>_<start>_<end>.json}, for example {@code daily_consumption_2020-12-03_2020-12-10.json}.
 */
public enum MeteringKind {
  /** Energy per local day in Wh, one value per day. */
  DAILY_CONSUMPTION(
      "daily_consumption", "metering_data_dc/v5/daily_consumption", "daily_consumption"),

  /** Average power in W per interval (10, 15, 30 or 60 minutes), stamped at the interval end. */
  CONSUMPTION_LOAD_CURVE(
      "consumption_load_curve",
      "metering_data_clc/v5/consumption_load_curve",
      "consumption_load_curve"),

  /** Maximum apparent power in VA per local day, with the time it occurred. */
  DAILY_CONSUMPTION_MAX_POWER(
      "daily_consumption_max_power",
      "metering_data_dcmp/v5/daily_consumption_max_power",
      "consumption_max_power"),

  /** Produced energy per local day in Wh. */
  DAILY_PRODUCTION("daily_production", "metering_data_dp/v5/daily_production", "daily_production"),

  /** Average produced power in W per interval, stamped at the interval end. */
  PRODUCTION_LOAD_CURVE(
      "production_load_curve",
      "metering_data_plc/v5/production_load_curve",
      "production_load_curve");

  private final String enedisName;
  private final String enedisPath;
  private final String gatewayName;

  MeteringKind(String enedisName, String enedisPath, String gatewayName) {
    this.enedisName = enedisName;
    this.enedisPath = enedisPath;
    this.gatewayName = gatewayName;
  }

  /** Returns the Enedis name, such as {@code daily_consumption}. */
  public String enedisName() {
    return enedisName;
  }

  /** Returns the Data Connect v5 path without a leading slash. */
  public String enedisPath() {
    return enedisPath;
  }

  /**
   * Returns the kind as a conso.boris.sh-style gateway names it in {@code /api/<kind>}; only max
   * power differs from {@link #enedisName()} ({@code consumption_max_power}).
   */
  public String gatewayName() {
    return gatewayName;
  }

  /** Returns whether the series is a load curve (one reading per interval). */
  public boolean isLoadCurve() {
    return this == CONSUMPTION_LOAD_CURVE || this == PRODUCTION_LOAD_CURVE;
  }

  /** Returns whether the series measures production rather than consumption. */
  public boolean isProduction() {
    return this == DAILY_PRODUCTION || this == PRODUCTION_LOAD_CURVE;
  }

  /**
   * Returns the maximum number of days Enedis accepts in one request: 7 for load curves, 365 for
   * daily series.
   */
  public int maxDaysPerRequest() {
    return isLoadCurve() ? 7 : 365;
  }

  /**
   * Returns how many months back a request may start: 24 for load curves, 36 for daily series.
   * Enedis documents 15 more days for each, which this limit keeps as a safety margin.
   */
  public int historyMonths() {
    return isLoadCurve() ? 24 : 36;
  }

  /**
   * Returns the kind with the given Enedis name.
   *
   * @throws IllegalArgumentException if no kind has that name
   */
  public static MeteringKind ofEnedisName(String name) {
    requireNonNull(name, "name");
    for (MeteringKind kind : values()) {
      if (kind.enedisName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "Unknown metering kind: " + name + "; expected one of " + names());
  }

  /**
   * Returns the kind a stored response file name starts with, such as {@code
   * consumption_load_curve_2020-12-02_2020-12-09.json}. The longest matching name wins, so {@code
   * daily_consumption_max_power_...} is the daily maximum power, not daily consumption.
   */
  public static Optional<MeteringKind> ofFileName(String fileName) {
    requireNonNull(fileName, "fileName");
    MeteringKind best = null;
    for (MeteringKind kind : values()) {
      boolean matches = fileName.startsWith(kind.enedisName + "_");
      if (matches && (best == null || kind.enedisName.length() > best.enedisName.length())) {
        best = kind;
      }
    }
    return Optional.ofNullable(best);
  }

  private static String names() {
    StringBuilder names = new StringBuilder();
    for (MeteringKind kind : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(kind.enedisName);
    }
    return names.toString();
  }
}
