package io.github.linkyj.domoticz.sync;

import static io.github.linkyj.domoticz.sync.TestData.PARIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.linkyj.domoticz.sync.SchedulePolicy.NextRun;
import io.github.linkyj.domoticz.sync.SchedulePolicy.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchedulePolicyTest {
  /** A random source whose minute is always 17. */
  private static final Random MINUTE_17 =
      new Random() {
        @Override
        public int nextInt(int bound) {
          return 17;
        }
      };

  private static Instant paris(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
  }

  private static SchedulePolicy at(String localDateTime) {
    return new SchedulePolicy(Clock.fixed(paris(localDateTime), PARIS), MINUTE_17);
  }

  @Test
  void startRunsNowInTheDay() {
    assertThat(at("2026-12-04T09:30").afterStart())
        .isEqualTo(new NextRun(paris("2026-12-04T09:30"), Reason.START));
  }

  @Test
  void startAtNightWaitsForMorning() {
    assertThat(at("2026-12-04T23:00").afterStart())
        .isEqualTo(new NextRun(paris("2026-12-05T08:17"), Reason.NIGHT));
    assertThat(at("2026-12-04T05:00").afterStart())
        .isEqualTo(new NextRun(paris("2026-12-04T08:17"), Reason.NIGHT));
  }

  @Test
  void successRunsTomorrowMorning() {
    assertThat(at("2026-12-04T08:40").afterSuccess())
        .isEqualTo(new NextRun(paris("2026-12-05T08:17"), Reason.DAILY));
  }

  @Test
  void successBeforeSpringChangeKeepsLocalMorning() {
    NextRun next = at("2026-03-28T09:00").afterSuccess();

    assertThat(next.at()).isEqualTo(Instant.parse("2026-03-29T06:17:00Z"));
  }

  @Test
  void failureRetriesAnHourLater() {
    assertThat(at("2026-12-04T10:00").afterFailure(1))
        .isEqualTo(new NextRun(paris("2026-12-04T11:00"), Reason.RETRY));
  }

  @Test
  void lateFailureWaitsForMorning() {
    assertThat(at("2026-12-04T21:30").afterFailure(2))
        .isEqualTo(new NextRun(paris("2026-12-05T08:17"), Reason.NIGHT));
  }

  @Test
  void thirdFailureWaitsForNextMorning() {
    assertThat(at("2026-12-04T10:00").afterFailure(SchedulePolicy.MAX_CONSECUTIVE_FAILURES))
        .isEqualTo(new NextRun(paris("2026-12-05T08:17"), Reason.TOO_MANY_FAILURES));
  }

  @Test
  void invalidFailureCountIsRejected() {
    assertThatThrownBy(() -> at("2026-12-04T10:00").afterFailure(0))
        .hasMessage("Invalid consecutive failures 0: expected 1 or more");
  }

  @Test
  void quotaWaitIsRespected() {
    SchedulePolicy policy = at("2026-12-04T10:00");

    assertThat(policy.afterQuota(paris("2026-12-04T13:05")))
        .isEqualTo(new NextRun(paris("2026-12-04T13:05"), Reason.QUOTA));
    assertThat(policy.afterQuota(paris("2026-12-04T10:10")))
        .isEqualTo(new NextRun(paris("2026-12-04T11:00"), Reason.QUOTA));
    assertThat(policy.afterQuota(paris("2026-12-04T23:30")))
        .isEqualTo(new NextRun(paris("2026-12-05T08:17"), Reason.NIGHT));
  }

  @ParameterizedTest
  @CsvSource({
    "2026-12-04T21:59, false",
    "2026-12-04T22:00, true",
    "2026-12-04T00:00, true",
    "2026-12-04T07:59, true",
    "2026-12-04T08:00, false",
    "2026-12-04T12:00, false"
  })
  void nightIsTenPmToEightAm(String localDateTime, boolean night) {
    SchedulePolicy policy = at(localDateTime);

    assertThat(policy.isNight(paris(localDateTime))).isEqualTo(night);
    assertThat(policy.isTrafficAllowedNow()).isEqualTo(!night);
  }

  @Test
  void morningMinuteComesFromRandom() {
    Random seeded = new Random(42);
    int expected = new Random(42).nextInt(60);
    SchedulePolicy policy =
        new SchedulePolicy(Clock.fixed(paris("2026-12-04T09:00"), PARIS), seeded);

    assertThat(policy.afterSuccess().at())
        .isEqualTo(paris("2026-12-05T08:00").plusSeconds(60L * expected));
  }
}
