package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.audit.SecretHolders;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.core.testing.TestSecrets;
import io.github.linkyj.domoticz.FakeDomoticz;
import io.github.linkyj.domoticz.FakeDomoticzServer;
import io.github.linkyj.examples.cli.config.ConfigKey;
import io.github.linkyj.examples.cli.config.RunnerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration and sources of the {@code linky} command with every secret set: no secret in
 * their {@code toString()}, and none in the output or the DEBUG log lines of a verbose sync, which
 * the secrets audit reads after the test.
 */
class SecretToStringTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), Cli.PARIS);
  private static final String PASSWORD = TestSecrets.add("audit-linky-domoticz-password");

  @TempDir Path dir;

  private Map<String, String> environment(EnedisSimulator simulator, String domoticzUrl) {
    Map<String, String> environment = new HashMap<>();
    environment.put("LINKY_SOURCE", "data-connect");
    environment.put("LINKY_SOURCE_URL", simulator.baseUrl());
    environment.put("LINKY_SOURCE_CLIENT_ID", simulator.enedisClientId());
    environment.put("LINKY_SOURCE_CLIENT_SECRET", simulator.enedisClientSecret());
    environment.put("LINKY_GATEWAY_TOKEN", simulator.gatewayToken());
    environment.put("LINKY_USAGE_POINTS", "22516914714270");
    environment.put("LINKY_DOMOTICZ_URL", domoticzUrl);
    environment.put("LINKY_DOMOTICZ_AUTH", "session");
    environment.put("LINKY_DOMOTICZ_USER", "admin");
    environment.put("LINKY_DOMOTICZ_PASSWORD", PASSWORD);
    environment.put("LINKY_STATE_DIR", dir.resolve("state").toString());
    environment.put("LINKY_DAYS_HISTORY", "3");
    return environment;
  }

  private Map<Class<?>, List<Object>> holders(Map<String, String> environment) throws Exception {
    Map<Class<?>, List<Object>> holders = new LinkedHashMap<>();
    RunnerConfig config = RunnerConfig.load(null, environment, Map.of());
    holders.put(RunnerConfig.class, List.of(config));
    List<Object> sources = new ArrayList<>();
    for (String kind : List.of("data-connect", "gateway")) {
      Map<ConfigKey, String> options = Map.of(ConfigKey.SOURCE, kind);
      try (Source source = Source.open(RunnerConfig.load(null, environment, options), CLOCK)) {
        source.clientTokens().accessToken();
        sources.add(source);
      }
    }
    holders.put(Source.class, sources);
    return holders;
  }

  @Test
  void noSecretInToStringOrVerboseSync() throws Exception {
    try (EnedisSimulator simulator = EnedisSimulator.builder(CLOCK).sandboxCustomer(0).start();
        FakeDomoticzServer domoticz =
            new FakeDomoticzServer(FakeDomoticz.withUser("admin", PASSWORD, CLOCK))) {
      Map<String, String> environment = environment(simulator, domoticz.url());

      Map<Class<?>, List<Object>> holders = holders(environment);
      Cli.Result sync = Cli.run(environment, CLOCK, "sync", "--verbose");

      assertThat(sync.exitCode()).as(sync.err()).isZero();
      Set<String> secrets = TestSecrets.all();
      assertThat(secrets).contains(PASSWORD, simulator.enedisClientSecret());
      for (List<Object> instances : holders.values()) {
        for (Object holder : instances) {
          String text = holder.toString();
          assertThat(secrets).as(text).noneMatch(text::contains);
        }
      }
    }
  }

  @Test
  void everySecretHolderIsCovered() throws Exception {
    try (EnedisSimulator simulator = EnedisSimulator.builder(CLOCK).sandboxCustomer(0).start()) {
      List<Class<?>> found = SecretHolders.besides(RunnerConfig.class);

      assertThat(found).isNotEmpty();
      assertThat(holders(environment(simulator, "http://127.0.0.1:1/")).keySet())
          .containsAll(found);
    }
  }
}
