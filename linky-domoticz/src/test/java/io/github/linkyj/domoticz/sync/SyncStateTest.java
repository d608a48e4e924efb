package io.github.linkyj.domoticz.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SyncStateTest {
  private static final SyncState EMPTY = SyncState.empty("http://127.0.0.1:8080", "Linky");

  @Test
  void resetAppliesOncePerSelection() {
    assertThat(EMPTY.isResetDue(DebugLevel.RESET_CACHE)).isTrue();

    SyncState applied = EMPTY.withDebugLevel(DebugLevel.RESET_CACHE);

    assertThat(applied.isResetDue(DebugLevel.RESET_CACHE)).isFalse();
    assertThat(applied.isResetDue(DebugLevel.RESET_CONSENT)).isTrue();
    SyncState switchedBack = applied.withDebugLevel(DebugLevel.SIMPLE);
    assertThat(switchedBack.appliedReset()).isEmpty();
    assertThat(switchedBack.isResetDue(DebugLevel.RESET_CACHE)).isTrue();
  }

  @Test
  void otherLevelsNeverReset() {
    assertThat(EMPTY.isResetDue(DebugLevel.OFF)).isFalse();
    assertThat(EMPTY.isResetDue(DebugLevel.ADVANCED)).isFalse();
    assertThat(EMPTY.isResetDue(DebugLevel.sandbox(0))).isFalse();
  }

  @Test
  void successClearsFailuresAndProgress() {
    UsagePointState point =
        UsagePointState.empty("1")
            .withDaysWritten(
                java.util.List.of(
                    new DayStatistics(
                        LocalDate.of(2026, 12, 3),
                        new Registers(60, 0, 0, 0),
                        Registers.ZERO,
                        new Registers(1440, 0, 0, 0),
                        DaySource.CURVE,
                        DaySource.NONE,
                        java.util.Optional.empty(),
                        Registers.ZERO)),
                true);
    SyncState failed = EMPTY.with(point).withFailure().withFailure();

    SyncState done =
        failed.withSuccess(
            Instant.parse("2026-12-04T07:40:00Z"),
            new SyncState.HistoryShape(730, 7, false),
            true,
            LocalDate.of(2027, 12, 4));

    assertThat(failed.consecutiveFailures()).isEqualTo(2);
    assertThat(done.consecutiveFailures()).isZero();
    assertThat(done.nextCompleteHistory()).contains(LocalDate.of(2027, 12, 4));
    assertThat(done.usagePoint("1").refreshedDays(Direction.CONSUMPTION).isEmpty()).isTrue();
    assertThat(done.usagePoint("1").writtenDays(Direction.CONSUMPTION).isEmpty()).isFalse();
  }

  @Test
  void shapeGrowthIsDetected() {
    SyncState.HistoryShape shape = new SyncState.HistoryShape(60, 2, false);

    assertThat(shape.grownTo(new SyncState.HistoryShape(61, 2, false))).isTrue();
    assertThat(shape.grownTo(new SyncState.HistoryShape(60, 2, true))).isTrue();
    assertThat(shape.grownTo(new SyncState.HistoryShape(30, 7, false))).isFalse();
    assertThat(shape.hourlyViewGrownTo(new SyncState.HistoryShape(30, 7, false))).isTrue();
  }
}
