package io.github.linkyj.offpeak;

/** The direction of the energy measured at a usage point. */
public enum Direction {
  /** Energy drawn from the grid. */
  CONSUMPTION,
  /** Energy fed into the grid. */
  PRODUCTION
}
