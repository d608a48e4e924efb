package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges a consumption-only usage point with a production-only one into one meter, {@code <C> /
 * <P>}, that carries the consumption registers of C and the production registers of P.
 *
 * <p>Every day of either side is kept: a day with production and no consumption record gets 0
 * consumption, and the other way round. Each side was already split into peak and off-peak with its
 * own off-peak schedule, so the merge only adds registers. Whether a usage point is
 * consumption-only or production-only is read from all its stored days and the absence flags, so a
 * merge works on the first days of January and for usage points without recent data.
 */
public final class UsagePointMerger {
  private UsagePointMerger() {}

  /** A consumption-only and a production-only usage point to merge. */
  public record Pair(String consumptionId, String productionId) {
    /** Creates the pair. */
    public Pair {
      requireNonNull(consumptionId, "consumptionId");
      requireNonNull(productionId, "productionId");
    }

    /** Returns the id of the merged meter, {@code <C> / <P>}. */
    public String mergedId() {
      return consumptionId + " / " + productionId;
    }
  }

  /**
   * Returns every pair of a consumption-only and a production-only usage point, in the order of
   * {@code points}; a usage point with both directions or none is in no pair.
   */
  public static List<Pair> pairs(Collection<UsagePointState> points) {
    requireNonNull(points, "points");
    List<String> consumers = new ArrayList<>();
    List<String> producers = new ArrayList<>();
    for (UsagePointState point : points) {
      boolean consumes = has(point, Direction.CONSUMPTION);
      boolean produces = has(point, Direction.PRODUCTION);
      if (consumes && !produces) {
        consumers.add(point.usagePointId());
      } else if (produces && !consumes) {
        producers.add(point.usagePointId());
      }
    }
    List<Pair> pairs = new ArrayList<>();
    for (String consumer : consumers) {
      for (String producer : producers) {
        pairs.add(new Pair(consumer, producer));
      }
    }
    return pairs;
  }

  private static boolean has(UsagePointState point, Direction direction) {
    return !point.isAbsent(direction) && point.hasData(direction);
  }

  /**
   * Returns the days to write to the merged meter: every day fetched on either side in this cycle.
   * A side not fetched on such a day contributes its stored day energy, without hourly detail, so
   * the merged day row stays whole.
   *
   * @param consumption the days fetched for the consumption side
   * @param consumptionStored the stored statistics of the consumption side
   * @param production the days fetched for the production side
   * @param productionStored the stored statistics of the production side
   */
  public static SortedMap<LocalDate, DayEnergy> mergeDays(
      Map<LocalDate, DayEnergy> consumption,
      Map<LocalDate, DayStatistics> consumptionStored,
      Map<LocalDate, DayEnergy> production,
      Map<LocalDate, DayStatistics> productionStored) {
    TreeSet<LocalDate> days = new TreeSet<>(consumption.keySet());
    days.addAll(production.keySet());
    SortedMap<LocalDate, DayEnergy> merged = new TreeMap<>();
    for (LocalDate day : days) {
      DayEnergy c = side(day, consumption, consumptionStored);
      DayEnergy p = side(day, production, productionStored);
      merged.put(day, mergeDay(day, c, p));
    }
    return Collections.unmodifiableSortedMap(merged);
  }

  private static DayEnergy side(
      LocalDate day, Map<LocalDate, DayEnergy> fetched, Map<LocalDate, DayStatistics> stored) {
    DayEnergy energy = fetched.get(day);
    if (energy != null) {
      return energy;
    }
    DayStatistics stats = stored.get(day);
    if (stats == null) {
      return null;
    }
    return new DayEnergy(
        day,
        stats.energy(),
        stats.tariffMinutes(),
        List.of(),
        stats.consumption(),
        stats.production());
  }

  private static DayEnergy mergeDay(LocalDate day, DayEnergy c, DayEnergy p) {
    Registers energy = consumptionOf(c, DayEnergy::energy).plus(productionOf(p, DayEnergy::energy));
    Registers minutes =
        consumptionOf(c, DayEnergy::tariffMinutes).plus(productionOf(p, DayEnergy::tariffMinutes));
    TreeMap<Instant, HourEnergy> hours = new TreeMap<>();
    if (c != null) {
      for (HourEnergy hour : c.hours()) {
        hours.put(
            hour.start().toInstant(),
            new HourEnergy(hour.start(), hour.energy().consumptionOnly()));
      }
    }
    if (p != null) {
      for (HourEnergy hour : p.hours()) {
        HourEnergy existing = hours.get(hour.start().toInstant());
        Registers produced = hour.energy().productionOnly();
        hours.put(
            hour.start().toInstant(),
            new HourEnergy(
                hour.start(), existing == null ? produced : existing.energy().plus(produced)));
      }
    }
    return new DayEnergy(
        day,
        energy,
        minutes,
        new ArrayList<>(hours.values()),
        c == null ? DaySource.NONE : c.consumption(),
        p == null ? DaySource.NONE : p.production());
  }

  private static Registers consumptionOf(
      DayEnergy day, java.util.function.Function<DayEnergy, Registers> field) {
    return day == null ? Registers.ZERO : field.apply(day).consumptionOnly();
  }

  private static Registers productionOf(
      DayEnergy day, java.util.function.Function<DayEnergy, Registers> field) {
    return day == null ? Registers.ZERO : field.apply(day).productionOnly();
  }

  /**
   * Returns the statistics of the merged meter for the dashboard: every day of either side, with
   * the consumption and maximum power of C and the production of P.
   */
  public static SortedMap<LocalDate, DayStatistics> mergeStatistics(
      Map<LocalDate, DayStatistics> consumption, Map<LocalDate, DayStatistics> production) {
    TreeSet<LocalDate> days = new TreeSet<>(consumption.keySet());
    days.addAll(production.keySet());
    SortedMap<LocalDate, DayStatistics> merged = new TreeMap<>();
    for (LocalDate day : days) {
      DayStatistics c = consumption.get(day);
      DayStatistics p = production.get(day);
      merged.put(
          day,
          new DayStatistics(
              day,
              part(c, DayStatistics::energy, true).plus(part(p, DayStatistics::energy, false)),
              part(c, DayStatistics::maxHourEnergy, true)
                  .plus(part(p, DayStatistics::maxHourEnergy, false)),
              part(c, DayStatistics::tariffMinutes, true)
                  .plus(part(p, DayStatistics::tariffMinutes, false)),
              c == null ? DaySource.NONE : c.consumption(),
              p == null ? DaySource.NONE : p.production(),
              c == null ? Optional.empty() : c.peak(),
              Registers.ZERO));
    }
    return Collections.unmodifiableSortedMap(merged);
  }

  private static Registers part(
      DayStatistics day,
      java.util.function.Function<DayStatistics, Registers> field,
      boolean consumption) {
    if (day == null) {
      return Registers.ZERO;
    }
    Registers registers = field.apply(day);
    return consumption ? registers.consumptionOnly() : registers.productionOnly();
  }
}
