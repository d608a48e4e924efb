package io.github.linkyj.domoticz.sync;

/** Direction of the energy measured at a usage point. */
public enum Direction {
  CONSUMPTION,
  PRODUCTION
}
