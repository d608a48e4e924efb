package io.github.linkyj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.DataSource;
import io.github.linkyj.core.LinkyClient;
import io.github.linkyj.core.auth.ConsentProxyConfig;
import io.github.linkyj.core.auth.ConsentProxyTokenProvider;
import io.github.linkyj.core.auth.InMemoryTokenStore;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.domoticz.FakeDevice;
import io.github.linkyj.domoticz.FakeDomoticz;
import io.github.linkyj.domoticz.FakeDomoticzServer;
import io.github.linkyj.domoticz.SyncReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncIntoDomoticzTest {
  private static final String USAGE_POINT = "22516914714270";

  @TempDir Path state;

  @Test
  void writesThirtyDayRowsIntoDomoticz() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneId.of("Europe/Paris"));
    try (EnedisSimulator simulator =
            EnedisSimulator.builder(clock)
                .sandboxCustomer(0)
                .pollInterval(Duration.ofSeconds(1))
                .approveAfterPolls(0)
                .start();
        FakeDomoticzServer domoticz =
            new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock).shortLogDays(7))) {
      ConsentProxyTokenProvider tokens =
          ConsentProxyTokenProvider.builder(
                  ConsentProxyConfig.of(simulator.baseUrl(), simulator.clientId()))
              .tokenStore(new InMemoryTokenStore())
              .clock(clock)
              .build();
      tokens.startDeviceAuthorization().awaitConsent();
      LinkyClient client =
          LinkyClient.builder()
              .source(DataSource.CONSENT_PROXY)
              .baseUrl(simulator.baseUrl())
              .tokenProvider(tokens)
              .clock(clock)
              .build();

      SyncReport report =
          SyncIntoDomoticz.sync(
              client, List.of(USAGE_POINT), domoticz.client().clock(clock).build(), state, clock);

      assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.COMPLETED);
      assertThat(report.problems()).isEmpty();
      FakeDevice device =
          domoticz.domoticz().devices().values().stream()
              .filter(d -> d.name().equals("Linky " + USAGE_POINT))
              .findFirst()
              .orElseThrow();
      assertThat(device.dayRows()).hasSize(30);
      assertThat(device.dayRows().lastKey()).isEqualTo(LocalDate.parse("2026-03-01"));
      assertThat(device.shortLog()).isNotEmpty();
    }
  }
}
