package io.github.linkyj.core.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The five Enedis v5 metering endpoints, with their paths, limits and reading types. */
enum MeteringKind {
  DAILY_CONSUMPTION(
      "daily_consumption",
      "metering_data_dc/v5/daily_consumption",
      false,
      false,
      "Wh",
      "energy",
      "sum"),
  CONSUMPTION_LOAD_CURVE(
      "consumption_load_curve",
      "metering_data_clc/v5/consumption_load_curve",
      false,
      true,
      "W",
      "power",
      "average"),
  DAILY_CONSUMPTION_MAX_POWER(
      "daily_consumption_max_power",
      "metering_data_dcmp/v5/daily_consumption_max_power",
      false,
      false,
      "VA",
      "power",
      "maximum"),
  DAILY_PRODUCTION(
      "daily_production",
      "metering_data_dp/v5/daily_production",
      true,
      false,
      "Wh",
      "energy",
      "sum"),
  PRODUCTION_LOAD_CURVE(
      "production_load_curve",
      "metering_data_plc/v5/production_load_curve",
      true,
      true,
      "W",
      "power",
      "average");

  private final String endpointName;
  private final String path;
  private final boolean production;
  private final boolean loadCurve;
  private final String unit;
  private final String measurementKind;
  private final String aggregate;

  MeteringKind(
      String endpointName,
      String path,
      boolean production,
      boolean loadCurve,
      String unit,
      String measurementKind,
      String aggregate) {
    this.endpointName = endpointName;
    this.path = path;
    this.production = production;
    this.loadCurve = loadCurve;
    this.unit = unit;
    this.measurementKind = measurementKind;
    this.aggregate = aggregate;
  }

  /** Returns the last path segment, which also names recorded files. */
  String endpointName() {
    return endpointName;
  }

  /** Returns the v5 path without its leading slash. */
  String path() {
    return path;
  }

  boolean isProduction() {
    return production;
  }

  boolean isLoadCurve() {
    return loadCurve;
  }

  /** Returns the maximum number of days between start and end that one call accepts. */
  int maxDays() {
    return loadCurve ? 7 : 365;
  }

  /** Returns how many months of history Enedis keeps for this kind, before its 15-day margin. */
  int historyMonths() {
    return loadCurve ? 24 : 36;
  }

  /** Returns the {@code reading_type} object in the key order Enedis v5 sends. */
  Map<String, Object> readingType() {
    Map<String, Object> type = new LinkedHashMap<>();
    type.put("unit", unit);
    type.put("measurement_kind", measurementKind);
    type.put("aggregate", aggregate);
    if (!loadCurve) {
      type.put("measuring_period", "P1D");
    }
    return type;
  }

  static Optional<MeteringKind> fromPath(String path) {
    for (MeteringKind kind : values()) {
      if (kind.path.equals(path)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /**
   * Finds a kind by endpoint name. The gateway also accepts {@code consumption_max_power}, the name
   * conso.boris.sh uses for daily maximum power.
   */
  static Optional<MeteringKind> fromEndpointName(String name) {
    if (name.equals("consumption_max_power")) {
      return Optional.of(DAILY_CONSUMPTION_MAX_POWER);
    }
    for (MeteringKind kind : values()) {
      if (kind.endpointName.equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
