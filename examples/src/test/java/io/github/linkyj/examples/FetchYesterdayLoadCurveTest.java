package io.github.linkyj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.DataSource;
import io.github.linkyj.core.DayTotal;
import io.github.linkyj.core.LinkyClient;
import io.github.linkyj.core.MeteringData;
import io.github.linkyj.core.auth.ConsentProxyConfig;
import io.github.linkyj.core.auth.ConsentProxyTokenProvider;
import io.github.linkyj.core.auth.InMemoryTokenStore;
import io.github.linkyj.core.testing.EnedisSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FetchYesterdayLoadCurveTest {
  private static final String USAGE_POINT = "22516914714270";

  @Test
  void printsYesterdayMatchingDailyValue() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneId.of("Europe/Paris"));
    try (EnedisSimulator simulator =
        EnedisSimulator.builder(clock)
            .sandboxCustomer(0)
            .pollInterval(Duration.ofSeconds(1))
            .approveAfterPolls(0)
            .start()) {
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
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();

      DayTotal total =
          FetchYesterdayLoadCurve.print(
              client, USAGE_POINT, clock, new PrintStream(bytes, true, StandardCharsets.UTF_8));

      String out = bytes.toString(StandardCharsets.UTF_8);
      LocalDate yesterday = LocalDate.parse("2026-03-01");
      MeteringData daily = client.dailyConsumption(USAGE_POINT, yesterday, yesterday.plusDays(1));
      assertThat(total.date()).isEqualTo(yesterday);
      assertThat(total.isComplete()).isTrue();
      assertThat(total.energy()).isEqualTo(daily.dailyEnergies().get(0).energy());
      assertThat(out.lines())
          .hasSize(50)
          .first()
          .isEqualTo("Load curve of 22516914714270 on 2026-03-01 (power in W, energy in Wh)");
      assertThat(out.lines().toList().get(1)).startsWith("00:00-00:30 ");
      assertThat(out).endsWith("Total: " + total.energy().wattHours().toPlainString() + " Wh\n");
    }
  }
}
