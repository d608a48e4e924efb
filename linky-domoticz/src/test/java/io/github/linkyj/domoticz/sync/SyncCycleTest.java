package io.github.linkyj.domoticz.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.domoticz.sync.FetchRequest.Endpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCycleTest {
  private static final String C = "12345678901234";
  private static final String P = "10284856584123";
  private static final LocalDateTime MORNING = LocalDateTime.of(2026, 12, 4, 8, 17);
  private static final LocalDate TODAY = MORNING.toLocalDate();

  @TempDir Path directory;

  private static long household(ZonedDateTime t) {
    return 300 + (t.getDayOfYear() * 7L + t.getHour() * 13L + t.getMinute()) % 500;
  }

  private static long solar(ZonedDateTime t) {
    return t.getHour() >= 10 && t.getHour() < 16 ? 600 : 0;
  }

  /** Returns the exact day total, Wh, of a half-hour curve, rounded half up. */
  private static long dayTotal(
      LocalDate day, java.util.function.ToLongFunction<ZonedDateTime> watts) {
    long wattMinutes = 0;
    for (LoadCurveInterval interval : TestData.curve(day, 30, watts)) {
      wattMinutes += interval.wattMinutes();
    }
    return Math.floorDiv(wattMinutes + 30, 60);
  }

  private static long sumOfRegisters(String sValue) {
    String[] fields = sValue.split(";");
    return Long.parseLong(fields[0])
        + Long.parseLong(fields[1])
        + Long.parseLong(fields[2])
        + Long.parseLong(fields[3]);
  }

  private SimulatedSync consumer(int otherViewDays) {
    SimulatedSync sync =
        new SimulatedSync(
            directory,
            SyncSettings.builder()
                .otherViewDays(otherViewDays)
                .offPeakSchedule("22h00-6h00")
                .build(),
            List.of(C));
    sync.enedis.add(C, Direction.CONSUMPTION, TODAY.minusDays(800), SyncCycleTest::household);
    return sync;
  }

  @Test
  void backfillWritesEveryDayOnce() throws IOException {
    SimulatedSync sync = consumer(730);

    assertThat(sync.runCycle(MORNING)).isTrue();

    assertThat(sync.enedis.count(Direction.CONSUMPTION, Endpoint.LOAD_CURVE)).isEqualTo(105);
    assertThat(sync.enedis.count(Direction.CONSUMPTION, Endpoint.MAX_POWER)).isEqualTo(1);
    assertThat(sync.enedis.count(Direction.PRODUCTION, Endpoint.LOAD_CURVE)).isEqualTo(1);
    SortedMap<LocalDate, String> rows = sync.domoticz.dayRows.get(C);
    assertThat(rows).hasSize(730);
    assertThat(rows.firstKey()).isEqualTo(TODAY.minusDays(730));
    assertThat(rows.lastKey()).isEqualTo(TODAY.minusDays(1));
    assertThat(sync.domoticz.dayWrites.get(C).values()).containsOnly(1);
    for (LocalDate day :
        List.of(
            TODAY.minusDays(730),
            LocalDate.of(2026, 3, 29),
            LocalDate.of(2025, 10, 26),
            TODAY.minusDays(1))) {
      assertThat(sumOfRegisters(rows.get(day)))
          .as(day.toString())
          .isEqualTo(dayTotal(day, SyncCycleTest::household));
    }
    assertThat(sync.domoticz.hourPoints.get(C)).hasSize(7 * 24);
    assertThat(sync.domoticz.dashboards.get(C)).endsWith(";0;0;" + (3000 + 3) + ";0");
    assertThat(sync.messages)
        .extracting(UserMessage::key)
        .contains(UserMessage.Key.COMPLETE_HISTORY);

    SyncState state =
        new SyncStateStore(directory, java.time.Clock.systemUTC())
            .load(SimulatedSync.URL, SimulatedSync.HARDWARE)
            .state();
    assertThat(state.nextCompleteHistory()).contains(TODAY.plusDays(365));
    assertThat(state.usagePoint(C).isAbsent(Direction.PRODUCTION)).isTrue();
  }

  @Test
  void warmRunWritesOnlyTheNewDay() throws IOException {
    SimulatedSync sync = consumer(730);
    sync.runCycle(MORNING);
    int requestsBefore = sync.enedis.requests.size();
    ZonedDateTime lastPoint = sync.domoticz.hourPoints.get(C).lastKey();
    Registers lastCounters = sync.domoticz.hourPoints.get(C).get(lastPoint);

    assertThat(sync.runCycle(MORNING.plusDays(1).plusMinutes(3))).isTrue();

    assertThat(sync.enedis.requests.subList(requestsBefore, sync.enedis.requests.size()))
        .extracting(FetchRequest::endpoint, FetchRequest::days)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Endpoint.LOAD_CURVE, DateRange.ofDay(TODAY)),
            org.assertj.core.groups.Tuple.tuple(Endpoint.MAX_POWER, DateRange.ofDay(TODAY)));
    assertThat(sync.domoticz.dayRows.get(C)).hasSize(731);
    assertThat(sync.domoticz.dayWrites.get(C).values()).containsOnly(1);
    SortedMap<ZonedDateTime, Registers> points = sync.domoticz.hourPoints.get(C);
    Registers firstNew = points.get(lastPoint.plusHours(1));
    assertThat(firstNew.usage2()).isGreaterThan(lastCounters.usage2());
    assertThat(firstNew.usage1()).isEqualTo(lastCounters.usage1());
    assertThat(sync.messages).extracting(UserMessage::key).contains(UserMessage.Key.SHORT_HISTORY);
  }

  @Test
  void restartResumesTheBackfill() throws IOException {
    SimulatedSync sync = consumer(730);
    sync.enedis.failAfter = 40;

    assertThat(sync.runCycle(MORNING)).isFalse();
    // The first batch also probed production, so 40 requests completed 39 batches of 7 days.
    assertThat(sync.domoticz.dayRows.get(C)).hasSize(39 * 7);

    sync.enedis.failAfter = Integer.MAX_VALUE;
    assertThat(sync.runCycle(MORNING.plusHours(1))).isTrue();

    assertThat(sync.domoticz.dayRows.get(C)).hasSize(730);
    assertThat(sync.domoticz.dayWrites.get(C).values()).containsOnly(1);
    assertThat(sync.enedis.count(Direction.CONSUMPTION, Endpoint.LOAD_CURVE)).isEqualTo(105);
  }

  @Test
  void mergedMeterKeepsProductionWithoutConsumption() throws IOException {
    SimulatedSync sync =
        new SimulatedSync(
            directory, SyncSettings.builder().otherViewDays(7).build(), List.of(C, P));
    // Consumption starts two days after production.
    sync.enedis.add(C, Direction.CONSUMPTION, TODAY.minusDays(5), SyncCycleTest::household);
    sync.enedis.add(P, Direction.PRODUCTION, TODAY.minusDays(7), SyncCycleTest::solar);

    assertThat(sync.runCycle(MORNING)).isTrue();

    String merged = C + " / " + P;
    assertThat(sync.domoticz.dayRows.get(C)).hasSize(5);
    assertThat(sync.domoticz.dayRows.get(P)).hasSize(7);
    SortedMap<LocalDate, String> rows = sync.domoticz.dayRows.get(merged);
    assertThat(rows).hasSize(7);
    assertThat(rows.get(TODAY.minusDays(7))).isEqualTo("0;0;3600;0;0;0;" + TODAY.minusDays(7));
    assertThat(sumOfRegisters(rows.get(TODAY.minusDays(1))))
        .isEqualTo(dayTotal(TODAY.minusDays(1), SyncCycleTest::household) + 3600);
    assertThat(sync.domoticz.dashboards.get(merged))
        .contains(";3600;0;")
        .endsWith(";" + (3000 + 3) + ";0");
    assertThat(sync.messages)
        .extracting(UserMessage::key)
        .contains(UserMessage.Key.MERGING_USAGE_POINTS);
    Map<LocalDate, Integer> writes = sync.domoticz.dayWrites.get(merged);
    assertThat(writes.values()).containsOnly(1);
  }
}
