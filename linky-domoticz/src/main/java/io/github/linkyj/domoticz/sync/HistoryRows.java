package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Day rows and hourly short-log points to write for a usage point, in whole Wh.
 *
 * <p>Rounding: a day's four registers add up to the day's exact energy rounded half up, and each
 * register is within 1 Wh of its exact value (largest remainders). Days are rounded on their own,
 * so writing a day again gives the same row whatever else is written with it.
 *
 * <p>Short-log points are running counters, so that the difference between two consecutive points
 * is the energy of the hour between them and Domoticz's day graph shows the power. A point is
 * stamped at the end of its hour and written for every hour with load-curve data on the days of the
 * hourly view. Within a day a register's counter follows the rounded running sum of its hours and
 * reaches exactly the day row's value at the day's last hour, so the short log and the day rows
 * never drift apart. A register without hourly detail that day (a day from daily values) does not
 * move its counter. On a day that follows another day with points in the same call, the counters
 * continue from that day. Otherwise they start from the base the caller gives for that day, which
 * {@link UsagePointState#counterBaseAt} computes from what was written before.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class HistoryRows {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final List<DayRow> dayRows;
  private final List<HourPoint> hourPoints;
  private final Map<LocalDate, Registers> shortLogEnergy;
  private final Registers endCounters;

  private HistoryRows(
      List<DayRow> dayRows,
      List<HourPoint> hourPoints,
      Map<LocalDate, Registers> shortLogEnergy,
      Registers endCounters) {
    this.dayRows = List.copyOf(dayRows);
    this.hourPoints = List.copyOf(hourPoints);
    this.shortLogEnergy = Map.copyOf(shortLogEnergy);
    this.endCounters = endCounters;
  }

  /** One row of the day history: the day's own energies. */
  public record DayRow(LocalDate day, Registers wattHours) {
    /** Returns the P1 Smart Meter value {@code U1;U2;R1;R2;0;0;YYYY-MM-DD}. */
    public String sValue() {
      return wattHours.usage1()
          + ";"
          + wattHours.usage2()
          + ";"
          + wattHours.return1()
          + ";"
          + wattHours.return2()
          + ";0;0;"
          + day;
    }
  }

  /** One short-log point: the running counters at the end of an hour, Wh. */
  public record HourPoint(ZonedDateTime end, Registers counters) {
    /** Returns the local end time. */
    public LocalDateTime localEnd() {
      return end.toLocalDateTime();
    }

    /**
     * Returns the P1 Smart Meter value {@code U1;U2;R1;R2;0;0;YYYY-MM-DD HH:MM:SS}.
     *
     * <p>NOTE: on the autumn daylight-saving day two points carry the same local time; how Domoticz
     * stores the second one has not been checked.
     */
    public String sValue() {
      return counters.usage1()
          + ";"
          + counters.usage2()
          + ";"
          + counters.return1()
          + ";"
          + counters.return2()
          + ";0;0;"
          + TIME.format(end);
    }
  }

  /**
   * Builds the rows of {@code days} with the same counter base for every run of consecutive days.
   *
   * @see #build(Collection, LocalDate, int, Function)
   */
  public static HistoryRows build(
      Collection<DayEnergy> days, LocalDate today, int hourlyViewDays, Registers counterBase) {
    requireNonNull(counterBase, "counterBase");
    return build(days, today, hourlyViewDays, day -> counterBase);
  }

  /**
   * Builds the rows of {@code days}.
   *
   * @param days the days to write, in any order; days on or after {@code today} are skipped
   * @param today the local date of the sync
   * @param hourlyViewDays how many days before today get short-log points, 0 to 7
   * @param counterBase the counters, Wh, at the start of a day whose previous day gets no points in
   *     this call
   */
  public static HistoryRows build(
      Collection<DayEnergy> days,
      LocalDate today,
      int hourlyViewDays,
      Function<LocalDate, Registers> counterBase) {
    requireNonNull(days, "days");
    requireNonNull(today, "today");
    requireNonNull(counterBase, "counterBase");
    if (hourlyViewDays < 0) {
      throw new IllegalArgumentException(
          "Invalid hourly-view days " + hourlyViewDays + ": expected 0 or more");
    }
    LocalDate hourlyViewStart = today.minusDays(hourlyViewDays);

    List<DayEnergy> sorted = new ArrayList<>(days);
    sorted.sort((a, b) -> a.day().compareTo(b.day()));
    List<DayRow> rows = new ArrayList<>();
    List<HourPoint> points = new ArrayList<>();
    Map<LocalDate, Registers> shortLog = new LinkedHashMap<>();
    long[] counters = null;
    LocalDate previousWithPoints = null;
    for (DayEnergy day : sorted) {
      if (!day.day().isBefore(today)) {
        continue;
      }
      Registers dayWattHours = WattHours.roundDay(day.energy());
      rows.add(new DayRow(day.day(), dayWattHours));
      if (!day.day().isBefore(hourlyViewStart) && !day.hours().isEmpty()) {
        if (previousWithPoints == null || !previousWithPoints.equals(day.day().minusDays(1))) {
          counters = requireNonNull(counterBase.apply(day.day()), "counterBase").toArray();
        }
        shortLog.put(day.day(), addPoints(day, dayWattHours, counters, points));
        previousWithPoints = day.day();
      }
    }
    Registers end = counters == null ? null : Registers.of(counters);
    return new HistoryRows(rows, points, shortLog, end);
  }

  private static Registers addPoints(
      DayEnergy day, Registers dayWattHours, long[] counters, List<HourPoint> points) {
    long[] dayEnergy = day.energy().toArray();
    long[] dayRounded = dayWattHours.toArray();
    long[] hourSums = new long[4];
    for (HourEnergy hour : day.hours()) {
      long[] energy = hour.energy().toArray();
      for (int i = 0; i < 4; i++) {
        hourSums[i] += energy[i];
      }
    }
    long[] targets = new long[4];
    for (int i = 0; i < 4; i++) {
      targets[i] = hourSums[i] == dayEnergy[i] ? dayRounded[i] : WattHours.roundHalfUp(hourSums[i]);
    }

    long[] running = new long[4];
    long[] value = new long[4];
    List<HourEnergy> hours = day.hours();
    for (int h = 0; h < hours.size(); h++) {
      long[] energy = hours.get(h).energy().toArray();
      boolean last = h == hours.size() - 1;
      for (int i = 0; i < 4; i++) {
        running[i] += energy[i];
        long reached = last ? targets[i] : Math.min(WattHours.roundHalfUp(running[i]), targets[i]);
        value[i] = counters[i] + reached;
      }
      points.add(new HourPoint(hours.get(h).end(), Registers.of(value)));
    }
    for (int i = 0; i < 4; i++) {
      counters[i] += targets[i];
    }
    return Registers.of(targets);
  }

  /** Returns the day rows in date order. */
  public List<DayRow> dayRows() {
    return dayRows;
  }

  /** Returns the short-log points in time order. */
  public List<HourPoint> hourPoints() {
    return hourPoints;
  }

  /**
   * Returns, for each day with short-log points, how far its points moved the counters (Wh). The
   * sync state keeps it to find the counter base when days are written again.
   */
  public Map<LocalDate, Registers> shortLogEnergy() {
    return shortLogEnergy;
  }

  /** Returns the counters after the last point, Wh, or empty when no point is written. */
  public Optional<Registers> endCounters() {
    return Optional.ofNullable(endCounters);
  }
}
