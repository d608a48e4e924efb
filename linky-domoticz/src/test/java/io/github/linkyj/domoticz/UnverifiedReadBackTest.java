package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.domoticz.sync.SyncSettings;
import io.github.linkyj.domoticz.sync.SyncState;
import io.github.linkyj.domoticz.sync.SyncStateStore;
import io.github.linkyj.domoticz.sync.UsagePointState;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-back, at the start of a cycle, of day rows that an earlier cycle did not confirm. */
class UnverifiedReadBackTest {
  static final String HOUSE = "22516914714270";
  static final String GONE = "11111111111111";
  static final LocalDateTime MORNING = LocalDateTime.of(2026, 12, 4, 9, 17);
  static final LocalDate TODAY = MORNING.toLocalDate();

  @TempDir Path directory;
  SyncFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new SyncFixture(MORNING, directory, b -> b.sandboxCustomer(0));
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  @Test
  void usagePointOutsideConsentIsLeftAlone() throws Exception {
    RecordingTarget target = new RecordingTarget();
    SyncStateStore store = new SyncStateStore(directory, fixture.clock);
    UsagePointState gone =
        UsagePointState.empty(GONE).withDaysUnverified(List.of(TODAY.minusDays(3)));
    store.save(SyncState.empty(target.stateKey(), "Linky").with(gone));
    SyncSettings settings =
        SyncSettings.builder().otherViewDays(7).offPeakSchedule("22h00-6h00").build();

    SyncReport report = fixture.sync(settings, List.of(HOUSE), target).build().runOnce();

    assertThat(report.isClean()).isTrue();
    assertThat(target.devices()).containsOnlyKeys(HOUSE);
    SyncState state = store.load(target.stateKey(), "Linky").state();
    assertThat(state.usagePoint(GONE).unverifiedDays().contains(TODAY.minusDays(3))).isTrue();
    assertThat(state.usagePoint(HOUSE).unverifiedDays().isEmpty()).isTrue();
  }
}
