package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Composes the dashboard value of a usage point from the statistics of its written days.
 *
 * <p>The secondary figure fills the four energy registers:
 *
 * <ul>
 *   <li>{@code value_<period>}: the energy of the period, the sum of the day rows written for its
 *       days, Wh.
 *   <li>{@code max_<period>}: the largest energy of one clock hour in the period, Wh, over the days
 *       with hourly detail.
 *   <li>{@code mean_<period>}: the register's energy divided by the time its tariff was in force,
 *       over the days with hourly detail, which is the mean power during that tariff in W (the mean
 *       energy per hour of that tariff, Wh). So the off-peak register shows the mean of the
 *       off-peak hours only, and a register whose tariff never applied shows 0. (The Python plugin
 *       divided every register by all hours with data, which understated both.)
 * </ul>
 *
 * <p>The main figure is the highest daily maximum power of its period, VA; production has none.
 *
 * <p>A direction counts when it is not known to be absent and at least one stored day has data for
 * it; the registers of a direction that does not count are 0. The outcome is {@link
 * DashboardOutcome.Missing} when neither direction counts, when a counted direction lacks data on
 * the last day of the period or on every day of it, when {@code max_} or {@code mean_} finds no day
 * with hourly detail, or when consumption counts and the main period has no maximum power on its
 * last day. Earlier days missing inside a period are tolerated: the figure covers the days present.
 * The composer never returns negative values.
 */
public final class DashboardComposer {
  private DashboardComposer() {}

  /**
   * Returns the first day whose statistics any dashboard figure may need on {@code today}: the
   * earlier of 1 January of yesterday's year and the 1st of the month before yesterday's. The sync
   * state keeps the statistics from that day on, so a change of figure needs no new fetch.
   */
  public static LocalDate statisticsHorizon(LocalDate today) {
    requireNonNull(today, "today");
    LocalDate horizon = today;
    for (Period period : Period.values()) {
      LocalDate start = period.range(today).startInclusive();
      if (start.isBefore(horizon)) {
        horizon = start;
      }
    }
    return horizon;
  }

  /**
   * Returns the dashboard outcome.
   *
   * @param main the main figure
   * @param secondary the secondary figure
   * @param today the local date of the sync
   * @param days the stored statistics by day
   * @param absent the directions known to be absent at this usage point
   */
  public static DashboardOutcome compose(
      MainFigure main,
      SecondaryFigure secondary,
      LocalDate today,
      Map<LocalDate, DayStatistics> days,
      Set<Direction> absent) {
    requireNonNull(main, "main");
    requireNonNull(secondary, "secondary");
    requireNonNull(today, "today");
    requireNonNull(days, "days");
    requireNonNull(absent, "absent");
    boolean consumption = counts(Direction.CONSUMPTION, days, absent);
    boolean production = counts(Direction.PRODUCTION, days, absent);
    if (!consumption && !production) {
      return new DashboardOutcome.Missing("no consumption or production data", List.of());
    }

    DateRange period = secondary.period().range(today);
    List<DayStatistics> inPeriod = daysIn(period, days);
    for (Direction direction : Direction.values()) {
      boolean counted = direction == Direction.CONSUMPTION ? consumption : production;
      if (counted) {
        DashboardOutcome.Missing missing = checkDays(direction, period, days);
        if (missing != null) {
          return missing;
        }
      }
    }

    Registers registers = secondaryFigure(secondary.statistic(), inPeriod);
    if (registers == null) {
      return new DashboardOutcome.Missing(
          "no hourly detail between " + period.startInclusive() + " and " + period.endInclusive(),
          List.of());
    }
    registers =
        new Registers(
            consumption ? registers.usage1() : 0,
            consumption ? registers.usage2() : 0,
            production ? registers.return1() : 0,
            production ? registers.return2() : 0);

    long peak = 0;
    if (consumption) {
      DateRange peakPeriod = main.period().range(today);
      DayStatistics last = days.get(peakPeriod.endInclusive());
      if (last == null || last.peak().isEmpty()) {
        return new DashboardOutcome.Missing(
            "no maximum power on " + peakPeriod.endInclusive(), List.of(peakPeriod.endInclusive()));
      }
      for (DayStatistics day : daysIn(peakPeriod, days)) {
        peak = Math.max(peak, day.peak().map(DailyPeak::voltAmperes).orElse(0L));
      }
    }
    return new DashboardOutcome.Ready(new DashboardValue(registers, peak, 0));
  }

  private static boolean counts(
      Direction direction, Map<LocalDate, DayStatistics> days, Set<Direction> absent) {
    if (absent.contains(direction)) {
      return false;
    }
    return days.values().stream().anyMatch(day -> day.source(direction) != DaySource.NONE);
  }

  private static DashboardOutcome.Missing checkDays(
      Direction direction, DateRange period, Map<LocalDate, DayStatistics> days) {
    List<LocalDate> missing = new ArrayList<>();
    for (LocalDate day = period.startInclusive();
        day.isBefore(period.endExclusive());
        day = day.plusDays(1)) {
      DayStatistics stats = days.get(day);
      if (stats == null || stats.source(direction) == DaySource.NONE) {
        missing.add(day);
      }
    }
    boolean lastMissing =
        !missing.isEmpty() && missing.get(missing.size() - 1).equals(period.endInclusive());
    if (lastMissing || missing.size() == period.days()) {
      return new DashboardOutcome.Missing(
          "no " + direction.name().toLowerCase(java.util.Locale.ROOT) + " data on " + missing,
          missing);
    }
    return null;
  }

  private static List<DayStatistics> daysIn(DateRange range, Map<LocalDate, DayStatistics> days) {
    List<DayStatistics> result = new ArrayList<>();
    for (LocalDate day = range.startInclusive();
        day.isBefore(range.endExclusive());
        day = day.plusDays(1)) {
      DayStatistics stats = days.get(day);
      if (stats != null) {
        result.add(stats);
      }
    }
    return result;
  }

  /** Returns the registers of the statistic, or null when no day has hourly detail. */
  private static Registers secondaryFigure(Statistic statistic, List<DayStatistics> days) {
    switch (statistic) {
      case VALUE:
        return days.stream()
            .map(day -> WattHours.roundDay(day.energy()))
            .reduce(Registers.ZERO, Registers::plus);
      case MAX:
        return max(days);
      case MEAN:
        return mean(days);
    }
    throw new AssertionError(statistic);
  }

  private static Registers max(List<DayStatistics> days) {
    long[] max = new long[4];
    boolean any = false;
    for (DayStatistics day : days) {
      if (hasHourlyDetail(day)) {
        any = true;
        long[] energy = day.maxHourEnergy().toArray();
        for (int i = 0; i < 4; i++) {
          max[i] = Math.max(max[i], energy[i]);
        }
      }
    }
    if (!any) {
      return null;
    }
    for (int i = 0; i < 4; i++) {
      max[i] = WattHours.roundHalfUp(max[i]);
    }
    return Registers.of(max);
  }

  private static Registers mean(List<DayStatistics> days) {
    long[] energy = new long[4];
    long[] minutes = new long[4];
    boolean any = false;
    for (DayStatistics day : days) {
      long[] dayEnergy = day.energy().toArray();
      long[] dayMinutes = day.tariffMinutes().toArray();
      for (int i = 0; i < 4; i++) {
        if (hasHourlyDetail(day, i)) {
          any = true;
          energy[i] += dayEnergy[i];
          minutes[i] += dayMinutes[i];
        }
      }
    }
    if (!any) {
      return null;
    }
    long[] mean = new long[4];
    for (int i = 0; i < 4; i++) {
      mean[i] = minutes[i] == 0 ? 0 : Math.floorDiv(2 * energy[i] + minutes[i], 2 * minutes[i]);
    }
    return Registers.of(mean);
  }

  private static boolean hasHourlyDetail(DayStatistics day) {
    return hasCurve(day.consumption()) || hasCurve(day.production());
  }

  private static boolean hasHourlyDetail(DayStatistics day, int register) {
    return hasCurve(register < 2 ? day.consumption() : day.production());
  }

  private static boolean hasCurve(DaySource source) {
    return source == DaySource.CURVE || source == DaySource.CURVE_INCOMPLETE;
  }
}
