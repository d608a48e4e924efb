package io.github.linkyj.domoticz;

import io.github.linkyj.core.DataSource;
import io.github.linkyj.core.LinkyClient;
import io.github.linkyj.core.RateLimits;
import io.github.linkyj.core.auth.ClientCredentialsConfig;
import io.github.linkyj.core.auth.ClientCredentialsTokenProvider;
import io.github.linkyj.core.testing.EnedisSimulator;
import io.github.linkyj.domoticz.sync.SyncSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * An Enedis simulator, a fake Domoticz and a state directory on one mutable Paris clock, with
 * helpers to build the {@link LinkySync} under test.
 */
final class SyncFixture implements AutoCloseable {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  final MutableClock clock;
  final EnedisSimulator simulator;
  final FakeDomoticzServer domoticz;
  final Path stateDirectory;
  final ClientCredentialsTokenProvider tokens;
  final LinkyClient client;

  SyncFixture(LocalDateTime start, Path stateDirectory, UnaryOperator<EnedisSimulator.Builder> sim)
      throws IOException {
    this.clock = new MutableClock(start.atZone(PARIS).toInstant(), PARIS);
    this.simulator = sim.apply(EnedisSimulator.builder(clock)).start();
    this.domoticz = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock).shortLogDays(7));
    this.stateDirectory = stateDirectory;
    this.tokens =
        ClientCredentialsTokenProvider.builder(
                ClientCredentialsConfig.of(
                    simulator.baseUrl(),
                    simulator.enedisClientId(),
                    simulator.enedisClientSecret()))
            .clock(clock)
            .build();
    this.client =
        LinkyClient.builder()
            .source(DataSource.ENEDIS_DIRECT)
            .baseUrl(simulator.baseUrl())
            .tokenProvider(tokens)
            .clock(clock)
            .zone(PARIS)
            .rateLimits(RateLimits.of(1000, 100_000))
            .sleeper(clock::advance)
            .build();
  }

  /** Returns a Domoticz target on the fake Domoticz. */
  DomoticzTarget target() {
    return new DomoticzTarget(domoticz.client().clock(clock).build());
  }

  /** Returns a sync builder of these parts, for {@code ids}. */
  LinkySync.Builder sync(SyncSettings settings, List<String> ids, SyncTarget target) {
    return LinkySync.builder()
        .client(client)
        .usagePointIds(ids)
        .settings(settings)
        .target(target)
        .stateDirectory(stateDirectory)
        .debugDirectory(stateDirectory)
        .clock(clock)
        .random(new Random(7));
  }

  /** Moves the clock to {@code time}, which must not be in the past. */
  void moveTo(LocalDateTime time) {
    Duration step = Duration.between(clock.instant(), time.atZone(PARIS).toInstant());
    if (step.isNegative()) {
      throw new IllegalArgumentException("Cannot move the clock back to " + time);
    }
    clock.advance(step);
  }

  /** Returns the device of a meter on the fake Domoticz. */
  FakeDevice device(String name) {
    return domoticz.domoticz().devices().values().stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No device " + name));
  }

  @Override
  public void close() throws IOException {
    try {
      simulator.close();
    } finally {
      domoticz.close();
    }
  }
}
