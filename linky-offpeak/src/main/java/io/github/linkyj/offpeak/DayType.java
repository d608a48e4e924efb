package io.github.linkyj.offpeak;

import java.time.DayOfWeek;

/** A weekday or the public-holiday day type, in the order the canonical text lists them. */
enum DayType {
  MONDAY("mon"),
  TUESDAY("tue"),
  WEDNESDAY("wed"),
  THURSDAY("thu"),
  FRIDAY("fri"),
  SATURDAY("sat"),
  SUNDAY("sun"),
  HOLIDAY("holiday");

  private final String canonicalWord;

  DayType(String canonicalWord) {
    this.canonicalWord = canonicalWord;
  }

  String canonicalWord() {
    return canonicalWord;
  }

  String displayName() {
    return this == HOLIDAY
        ? "The public holiday list"
        : name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  static DayType of(DayOfWeek day) {
    return values()[day.ordinal()];
  }

  DayOfWeek dayOfWeek() {
    return DayOfWeek.values()[ordinal()];
  }
}
