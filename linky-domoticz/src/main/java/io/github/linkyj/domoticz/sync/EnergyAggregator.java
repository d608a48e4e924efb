package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the per-day and per-hour energies of a usage point from its load-curve intervals and daily
 * values, split into peak and off-peak registers.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>An interval of average power W and length L minutes carries W × L watt-minutes; its
 *       off-peak part is W × (off-peak minutes of the interval), so a tariff boundary inside an
 *       interval splits it pro rata, exactly.
 *   <li>An interval belongs to the local day and the clock hour in which it starts, even when it
 *       ends after that hour (intervals are not cut at hour boundaries).
 *   <li>Hours are instants, so the 23-hour and 25-hour days of the daylight-saving changes have 23
 *       and 25 distinct hours.
 *   <li>A direction whose curve covers the whole day (as many minutes as the day has) comes from
 *       the curve. Otherwise, when a daily value exists, the day's energy is that value, spread
 *       evenly over the day. Its off-peak share is the off-peak minutes of the schedule over that
 *       day divided by the day's minutes. Such a day has no hourly detail for that direction.
 *       Without a daily value, the partial curve is kept and marked {@link
 *       DaySource#CURVE_INCOMPLETE}.
 *   <li>Two intervals with the same start are counted once; the first one is kept.
 * </ul>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EnergyAggregator {
  private static final Logger LOG = LoggerFactory.getLogger(EnergyAggregator.class);

  private final ZoneId zone;

  /** Creates an aggregator whose local days and hours are in {@code zone}. */
  public EnergyAggregator(ZoneId zone) {
    this.zone = requireNonNull(zone, "zone");
  }

  /** Returns an aggregator for Europe/Paris, the zone of Enedis data. */
  public static EnergyAggregator paris() {
    return new EnergyAggregator(ZoneId.of("Europe/Paris"));
  }

  /** The data of one direction of a usage point. */
  public record DirectionInput(
      List<LoadCurveInterval> curve, List<DailyEnergy> daily, OffPeakMinutes offPeak) {
    /** No data. */
    public static final DirectionInput EMPTY =
        new DirectionInput(List.of(), List.of(), OffPeakMinutes.NONE);

    /** Creates the input. */
    public DirectionInput {
      curve = List.copyOf(curve);
      daily = List.copyOf(daily);
      requireNonNull(offPeak, "offPeak");
    }
  }

  /**
   * Returns the days of the usage point in date order.
   *
   * @param usagePointId the usage point, for the log lines
   * @throws IllegalArgumentException if the off-peak function returns minutes outside the range
   */
  public SortedMap<LocalDate, DayEnergy> aggregate(
      String usagePointId, DirectionInput consumption, DirectionInput production) {
    requireNonNull(usagePointId, "usagePointId");
    Map<LocalDate, DirectionDay> consumed =
        aggregateDirection(usagePointId, Direction.CONSUMPTION, consumption);
    Map<LocalDate, DirectionDay> produced =
        aggregateDirection(usagePointId, Direction.PRODUCTION, production);

    Set<LocalDate> days = new TreeSet<>(consumed.keySet());
    days.addAll(produced.keySet());
    SortedMap<LocalDate, DayEnergy> result = new TreeMap<>();
    for (LocalDate day : days) {
      result.put(day, combine(day, consumed.get(day), produced.get(day)));
    }
    return Collections.unmodifiableSortedMap(result);
  }

  /**
   * Returns the days of {@code days}, in date order, that the load curve does not cover completely.
   * These are the days that {@link #aggregate} takes from a daily value when one is given.
   *
   * @param usagePointId the usage point, for the log lines
   */
  public List<LocalDate> daysNotCovered(
      String usagePointId, Direction direction, DateRange days, List<LoadCurveInterval> curve) {
    requireNonNull(usagePointId, "usagePointId");
    requireNonNull(direction, "direction");
    requireNonNull(days, "days");
    Map<LocalDate, DirectionDay> covered =
        aggregateDirection(
            usagePointId, direction, new DirectionInput(curve, List.of(), OffPeakMinutes.NONE));
    List<LocalDate> notCovered = new ArrayList<>();
    for (LocalDate day = days.startInclusive();
        day.isBefore(days.endExclusive());
        day = day.plusDays(1)) {
      DirectionDay curveDay = covered.get(day);
      if (curveDay == null || !isWholeDay(curveDay)) {
        notCovered.add(day);
      }
    }
    return notCovered;
  }

  private Map<LocalDate, DirectionDay> aggregateDirection(
      String usagePointId, Direction direction, DirectionInput input) {
    Map<LocalDate, DirectionDay> days = new TreeMap<>();
    Set<Instant> starts = new HashSet<>();
    int duplicates = 0;
    for (LoadCurveInterval interval : input.curve()) {
      if (!starts.add(interval.start().toInstant())) {
        duplicates++;
        continue;
      }
      addInterval(days, interval, input.offPeak());
    }
    if (duplicates > 0) {
      LOG.warn(
          "Ignored {} duplicate {} load-curve intervals of usage point {}",
          duplicates,
          direction,
          usagePointId);
    }

    for (DailyEnergy daily : input.daily()) {
      DirectionDay day = days.get(daily.day());
      if (day == null || !isWholeDay(day)) {
        if (day != null) {
          LOG.info(
              "Using the daily {} of usage point {} on {}: the load curve covers {} of {} minutes",
              direction,
              usagePointId,
              daily.day(),
              day.coveredMinutes(),
              dayMinutes(daily.day()));
        }
        days.put(daily.day(), fromDaily(daily, input.offPeak()));
      }
    }
    return days;
  }

  private void addInterval(
      Map<LocalDate, DirectionDay> days, LoadCurveInterval interval, OffPeakMinutes offPeak) {
    ZonedDateTime start = interval.start().withZoneSameInstant(zone);
    long minutes = interval.minutes();
    long offPeakMinutes = offPeak.offPeakMinutes(start, interval.end().withZoneSameInstant(zone));
    if (offPeakMinutes < 0 || offPeakMinutes > minutes) {
      throw new IllegalArgumentException(
          "Invalid off-peak minutes "
              + offPeakMinutes
              + " for the interval "
              + start
              + " to "
              + interval.end()
              + ": expected 0 to "
              + minutes);
    }
    long watts = interval.averagePowerWatts();
    DirectionDay day =
        days.computeIfAbsent(start.toLocalDate(), d -> new DirectionDay(d, DaySource.CURVE));
    day.add(
        hourStart(start),
        watts * (minutes - offPeakMinutes),
        watts * offPeakMinutes,
        minutes - offPeakMinutes,
        offPeakMinutes);
  }

  /**
   * Returns the instant of {@code start.truncatedTo(HOURS)}. Subtracting the minutes and seconds
   * gives it without resolving a local date-time in the zone, when the zone has the same offset at
   * that instant. Only a few hours around some clock changes take the slower path.
   */
  private Instant hourStart(ZonedDateTime start) {
    long secondsIntoHour = start.getMinute() * 60L + start.getSecond();
    Instant candidate = Instant.ofEpochSecond(start.toEpochSecond() - secondsIntoHour);
    if (zone.getRules().getOffset(candidate).equals(start.getOffset())) {
      return candidate;
    }
    return start.truncatedTo(ChronoUnit.HOURS).toInstant();
  }

  private DirectionDay fromDaily(DailyEnergy daily, OffPeakMinutes offPeak) {
    ZonedDateTime start = daily.day().atStartOfDay(zone);
    ZonedDateTime end = daily.day().plusDays(1).atStartOfDay(zone);
    long dayMinutes = Duration.between(start, end).toMinutes();
    long offPeakMinutes = offPeak.offPeakMinutes(start, end);
    if (offPeakMinutes < 0 || offPeakMinutes > dayMinutes) {
      throw new IllegalArgumentException(
          "Invalid off-peak minutes "
              + offPeakMinutes
              + " for the day "
              + daily.day()
              + ": expected 0 to "
              + dayMinutes);
    }
    long wattMinutes = daily.wattHours() * 60;
    long offPeakEnergy =
        Math.floorDiv(wattMinutes * offPeakMinutes * 2 + dayMinutes, 2 * dayMinutes);
    DirectionDay day = new DirectionDay(daily.day(), DaySource.DAILY);
    day.peakEnergy = wattMinutes - offPeakEnergy;
    day.offPeakEnergy = offPeakEnergy;
    return day;
  }

  private boolean isWholeDay(DirectionDay day) {
    return day.coveredMinutes() >= dayMinutes(day.day);
  }

  private long dayMinutes(LocalDate day) {
    return Duration.between(day.atStartOfDay(zone), day.plusDays(1).atStartOfDay(zone)).toMinutes();
  }

  private DayEnergy combine(LocalDate day, DirectionDay consumed, DirectionDay produced) {
    DaySource consumption = source(consumed);
    DaySource production = source(produced);
    Registers energy =
        new Registers(
            consumed == null ? 0 : consumed.peakEnergy,
            consumed == null ? 0 : consumed.offPeakEnergy,
            produced == null ? 0 : produced.peakEnergy,
            produced == null ? 0 : produced.offPeakEnergy);
    Registers minutes =
        new Registers(
            consumed == null ? 0 : consumed.peakMinutes,
            consumed == null ? 0 : consumed.offPeakMinutes,
            produced == null ? 0 : produced.peakMinutes,
            produced == null ? 0 : produced.offPeakMinutes);

    TreeMap<Instant, long[]> hours = new TreeMap<>();
    if (consumed != null) {
      consumed.hours.forEach((start, e) -> hours.put(start, new long[] {e[0], e[1], 0, 0}));
    }
    if (produced != null) {
      produced.hours.forEach(
          (start, e) -> {
            long[] registers = hours.computeIfAbsent(start, s -> new long[4]);
            registers[2] = e[0];
            registers[3] = e[1];
          });
    }
    List<HourEnergy> hourList = new ArrayList<>();
    hours.forEach(
        (start, e) ->
            hourList.add(new HourEnergy(ZonedDateTime.ofInstant(start, zone), Registers.of(e))));
    return new DayEnergy(day, energy, minutes, hourList, consumption, production);
  }

  private DaySource source(DirectionDay day) {
    if (day == null) {
      return DaySource.NONE;
    }
    if (day.source == DaySource.CURVE && !isWholeDay(day)) {
      return DaySource.CURVE_INCOMPLETE;
    }
    return day.source;
  }

  /** Mutable accumulator of one direction of one day. */
  private static final class DirectionDay {
    final LocalDate day;
    final DaySource source;
    final TreeMap<Instant, long[]> hours = new TreeMap<>();
    long peakEnergy;
    long offPeakEnergy;
    long peakMinutes;
    long offPeakMinutes;

    DirectionDay(LocalDate day, DaySource source) {
      this.day = day;
      this.source = source;
    }

    void add(Instant hour, long peak, long offPeak, long peakMins, long offPeakMins) {
      long[] energy = hours.computeIfAbsent(hour, h -> new long[2]);
      energy[0] += peak;
      energy[1] += offPeak;
      peakEnergy += peak;
      offPeakEnergy += offPeak;
      peakMinutes += peakMins;
      offPeakMinutes += offPeakMins;
    }

    long coveredMinutes() {
      return peakMinutes + offPeakMinutes;
    }
  }
}
