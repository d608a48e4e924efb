package io.github.linkyj.domoticz;

import java.io.IOException;
import java.net.InetAddress;
import okhttp3.mockwebserver.MockWebServer;

/** Starts a {@link FakeDomoticz} on a loopback {@link MockWebServer} for one test. */
final class FakeDomoticzServer implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  final FakeDomoticz domoticz;

  FakeDomoticzServer(FakeDomoticz domoticz) throws IOException {
    this.domoticz = domoticz;
    server.setDispatcher(domoticz);
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  String url() {
    return server.url("/").toString();
  }

  DomoticzClient.Builder client() {
    return DomoticzClient.builder(url());
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
