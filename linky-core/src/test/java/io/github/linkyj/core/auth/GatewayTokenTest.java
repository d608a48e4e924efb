package io.github.linkyj.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.linkyj.core.ConsentRequiredException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatewayTokenTest {
  private static final String TWO_POINTS =
      TestJwts.withPayload(
          "{\"iat\":1764835200,\"exp\":1859500800,\"sub\":[\"11111111111111\",\"03333333333333\"]}");

  @Test
  void subjectAsArray() {
    GatewayToken token = GatewayToken.parse(TWO_POINTS);

    assertThat(token.usagePointIds()).containsExactly("11111111111111", "03333333333333");
    assertThat(token.expiresAt()).hasValue(Instant.ofEpochSecond(1859500800L));
    assertThat(token.value()).isEqualTo(TWO_POINTS);
  }

  @Test
  void subjectAsSeparatedString() {
    GatewayToken token =
        GatewayToken.parse(
            TestJwts.withPayload("{\"sub\":\"11111111111111;22222222222222, 33333333333333\"}"));

    assertThat(token.usagePointIds())
        .containsExactly("11111111111111", "22222222222222", "33333333333333");
    assertThat(token.expiresAt()).isEmpty();
  }

  @Test
  void bearerPrefixAccepted() {
    assertThat(GatewayToken.parse("Bearer " + TWO_POINTS + "\n").value()).isEqualTo(TWO_POINTS);
  }

  @Test
  void notAJwtRejected() {
    assertThatThrownBy(() -> GatewayToken.parse("opaque-token-value"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Gateway token is not a JWT: expected 3 parts separated by dots, found 1; paste the "
                + "whole token the gateway showed");
  }

  @Test
  void payloadNotJsonRejected() {
    assertThatThrownBy(() -> GatewayToken.parse("aGVhZGVy.bm90IGpzb24.c2ln"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Gateway token is not a JWT: its payload is not base64url-encoded JSON (");
  }

  @Test
  void subjectWithBadIdRejected() {
    String jwt = TestJwts.withPayload("{\"sub\":[\"1111111111111\"]}");

    assertThatThrownBy(() -> GatewayToken.parse(jwt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Gateway token has an invalid sub claim: Invalid usage point id \"1111111111111\": "
                + "expected exactly 14 digits");
  }

  @Test
  void subjectNumberRejected() {
    String jwt = TestJwts.withPayload("{\"sub\":[11111111111111]}");

    assertThatThrownBy(() -> GatewayToken.parse(jwt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Gateway token has an invalid sub claim: usage point id 1.1111111111111E13 is not a "
                + "string; ids are 14-digit strings");
  }

  @Test
  void missingSubjectRejected() {
    String jwt = TestJwts.withPayload("{\"exp\":1859500800}");

    assertThatThrownBy(() -> GatewayToken.parse(jwt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Gateway token lists no usage point in its sub claim; ask the gateway for a new token");
  }

  @Test
  void providerReturnsTokenBeforeExpiry() throws Exception {
    GatewayTokenProvider provider =
        GatewayTokenProvider.of(
            GatewayConfig.of("https://gateway.test", TWO_POINTS),
            MutableClock.at("2028-12-03T23:59:59Z"));

    AccessToken token = provider.accessToken();

    assertThat(token.value()).isEqualTo(TWO_POINTS);
    assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(1859500800L));
    assertThat(provider.usagePointIds()).containsExactly("11111111111111", "03333333333333");
  }

  @Test
  void expiredTokenAsksForNewOne() {
    GatewayTokenProvider provider =
        GatewayTokenProvider.of(
            GatewayConfig.of("https://gateway.test", TWO_POINTS),
            new MutableClock(Instant.ofEpochSecond(1859500800L)));

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "The gateway token expired at 2028-12-04T00:00:00Z; get a new token from "
                + "https://gateway.test/ (this renews the Enedis consent) and put it in the "
                + "configuration");
  }

  @Test
  void tokenWithoutExpiryNeverExpires() throws Exception {
    String jwt = TestJwts.withPayload("{\"sub\":\"11111111111111\"}");
    GatewayTokenProvider provider =
        GatewayTokenProvider.of(
            GatewayConfig.of("https://gateway.test", jwt), MutableClock.at("2099-01-01T00:00:00Z"));

    assertThat(provider.accessToken().expiresAt()).isEqualTo(Instant.MAX);
  }

  @Test
  void invalidateKeepsTheToken() throws Exception {
    GatewayTokenProvider provider =
        GatewayTokenProvider.of(
            GatewayConfig.of("https://gateway.test", TWO_POINTS),
            MutableClock.at("2027-01-01T00:00:00Z"));
    AccessToken token = provider.accessToken();

    provider.invalidate(token);

    assertThat(provider.accessToken()).isEqualTo(token);
  }

  @Test
  void toStringHidesToken() {
    GatewayConfig config = GatewayConfig.of("https://gateway.test", TWO_POINTS);

    assertThat(config.toString())
        .isEqualTo(
            "GatewayConfig{baseUrl=https://gateway.test/, token=GatewayToken{value=<redacted>, "
                + "usagePointIds=[11111111111111, 03333333333333], "
                + "expiresAt=2028-12-04T00:00:00Z}}");
    assertThat(GatewayTokenProvider.of(config, MutableClock.at("2027-01-01T00:00:00Z")).toString())
        .doesNotContain(TWO_POINTS);
  }
}
