package io.github.linkyj.offpeak;

/** The tariff period that a minute of a day belongs to. */
public enum Tariff {
  /** Peak hours ("heures pleines"), every minute outside the off-peak ranges. */
  PEAK,
  /** Off-peak hours ("heures creuses"). */
  OFF_PEAK
}
