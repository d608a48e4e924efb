package io.github.linkyj.domoticz;

import io.github.linkyj.core.testing.NoDelayServerSocketFactory;
import java.net.InetAddress;
import java.time.Clock;
import okhttp3.mockwebserver.MockWebServer;

/**
 * Starts {@link FakeDomoticz} as a standalone server on loopback, to run {@link LiveDomoticzTest}
 * against it: {@code java -cp examples/target/linky.jar:linky-domoticz/target/test-classes
 * io.github.linkyj.domoticz.FakeDomoticzMain 18080} (after {@code mvn package}), then {@code
 * DOMOTICZ_URL=http://127.0.0.1:18080 mvn test -Dtest=LiveDomoticzTest}. A second argument {@code
 * user:password} makes it require a login. It stops when its process is ended.
 */
public final class FakeDomoticzMain {
  private FakeDomoticzMain() {}

  /** Starts the server on the port given as first argument (0 picks a free one). */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    // A stand-in for a real server, which runs on the real clock of its machine.
    Clock clock = Clock.systemDefaultZone();
    FakeDomoticz domoticz;
    if (args.length > 1) {
      String[] credentials = args[1].split(":", 2);
      domoticz = FakeDomoticz.withUser(credentials[0], credentials[1], clock);
    } else {
      domoticz = FakeDomoticz.trustedNetwork(clock);
    }
    MockWebServer server = new MockWebServer();
    server.setDispatcher(domoticz);
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.start(InetAddress.getLoopbackAddress(), port);
    System.out.println("Fake Domoticz listening on " + server.url("/"));
    Thread.currentThread().join();
  }
}
