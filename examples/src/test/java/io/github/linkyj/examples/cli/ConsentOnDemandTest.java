package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.MeteringParser;
import io.github.linkyj.core.auth.InMemoryTokenStore;
import io.github.linkyj.core.testing.DevicePoll;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.domoticz.MutableClock;
import io.github.linkyj.domoticz.RecordingTarget;
import io.github.linkyj.domoticz.SyncReport;
import io.github.linkyj.domoticz.sync.Language;
import io.github.linkyj.domoticz.sync.SchedulePolicy;
import io.github.linkyj.domoticz.sync.UserMessages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code linky run} while nobody answers the consent code: one device flow a day at most, so an
 * unattended service does not poll the consent proxy every few seconds all day long.
 */
class ConsentOnDemandTest {
  private final MutableClock clock =
      new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), Cli.PARIS);

  private SyncReport consentRequired() {
    return new SyncReport(
        SyncReport.Outcome.CONSENT_REQUIRED,
        List.of(),
        List.of(),
        List.of(),
        clock.instant().plus(Duration.ofHours(1)),
        SchedulePolicy.Reason.RETRY,
        0,
        Optional.of("No tokens are stored"));
  }

  @Test
  void unansweredCodeIsRenewedNextDay() throws Exception {
    try (EnedisSimulator simulator =
            EnedisSimulator.builder(clock)
                .sandboxCustomer(0)
                .pollInterval(Duration.ofSeconds(1))
                .manualApproval()
                .start();
        Source source = Source.onSimulator(simulator, new InMemoryTokenStore(), clock, List.of())) {
      StringWriter out = new StringWriter();
      RunCommand.ConsentOnDemand consent =
          new RunCommand.ConsentOnDemand(
              source,
              new RecordingTarget(),
              new UserMessages(Language.ENGLISH, MeteringParser.ENEDIS_ZONE),
              new PrintWriter(out),
              clock);
      simulator.scriptDevicePolls(DevicePoll.EXPIRED, DevicePoll.EXPIRED);

      for (int hour = 0; hour < 12; hour++) {
        consent.onReport(consentRequired());
        clock.advance(Duration.ofHours(1));
      }
      long firstDay = simulator.requestCount("/device/");
      clock.advance(Duration.ofHours(12));
      consent.onReport(consentRequired());
      consent.onReport(consentRequired());

      assertThat(firstDay).isEqualTo(2);
      assertThat(simulator.requestCount("/device/code")).isEqualTo(2);
      assertThat(simulator.requestCount("/device/token")).isEqualTo(2);
      assertThat(out.toString())
          .contains("Sync cycle ended CONSENT_REQUIRED (No tokens are stored)");
    }
  }
}
