package io.github.linkyj.domoticz;

import static java.util.Objects.requireNonNull;

/**
 * A P1 Smart Meter reading: the cumulative counters and the power at one moment.
 *
 * <p>Domoticz's day graph draws power from the differences between consecutive short-log counters,
 * so the counters of successive points must grow from one shared base.
 *
 * @param counters cumulative energy counters in Wh
 * @param consumptionPower consumption power in W (Linky reports apparent power in VA)
 * @param productionPower production power in W
 */
public record P1Reading(P1Energy counters, long consumptionPower, long productionPower) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if a power is negative
   */
  public P1Reading {
    requireNonNull(counters, "counters");
    P1Energy.checkNotNegative("consumptionPower", consumptionPower);
    P1Energy.checkNotNegative("productionPower", productionPower);
  }

  /** Returns a reading of the given counters with both powers 0. */
  public static P1Reading of(P1Energy counters) {
    return new P1Reading(counters, 0, 0);
  }

  /** Returns the six fields {@code U1;U2;R1;R2;CONS;PROD} of a P1 sValue. */
  String toSValueFields() {
    return counters.toSValueFields() + ";" + consumptionPower + ";" + productionPower;
  }
}
