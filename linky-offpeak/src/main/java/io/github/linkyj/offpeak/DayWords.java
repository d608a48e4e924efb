package io.github.linkyj.offpeak;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The weekday and holiday words of the schedule syntax, in lower case without accents. */
final class DayWords {
  private static final Map<String, Set<DayType>> WORDS = new HashMap<>();

  static {
    add(DayType.MONDAY, "lundi", "lun", "lu", "monday", "mon", "mo");
    add(DayType.TUESDAY, "mardi", "mar", "ma", "tuesday", "tues", "tue", "tu");
    add(DayType.WEDNESDAY, "mercredi", "mer", "me", "wednesday", "wed", "we");
    add(DayType.THURSDAY, "jeudi", "jeu", "je", "thursday", "thurs", "thur", "thu", "th");
    add(DayType.FRIDAY, "vendredi", "ven", "ve", "friday", "fri", "fr");
    add(DayType.SATURDAY, "samedi", "sam", "sa", "saturday", "sat");
    add(DayType.SUNDAY, "dimanche", "dim", "di", "sunday", "sun", "su");
    add(DayType.HOLIDAY, "fe", "ferie", "feries", "ba", "ho", "hol", "holiday", "holidays");
    WORDS.put("weekend", EnumSet.of(DayType.SATURDAY, DayType.SUNDAY));
    WORDS.put("week-end", EnumSet.of(DayType.SATURDAY, DayType.SUNDAY));
  }

  /** The first words of two-word holiday names, with the second words they accept. */
  private static final Map<String, Set<String>> HOLIDAY_PREFIXES =
      Map.of(
          "jour", Set.of("ferie", "feries"),
          "jours", Set.of("ferie", "feries"),
          "bank", Set.of("holiday", "holidays"),
          "public", Set.of("holiday", "holidays"));

  private DayWords() {}

  private static void add(DayType type, String... words) {
    for (String word : words) {
      WORDS.put(word, EnumSet.of(type));
    }
  }

  /** Returns the day types of a one-word day name, or null if the word is not one. */
  static Set<DayType> days(String word) {
    return WORDS.get(word);
  }

  /** Returns whether the word starts a two-word holiday name, such as "jours" or "bank". */
  static boolean startsHolidayName(String word) {
    return HOLIDAY_PREFIXES.containsKey(word);
  }

  /**
   * Returns whether {@code second} completes the two-word holiday name started by {@code first}.
   */
  static boolean completesHolidayName(String first, String second) {
    return HOLIDAY_PREFIXES.getOrDefault(first, Set.of()).contains(second);
  }

  /** Returns the second word expected after a holiday name prefix, for messages. */
  static String expectedAfter(String first) {
    return first.startsWith("jour") ? "fériés" : "holiday";
  }
}
