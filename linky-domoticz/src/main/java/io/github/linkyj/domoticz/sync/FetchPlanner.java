package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import io.github.linkyj.offpeak.OffPeakSchedule;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Decides which days a sync cycle requests from Enedis.
 *
 * <p>The history covers the other-view days before today, extended back to the start of the
 * dashboard periods and of the hourly view when they reach further. Fetching that whole history
 * every day would overload Enedis, so when it is longer than {@value #SHORT_HISTORY_DAYS} days a
 * cycle is one of two kinds:
 *
 * <ul>
 *   <li>a complete-history cycle fetches and writes again every day of the history. It runs on the
 *       first cycle, when the history settings grow, when no cycle succeeded for as many days as
 *       the history has, and otherwise every half history (every N/2 days for N days). A cycle that
 *       fails keeps the days it wrote, and the next cycle resumes the complete history from the
 *       days not yet written;
 *   <li>any other cycle is a short-history one: it fetches only the days of the last {@value
 *       #SHORT_HISTORY_DAYS} days (and of the dashboard periods) that are not written yet or whose
 *       load curve was incomplete.
 * </ul>
 *
 * <p>When the hourly view grows, the days of the new hourly view are fetched again so that their
 * short-log points get written.
 *
 * <p>With a history of {@value #SHORT_HISTORY_DAYS} days or less, every cycle fetches the days of
 * the whole history that are missing. The load curve serves the last 24 months; older days come
 * from the daily endpoint when the settings allow it, up to 36 months. A direction that Enedis
 * reported absent is not requested. A direction that never had data at a known usage point is only
 * probed over the last {@value #PROBE_DAYS} days outside complete-history cycles. Maximum powers
 * are requested for the days of the main dashboard period that lack one.
 *
 * <p>The load curve is requested for the days whose energy is split into peak and off-peak, and for
 * the days that need hourly detail. A usage point and direction without any off-peak hour gets its
 * other days from the daily endpoint, which serves 365 days a request where the curve serves 7.
 */
public final class FetchPlanner {
  /**
   * Maximum history, in days, checked on every cycle. A longer history is fetched completely only
   * on complete-history cycles.
   */
  public static final int SHORT_HISTORY_DAYS = 35;

  /** Days requested to probe a direction that never had data. */
  public static final int PROBE_DAYS = 7;

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private FetchPlanner() {}

  /**
   * Returns the plan of the cycle on {@code today}.
   *
   * @param settings the sync settings
   * @param today the local date of the cycle
   * @param state the stored sync state
   * @param usagePointIds the usage points of the consent, in processing order
   */
  public static FetchPlan plan(
      SyncSettings settings, LocalDate today, SyncState state, List<String> usagePointIds) {
    requireNonNull(settings, "settings");
    return plan(
        settings, OffPeakSchedule.parse(settings.offPeakSchedule()), today, state, usagePointIds);
  }

  /**
   * Returns the plan of the cycle on {@code today}, for usage points split into peak and off-peak
   * by {@code schedule} unless the settings take the off-peak hours from each contract.
   *
   * <p>A usage point and direction with no off-peak hours at all (a base tariff) needs the load
   * curve only for the hourly view and for a {@code max_} or {@code mean_} secondary figure. Its
   * other days come from the daily endpoint, 365 days a request instead of 7.
   *
   * @param settings the sync settings
   * @param schedule the off-peak schedule the sync splits the energy with
   * @param today the local date of the cycle
   * @param state the stored sync state
   * @param usagePointIds the usage points of the consent, in processing order
   */
  public static FetchPlan plan(
      SyncSettings settings,
      OffPeakSchedule schedule,
      LocalDate today,
      SyncState state,
      List<String> usagePointIds) {
    requireNonNull(settings, "settings");
    requireNonNull(schedule, "schedule");
    requireNonNull(today, "today");
    requireNonNull(state, "state");
    requireNonNull(usagePointIds, "usagePointIds");
    BiPredicate<String, Direction> splitsTariffs =
        (id, direction) -> settings.offPeakFromContract() || hasOffPeak(schedule, id, direction);
    int historyDays = settings.otherViewDays();
    boolean longHistory = historyDays > SHORT_HISTORY_DAYS;
    boolean complete = longHistory && completeHistoryDue(settings, today, state);

    LocalDate earliest =
        settings.dailyEndpointForOlderDays() ? today.minusMonths(36) : today.minusMonths(24);
    LocalDate start =
        today.minusDays(complete ? historyDays : Math.min(historyDays, SHORT_HISTORY_DAYS));
    start = min(start, today.minusDays(settings.hourlyViewDays()));
    start = min(start, settings.secondaryFigure().period().range(today).startInclusive());
    start = min(start, settings.mainFigure().period().range(today).startInclusive());
    start = max(start, earliest);
    DateRange window = DateRange.of(start, today);

    DateRange hourlyRefresh = hourlyRefresh(settings, today, state);
    List<FetchRequest> requests = new ArrayList<>();
    for (String id : usagePointIds) {
      UsagePointState point = state.usagePoint(id);
      PointPlan pointPlan =
          new PointPlan(
              window, complete, !state.usagePoints().containsKey(id), hourlyRefresh, splitsTariffs);
      addEnergy(requests, settings, today, point, Direction.CONSUMPTION, pointPlan);
      addPeaks(requests, settings, today, point);
      addEnergy(requests, settings, today, point, Direction.PRODUCTION, pointPlan);
    }
    return new FetchPlan(
        complete,
        window,
        requests,
        longHistory
            ? java.util.Optional.of(today.plusDays((historyDays + 1) / 2))
            : java.util.Optional.empty());
  }

  /** Returns whether the complete history is due (only asked when the history is long). */
  static boolean completeHistoryDue(SyncSettings settings, LocalDate today, SyncState state) {
    if (state.lastSuccessfulRun().isEmpty() || state.historyShape().isEmpty()) {
      return true;
    }
    if (state.historyShape().get().grownTo(SyncState.HistoryShape.of(settings))) {
      return true;
    }
    if (state.nextCompleteHistory().map(next -> !today.isBefore(next)).orElse(true)) {
      return true;
    }
    LocalDate lastSuccess = state.lastSuccessfulRun().get().atZone(PARIS).toLocalDate();
    return !lastSuccess.plusDays(settings.otherViewDays()).isAfter(today);
  }

  /**
   * Returns the hourly-view days to fetch again because the hourly view grew since the last
   * successful cycle, or null.
   */
  private static DateRange hourlyRefresh(SyncSettings settings, LocalDate today, SyncState state) {
    boolean grown =
        state
            .historyShape()
            .map(shape -> shape.hourlyViewGrownTo(SyncState.HistoryShape.of(settings)))
            .orElse(false);
    if (!grown || settings.hourlyViewDays() == 0) {
      return null;
    }
    return DateRange.of(today.minusDays(settings.hourlyViewDays()), today);
  }

  /** What the plan of one usage point depends on besides its own state. */
  private record PointPlan(
      DateRange window,
      boolean complete,
      boolean newPoint,
      DateRange hourlyRefresh,
      BiPredicate<String, Direction> splitsTariffs) {}

  /** Returns whether {@code schedule} gives the usage point and direction any off-peak hour. */
  private static boolean hasOffPeak(OffPeakSchedule schedule, String id, Direction direction) {
    if (schedule.equals(OffPeakSchedule.none())) {
      return false;
    }
    io.github.linkyj.offpeak.Direction side =
        direction == Direction.CONSUMPTION
            ? io.github.linkyj.offpeak.Direction.CONSUMPTION
            : io.github.linkyj.offpeak.Direction.PRODUCTION;
    return !schedule.plan(id, side).isNone();
  }

  private static void addEnergy(
      List<FetchRequest> requests,
      SyncSettings settings,
      LocalDate today,
      UsagePointState point,
      Direction direction,
      PointPlan plan) {
    if (point.isAbsent(direction)) {
      return;
    }
    DateRange window = plan.window();
    boolean complete = plan.complete();
    DaySet written = point.writtenDays(direction);
    if (plan.hourlyRefresh() != null) {
      written = written.minus(plan.hourlyRefresh());
    }
    List<DateRange> missing =
        complete ? point.refreshedDays(direction).missingIn(window) : written.missingIn(window);
    if (!complete && !plan.newPoint() && !point.hasData(direction)) {
      DateRange probe =
          DateRange.of(max(window.startInclusive(), today.minusDays(PROBE_DAYS)), today);
      missing = point.writtenDays(direction).missingIn(probe);
    }

    LocalDate curveStart = today.minusMonths(24);
    String id = point.usagePointId();
    DaySet curveNeeded =
        plan.splitsTariffs().test(id, direction)
            ? DaySet.empty().plus(DateRange.of(curveStart, today))
            : curveNeededWithoutSplit(settings, today);
    List<FetchRequest> curve = new ArrayList<>();
    List<FetchRequest> daily = new ArrayList<>();
    for (DateRange range : missing) {
      if (range.endExclusive().isAfter(curveStart)) {
        DateRange part =
            DateRange.of(max(range.startInclusive(), curveStart), range.endExclusive());
        List<DateRange> dailyParts = curveNeeded.missingIn(part);
        DaySet curveParts = DaySet.empty().plus(part);
        for (DateRange dailyPart : dailyParts) {
          curveParts = curveParts.minus(dailyPart);
          daily.add(new FetchRequest(id, direction, FetchRequest.Endpoint.DAILY, dailyPart));
        }
        for (DateRange curvePart : curveParts.ranges()) {
          curve.add(new FetchRequest(id, direction, FetchRequest.Endpoint.LOAD_CURVE, curvePart));
        }
      }
      if (range.startInclusive().isBefore(curveStart) && settings.dailyEndpointForOlderDays()) {
        DateRange part =
            DateRange.of(range.startInclusive(), min(range.endExclusive(), curveStart));
        daily.add(
            new FetchRequest(point.usagePointId(), direction, FetchRequest.Endpoint.DAILY, part));
      }
    }
    Collections.reverse(curve);
    Collections.reverse(daily);
    requests.addAll(curve);
    requests.addAll(daily);
  }

  /**
   * Returns the days that need the load curve at a usage point and direction whose energy goes to
   * one register only: the hourly view, for its short-log points, and the period of a {@code max_}
   * or {@code mean_} secondary figure, which counts only days with hourly detail. The daily
   * endpoint serves the other days with the same day energy in far fewer requests.
   */
  private static DaySet curveNeededWithoutSplit(SyncSettings settings, LocalDate today) {
    DaySet days = DaySet.empty();
    if (settings.hourlyViewDays() > 0) {
      days = days.plus(DateRange.of(today.minusDays(settings.hourlyViewDays()), today));
    }
    SecondaryFigure secondary = settings.secondaryFigure();
    if (secondary.statistic() != Statistic.VALUE) {
      days = days.plus(secondary.period().range(today));
    }
    return days;
  }

  private static void addPeaks(
      List<FetchRequest> requests, SyncSettings settings, LocalDate today, UsagePointState point) {
    if (point.isAbsent(Direction.CONSUMPTION)) {
      return;
    }
    DateRange period = settings.mainFigure().period().range(today);
    DaySet withPeak = DaySet.empty();
    for (DayStatistics day : point.statistics().values()) {
      if (day.peak().isPresent()) {
        withPeak = withPeak.plus(day.day());
      }
    }
    List<DateRange> missing = withPeak.missingIn(period);
    Collections.reverse(missing);
    for (DateRange range : missing) {
      requests.add(
          new FetchRequest(
              point.usagePointId(), Direction.CONSUMPTION, FetchRequest.Endpoint.MAX_POWER, range));
    }
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
