package io.github.linkyj.offpeak;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The French public holidays ("jours fériés") of the years 1900 to 2200.
 *
 * <p>The metropolitan calendar has 11 holidays a year: 1 January, Easter Monday, 1 May, 8 May,
 * Ascension Day (Easter + 39 days), Whit Monday (Easter + 50 days), 14 July, 15 August, 1 November,
 * 11 November and 25 December. The Alsace-Moselle calendar (departments Bas-Rhin, Haut-Rhin and
 * Moselle) adds Good Friday (Easter - 2 days) and 26 December. Easter Sunday follows the Gregorian
 * computus.
 *
 * <p>NOTE: every year uses the list in force since 1982, so earlier years where a holiday did not
 * exist yet or was suspended (8 May from 1960 to 1981, for example) still count it.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class FrenchHolidays {
  /** The first year with computed holidays. */
  public static final int MIN_YEAR = 1900;

  /** The last year with computed holidays. */
  public static final int MAX_YEAR = 2200;

  /** The flag of {@link #dayCode} for a public holiday. */
  static final int HOLIDAY = 8;

  /** The flag of {@link #dayCode} for a year outside {@value #MIN_YEAR}-{@value #MAX_YEAR}. */
  static final int UNKNOWN_YEAR = 16;

  /** The number of distinct day codes. */
  static final int DAY_CODES = 24;

  private static final int SLOTS_PER_YEAR = 12 * 31;
  private static final FrenchHolidays METROPOLITAN = new FrenchHolidays(false);
  private static final FrenchHolidays ALSACE_MOSELLE = new FrenchHolidays(true);

  private final boolean alsaceMoselle;

  /**
   * The {@link #dayCode} of every date, at the slot {@code (year - MIN_YEAR) * 372 + (month - 1) *
   * 31 + day - 1}. Reading fields of a date is faster than computing its epoch day, and the
   * classification methods look up one date per call.
   */
  private final byte[] dayCodes;

  private FrenchHolidays(boolean alsaceMoselle) {
    this.alsaceMoselle = alsaceMoselle;
    this.dayCodes = new byte[(MAX_YEAR - MIN_YEAR + 1) * SLOTS_PER_YEAR];
    int dayOfWeek = LocalDate.of(MIN_YEAR, 1, 1).getDayOfWeek().ordinal();
    for (int year = MIN_YEAR; year <= MAX_YEAR; year++) {
      for (Month month : Month.values()) {
        int length = month.length(Year.isLeap(year));
        for (int day = 1; day <= length; day++) {
          dayCodes[slot(year, month.getValue(), day)] = (byte) dayOfWeek;
          dayOfWeek = (dayOfWeek + 1) % 7;
        }
      }
      for (LocalDate holiday : computeHolidays(year, alsaceMoselle)) {
        dayCodes[slot(year, holiday.getMonthValue(), holiday.getDayOfMonth())] |= HOLIDAY;
      }
    }
  }

  private static int slot(int year, int month, int day) {
    return (year - MIN_YEAR) * SLOTS_PER_YEAR + (month - 1) * 31 + day - 1;
  }

  /** Returns the 11 holidays of metropolitan France. */
  public static FrenchHolidays metropolitan() {
    return METROPOLITAN;
  }

  /**
   * Returns the 13 holidays of Alsace-Moselle: the metropolitan ones, Good Friday and 26 December.
   */
  public static FrenchHolidays alsaceMoselle() {
    return ALSACE_MOSELLE;
  }

  /**
   * Returns Easter Sunday of a Gregorian year.
   *
   * @param year the year, from {@value #MIN_YEAR} to {@value #MAX_YEAR}
   * @return the date of Easter Sunday
   * @throws DateTimeException if the year is out of range
   */
  public static LocalDate easterSunday(int year) {
    checkYear(year);
    int golden = year % 19;
    int century = year / 100;
    int yearOfCentury = year % 100;
    int epact =
        (19 * golden + century - century / 4 - (century - (century + 8) / 25 + 1) / 3 + 15) % 30;
    int weekday =
        (32 + 2 * (century % 4) + 2 * (yearOfCentury / 4) - epact - yearOfCentury % 4) % 7;
    int shift = (golden + 11 * epact + 22 * weekday) / 451;
    int monthAndDay = epact + weekday - 7 * shift + 114;
    return LocalDate.of(year, monthAndDay / 31, monthAndDay % 31 + 1);
  }

  /** Returns whether this calendar includes Good Friday and 26 December. */
  public boolean isAlsaceMoselle() {
    return alsaceMoselle;
  }

  /**
   * Returns whether a date is a public holiday.
   *
   * @param date the date, in a year from {@value #MIN_YEAR} to {@value #MAX_YEAR}, not null
   * @return true on a public holiday
   * @throws DateTimeException if the year is out of range
   */
  public boolean isHoliday(LocalDate date) {
    requireNonNull(date, "date");
    checkYear(date.getYear());
    return (dayCode(date) & HOLIDAY) != 0;
  }

  /**
   * Returns the {@link java.time.DayOfWeek} ordinal of a date, plus {@link #HOLIDAY} on a public
   * holiday, or plus {@link #UNKNOWN_YEAR} outside the years of this calendar.
   */
  int dayCode(LocalDate date) {
    int year = date.getYear();
    if (year < MIN_YEAR || year > MAX_YEAR) {
      return date.getDayOfWeek().ordinal() + UNKNOWN_YEAR;
    }
    return dayCodes[slot(year, date.getMonthValue(), date.getDayOfMonth())];
  }

  /**
   * Returns the public holidays of a year in date order.
   *
   * @param year the year, from {@value #MIN_YEAR} to {@value #MAX_YEAR}
   * @return the distinct holiday dates, an unmodifiable list: 11 (13 in Alsace-Moselle), or fewer
   *     when two holidays fall on the same date, as 1 May and Ascension Day did in 2008
   * @throws DateTimeException if the year is out of range
   */
  public List<LocalDate> holidays(int year) {
    checkYear(year);
    return computeHolidays(year, alsaceMoselle);
  }

  private static List<LocalDate> computeHolidays(int year, boolean alsaceMoselle) {
    LocalDate easter = easterSunday(year);
    Set<LocalDate> holidays = new TreeSet<>();
    holidays.add(LocalDate.of(year, Month.JANUARY, 1));
    if (alsaceMoselle) {
      holidays.add(easter.minusDays(2));
    }
    holidays.add(easter.plusDays(1));
    holidays.add(LocalDate.of(year, Month.MAY, 1));
    holidays.add(LocalDate.of(year, Month.MAY, 8));
    holidays.add(easter.plusDays(39));
    holidays.add(easter.plusDays(50));
    holidays.add(LocalDate.of(year, Month.JULY, 14));
    holidays.add(LocalDate.of(year, Month.AUGUST, 15));
    holidays.add(LocalDate.of(year, Month.NOVEMBER, 1));
    holidays.add(LocalDate.of(year, Month.NOVEMBER, 11));
    holidays.add(LocalDate.of(year, Month.DECEMBER, 25));
    if (alsaceMoselle) {
      holidays.add(LocalDate.of(year, Month.DECEMBER, 26));
    }
    return List.copyOf(holidays);
  }

  static void checkYear(int year) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new DateTimeException(
          "Year "
              + year
              + " is outside the range "
              + MIN_YEAR
              + "-"
              + MAX_YEAR
              + " of the French public holiday calendar");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FrenchHolidays
        && ((FrenchHolidays) other).alsaceMoselle == alsaceMoselle;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(alsaceMoselle);
  }

  /** Returns {@code FrenchHolidays[metropolitan]} or {@code FrenchHolidays[alsace-moselle]}. */
  @Override
  public String toString() {
    return "FrenchHolidays[" + (alsaceMoselle ? "alsace-moselle" : "metropolitan") + "]";
  }
}
