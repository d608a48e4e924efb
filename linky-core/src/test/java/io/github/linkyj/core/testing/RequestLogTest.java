package io.github.linkyj.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLogTest {

  @Test
  void logCountsAndRedactsSecrets() throws IOException {
    TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    try (EnedisSimulator simulator = EnedisSimulator.builder(clock).sandboxCustomer(0).start()) {
      Http http = new Http(simulator);
      Map<String, Object> tokens = http.consent(simulator);
      String accessToken = (String) tokens.get("access_token");
      clock.advance(Duration.ofMinutes(1));
      http.get(
          "data/proxy/metering_data_dc/v5/daily_consumption?start=2026-02-01&end=2026-02-02"
              + "&usage_point_id=22516914714270",
          "Bearer " + accessToken);
      http.get("oauth2/v3/token?client_secret=hush&client_id=x", null);

      List<LoggedRequest> requests = simulator.requests();

      assertThat(requests)
          .extracting(LoggedRequest::path)
          .containsExactly(
              "/device/code",
              "/device/token",
              "/device/token",
              "/data/proxy/metering_data_dc/v5/daily_consumption",
              "/oauth2/v3/token");
      assertThat(requests)
          .extracting(LoggedRequest::status)
          .containsExactly(200, 400, 200, 200, 405);
      LoggedRequest data = requests.get(3);
      assertThat(data.method()).isEqualTo("GET");
      assertThat(data.time()).isEqualTo(Instant.parse("2026-03-02T09:01:00Z"));
      assertThat(data.queryParameter("usage_point_id")).contains("22516914714270");
      assertThat(data.authorization()).contains("Bearer [redacted]");
      assertThat(data.userAgent()).contains("okhttp/4.12.0");
      assertThat(requests.get(4).queryParameter("client_secret")).contains("[redacted]");
      assertThat(requests.get(4).queryParameter("client_id")).contains("x");
      assertThat(requests.toString()).doesNotContain(accessToken).doesNotContain("hush");
      assertThat(simulator.requestCount("/device/")).isEqualTo(3);
      assertThat(simulator.requestCount("daily_consumption")).isEqualTo(1);

      simulator.clearRequests();

      assertThat(simulator.requests()).isEmpty();
    }
  }

  @Test
  void droppedConnectionLogsZeroStatus() throws IOException {
    try (EnedisSimulator simulator =
        EnedisSimulator.builder(TestClock.at("2026-03-02T09:00:00Z")).sandboxCustomer(0).start()) {
      simulator.inject(Fault.dropConnection());
      try {
        new Http(simulator).get("device", null);
      } catch (IOException expected) {
        // The connection was dropped on purpose.
      }

      assertThat(simulator.requests())
          .singleElement()
          .extracting(LoggedRequest::status)
          .isEqualTo(0);
    }
  }

  @Test
  void simulatorToStringHasNoSecret() throws IOException {
    try (EnedisSimulator simulator =
        EnedisSimulator.builder(TestClock.at("2026-03-02T09:00:00Z")).sandboxCustomer(7).start()) {
      assertThat(simulator.toString())
          .isEqualTo("EnedisSimulator{" + simulator.baseUrl() + ", 3 usage points}")
          .doesNotContain(simulator.enedisClientSecret());
    }
  }
}
