package io.github.linkyj.domoticz.sync;

import static io.github.linkyj.domoticz.sync.TestData.PARIS;

import io.github.linkyj.domoticz.sync.EnergyAggregator.DirectionInput;
import io.github.linkyj.domoticz.sync.FetchPlan.FetchBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * One sync cycle wired the way the Domoticz glue calls the sync logic, against a fake Enedis and a
 * fake Domoticz that record every request and write.
 */
final class SimulatedSync {
  static final String URL = "http://127.0.0.1:8080";
  static final String HARDWARE = "Linky";

  /** Failure of the fake Enedis, as a transport error would be. */
  static final class FakeFailure extends RuntimeException {
    FakeFailure(String message) {
      super(message);
    }
  }

  /** Wrong-direction error of the fake Enedis. */
  static final class WrongDirection extends RuntimeException {
    WrongDirection(String message) {
      super(message);
    }
  }

  /** Fake Enedis: a half-hour power per usage point and direction, from a first day on. */
  static final class FakeEnedis {
    final Map<String, Map<Direction, ToLongFunction<ZonedDateTime>>> curves = new HashMap<>();
    final Map<String, LocalDate> firstDay = new HashMap<>();
    final List<FetchRequest> requests = new ArrayList<>();
    int failAfter = Integer.MAX_VALUE;

    void add(String id, Direction direction, LocalDate from, ToLongFunction<ZonedDateTime> watts) {
      curves.computeIfAbsent(id, k -> new EnumMap<>(Direction.class)).put(direction, watts);
      firstDay.put(id, from);
    }

    private void count(FetchRequest request) {
      if (requests.size() >= failAfter) {
        throw new FakeFailure("connection reset after " + requests.size() + " requests");
      }
      requests.add(request);
    }

    List<LoadCurveInterval> curve(FetchRequest request, LocalDate today) {
      count(request);
      ToLongFunction<ZonedDateTime> watts =
          curves.get(request.usagePointId()).get(request.direction());
      if (watts == null) {
        throw new WrongDirection("ADAM-ERR0069 for " + request);
      }
      List<LoadCurveInterval> intervals = new ArrayList<>();
      DateRange days = request.days();
      for (LocalDate d = days.startInclusive();
          d.isBefore(days.endExclusive());
          d = d.plusDays(1)) {
        if (!d.isBefore(firstDay.get(request.usagePointId())) && d.isBefore(today)) {
          intervals.addAll(TestData.curve(d, 30, watts));
        }
      }
      return intervals;
    }

    List<DailyPeak> peaks(FetchRequest request, LocalDate today) {
      count(request);
      List<DailyPeak> peaks = new ArrayList<>();
      DateRange days = request.days();
      for (LocalDate d = days.startInclusive();
          d.isBefore(days.endExclusive());
          d = d.plusDays(1)) {
        if (!d.isBefore(firstDay.get(request.usagePointId())) && d.isBefore(today)) {
          peaks.add(new DailyPeak(d.atTime(19, 31), 3000 + d.getDayOfMonth()));
        }
      }
      return peaks;
    }

    long count(Direction direction, FetchRequest.Endpoint endpoint) {
      return requests.stream()
          .filter(r -> r.direction() == direction && r.endpoint() == endpoint)
          .count();
    }
  }

  /** Fake Domoticz: what each meter received, and how often each day row was written. */
  static final class FakeDomoticz {
    final Map<String, SortedMap<LocalDate, String>> dayRows = new HashMap<>();
    final Map<String, Map<LocalDate, Integer>> dayWrites = new HashMap<>();
    final Map<String, SortedMap<ZonedDateTime, Registers>> hourPoints = new HashMap<>();
    final Map<String, String> dashboards = new HashMap<>();

    void write(String meter, HistoryRows rows) {
      for (HistoryRows.DayRow row : rows.dayRows()) {
        dayRows.computeIfAbsent(meter, k -> new TreeMap<>()).put(row.day(), row.sValue());
        dayWrites.computeIfAbsent(meter, k -> new HashMap<>()).merge(row.day(), 1, Integer::sum);
      }
      for (HistoryRows.HourPoint point : rows.hourPoints()) {
        hourPoints.computeIfAbsent(meter, k -> new TreeMap<>()).put(point.end(), point.counters());
      }
    }
  }

  final FakeEnedis enedis = new FakeEnedis();
  final FakeDomoticz domoticz = new FakeDomoticz();
  final List<UserMessage> messages = new ArrayList<>();
  private final Path stateDirectory;
  private final SyncSettings settings;
  private final List<String> usagePoints;

  SimulatedSync(Path stateDirectory, SyncSettings settings, List<String> usagePoints) {
    this.stateDirectory = stateDirectory;
    this.settings = settings;
    this.usagePoints = usagePoints;
  }

  /** Runs one cycle at local time {@code now}, loading and saving the state file as a restart. */
  boolean runCycle(LocalDateTime now) throws IOException {
    Clock clock = Clock.fixed(now.atZone(PARIS).toInstant(), PARIS);
    SyncStateStore store = new SyncStateStore(stateDirectory, clock);
    UserMessages text = UserMessages.of(settings.language());
    SyncState state = store.load(URL, HARDWARE).state();
    LocalDate today = now.toLocalDate();

    FetchPlan plan = FetchPlanner.plan(settings, today, state, usagePoints);
    messages.add(plan.completeHistory() ? text.completeHistory() : text.shortHistory());

    Map<String, SortedMap<LocalDate, DayEnergy>> written = new LinkedHashMap<>();
    try {
      for (String id : usagePoints) {
        messages.add(text.processingUsagePoint(id));
        written.put(id, new TreeMap<>());
        for (FetchBatch batch : plan.batchesOf(id)) {
          state = runBatch(state, plan, batch, id, today, written.get(id));
          store.save(state);
        }
        compose(state.usagePoint(id).statistics(), absent(state.usagePoint(id)), id, today, text);
      }
      state = merge(state, written, today, text);
    } catch (FakeFailure e) {
      store.save(state.withFailure());
      return false;
    }

    state =
        state.withSuccess(
            clock.instant(),
            SyncState.HistoryShape.of(settings),
            plan.completeHistory(),
            plan.nextCompleteHistory().orElse(null));
    store.save(state);
    return true;
  }

  private SyncState runBatch(
      SyncState state,
      FetchPlan plan,
      FetchBatch batch,
      String id,
      LocalDate today,
      SortedMap<LocalDate, DayEnergy> written) {
    UsagePointState point = state.usagePoint(id);
    Map<Direction, List<LoadCurveInterval>> curves = new EnumMap<>(Direction.class);
    List<DailyPeak> peaks = new ArrayList<>();
    for (FetchRequest request : batch.requests()) {
      if (point.isAbsent(request.direction())) {
        continue;
      }
      try {
        if (request.endpoint() == FetchRequest.Endpoint.MAX_POWER) {
          peaks.addAll(enedis.peaks(request, today));
        } else {
          curves.put(request.direction(), enedis.curve(request, today));
        }
      } catch (WrongDirection e) {
        point = point.withAbsent(request.direction(), true);
      }
    }
    point = point.withPeaks(peaks);

    SortedMap<LocalDate, DayEnergy> days =
        EnergyAggregator.paris()
            .aggregate(
                id,
                new DirectionInput(
                    curves.getOrDefault(Direction.CONSUMPTION, List.of()),
                    List.of(),
                    TestData.nights()),
                new DirectionInput(
                    curves.getOrDefault(Direction.PRODUCTION, List.of()),
                    List.of(),
                    OffPeakMinutes.NONE));
    HistoryRows rows =
        HistoryRows.build(days.values(), today, settings.hourlyViewDays(), point::counterBaseAt);
    domoticz.write(id, rows);
    written.putAll(days);
    List<DayStatistics> stats = new ArrayList<>();
    days.values().forEach(day -> stats.add(DayStatistics.of(day)));
    point =
        point
            .withDaysWritten(stats, plan.completeHistory())
            .withShortLog(rows)
            .withStatisticsFrom(DashboardComposer.statisticsHorizon(today));
    return state.with(point);
  }

  private SyncState merge(
      SyncState state,
      Map<String, SortedMap<LocalDate, DayEnergy>> written,
      LocalDate today,
      UserMessages text) {
    List<UsagePointState> points = new ArrayList<>();
    usagePoints.forEach(id -> points.add(state.usagePoint(id)));
    SyncState result = state;
    for (UsagePointMerger.Pair pair : UsagePointMerger.pairs(points)) {
      messages.add(text.mergingUsagePoints(pair));
      UsagePointState consumer = state.usagePoint(pair.consumptionId());
      UsagePointState producer = state.usagePoint(pair.productionId());
      SortedMap<LocalDate, DayEnergy> days =
          UsagePointMerger.mergeDays(
              written.get(pair.consumptionId()),
              consumer.statistics(),
              written.get(pair.productionId()),
              producer.statistics());
      UsagePointState merged = result.usagePoint(pair.mergedId());
      HistoryRows rows =
          HistoryRows.build(days.values(), today, settings.hourlyViewDays(), merged::counterBaseAt);
      domoticz.write(pair.mergedId(), rows);
      List<DayStatistics> stats = new ArrayList<>();
      days.values().forEach(day -> stats.add(DayStatistics.of(day)));
      result = result.with(merged.withDaysWritten(stats, false).withShortLog(rows));
      compose(
          UsagePointMerger.mergeStatistics(consumer.statistics(), producer.statistics()),
          EnumSet.noneOf(Direction.class),
          pair.mergedId(),
          today,
          text);
    }
    return result;
  }

  private void compose(
      Map<LocalDate, DayStatistics> statistics,
      Set<Direction> absent,
      String meter,
      LocalDate today,
      UserMessages text) {
    DashboardOutcome outcome =
        DashboardComposer.compose(
            settings.mainFigure(), settings.secondaryFigure(), today, statistics, absent);
    if (outcome instanceof DashboardOutcome.Ready ready) {
      domoticz.dashboards.put(meter, ready.value().sValue());
    } else {
      messages.add(text.dashboardDataMissing(meter));
    }
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
}
