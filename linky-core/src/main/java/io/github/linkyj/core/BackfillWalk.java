package io.github.linkyj.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a clamped range in chunks, newest first, and merges the chunks. The walk ends at the
 * oldest data when a chunk fails with {@link NoDataException}, {@link BeforeActivationException} or
 * {@link HistoryLimitException}; the chunks already fetched are kept.
 */
final class BackfillWalk {
  private static final Logger LOG = LoggerFactory.getLogger(BackfillWalk.class);
  private static final int MAX_LOGGED_DAYS = 10;

  private final LinkyClient client;
  private final MeteringKind kind;
  private final String usagePointId;

  BackfillWalk(LinkyClient client, MeteringKind kind, String usagePointId) {
    this.client = client;
    this.kind = kind;
    this.usagePointId = usagePointId;
  }

  /** Returns the merged data of {@code range}. */
  MeteringData run(DateRange range) throws LinkyException {
    if (range.isEmpty()) {
      LOG.debug(
          "Usage point {}: nothing to fetch for {} after clamping to {}",
          usagePointId,
          kind.enedisName(),
          range);
      return merge(List.of(), range.end(), range.end(), null);
    }
    List<MeteringData> chunks = new ArrayList<>();
    LocalDate cursor = range.end();
    int maxDays = kind.maxDaysPerRequest();
    boolean shortened = false;
    String edgeCode = null;
    while (cursor.isAfter(range.start())) {
      DateRange chunk = chunkEndingAt(cursor, range.start(), maxDays);
      try {
        chunks.add(client.fetchChunk(kind, usagePointId, chunk));
        cursor = chunk.start();
      } catch (RangeTooLongException e) {
        if (shortened || chunk.days() < 2) {
          LOG.warn(
              "Usage point {}: {} failed: {}", usagePointId, kind.enedisName(), e.getMessage());
          throw e;
        }
        maxDays = (int) chunk.days() - 1;
        shortened = true;
        LOG.warn(
            "Usage point {}: {} rejected {} as too long; retrying with {}-day chunks",
            usagePointId,
            kind.enedisName(),
            chunk,
            maxDays);
      } catch (NoDataException | BeforeActivationException | HistoryLimitException e) {
        edgeCode = e.errorCode().orElse(e.getClass().getSimpleName());
        LOG.info(
            "Usage point {}: {} has no data for {} ({}); stopping at {}",
            usagePointId,
            kind.enedisName(),
            chunk,
            edgeCode,
            cursor);
        break;
      }
    }
    MeteringData merged = merge(chunks, cursor, range.end(), edgeCode);
    logMissingDays(merged);
    return merged;
  }

  /** Logs once the days of the merged range that have no reading at all. */
  private void logMissingDays(MeteringData data) {
    Set<LocalDate> present = new HashSet<>();
    data.intervals().forEach(r -> present.add(r.day()));
    data.dailyEnergies().forEach(e -> present.add(e.date()));
    data.maxPowers().forEach(p -> present.add(p.date()));
    List<LocalDate> missing = new ArrayList<>();
    for (LocalDate day = data.start(); day.isBefore(data.end()); day = day.plusDays(1)) {
      if (!present.contains(day)) {
        missing.add(day);
      }
    }
    if (!missing.isEmpty()) {
      LOG.info(
          "Usage point {}: {} has no reading for {} day(s) of [{}, {}): {}",
          usagePointId,
          kind.enedisName(),
          missing.size(),
          data.start(),
          data.end(),
          missing.size() <= MAX_LOGGED_DAYS
              ? missing
              : missing.subList(0, MAX_LOGGED_DAYS) + "...");
    }
  }

  private static DateRange chunkEndingAt(LocalDate end, LocalDate earliest, int maxDays) {
    LocalDate start = end.minusDays(maxDays);
    return new DateRange(start.isBefore(earliest) ? earliest : start, end);
  }

  private MeteringData merge(
      List<MeteringData> chunks, LocalDate start, LocalDate end, String edgeCode) {
    ImmutableMeteringData.Builder merged =
        ImmutableMeteringData.builder().kind(kind).usagePointId(usagePointId).start(start).end(end);
    Map<Object, IntervalReading> intervals = new LinkedHashMap<>();
    Map<LocalDate, DailyEnergy> energies = new LinkedHashMap<>();
    Map<LocalDate, MaxPowerReading> maxPowers = new LinkedHashMap<>();
    for (MeteringData chunk : chunks) {
      chunk.intervals().forEach(r -> intervals.putIfAbsent(r.end().toInstant(), r));
      chunk.dailyEnergies().forEach(e -> energies.putIfAbsent(e.date(), e));
      chunk.maxPowers().forEach(p -> maxPowers.putIfAbsent(p.date(), p));
      chunk.quality().ifPresent(merged::quality);
    }
    List<IntervalReading> sortedIntervals = new ArrayList<>(intervals.values());
    sortedIntervals.sort(Comparator.comparing(r -> r.start().toInstant()));
    List<DailyEnergy> sortedEnergies = new ArrayList<>(energies.values());
    sortedEnergies.sort(Comparator.comparing(DailyEnergy::date));
    List<MaxPowerReading> sortedMaxPowers = new ArrayList<>(maxPowers.values());
    sortedMaxPowers.sort(Comparator.comparing(MaxPowerReading::date));
    if (edgeCode != null) {
      merged.oldestEdgeCode(edgeCode);
    }
    return merged
        .intervals(sortedIntervals)
        .dailyEnergies(sortedEnergies)
        .maxPowers(sortedMaxPowers)
        .build();
  }
}
