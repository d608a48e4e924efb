package io.github.linkyj.domoticz.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
  private static final String JWT =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Authorization: Bearer abc.def-123|Authorization: [REDACTED]",
        "authorization:Basic dXNlcjpwYXNz|authorization:[REDACTED]",
        "`{\"Authorization\": \"Bearer abc\"}`|`{\"Authorization\": \"[REDACTED]\"}`",
        "headers={Authorization=[Bearer abc], Host=[x]}|headers={Authorization=[[REDACTED]], Host=[x]}",
        "Proxy-Authorization: Basic Zm9v|Proxy-Authorization: [REDACTED]",
        "sent Bearer abc123 to server|sent Bearer [REDACTED] to server",
        "`{\"access_token\":\"a1\",\"token_type\":\"Bearer\",\"refresh_token\":\"r1\"}`"
            + "|`{\"access_token\":\"[REDACTED]\",\"token_type\":\"Bearer\","
            + "\"refresh_token\":\"[REDACTED]\"}`",
        "`{\"refresh_token\" : \"quote\\\"inside\"}`|`{\"refresh_token\" : \"[REDACTED]\"}`",
        "grant_type=refresh_token&refresh_token=r-1&client_id=app"
            + "|grant_type=refresh_token&refresh_token=[REDACTED]&client_id=app",
        "device_code=0123abcd&client_secret=s3cr3t|device_code=[REDACTED]&client_secret=[REDACTED]",
        "/json.htm?type=command&username=admin&password=hunter2|/json.htm?type=command&username=admin&password=[REDACTED]",
        "PASSWORD=Hunter2 at end|PASSWORD=[REDACTED] at end",
        "`{'password': 'p w'}`|`{'password': '[REDACTED]'}`",
        "http://admin:hunter2@127.0.0.1:8080/json.htm|http://admin:[REDACTED]@127.0.0.1:8080/json.htm",
        "`{\"apiKey\":\"k-1\",\"user_code\":\"TFEY-WPND\"}`|`{\"apiKey\":\"[REDACTED]\",\"user_code\":\"TFEY-WPND\"}`",
        "usage point 11111111111111 day 2026-12-03|usage point 11111111111111 day 2026-12-03",
      })
  void masksSecrets(String input, String expected) {
    assertThat(Redactor.redact(input)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void masksBareJwtAndMultipleLines() {
    String input = "token " + JWT + "\nAuthorization: Bearer " + JWT + "\nnext line";

    String redacted = Redactor.redact(input);

    assertThat(redacted).doesNotContain("eyJ").doesNotContain("dozjg");
    assertThat(redacted).isEqualTo("token [REDACTED]\nAuthorization: [REDACTED]\nnext line");
  }

  @org.junit.jupiter.api.Test
  void nullIsText() {
    assertThat(Redactor.redact(null)).isEqualTo("null");
  }

  @org.junit.jupiter.api.Test
  void largeBodyKeepsItsSize() {
    StringBuilder body = new StringBuilder("{\"interval_reading\":[");
    for (int i = 0; i < 20_000; i++) {
      body.append("{\"value\":\"").append(i).append("\",\"date\":\"2026-12-03 00:30:00\"},");
    }
    body.append("],\"access_token\":\"abc\"}");

    String redacted = Redactor.redact(body);

    assertThat(redacted).endsWith("],\"access_token\":\"[REDACTED]\"}");
    assertThat(redacted.length()).isEqualTo(body.length() - 3 + Redactor.MASK.length());
  }
}
