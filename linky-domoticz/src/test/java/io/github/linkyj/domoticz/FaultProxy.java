package io.github.linkyj.domoticz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.net.ServerSocketFactory;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;

/**
 * A loopback HTTP proxy in front of a Domoticz server (the fake or a live one) that injects the
 * faults of a Domoticz that is down, rejects the client or loses rows.
 *
 * <p>By default it forwards every request unchanged. {@link #failAfterDayRows} switches it, once a
 * number of day rows went through, to one of the {@link Failure} modes until {@link #restore()}.
 * {@link #swallowDayRows} makes it return OK for the day rows of some dates without forwarding
 * them, as Domoticz does for a row it does not store. Every day row and short-log point that
 * reached the server is logged, see {@link #forwardedRows()}.
 */
final class FaultProxy implements AutoCloseable {
  /** How the proxy fails once it is switched. */
  enum Failure {
    /** Closes its listening socket, so connections are refused, as when Domoticz is stopped. */
    REFUSE_CONNECTIONS,
    /** Accepts connections and closes them without a response, as during a restart. */
    DROP_CONNECTIONS,
    /** Responds HTTP 401 with Domoticz's own body, as when the credentials stopped working. */
    UNAUTHORIZED,
    /**
     * Forwards each request but closes the connection instead of responding, as a Domoticz that
     * stores a row and stops before its response leaves.
     */
    LOSE_RESPONSES
  }

  /** A dated row that reached the server: the device idx and the date or time text. */
  record Row(long idx, String when) {
    boolean isDayRow() {
      return when.length() == 10;
    }
  }

  private static final Set<String> HOP_HEADERS =
      Set.of(
          "host",
          "connection",
          "content-length",
          "transfer-encoding",
          "keep-alive",
          // OkHttp unzips a response only when it asked for gzip itself.
          "accept-encoding",
          "content-encoding");

  private final HttpUrl upstream;
  private final OkHttpClient http;
  private final int port;
  private MockWebServer server; // Guarded by this.
  private Thread closer; // Guarded by this.
  private Failure failure; // Guarded by this.
  private int failAfter = -1; // Guarded by this.
  private int dayRowsForwarded; // Guarded by this.
  private Predicate<LocalDate> swallowed = day -> false; // Guarded by this.
  private final List<Row> forwarded = new ArrayList<>(); // Guarded by this.
  private final List<Row> swallowedRows = new ArrayList<>(); // Guarded by this.

  /** Starts a proxy on a free loopback port that forwards to {@code upstreamUrl}. */
  FaultProxy(String upstreamUrl) throws IOException {
    this.upstream = HttpUrl.get(upstreamUrl);
    this.http = new OkHttpClient.Builder().followRedirects(false).build();
    this.server = start(0);
    this.port = server.getPort();
  }

  private MockWebServer start(int listenPort) throws IOException {
    MockWebServer started = new MockWebServer();
    started.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return handle(request);
          }
        });
    started.setServerSocketFactory(new RebindingSocketFactory());
    started.start(InetAddress.getLoopbackAddress(), listenPort);
    return started;
  }

  /** Returns the base URL of the proxy, with the path of the upstream URL. */
  String url() {
    return "http://"
        + InetAddress.getLoopbackAddress().getHostAddress()
        + ":"
        + port
        + upstream.encodedPath();
  }

  /**
   * Switches the proxy to {@code mode} once {@code dayRows} more day rows went through; 0 switches
   * it at once.
   */
  void failAfterDayRows(int dayRows, Failure mode) throws InterruptedException {
    Thread closing;
    synchronized (this) {
      this.failure = mode;
      this.failAfter = dayRowsForwarded + dayRows;
      if (dayRows == 0) {
        switchToFailure();
      }
      closing = closer;
    }
    // A switch at once refuses the very next connection.
    if (closing != null) {
      closing.join();
    }
  }

  /** Returns OK without forwarding for the day rows whose date matches {@code dates}. */
  synchronized void swallowDayRows(Predicate<LocalDate> dates) {
    this.swallowed = dates;
  }

  /** Ends the failure mode and forwards every request again, as a server that is back up. */
  void restore() throws IOException, InterruptedException {
    Thread closing;
    synchronized (this) {
      closing = closer;
    }
    // Joined outside the lock, because the shutdown waits for request threads that take it.
    if (closing != null) {
      closing.join();
    }
    synchronized (this) {
      closer = null;
      if (server == null) {
        server = start(port);
      }
      failAfter = -1;
      failure = null;
    }
  }

  /** Returns the dated rows that reached the server, in order. */
  synchronized List<Row> forwardedRows() {
    return List.copyOf(forwarded);
  }

  /** Returns the dated rows that got OK without reaching the server, in order. */
  synchronized List<Row> swallowedRows() {
    return List.copyOf(swallowedRows);
  }

  private synchronized MockResponse handle(RecordedRequest request) {
    HttpUrl url = request.getRequestUrl();
    Row row = datedRow(url);
    if (isFailing() && failure == Failure.LOSE_RESPONSES) {
      MockResponse lost = forward(request);
      if (row != null && lost.getStatus().contains(" 200 ")) {
        forwarded.add(row);
      }
      return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
    }
    if (isFailing()) {
      return failureResponse();
    }
    if (row != null && row.isDayRow() && swallowed.test(LocalDate.parse(row.when()))) {
      swallowedRows.add(row);
      return Recorded.of("udevice-p1-day-row.json").toResponse();
    }
    MockResponse response = forward(request);
    if (row != null && response.getStatus().contains(" 200 ")) {
      forwarded.add(row);
      if (row.isDayRow()) {
        dayRowsForwarded++;
        if (failAfter >= 0 && dayRowsForwarded >= failAfter) {
          switchToFailure();
        }
      }
    }
    return response;
  }

  private boolean isFailing() {
    return failure != null && failAfter >= 0 && dayRowsForwarded >= failAfter;
  }

  private void switchToFailure() {
    if (failure != Failure.REFUSE_CONNECTIONS || server == null) {
      return;
    }
    // The listening socket is closed on another thread: MockWebServer's shutdown waits for the
    // request threads, this one included. Until it is closed, requests are dropped.
    MockWebServer stopping = server;
    server = null;
    closer =
        new Thread(
            () -> {
              try {
                stopping.shutdown();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "fault-proxy-shutdown");
    closer.start();
  }

  private MockResponse failureResponse() {
    if (failure == Failure.UNAUTHORIZED) {
      return Recorded.of("auth-401-no-credentials.json").toResponse();
    }
    return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
  }

  /** Returns the dated row that {@code url} writes, or null for any other request. */
  private static Row datedRow(HttpUrl url) {
    String command = url.queryParameter("param");
    String sValue = url.queryParameter("svalue");
    if (!"udevice".equals(command) || sValue == null) {
      return null;
    }
    String[] fields = sValue.split(";", -1);
    String last = fields[fields.length - 1];
    boolean dated = last.length() == 10 || last.length() == 19;
    return dated ? new Row(Long.parseLong(url.queryParameter("idx")), last) : null;
  }

  private MockResponse forward(RecordedRequest request) {
    HttpUrl from = request.getRequestUrl();
    HttpUrl to =
        upstream
            .newBuilder()
            .encodedPath(from.encodedPath())
            .encodedQuery(from.encodedQuery())
            .build();
    Headers.Builder headers = new Headers.Builder();
    for (String name : request.getHeaders().names()) {
      if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        request.getHeaders().values(name).forEach(value -> headers.add(name, value));
      }
    }
    RequestBody body = null;
    if (request.getBodySize() > 0 || "POST".equals(request.getMethod())) {
      String type = request.getHeader("Content-Type");
      body =
          RequestBody.create(
              request.getBody().readByteArray(), type == null ? null : MediaType.get(type));
    }
    Request outgoing =
        new Request.Builder()
            .url(to)
            .headers(headers.build())
            .method(request.getMethod(), body)
            .build();
    try (Response response = http.newCall(outgoing).execute()) {
      MockResponse copy = new MockResponse().setResponseCode(response.code());
      for (String name : response.headers().names()) {
        if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          response.headers(name).forEach(value -> copy.addHeader(name, value));
        }
      }
      ResponseBody responseBody = response.body();
      byte[] bytes = responseBody == null ? new byte[0] : responseBody.bytes();
      return copy.setBody(new Buffer().write(bytes));
    } catch (IOException e) {
      // The upstream server is down: the client gets the same as a dropped connection.
      return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
    }
  }

  /**
   * Creates server sockets that can bind the port again while connections of the closed one are in
   * TIME_WAIT, and whose connections have {@code TCP_NODELAY} set. MockWebServer turns address
   * reuse off, so the socket keeps it on whatever is asked.
   */
  private static final class RebindingSocketFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new RebindingServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      return createServerSocket(port, 50);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      return createServerSocket(port, backlog, InetAddress.getLoopbackAddress());
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      ServerSocket socket = new RebindingServerSocket();
      socket.bind(new InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  private static final class RebindingServerSocket extends ServerSocket {
    RebindingServerSocket() throws IOException {
      super.setReuseAddress(true);
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
      super.setReuseAddress(true);
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    MockWebServer running;
    Thread closing;
    synchronized (this) {
      running = server;
      closing = closer;
      server = null;
    }
    if (running != null) {
      running.shutdown();
    }
    if (closing != null) {
      closing.join();
    }
  }
}
