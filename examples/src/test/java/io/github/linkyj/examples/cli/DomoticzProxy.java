package io.github.linkyj.examples.cli;

import io.github.linkyj.core.testing.NoDelayServerSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 * A loopback HTTP proxy in front of a Domoticz server, real or fake. It forwards every request,
 * logs it, and can kill a child process with SIGKILL when a chosen request arrives, either before
 * the request reaches Domoticz or after Domoticz applied it but before its response reaches the
 * child.
 */
final class DomoticzProxy implements AutoCloseable {
  private static final Set<String> HOP_BY_HOP =
      Set.of("host", "connection", "content-length", "transfer-encoding", "accept-encoding");

  /** Where a kill lands relative to the request that triggers it. */
  enum Landing {
    /** Domoticz never receives the request. */
    BEFORE_DOMOTICZ,
    /** Domoticz applies the request, and the child dies before it reads the response. */
    AFTER_DOMOTICZ
  }

  /**
   * One request as the proxy received it.
   *
   * @param run the number of the child process that sent it, counted by {@link #arm} calls
   * @param number its position among the requests of that run, from 1
   * @param url the URL the child asked for
   * @param forwarded whether Domoticz received it
   * @param killed whether the child was killed at this request
   */
  record Exchange(int run, int number, HttpUrl url, boolean forwarded, boolean killed) {}

  private final MockWebServer server = new MockWebServer();
  private final HttpUrl target;
  private final OkHttpClient client;
  private final List<Exchange> exchanges = new ArrayList<>();
  private final Set<String> rowsWritten = new HashSet<>();
  private int run;
  private int requestsOfRun;
  private Process victim;
  private int killAtRequest;
  private int killAtRow;
  private Landing landing;

  /** Starts a proxy on a free loopback port that forwards to {@code targetUrl}. */
  DomoticzProxy(String targetUrl) throws IOException {
    this.target = HttpUrl.get(targetUrl);
    this.client =
        new OkHttpClient.Builder()
            .followRedirects(false)
            .readTimeout(Duration.ofSeconds(30))
            .retryOnConnectionFailure(false)
            .build();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return handle(request);
          }
        });
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  /** Returns the base URL to give the child as {@code domoticz.url}. */
  String url() {
    return server.url("/").toString();
  }

  /** Starts counting the requests of a new child process, which is not killed. */
  synchronized void watch() {
    arm(null, 0, 0, null);
  }

  /**
   * Starts counting the requests of a new child process, and kills it with SIGKILL when its request
   * number {@code requestNumber} (from 1) arrives.
   */
  synchronized void killAtRequest(Process process, int requestNumber, Landing landing) {
    arm(process, requestNumber, 0, landing);
  }

  /**
   * Starts counting the requests of a new child process, and kills it with SIGKILL when it sends
   * the history row that makes {@code rows} distinct rows (day rows and short-log points, by device
   * and date) written through this proxy since it started, whatever run wrote them.
   */
  synchronized void killAtRow(Process process, int rows, Landing landing) {
    arm(process, 0, rows, landing);
  }

  /** Returns how many distinct history rows were written through this proxy. */
  synchronized int rowsWritten() {
    return rowsWritten.size();
  }

  private void arm(Process process, int requestNumber, int rows, Landing landing) {
    run++;
    requestsOfRun = 0;
    this.victim = process;
    this.killAtRequest = requestNumber;
    this.killAtRow = rows;
    this.landing = landing;
  }

  /** Returns the request of the current run at which the child was killed, if any. */
  synchronized Optional<Exchange> killedAt() {
    return exchanges.stream().filter(e -> e.run() == run && e.killed()).findFirst();
  }

  /** Returns every request received so far, in order. */
  synchronized List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  private synchronized MockResponse handle(RecordedRequest request) {
    requestsOfRun++;
    String row = historyRow(request.getRequestUrl());
    boolean newRow = row != null && !rowsWritten.contains(row);
    boolean kill =
        victim != null
            && (requestsOfRun == killAtRequest
                || (newRow && killAtRow > 0 && rowsWritten.size() + 1 == killAtRow));
    boolean forward = !kill || landing == Landing.AFTER_DOMOTICZ;
    MockResponse response = disconnect();
    if (forward) {
      response = forward(request);
      if (row != null) {
        rowsWritten.add(row);
      }
    }
    exchanges.add(new Exchange(run, requestsOfRun, request.getRequestUrl(), forward, kill));
    if (kill) {
      killVictim();
      return disconnect();
    }
    return response;
  }

  /**
   * Returns the device idx and date or time of a dated {@code udevice} request, which writes a day
   * row or a short-log point, or null for any other request.
   */
  static String historyRow(HttpUrl url) {
    String sValue = url.queryParameter("svalue");
    if (!"udevice".equals(url.queryParameter("param")) || sValue == null) {
      return null;
    }
    String[] fields = sValue.split(";", -1);
    String date = fields[fields.length - 1];
    return date.length() >= 10 && date.charAt(4) == '-'
        ? url.queryParameter("idx") + " " + date
        : null;
  }

  /** Kills the child and waits for its end, so it never reads another response. */
  private void killVictim() {
    victim.destroyForcibly();
    try {
      if (!victim.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("The child process did not end within 30 s of SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    victim = null;
  }

  private MockResponse forward(RecordedRequest request) {
    HttpUrl url = target.resolve(request.getPath().substring(1));
    Headers.Builder headers = new Headers.Builder();
    for (String name : request.getHeaders().names()) {
      if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
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
    Request forwarded =
        new Request.Builder()
            .url(url)
            .headers(headers.build())
            .method(request.getMethod(), body)
            .build();
    try (Response response = client.newCall(forwarded).execute()) {
      MockResponse copy = new MockResponse().setResponseCode(response.code());
      for (String name : response.headers().names()) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!HOP_BY_HOP.contains(lower) && !lower.equals("content-encoding")) {
          response.headers(name).forEach(value -> copy.addHeader(name, value));
        }
      }
      ResponseBody responseBody = response.body();
      return copy.setBody(
          new Buffer().write(responseBody == null ? new byte[0] : responseBody.bytes()));
    } catch (IOException e) {
      return disconnect();
    }
  }

  private static MockResponse disconnect() {
    return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
