package io.github.linkyj.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.audit.SecretHolders;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.core.testing.LoggedRequest;
import io.github.linkyj.core.testing.TestSecrets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds every type of linky-core that keeps a secret and prints its own {@code toString()}, with
 * real secrets from the simulator, and checks that none of them shows in the text. A new type of
 * that kind fails {@link #everySecretHolderIsCovered()} until it is added here.
 */
class SecretToStringTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path directory;

  private Map<Class<?>, Object> holders() throws Exception {
    Map<Class<?>, Object> holders = new LinkedHashMap<>();
    try (EnedisSimulator simulator =
        EnedisSimulator.builder(clock).sandboxCustomer(0).approveAfterPolls(0).start()) {
      holders.put(EnedisSimulator.class, simulator);
      FileTokenStore store = FileTokenStore.of(directory.resolve("tokens.json"));
      holders.put(FileTokenStore.class, store);
      ConsentProxyTokenProvider proxy =
          ConsentProxyTokenProvider.builder(
                  ConsentProxyConfig.of(simulator.baseUrl(), simulator.clientId()))
              .tokenStore(store)
              .clock(clock)
              .sleeper(duration -> {})
              .build();
      holders.put(ConsentProxyTokenProvider.class, proxy);
      holders.put(ConsentProxyConfig.class, proxy.config());
      DeviceFlow flow = proxy.startDeviceAuthorization();
      holders.put(DeviceFlow.class, flow);
      holders.put(DeviceAuthorization.class, flow.authorization());
      StoredTokens granted = flow.awaitConsent();
      holders.put(StoredTokens.class, granted);
      holders.put(AccessToken.class, proxy.accessToken());
      holders.put(TokenSource.class, granted.source());

      ClientCredentialsConfig credentials =
          ClientCredentialsConfig.of(
              simulator.baseUrl(), simulator.enedisClientId(), simulator.enedisClientSecret());
      holders.put(ClientCredentialsConfig.class, credentials);
      ClientCredentialsTokenProvider enedis =
          ClientCredentialsTokenProvider.builder(credentials).clock(clock).build();
      enedis.accessToken();
      holders.put(ClientCredentialsTokenProvider.class, enedis);

      GatewayConfig gateway = GatewayConfig.of(simulator.baseUrl(), simulator.gatewayToken());
      holders.put(GatewayConfig.class, gateway);
      holders.put(GatewayToken.class, gateway.token());
      holders.put(GatewayTokenProvider.class, GatewayTokenProvider.of(gateway, clock));
      holders.put(InMemoryTokenStore.class, new InMemoryTokenStore());
      // Every request of the flows above, the token form posts included, as one list.
      holders.put(LoggedRequest.class, simulator.requests());
    }
    return holders;
  }

  @Test
  void noSecretInToString() throws Exception {
    Map<Class<?>, Object> holders = holders();
    Set<String> secrets = TestSecrets.all();

    assertThat(secrets).hasSizeGreaterThanOrEqualTo(6);
    for (Object holder : holders.values()) {
      String text = holder.toString();
      assertThat(secrets).as(holder.getClass().getSimpleName()).noneMatch(text::contains);
    }
  }

  @Test
  void everySecretHolderIsCovered() throws Exception {
    List<Class<?>> found = SecretHolders.besides(AccessToken.class);

    assertThat(found).isNotEmpty();
    assertThat(holders().keySet()).containsAll(found);
  }
}
