package io.github.linkyj.domoticz;

import io.github.linkyj.core.ConsentRequiredException;
import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.MaxPowerReading;
import io.github.linkyj.core.MeteringData;
import io.github.linkyj.core.QuotaExceededException;
import io.github.linkyj.core.WrongDirectionException;
import io.github.linkyj.domoticz.sync.DailyEnergy;
import io.github.linkyj.domoticz.sync.DailyPeak;
import io.github.linkyj.domoticz.sync.DashboardComposer;
import io.github.linkyj.domoticz.sync.DashboardOutcome;
import io.github.linkyj.domoticz.sync.DateRange;
import io.github.linkyj.domoticz.sync.DayEnergy;
import io.github.linkyj.domoticz.sync.DaySet;
import io.github.linkyj.domoticz.sync.DaySource;
import io.github.linkyj.domoticz.sync.DayStatistics;
import io.github.linkyj.domoticz.sync.DebugLevel;
import io.github.linkyj.domoticz.sync.DebugLog;
import io.github.linkyj.domoticz.sync.Direction;
import io.github.linkyj.domoticz.sync.EnergyAggregator;
import io.github.linkyj.domoticz.sync.EnergyAggregator.DirectionInput;
import io.github.linkyj.domoticz.sync.FetchPlan;
import io.github.linkyj.domoticz.sync.FetchPlan.FetchBatch;
import io.github.linkyj.domoticz.sync.FetchPlanner;
import io.github.linkyj.domoticz.sync.FetchRequest;
import io.github.linkyj.domoticz.sync.HistoryRows;
import io.github.linkyj.domoticz.sync.LoadCurveInterval;
import io.github.linkyj.domoticz.sync.OffPeakMinutes;
import io.github.linkyj.domoticz.sync.Registers;
import io.github.linkyj.domoticz.sync.SchedulePolicy;
import io.github.linkyj.domoticz.sync.SyncState;
import io.github.linkyj.domoticz.sync.SyncStateStore;
import io.github.linkyj.domoticz.sync.UsagePointMerger;
import io.github.linkyj.domoticz.sync.UsagePointState;
import io.github.linkyj.domoticz.sync.UserMessage;
import io.github.linkyj.offpeak.OffPeakSchedule;
import java.io.IOException;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The work of one {@link LinkySync#runOnce()}, which keeps the state between batches. */
final class SyncCycle {
  private static final Logger LOG = LoggerFactory.getLogger(SyncCycle.class);

  /** A date that is not the start of a date-time: day rows, not short-log points. */
  private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?![ T]\\d)");

  /** Enedis error code of a range without any measure. */
  private static final String NO_DATA = "no_data_found";

  /** Enedis error code of a range before the meter's activation. */
  private static final String BEFORE_ACTIVATION = "ADAM-ERR0123";

  /**
   * Days before today whose load curve Enedis may publish after their daily value, so a day among
   * them written from its daily value is fetched again.
   */
  static final int CURVE_DELAY_DAYS = 2;

  private final LinkySync sync;
  private final List<UserMessage> messages = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final Map<String, MeterLog> meters = new LinkedHashMap<>();
  private final Set<String> stoppedSeries = new HashSet<>();
  private final LocalDate today;
  private DebugLog debug = DebugLog.disabled();
  private SyncStateStore store;
  private SyncState state;
  private FetchPlan plan;
  private int requests;
  private int batchesDone;
  private int batchesTotal;

  /** Record of what the cycle wrote to one meter, for the report and the read-back. */
  private static final class MeterLog {
    final String meterId;
    final String deviceName;
    final List<String> usagePointIds;
    final SortedMap<LocalDate, P1Energy> dayRows = new TreeMap<>();
    final SortedMap<LocalDateTime, P1Reading> points = new TreeMap<>();
    // The points in order, both of the repeated hour when daylight saving time ends included.
    final List<SyncReport.HourlyPoint> hourly = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    P1Reading dashboard;
    String dashboardMissing;
    boolean prepared;

    MeterLog(String meterId, String deviceName, List<String> usagePointIds) {
      this.meterId = meterId;
      this.deviceName = deviceName;
      this.usagePointIds = usagePointIds;
    }

    SyncReport.Meter report() {
      List<SyncReport.DayRow> rows = new ArrayList<>();
      dayRows.forEach((day, energy) -> rows.add(SyncReport.DayRow.of(day, energy)));
      return new SyncReport.Meter(
          meterId,
          deviceName,
          usagePointIds,
          rows,
          hourly,
          Optional.ofNullable(dashboard),
          Optional.ofNullable(dashboardMissing),
          problems);
    }
  }

  /** Signals that {@link LinkySync#stop()} ended the cycle. */
  private static final class Stopped extends Exception {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("stopped", null, false, false);
    }
  }

  SyncCycle(LinkySync sync) {
    this.sync = sync;
    this.today = sync.clock.instant().atZone(sync.zone).toLocalDate();
  }

  SyncReport run() {
    if (!sync.nightTraffic && sync.policy.isNight(sync.clock.instant())) {
      SchedulePolicy.NextRun next = sync.policy.afterStart();
      send(sync.text.serversUnreachableAtNight(next.at()));
      return report(SyncReport.Outcome.NIGHT, next, null);
    }
    debug = sync.debugLog(messages);
    return runCycle();
  }

  private SyncReport runCycle() {
    try {
      loadState();
      List<String> ids = List.copyOf(sync.usagePoints.usagePointIds());
      debug("Usage points of the consent: " + ids);
      checkScheduleSections(ids);
      sync.target.prepare(sync.settings.hardwareName());
      readBackUnverified(ids);
      checkRetention();

      plan = FetchPlanner.plan(sync.settings, sync.offPeakSchedule, today, state, ids);
      send(plan.completeHistory() ? sync.text.completeHistory() : sync.text.shortHistory());
      for (String id : ids) {
        batchesTotal += plan.batchesOf(id).size();
      }
      debug("Plan: " + plan.requests().size() + " requests in " + batchesTotal + " batches");

      Map<String, SortedMap<LocalDate, DayEnergy>> fetched = new LinkedHashMap<>();
      for (String id : ids) {
        fetched.put(id, syncUsagePoint(id));
      }
      merge(ids, fetched);
      verify();
      if (plan.nextCompleteHistory().isPresent() && plan.completeHistory()) {
        send(sync.text.nextCompleteHistory(plan.nextCompleteHistory().get()));
      }
      return succeed();
    } catch (Stopped e) {
      LOG.info(
          "Sync of {} stopped on request after {} batches", sync.target.stateKey(), batchesDone);
      readBackQuietly();
      saveQuietly();
      return report(SyncReport.Outcome.STOPPED, sync.policy.afterStart(), null);
    } catch (ConsentRequiredException e) {
      return consentRequired(e);
    } catch (QuotaExceededException e) {
      return quota(e);
    } catch (LinkyException | IOException | RuntimeException e) {
      return fail(e);
    }
  }

  /**
   * Rejects a schedule with a section for a usage point that this sync does not read, before any
   * request to Enedis and before any device or row is written. Such an id is most likely mistyped,
   * and the usage point it was meant for would then silently use the default section.
   */
  private void checkScheduleSections(List<String> ids) {
    List<String> unknown =
        sync.offPeakSchedule.usagePointIds().stream().filter(id -> !ids.contains(id)).toList();
    if (unknown.isEmpty()) {
      return;
    }
    throw new IllegalArgumentException(
        "Invalid off-peak schedule: it has a section for usage point "
            + String.join(", ", unknown)
            + ", which is not among the usage points of this sync ("
            + String.join(", ", ids)
            + "). Correct the id in the schedule, or remove its section");
  }

  private void loadState() throws IOException, LinkyException {
    store = sync.store;
    SyncStateStore.Loaded loaded = store.load(sync.target.stateKey(), sync.settings.hardwareName());
    loaded.corruptFileMovedTo().ifPresent(path -> send(sync.text.stateReset(path)));
    state = loaded.state();
    DebugLevel level = sync.settings.debugLevel();
    if (state.isResetDue(level)) {
      if (level.kind() == DebugLevel.Kind.RESET_CACHE) {
        LOG.info("Resetting the sync state of {} as the debug level asks", sync.target);
        state = SyncState.empty(state.domoticzUrl(), state.hardwareName()).withDebugLevel(level);
        store.save(state);
      } else if (sync.consentReset != null) {
        LOG.info("Clearing the Enedis consent as the debug level asks");
        sync.consentReset.reset();
        state = state.withDebugLevel(level);
        store.save(state);
      }
    } else if (!level.isReset() && state.appliedReset().isPresent()) {
      state = state.withDebugLevel(level);
      store.save(state);
    }
  }

  /**
   * Reads back the day rows that an earlier cycle wrote but could not read back, because it ended
   * first. The days Domoticz does not store count as not written again, so this cycle fetches and
   * writes them. Meters of usage points outside {@code ids} are left alone, so no device is created
   * for them.
   */
  private void readBackUnverified(List<String> ids) throws DomoticzException, IOException {
    for (UsagePointState point : List.copyOf(state.usagePoints().values())) {
      DaySet unverified = point.unverifiedDays();
      String meterId = point.usagePointId();
      if (unverified.isEmpty() || !ids.containsAll(List.of(meterId.split(" / ")))) {
        continue;
      }
      List<DateRange> ranges = unverified.ranges();
      LocalDate first = ranges.get(0).startInclusive();
      LocalDate last = ranges.get(ranges.size() - 1).endExclusive().minusDays(1);
      sync.target.prepareMeter(meterId, deviceName(meterId));
      Set<LocalDate> stored = sync.target.storedDays(meterId, first, last);
      List<LocalDate> missing = new ArrayList<>();
      for (DateRange range : ranges) {
        range.startInclusive().datesUntil(range.endExclusive()).forEach(missing::add);
      }
      missing.removeAll(stored);
      LOG.info(
          "Read back {} day(s) of {} that the last cycle wrote; {} not stored, fetched again: {}",
          missing.size() + stored.size(),
          meterId,
          missing.size(),
          missing);
      state = state.with(point.withDaysReadBack(missing));
      store.save(state);
    }
  }

  /** Returns the device name of a usage point id, or of a merged {@code <C> / <P>} id. */
  private static String deviceName(String meterId) {
    String[] pair = meterId.split(" / ");
    return pair.length == 2 ? P1Device.nameFor(pair[0], pair[1]) : P1Device.nameFor(meterId);
  }

  /**
   * Warns when Domoticz deletes hourly points sooner than the hourly view needs. The warning is not
   * a problem of the cycle. The state records the retention and hourly-view days it was given for,
   * so later cycles and later runs repeat it only when one of the two values changes.
   */
  private void checkRetention() throws DomoticzException, IOException {
    int hourly = sync.settings.hourlyViewDays();
    if (hourly == 0 || !sync.retentionChecked.compareAndSet(false, true)) {
      return;
    }
    int kept = sync.target.shortLogDays();
    SyncState.ShortLogWarning warning =
        kept < hourly ? new SyncState.ShortLogWarning(kept, hourly) : null;
    if (Objects.equals(state.shortLogWarning().orElse(null), warning)) {
      return;
    }
    if (warning != null) {
      send(sync.text.shortLogRetention(kept, hourly));
    }
    state = state.withShortLogWarning(warning);
    store.save(state);
  }

  private SortedMap<LocalDate, DayEnergy> syncUsagePoint(String id)
      throws LinkyException, DomoticzException, IOException, Stopped {
    send(sync.text.processingUsagePoint(id));
    MeterLog meter = meter(id, P1Device.nameFor(id), List.of(id));
    SortedMap<LocalDate, DayEnergy> fetched = new TreeMap<>();
    for (FetchBatch batch : plan.batchesOf(id)) {
      if (sync.isStopRequested()) {
        throw new Stopped();
      }
      runBatch(id, batch, meter, fetched);
      store.save(state);
      batchesDone++;
      String note = id + " " + batch.days();
      debug("Batch " + batchesDone + "/" + batchesTotal + " saved: " + note);
      sync.progress.onProgress(batchesDone, batchesTotal, note);
    }
    UsagePointState point = state.usagePoint(id);
    if (!point.hasData(Direction.CONSUMPTION) && !point.hasData(Direction.PRODUCTION)) {
      send(sync.text.noDataInEitherDirection(id));
    }
    dashboard(meter, point.statistics(), absent(point));
    return fetched;
  }

  private MeterLog meter(String meterId, String deviceName, List<String> ids) {
    MeterLog meter = meters.get(meterId);
    if (meter == null) {
      meter = new MeterLog(meterId, deviceName, ids);
      meters.put(meterId, meter);
    }
    return meter;
  }

  /** Finds or creates the meter's device before its first write, so no device stays empty. */
  private void prepare(MeterLog meter) throws DomoticzException {
    if (!meter.prepared) {
      sync.target.prepareMeter(meter.meterId, meter.deviceName);
      meter.prepared = true;
    }
  }

  private void runBatch(
      String id, FetchBatch batch, MeterLog meter, SortedMap<LocalDate, DayEnergy> fetched)
      throws LinkyException, DomoticzException {
    UsagePointState point = state.usagePoint(id);
    Map<Direction, List<LoadCurveInterval>> curves = new EnumMap<>(Direction.class);
    Map<Direction, DateRange> curveDays = new EnumMap<>(Direction.class);
    Map<Direction, List<DailyEnergy>> dailies = new EnumMap<>(Direction.class);
    List<DailyPeak> peaks = new ArrayList<>();
    for (FetchRequest request : batch.requests()) {
      Direction direction = request.direction();
      String series = id + " " + direction + " " + request.endpoint();
      if (point.isAbsent(direction) || stoppedSeries.contains(series)) {
        continue;
      }
      MeteringData data;
      try {
        data = fetch(request);
      } catch (WrongDirectionException e) {
        LOG.info(
            "Usage point {} has no {} (Enedis {}); not asking for it again",
            id,
            direction,
            e.errorCode().orElse("wrong direction"));
        point = point.withAbsent(direction, true);
        continue;
      }
      Optional<String> edge = data.oldestEdgeCode();
      if (request.endpoint() == FetchRequest.Endpoint.DAILY
          && edge.equals(Optional.of(BEFORE_ACTIVATION))
          && data.dailyEnergies().isEmpty()) {
        data = dailySinceActivation(request, data);
      }
      boolean curve = request.endpoint() == FetchRequest.Endpoint.LOAD_CURVE;
      if (curve && edge.isPresent() && edge.get().equals(NO_DATA) && data.intervals().isEmpty()) {
        // Not a stop: a usage point without load curve, or a long hole, still has daily values.
        LOG.info(
            "Usage point {}: no {} load curve for {} ({}); asking the daily endpoint for it",
            id,
            direction,
            request.days(),
            NO_DATA);
      } else if (edge.isPresent()) {
        stoppedSeries.add(series);
        LOG.info(
            "Usage point {}: no {} {} data before {} ({}); skipping older days in this cycle",
            id,
            direction,
            request.endpoint(),
            data.start(),
            edge.get());
      }
      switch (request.endpoint()) {
        case LOAD_CURVE -> {
          curves.put(direction, LoadCurveInputs.intervals(data));
          if (!edge.map(BEFORE_ACTIVATION::equals).orElse(false)) {
            curveDays.put(direction, request.days());
          }
        }
        case DAILY -> dailies.put(direction, dailyEnergies(data));
        case MAX_POWER -> peaks.addAll(peaks(data));
      }
    }
    for (Map.Entry<Direction, DateRange> entry : curveDays.entrySet()) {
      Direction direction = entry.getKey();
      List<LoadCurveInterval> curve = curves.get(direction);
      fillFromDaily(id, direction, entry.getValue(), curve)
          .ifPresent(values -> dailies.put(direction, values));
    }

    SortedMap<LocalDate, DayEnergy> days =
        new EnergyAggregator(sync.zone)
            .aggregate(
                id,
                input(id, Direction.CONSUMPTION, curves, dailies),
                input(id, Direction.PRODUCTION, curves, dailies));
    final UsagePointState base = point;
    HistoryRows rows =
        HistoryRows.build(
            days.values(), today, sync.settings.hourlyViewDays(), base::counterBaseAt);
    try {
      write(meter, rows);
    } catch (DomoticzException e) {
      recordPartialBatch(point.withPeaks(peaks), days, rows, meter);
      throw e;
    }
    fetched.putAll(days);
    logIncompleteDays(id, days);

    List<DayStatistics> stats = new ArrayList<>();
    days.values().forEach(day -> stats.add(DayStatistics.of(day)));
    point =
        point
            .withPeaks(peaks)
            .withDaysWritten(stats, plan.completeHistory())
            .withShortLog(rows)
            .withDaysUnverified(dayRowDates(rows));
    for (Direction direction : curveDays.keySet()) {
      List<LocalDate> pending = awaitingCurve(days, direction, curves.get(direction));
      if (!pending.isEmpty()) {
        LOG.info(
            "Usage point {}: {} {} written from the daily value; fetched again on the next cycle"
                + " for its load curve",
            id,
            direction,
            pending);
        point = point.withDaysUnwritten(direction, pending);
      }
    }
    state = state.with(point);
  }

  /**
   * Fetches the daily values of {@code request} from the meter's activation on, after Enedis
   * rejected the whole range because it starts before that date. The error does not give the date,
   * so a binary search over the start of the range finds it in about log2(days) requests, up to 10
   * for a year of daily values. Without it, a rejected range would lose up to 364 days.
   *
   * @return the values from the activation on, or {@code rejected} when every start is rejected
   */
  private MeteringData dailySinceActivation(FetchRequest request, MeteringData rejected)
      throws LinkyException {
    LocalDate end = request.days().endExclusive();
    LocalDate rejectedStart = request.days().startInclusive();
    LocalDate acceptedStart = end.minusDays(1);
    // The last day first: a range wholly before the activation then costs one request, not nine.
    MeteringData accepted = fetchFrom(request, acceptedStart);
    if (isBeforeActivation(accepted)) {
      return rejected;
    }
    while (rejectedStart.plusDays(1).isBefore(acceptedStart)) {
      long days = acceptedStart.toEpochDay() - rejectedStart.toEpochDay();
      LocalDate middle = rejectedStart.plusDays(days / 2);
      MeteringData data = fetchFrom(request, middle);
      if (isBeforeActivation(data)) {
        rejectedStart = middle;
      } else {
        acceptedStart = middle;
        accepted = data;
      }
    }
    LOG.info(
        "Usage point {}: {} daily values start on {}, the first day Enedis accepts after {} ({})",
        request.usagePointId(),
        request.direction(),
        acceptedStart,
        request.days().startInclusive(),
        BEFORE_ACTIVATION);
    return accepted;
  }

  private MeteringData fetchFrom(FetchRequest request, LocalDate start) throws LinkyException {
    DateRange days = DateRange.of(start, request.days().endExclusive());
    return fetch(
        new FetchRequest(request.usagePointId(), request.direction(), request.endpoint(), days));
  }

  private static boolean isBeforeActivation(MeteringData data) {
    return data.oldestEdgeCode().equals(Optional.of(BEFORE_ACTIVATION));
  }

  /**
   * Records the day rows of a batch that Domoticz acknowledged before a write failed, and the row
   * whose request failed, which Domoticz may have stored before its response was lost. The next
   * cycle reads them back instead of writing them again. The hourly points count only when all of
   * them were written, because their counters continue from the last one.
   */
  private void recordPartialBatch(
      UsagePointState point,
      SortedMap<LocalDate, DayEnergy> days,
      HistoryRows rows,
      MeterLog meter) {
    boolean allPoints =
        rows.hourPoints().stream().allMatch(hour -> meter.points.containsKey(hour.localEnd()));
    // Day rows are written in order after the hourly points, so the acknowledged rows come first.
    int acknowledged = countWritten(rows, meter);
    int sent = allPoints ? Math.min(acknowledged + 1, rows.dayRows().size()) : acknowledged;
    List<DayStatistics> stats = new ArrayList<>();
    List<LocalDate> attempted = new ArrayList<>();
    for (HistoryRows.DayRow row : rows.dayRows().subList(0, sent)) {
      DayEnergy energy = days.get(row.day());
      if (energy != null) {
        stats.add(DayStatistics.of(energy));
        attempted.add(row.day());
      }
    }
    UsagePointState partial = point.withDaysWritten(stats, plan.completeHistory());
    if (allPoints) {
      partial = partial.withShortLog(rows);
    }
    LOG.info(
        "Usage point {}: a Domoticz write failed after {} of {} day rows of the batch; the next"
            + " cycle reads back {}",
        point.usagePointId(),
        acknowledged,
        rows.dayRows().size(),
        attempted);
    // The statistics of every written day stay until the cycle succeeds, for a resumed merge.
    state = state.with(partial.withDaysUnverified(attempted));
  }

  /** Returns how many day rows of {@code rows} Domoticz acknowledged in this cycle. */
  private static int countWritten(HistoryRows rows, MeterLog meter) {
    int written = 0;
    for (HistoryRows.DayRow row : rows.dayRows()) {
      if (meter.dayRows.containsKey(row.day())) {
        written++;
      }
    }
    return written;
  }

  private static List<LocalDate> dayRowDates(HistoryRows rows) {
    List<LocalDate> dates = new ArrayList<>();
    rows.dayRows().forEach(row -> dates.add(row.day()));
    return dates;
  }

  /**
   * Fetches the daily values of the days of {@code requested} that the load curve does not cover
   * completely, in one request over the smallest range that contains them.
   *
   * @return the daily values, or empty when the curve covers every day or the series stopped
   */
  private Optional<List<DailyEnergy>> fillFromDaily(
      String id, Direction direction, DateRange requested, List<LoadCurveInterval> curve)
      throws LinkyException {
    String series = id + " " + direction + " " + FetchRequest.Endpoint.DAILY;
    List<LocalDate> missing =
        new EnergyAggregator(sync.zone).daysNotCovered(id, direction, requested, curve);
    if (missing.isEmpty() || stoppedSeries.contains(series)) {
      return Optional.empty();
    }
    DateRange range = DateRange.of(missing.get(0), missing.get(missing.size() - 1).plusDays(1));
    MeteringData data;
    try {
      data = fetch(new FetchRequest(id, direction, FetchRequest.Endpoint.DAILY, range));
    } catch (WrongDirectionException e) {
      LOG.info(
          "Usage point {}: the daily {} endpoint rejected {} (Enedis {}); keeping the load curve",
          id,
          direction,
          range,
          e.errorCode().orElse("wrong direction"));
      return Optional.empty();
    }
    List<DailyEnergy> values = dailyEnergies(data);
    List<LocalDate> skipped = new ArrayList<>(missing);
    values.forEach(value -> skipped.remove(value.day()));
    if (!skipped.isEmpty()) {
      LOG.info(
          "Usage point {}: neither the {} load curve nor the daily endpoint covers {}; the curve"
              + " part is written as it is and the days are fetched again on the next cycle",
          id,
          direction,
          skipped);
    }
    if (values.isEmpty() && data.oldestEdgeCode().isPresent() && curve.isEmpty()) {
      stoppedSeries.add(series);
      stoppedSeries.add(id + " " + direction + " " + FetchRequest.Endpoint.LOAD_CURVE);
      LOG.info(
          "Usage point {}: no {} data before {} ({}); skipping older days in this cycle",
          id,
          direction,
          range.endExclusive(),
          data.oldestEdgeCode().get());
    }
    return Optional.of(values);
  }

  /**
   * Returns the days of {@code direction} written from a daily value that a load curve published
   * later could improve: the last {@value #CURVE_DELAY_DAYS} days before today, when the usage
   * point has a load curve (the batch received some intervals of it).
   */
  private List<LocalDate> awaitingCurve(
      Map<LocalDate, DayEnergy> days, Direction direction, List<LoadCurveInterval> curve) {
    List<LocalDate> pending = new ArrayList<>();
    if (curve == null || curve.isEmpty()) {
      return pending;
    }
    LocalDate first = today.minusDays(CURVE_DELAY_DAYS);
    for (DayEnergy day : days.values()) {
      if (day.source(direction) == DaySource.DAILY && !day.day().isBefore(first)) {
        pending.add(day.day());
      }
    }
    return pending;
  }

  /** Logs the days written from a partial load curve, which a later cycle fetches again. */
  private static void logIncompleteDays(String id, Map<LocalDate, DayEnergy> days) {
    List<String> incomplete = new ArrayList<>();
    for (DayEnergy day : days.values()) {
      for (Direction direction : Direction.values()) {
        if (day.source(direction) == DaySource.CURVE_INCOMPLETE) {
          incomplete.add(day.day() + " " + direction);
        }
      }
    }
    if (!incomplete.isEmpty()) {
      LOG.info(
          "Usage point {}: the load curve of {} is incomplete; written as it is and fetched again"
              + " on the next cycle",
          id,
          incomplete);
    }
  }

  private void write(MeterLog meter, HistoryRows rows) throws DomoticzException {
    if (!rows.hourPoints().isEmpty() || !rows.dayRows().isEmpty()) {
      prepare(meter);
    }
    for (HistoryRows.HourPoint point : rows.hourPoints()) {
      P1Reading reading = P1Reading.of(energy(point.counters()));
      sync.target.writeShortLogPoint(meter.meterId, point.localEnd(), reading);
      meter.points.put(point.localEnd(), reading);
      meter.hourly.add(new SyncReport.HourlyPoint(point.localEnd(), reading.counters()));
    }
    for (HistoryRows.DayRow row : rows.dayRows()) {
      P1Energy energy = energy(row.wattHours());
      sync.target.writeDayRow(meter.meterId, row.day(), energy);
      meter.dayRows.put(row.day(), energy);
    }
    if (!rows.dayRows().isEmpty()) {
      debug(
          meter.deviceName
              + ": wrote "
              + rows.dayRows().size()
              + " day rows from "
              + rows.dayRows().get(0).day()
              + " and "
              + rows.hourPoints().size()
              + " hourly points");
    }
  }

  private MeteringData fetch(FetchRequest request) throws LinkyException {
    String id = request.usagePointId();
    LocalDate start = request.days().startInclusive();
    LocalDate end = request.days().endExclusive();
    requests++;
    debug(
        "Fetching "
            + request.direction()
            + " "
            + request.endpoint()
            + " of "
            + id
            + " "
            + request.days());
    boolean consumption = request.direction() == Direction.CONSUMPTION;
    return switch (request.endpoint()) {
      case LOAD_CURVE ->
          consumption
              ? sync.client.consumptionLoadCurve(id, start, end)
              : sync.client.productionLoadCurve(id, start, end);
      case DAILY ->
          consumption
              ? sync.client.dailyConsumption(id, start, end)
              : sync.client.dailyProduction(id, start, end);
      case MAX_POWER -> sync.client.dailyConsumptionMaxPower(id, start, end);
    };
  }

  private static List<DailyEnergy> dailyEnergies(MeteringData data) {
    List<DailyEnergy> days = new ArrayList<>();
    for (io.github.linkyj.core.DailyEnergy day : data.dailyEnergies()) {
      days.add(new DailyEnergy(day.date(), day.energy().wattHours(RoundingMode.HALF_UP)));
    }
    return days;
  }

  private List<DailyPeak> peaks(MeteringData data) {
    List<DailyPeak> peaks = new ArrayList<>();
    for (MaxPowerReading reading : data.maxPowers()) {
      peaks.add(
          new DailyPeak(
              reading.time().withZoneSameInstant(sync.zone).toLocalDateTime(),
              reading.apparentPower()));
    }
    return peaks;
  }

  private DirectionInput input(
      String id,
      Direction direction,
      Map<Direction, List<LoadCurveInterval>> curves,
      Map<Direction, List<DailyEnergy>> dailies) {
    return new DirectionInput(
        curves.getOrDefault(direction, List.of()),
        dailies.getOrDefault(direction, List.of()),
        offPeak(id, direction));
  }

  /** Returns the off-peak minutes of the usage point's own schedule for one direction. */
  private OffPeakMinutes offPeak(String id, Direction direction) {
    return LoadCurveInputs.offPeakMinutes(schedule(id), id, direction, sync.zone);
  }

  private OffPeakSchedule schedule(String id) {
    if (!sync.settings.offPeakFromContract()) {
      return sync.offPeakSchedule;
    }
    OffPeakSchedule cached = sync.contractSchedules.get(id);
    if (cached != null) {
      return cached;
    }
    OffPeakSchedule schedule = sync.offPeakSchedule;
    boolean fallback = !schedule.equals(OffPeakSchedule.none());
    try {
      Optional<String> hours = sync.client.contract(id).offpeakHours();
      if (hours.isPresent()) {
        schedule = OffPeakSchedule.parseContract(hours.get());
        debug("Off-peak hours of " + id + " from its contract: " + hours.get());
      } else {
        send(
            sync.text.contractOffPeakUnavailable(
                id, "the contract lists no off-peak hours", fallback));
      }
    } catch (UnsupportedOperationException e) {
      send(
          sync.text.contractOffPeakUnavailable(
              id, "this data source serves no contract", fallback));
    } catch (LinkyException | RuntimeException e) {
      send(sync.text.contractOffPeakUnavailable(id, LinkySync.describe(e), fallback));
    }
    sync.contractSchedules.put(id, schedule);
    return schedule;
  }

  private void dashboard(
      MeterLog meter, Map<LocalDate, DayStatistics> statistics, Set<Direction> absent)
      throws DomoticzException {
    DashboardOutcome outcome =
        DashboardComposer.compose(
            sync.settings.mainFigure(), sync.settings.secondaryFigure(), today, statistics, absent);
    if (outcome instanceof DashboardOutcome.Ready ready) {
      Registers r = ready.value().registers();
      P1Reading reading =
          new P1Reading(
              energy(r), ready.value().consumptionPower(), ready.value().productionPower());
      prepare(meter);
      sync.target.writeCurrentValue(meter.meterId, reading);
      meter.dashboard = reading;
      debug(meter.deviceName + ": dashboard " + ready.value().sValue());
    } else if (outcome instanceof DashboardOutcome.Missing missing) {
      meter.dashboardMissing = missing.reason();
      LOG.info(
          "No dashboard value for {}: {} {}",
          meter.meterId,
          missing.reason(),
          missing.missingDays());
      send(sync.text.dashboardDataMissing(meter.meterId));
    }
  }

  private void merge(List<String> ids, Map<String, SortedMap<LocalDate, DayEnergy>> fetched)
      throws LinkyException, DomoticzException, IOException, Stopped {
    List<UsagePointState> points = new ArrayList<>();
    ids.forEach(id -> points.add(state.usagePoint(id)));
    for (UsagePointMerger.Pair pair : UsagePointMerger.pairs(points)) {
      if (sync.isStopRequested()) {
        throw new Stopped();
      }
      send(sync.text.mergingUsagePoints(pair));
      UsagePointState consumer = state.usagePoint(pair.consumptionId());
      UsagePointState producer = state.usagePoint(pair.productionId());
      UsagePointState merged = state.usagePoint(pair.mergedId());
      SortedMap<LocalDate, DayEnergy> cDays = new TreeMap<>(fetched.get(pair.consumptionId()));
      SortedMap<LocalDate, DayEnergy> pDays = new TreeMap<>(fetched.get(pair.productionId()));
      // Days stored on either side but not yet written to the merged meter, such as the days of
      // a cycle that ended before the merge, are written from their stored energy. The state
      // keeps every day's statistics until the cycle succeeds, so no such day is missing. Stored
      // days have no hours, so the curve of those in the hourly view is fetched again.
      addHourlyDays(cDays, consumer, merged, Direction.CONSUMPTION);
      addHourlyDays(pDays, producer, merged, Direction.PRODUCTION);
      addUnmerged(cDays, consumer, merged, Direction.CONSUMPTION);
      addUnmerged(pDays, producer, merged, Direction.PRODUCTION);
      SortedMap<LocalDate, DayEnergy> days =
          UsagePointMerger.mergeDays(cDays, consumer.statistics(), pDays, producer.statistics());
      MeterLog meter =
          meter(
              pair.mergedId(),
              P1Device.nameFor(pair.consumptionId(), pair.productionId()),
              List.of(pair.consumptionId(), pair.productionId()));
      HistoryRows rows =
          HistoryRows.build(
              days.values(), today, sync.settings.hourlyViewDays(), merged::counterBaseAt);
      write(meter, rows);
      List<DayStatistics> stats = new ArrayList<>();
      days.values().forEach(day -> stats.add(DayStatistics.of(day)));
      state =
          state.with(
              merged
                  .withDaysWritten(stats, false)
                  .withShortLog(rows)
                  .withStatisticsFrom(DashboardComposer.statisticsHorizon(today))
                  .withDaysUnverified(dayRowDates(rows)));
      store.save(state);
      dashboard(
          meter,
          UsagePointMerger.mergeStatistics(consumer.statistics(), producer.statistics()),
          EnumSet.noneOf(Direction.class));
    }
  }

  /**
   * Adds to {@code days} the days of the hourly view that {@code side} wrote in an earlier cycle
   * but the merged meter lacks, with their hours, by fetching the side's load curve of those days
   * again.
   */
  private void addHourlyDays(
      SortedMap<LocalDate, DayEnergy> days,
      UsagePointState side,
      UsagePointState merged,
      Direction direction)
      throws LinkyException {
    List<LocalDate> lacking = new ArrayList<>();
    for (LocalDate day = today.minusDays(sync.settings.hourlyViewDays());
        day.isBefore(today);
        day = day.plusDays(1)) {
      if (!days.containsKey(day)
          && side.writtenDays(direction).contains(day)
          && !merged.writtenDays(direction).contains(day)) {
        lacking.add(day);
      }
    }
    if (lacking.isEmpty()) {
      return;
    }
    String id = side.usagePointId();
    DateRange range = DateRange.of(lacking.get(0), lacking.get(lacking.size() - 1).plusDays(1));
    LOG.info(
        "Usage point {}: fetching the {} load curve of {} again for the hourly points of the"
            + " merged meter",
        id,
        direction,
        range);
    Map<Direction, List<LoadCurveInterval>> curves = new EnumMap<>(Direction.class);
    Map<Direction, List<DailyEnergy>> dailies = new EnumMap<>(Direction.class);
    List<LoadCurveInterval> curve =
        LoadCurveInputs.intervals(
            fetch(new FetchRequest(id, direction, FetchRequest.Endpoint.LOAD_CURVE, range)));
    curves.put(direction, curve);
    fillFromDaily(id, direction, range, curve).ifPresent(values -> dailies.put(direction, values));
    SortedMap<LocalDate, DayEnergy> fetchedAgain =
        new EnergyAggregator(sync.zone)
            .aggregate(
                id,
                input(id, Direction.CONSUMPTION, curves, dailies),
                input(id, Direction.PRODUCTION, curves, dailies));
    for (LocalDate day : lacking) {
      DayEnergy energy = fetchedAgain.get(day);
      if (energy != null) {
        days.put(day, energy);
      }
    }
  }

  private static void addUnmerged(
      SortedMap<LocalDate, DayEnergy> days,
      UsagePointState side,
      UsagePointState merged,
      Direction direction) {
    for (DayStatistics day : side.statistics().values()) {
      if (!days.containsKey(day.day())
          && day.source(direction).isComplete()
          && !merged.writtenDays(direction).contains(day.day())) {
        days.put(
            day.day(),
            new DayEnergy(
                day.day(),
                day.energy(),
                day.tariffMinutes(),
                List.of(),
                day.consumption(),
                day.production()));
      }
    }
  }

  private void verify() throws DomoticzException {
    for (MeterLog meter : meters.values()) {
      if (meter.dayRows.isEmpty() && meter.points.isEmpty()) {
        continue;
      }
      List<String> missing = sync.target.verify(meter.meterId, meter.dayRows, meter.points);
      List<LocalDate> unstored = new ArrayList<>();
      for (String problem : missing) {
        LOG.error("Read-back of {}: {}", meter.deviceName, problem);
        meter.problems.add(problem);
        problems.add(problem);
        send(sync.text.historyNotStored(meter.deviceName, problem));
        unstored.addAll(writtenDaysIn(problem, meter));
      }
      if (!unstored.isEmpty()) {
        LOG.info(
            "Marking {} day(s) of {} as not written, to write them again: {}",
            unstored.size(),
            meter.meterId,
            unstored);
      }
      state = state.with(state.usagePoint(meter.meterId).withDaysReadBack(unstored));
    }
  }

  /** Returns the days written to {@code meter} that a read-back problem names. */
  private static List<LocalDate> writtenDaysIn(String problem, MeterLog meter) {
    List<LocalDate> days = new ArrayList<>();
    Matcher matcher = DATE.matcher(problem);
    while (matcher.find()) {
      LocalDate day = LocalDate.parse(matcher.group(1));
      if (meter.dayRows.containsKey(day) && !days.contains(day)) {
        days.add(day);
      }
    }
    return days;
  }

  private SyncReport succeed() throws IOException {
    // Every meter has its days now, so only the days of the dashboard periods stay stored.
    LocalDate horizon = DashboardComposer.statisticsHorizon(today);
    for (UsagePointState point : List.copyOf(state.usagePoints().values())) {
      state = state.with(point.withStatisticsFrom(horizon));
    }
    state =
        state.withSuccess(
            sync.clock.instant(),
            SyncState.HistoryShape.of(sync.settings),
            plan.completeHistory(),
            plan.nextCompleteHistory().orElse(null));
    store.save(state);
    SchedulePolicy.NextRun next = sync.policy.afterSuccess();
    send(sync.text.nextConnection(next.at()));
    return report(SyncReport.Outcome.COMPLETED, next, null);
  }

  /** Returns " for usage point ID", or "" when the failure concerns no single usage point. */
  private static String forUsagePoint(LinkyException e) {
    return e.usagePointId().map(id -> " for usage point " + id).orElse("");
  }

  private SyncReport consentRequired(ConsentRequiredException e) {
    LOG.warn("Enedis needs a new consent{}: {}", forUsagePoint(e), LinkySync.describe(e));
    readBackQuietly();
    saveQuietly();
    send(sync.text.consentMissing());
    SchedulePolicy.NextRun next = sync.policy.afterFailure(1);
    return report(SyncReport.Outcome.CONSENT_REQUIRED, next, LinkySync.describe(e));
  }

  private SyncReport quota(QuotaExceededException e) {
    LOG.warn(
        "Enedis quota reached{}; retry at {}",
        forUsagePoint(e),
        e.retryAt().map(Object::toString).orElse("an hour from now"));
    readBackQuietly();
    saveQuietly();
    SchedulePolicy.NextRun next =
        e.retryAt().map(sync.policy::afterQuota).orElse(sync.policy.afterFailure(1));
    send(sync.text.syncFailed(LinkySync.describe(e)));
    send(sync.text.nextConnection(next.at()));
    return report(SyncReport.Outcome.QUOTA_EXCEEDED, next, LinkySync.describe(e));
  }

  private SyncReport fail(Exception e) {
    String reason = LinkySync.describe(e);
    LOG.warn("Sync of {} failed after {} batches: {}", sync.target, batchesDone, reason);
    int failures = 1;
    if (!(e instanceof DomoticzException)) {
      readBackQuietly();
    }
    if (state != null) {
      state = state.withFailure();
      failures = state.consecutiveFailures();
      saveQuietly();
    }
    send(sync.text.syncFailed(reason));
    SchedulePolicy.NextRun next = sync.policy.afterFailure(failures);
    if (next.reason() == SchedulePolicy.Reason.TOO_MANY_FAILURES) {
      send(sync.text.tooManyFailures(next.at()));
    } else {
      send(sync.text.nextConnection(next.at()));
    }
    return report(SyncReport.Outcome.FAILED, next, reason);
  }

  /**
   * Reads back the rows of this cycle after a failure that did not come from Domoticz, so the state
   * keeps no row that Domoticz dropped. When Domoticz cannot be read, the rows stay recorded as
   * unverified and the next cycle reads them back.
   */
  private void readBackQuietly() {
    if (state == null) {
      return;
    }
    try {
      verify();
    } catch (DomoticzException | RuntimeException e) {
      LOG.warn(
          "Cannot read back the rows written to {}; the next cycle reads them back: {}",
          sync.target,
          LinkySync.describe(e));
    }
  }

  private void saveQuietly() {
    if (state == null || store == null) {
      return;
    }
    try {
      store.save(state);
    } catch (IOException e) {
      LOG.error("Cannot save the sync state of {}: {}", sync.target, e.toString());
    }
  }

  private SyncReport report(
      SyncReport.Outcome outcome, SchedulePolicy.NextRun next, String failure) {
    List<SyncReport.Meter> reports = new ArrayList<>();
    meters.values().forEach(m -> reports.add(m.report()));
    if (failure != null) {
      problems.add(failure);
    }
    return new SyncReport(
        outcome,
        reports,
        messages,
        problems,
        next.at(),
        next.reason(),
        requests,
        Optional.ofNullable(failure));
  }

  private void send(UserMessage message) {
    sync.send(message, debug, messages);
  }

  private void debug(String line) {
    sync.debug(debug, line);
  }

  private static Set<Direction> absent(UsagePointState point) {
    Set<Direction> absent = EnumSet.noneOf(Direction.class);
    for (Direction direction : Direction.values()) {
      if (point.isAbsent(direction)) {
        absent.add(direction);
      }
    }
    return absent;
  }

  private static P1Energy energy(Registers r) {
    return new P1Energy(r.usage1(), r.usage2(), r.return1(), r.return2());
  }
}
