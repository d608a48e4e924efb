package io.github.linkyj.domoticz;

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

  /**
   * Creates server sockets whose connections send at once. MockWebServer writes the headers and the
   * body of a response separately; with Nagle's algorithm the body then waits for the client's
   * delayed acknowledgement, about 40 ms per request.
   */
  static final class NoDelayServerSocketFactory extends javax.net.ServerSocketFactory {
    @Override
    public java.net.ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket();
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port) throws IOException {
      java.net.ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new java.net.InetSocketAddress(port));
      return socket;
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
      java.net.ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new java.net.InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      java.net.ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new java.net.InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  private static final class NoDelayServerSocket extends java.net.ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public java.net.Socket accept() throws IOException {
      java.net.Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
