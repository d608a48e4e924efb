package io.github.linkyj.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void baseUrlGetsTrailingSlash() {
    ConsentProxyConfig config = ConsentProxyConfig.of("https://proxy.test/linky", "client-1");

    assertThat(config.baseUrl().toString()).isEqualTo("https://proxy.test/linky/");
    assertThat(config.deviceCodeUrl().toString()).isEqualTo("https://proxy.test/linky/device/code");
    assertThat(config.deviceTokenUrl().toString())
        .isEqualTo("https://proxy.test/linky/device/token");
  }

  @Test
  void tokenUrlBelowGateway() {
    ClientCredentialsConfig config =
        ClientCredentialsConfig.of("https://gateway.test", "app", "secret");

    assertThat(config.tokenUrl().toString()).isEqualTo("https://gateway.test/oauth2/v3/token");
  }

  @Test
  void invalidBaseUrlRejected() {
    assertThatThrownBy(() -> ConsentProxyConfig.of("proxy.test", "client-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid baseUrl \"proxy.test\": expected an http or https URL such as "
                + "https://consent.example.org");
  }

  @Test
  void baseUrlWithPasswordRejected() {
    assertThatThrownBy(
            () -> ClientCredentialsConfig.of("https://user:pw@gateway.test", "app", "secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid baseUrl: remove the user name and password from the URL");
  }

  @Test
  void baseUrlWithQueryRejected() {
    assertThatThrownBy(() -> ConsentProxyConfig.of("https://proxy.test/?x=1", "client-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid baseUrl \"https://proxy.test/?x=1\": remove the query string and fragment");
  }

  @Test
  void blankClientSecretRejected() {
    assertThatThrownBy(() -> ClientCredentialsConfig.of("https://gateway.test", "app", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientSecret is empty; set it to the value your provider gave");
  }

  @Test
  void missingClientIdRejected() {
    assertThatThrownBy(() -> ConsentProxyConfig.of("https://proxy.test", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("clientId");
  }

  @Test
  void sourceEqualityIgnoresTrailingSlash() {
    assertThat(TokenSource.of("https://proxy.test/linky", "c"))
        .isEqualTo(ConsentProxyConfig.of("https://proxy.test/linky/", "c").source())
        .isNotEqualTo(TokenSource.of("https://proxy.test/linky", "d"));
  }

  @Test
  void proxyConfigToStringShowsScope() {
    assertThat(ConsentProxyConfig.of("https://proxy.test", "client-1").withScope("data").toString())
        .isEqualTo(
            "ConsentProxyConfig{baseUrl=https://proxy.test/, clientId=client-1, scope=data}");
  }

  @Test
  void storedTokensRejectBadUsagePoint() {
    assertThatThrownBy(
            () ->
                StoredTokens.of(
                    TokenSource.of("https://proxy.test", "c"),
                    AccessToken.of("A", java.time.Instant.EPOCH),
                    null,
                    java.util.List.of("12345")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid usage point id \"12345\": expected exactly 14 digits");
  }
}
