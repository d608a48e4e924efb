package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * State kept for one usage point between sync cycles. This class is immutable and thread-safe;
 * every change returns a new instance.
 *
 * <ul>
 *   <li>the days written per direction whose data is final (from the whole load curve or the daily
 *       endpoint), so that they are not fetched again;
 *   <li>the days written per direction during the complete-history fetch in progress, so that a
 *       restart resumes it instead of starting over;
 *   <li>whether Enedis reported that the usage point has no consumption or no production;
 *   <li>the statistics of the recent days, for the dashboard and the merge;
 *   <li>where the short-log counters stopped: the end of the last point and its counters;
 *   <li>the written days whose day rows Domoticz acknowledged but no read-back confirmed yet,
 *       because the cycle that wrote them ended first. They count as written only once a read-back
 *       finds them, which the next cycle does before it plans its requests.
 * </ul>
 */
public final class UsagePointState {
  private final String usagePointId;
  private final Map<Direction, DaySet> written;
  private final Map<Direction, DaySet> refreshed;
  private final boolean noConsumption;
  private final boolean noProduction;
  private final SortedMap<LocalDate, DayStatistics> statistics;
  private final ShortLogAnchor shortLogAnchor;
  private final DaySet unverified;

  /** End of the last short-log point and the counters it carried, Wh. */
  public record ShortLogAnchor(ZonedDateTime end, Registers counters) {
    /** Creates the anchor. */
    public ShortLogAnchor {
      requireNonNull(end, "end");
      requireNonNull(counters, "counters");
    }
  }

  UsagePointState(
      String usagePointId,
      Map<Direction, DaySet> written,
      Map<Direction, DaySet> refreshed,
      boolean noConsumption,
      boolean noProduction,
      SortedMap<LocalDate, DayStatistics> statistics,
      ShortLogAnchor shortLogAnchor) {
    this(
        usagePointId,
        written,
        refreshed,
        noConsumption,
        noProduction,
        statistics,
        shortLogAnchor,
        DaySet.empty());
  }

  UsagePointState(
      String usagePointId,
      Map<Direction, DaySet> written,
      Map<Direction, DaySet> refreshed,
      boolean noConsumption,
      boolean noProduction,
      SortedMap<LocalDate, DayStatistics> statistics,
      ShortLogAnchor shortLogAnchor,
      DaySet unverified) {
    this.usagePointId = requireNonNull(usagePointId, "usagePointId");
    this.written = copy(written);
    this.refreshed = copy(refreshed);
    this.noConsumption = noConsumption;
    this.noProduction = noProduction;
    this.statistics = Collections.unmodifiableSortedMap(new TreeMap<>(statistics));
    this.shortLogAnchor = shortLogAnchor;
    this.unverified = requireNonNull(unverified, "unverified");
  }

  /** Returns the state of a usage point never synced. */
  public static UsagePointState empty(String usagePointId) {
    return new UsagePointState(
        usagePointId, Map.of(), Map.of(), false, false, new TreeMap<>(), null);
  }

  private static Map<Direction, DaySet> copy(Map<Direction, DaySet> map) {
    Map<Direction, DaySet> copy = new EnumMap<>(Direction.class);
    for (Direction direction : Direction.values()) {
      copy.put(direction, map.getOrDefault(direction, DaySet.empty()));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** Returns the usage point id. */
  public String usagePointId() {
    return usagePointId;
  }

  /** Returns the days written with final data for {@code direction}. */
  public DaySet writtenDays(Direction direction) {
    return written.get(direction);
  }

  /** Returns the days of {@code direction} written by the complete-history fetch in progress. */
  public DaySet refreshedDays(Direction direction) {
    return refreshed.get(direction);
  }

  /** Returns whether Enedis reported that {@code direction} does not exist at this point. */
  public boolean isAbsent(Direction direction) {
    return direction == Direction.CONSUMPTION ? noConsumption : noProduction;
  }

  /** Returns the statistics of the days kept, by day. */
  public SortedMap<LocalDate, DayStatistics> statistics() {
    return statistics;
  }

  /** Returns where the short-log counters stopped, if any point was written. */
  public Optional<ShortLogAnchor> shortLogAnchor() {
    return Optional.ofNullable(shortLogAnchor);
  }

  /**
   * Returns the written days whose day rows no read-back confirmed yet. Until one does, they are
   * only claimed, not known to be stored.
   */
  public DaySet unverifiedDays() {
    return unverified;
  }

  /** Returns a copy in which {@code days} also await a read-back. */
  public UsagePointState withDaysUnverified(Collection<LocalDate> days) {
    DaySet awaiting = unverified;
    for (LocalDate day : days) {
      awaiting = awaiting.plus(day);
    }
    return new UsagePointState(
        usagePointId,
        written,
        refreshed,
        noConsumption,
        noProduction,
        statistics,
        shortLogAnchor,
        awaiting);
  }

  /**
   * Returns a copy after a read-back of the unverified days: those in {@code missing} count as not
   * written, and no day awaits a read-back any more.
   */
  public UsagePointState withDaysReadBack(Collection<LocalDate> missing) {
    UsagePointState unwritten = withDaysUnwritten(missing);
    return new UsagePointState(
        usagePointId,
        unwritten.written,
        unwritten.refreshed,
        noConsumption,
        noProduction,
        statistics,
        shortLogAnchor,
        DaySet.empty());
  }

  /** Returns whether any day of {@code direction} has ever had data. */
  public boolean hasData(Direction direction) {
    return !written.get(direction).isEmpty()
        || statistics.values().stream().anyMatch(day -> day.source(direction) != DaySource.NONE);
  }

  /**
   * Returns a copy that marks {@code direction} absent, as Enedis reports for a wrong-direction
   * request; the flag stops the fetches of that direction.
   */
  public UsagePointState withAbsent(Direction direction, boolean absent) {
    return new UsagePointState(
        usagePointId,
        written,
        refreshed,
        direction == Direction.CONSUMPTION ? absent : noConsumption,
        direction == Direction.PRODUCTION ? absent : noProduction,
        statistics,
        shortLogAnchor,
        unverified);
  }

  /**
   * Returns a copy that records the written days. Their statistics replace the stored ones but keep
   * a stored maximum power. A direction whose data is final joins the written days. A direction
   * with an incomplete load curve leaves them, so it is fetched again.
   *
   * @param completeHistory whether the days come from a complete-history fetch
   */
  public UsagePointState withDaysWritten(Collection<DayStatistics> days, boolean completeHistory) {
    SortedMap<LocalDate, DayStatistics> stats = new TreeMap<>(statistics);
    Map<Direction, DaySet> newWritten = new EnumMap<>(written);
    Map<Direction, DaySet> newRefreshed = new EnumMap<>(refreshed);
    for (DayStatistics day : days) {
      DayStatistics stored = stats.get(day.day());
      stats.put(day.day(), stored == null ? day : stored.withEnergyOf(day));
      for (Direction direction : Direction.values()) {
        DaySource source = day.source(direction);
        if (source.isComplete()) {
          newWritten.put(direction, newWritten.get(direction).plus(day.day()));
        } else if (source == DaySource.CURVE_INCOMPLETE) {
          newWritten.put(direction, newWritten.get(direction).minus(day.day()));
        }
        if (completeHistory && source != DaySource.NONE) {
          newRefreshed.put(direction, newRefreshed.get(direction).plus(day.day()));
        }
      }
    }
    return new UsagePointState(
        usagePointId,
        newWritten,
        newRefreshed,
        noConsumption,
        noProduction,
        stats,
        shortLogAnchor,
        unverified);
  }

  /**
   * Returns a copy in which {@code days} count as not written in either direction, so that the next
   * cycle whose window covers them fetches and writes them again; for instance days that Domoticz
   * acknowledged with OK but did not store.
   */
  public UsagePointState withDaysUnwritten(Collection<LocalDate> days) {
    Map<Direction, DaySet> newWritten = new EnumMap<>(written);
    Map<Direction, DaySet> newRefreshed = new EnumMap<>(refreshed);
    for (LocalDate day : days) {
      for (Direction direction : Direction.values()) {
        newWritten.put(direction, newWritten.get(direction).minus(day));
        newRefreshed.put(direction, newRefreshed.get(direction).minus(day));
      }
    }
    return new UsagePointState(
        usagePointId,
        newWritten,
        newRefreshed,
        noConsumption,
        noProduction,
        statistics,
        shortLogAnchor,
        unverified);
  }

  /**
   * Returns a copy in which {@code days} count as not written for {@code direction} only, so that
   * the next cycle whose window covers them fetches them again; for instance recent days written
   * from a daily value before Enedis published their load curve. The progress of a complete-history
   * fetch is kept.
   */
  public UsagePointState withDaysUnwritten(Direction direction, Collection<LocalDate> days) {
    requireNonNull(direction, "direction");
    Map<Direction, DaySet> newWritten = new EnumMap<>(written);
    for (LocalDate day : days) {
      newWritten.put(direction, newWritten.get(direction).minus(day));
    }
    return new UsagePointState(
        usagePointId,
        newWritten,
        refreshed,
        noConsumption,
        noProduction,
        statistics,
        shortLogAnchor,
        unverified);
  }

  /** Returns a copy that records the maximum powers of days. */
  public UsagePointState withPeaks(Collection<DailyPeak> peaks) {
    SortedMap<LocalDate, DayStatistics> stats = new TreeMap<>(statistics);
    for (DailyPeak peak : peaks) {
      LocalDate day = peak.time().toLocalDate();
      DayStatistics stored = stats.get(day);
      stats.put(day, stored == null ? DayStatistics.ofPeak(peak) : stored.withPeak(peak));
    }
    return new UsagePointState(
        usagePointId,
        written,
        refreshed,
        noConsumption,
        noProduction,
        stats,
        shortLogAnchor,
        unverified);
  }

  /** Returns a copy that records the short-log points written from {@code rows}. */
  public UsagePointState withShortLog(HistoryRows rows) {
    if (rows.hourPoints().isEmpty()) {
      return this;
    }
    SortedMap<LocalDate, DayStatistics> stats = new TreeMap<>(statistics);
    rows.shortLogEnergy()
        .forEach(
            (day, wattHours) -> {
              DayStatistics stored = stats.get(day);
              if (stored != null) {
                stats.put(day, stored.withShortLog(wattHours));
              }
            });
    HistoryRows.HourPoint last = rows.hourPoints().get(rows.hourPoints().size() - 1);
    ShortLogAnchor anchor = new ShortLogAnchor(last.end(), last.counters());
    if (shortLogAnchor != null && shortLogAnchor.end().isAfter(anchor.end())) {
      anchor = shortLogAnchor;
    }
    return new UsagePointState(
        usagePointId, written, refreshed, noConsumption, noProduction, stats, anchor, unverified);
  }

  /**
   * Returns the short-log counters, Wh, at the start of {@code firstDay}, the counter base of
   * {@link HistoryRows#build(java.util.Collection, LocalDate, int, java.util.function.Function)}.
   * It is the stored anchor minus what the points of {@code firstDay} and later days moved, so a
   * day after the anchor starts at the anchor. Without an anchor the counters start at 0.
   */
  public Registers counterBaseAt(LocalDate firstDay) {
    if (shortLogAnchor == null) {
      return Registers.ZERO;
    }
    long[] base = shortLogAnchor.counters().toArray();
    for (DayStatistics day : statistics.tailMap(firstDay).values()) {
      long[] moved = day.shortLogWattHours().toArray();
      for (int i = 0; i < 4; i++) {
        base[i] = Math.max(0, base[i] - moved[i]);
      }
    }
    return Registers.of(base);
  }

  /** Returns a copy without the statistics of the days before {@code day}. */
  public UsagePointState withStatisticsFrom(LocalDate day) {
    return new UsagePointState(
        usagePointId,
        written,
        refreshed,
        noConsumption,
        noProduction,
        statistics.tailMap(day),
        shortLogAnchor,
        unverified);
  }

  /** Returns a copy with the complete-history progress cleared. */
  public UsagePointState withRefreshCleared() {
    return new UsagePointState(
        usagePointId,
        written,
        Map.of(),
        noConsumption,
        noProduction,
        statistics,
        shortLogAnchor,
        unverified);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UsagePointState that
        && usagePointId.equals(that.usagePointId)
        && written.equals(that.written)
        && refreshed.equals(that.refreshed)
        && noConsumption == that.noConsumption
        && noProduction == that.noProduction
        && statistics.equals(that.statistics)
        && java.util.Objects.equals(shortLogAnchor, that.shortLogAnchor)
        && unverified.equals(that.unverified);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(usagePointId, written, noConsumption, noProduction);
  }

  @Override
  public String toString() {
    return "UsagePointState{"
        + usagePointId
        + ", consumption="
        + (noConsumption ? "absent" : written.get(Direction.CONSUMPTION))
        + ", production="
        + (noProduction ? "absent" : written.get(Direction.PRODUCTION))
        + ", statistics="
        + statistics.size()
        + " days"
        + (unverified.isEmpty() ? "" : ", unverified=" + unverified)
        + "}";
  }
}
