package io.github.linkyj.domoticz;

import io.github.linkyj.core.testing.NoDelayServerSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import okhttp3.mockwebserver.MockWebServer;

/** Runs a {@link FakeDomoticz} on a loopback {@link MockWebServer}. Close it to stop the server. */
public final class FakeDomoticzServer implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  final FakeDomoticz domoticz;

  /** Starts {@code domoticz} on a free loopback port. */
  public FakeDomoticzServer(FakeDomoticz domoticz) throws IOException {
    this.domoticz = domoticz;
    server.setDispatcher(domoticz);
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  /** Returns the base URL to give {@link DomoticzClient#builder}. */
  public String url() {
    return server.url("/").toString();
  }

  /** Returns a client builder for this server. */
  public DomoticzClient.Builder client() {
    return DomoticzClient.builder(url());
  }

  /** Returns the fake behind the server, to inspect its state. */
  public FakeDomoticz domoticz() {
    return domoticz;
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
