package io.github.linkyj.core;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A half-open range of local days {@code [start, end)}; empty when start is not before end. */
record DateRange(LocalDate start, LocalDate end) {

  boolean isEmpty() {
    return !start.isBefore(end);
  }

  long days() {
    return isEmpty() ? 0 : ChronoUnit.DAYS.between(start, end);
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
