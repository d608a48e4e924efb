package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.github.linkyj.domoticz.DomoticzAuth;
import io.github.linkyj.domoticz.DomoticzClient;
import io.github.linkyj.domoticz.DomoticzException;
import io.github.linkyj.domoticz.DomoticzHardware;
import io.github.linkyj.domoticz.P1Device;
import io.github.linkyj.domoticz.P1Reading;
import io.github.linkyj.domoticz.StoredDayRow;
import io.github.linkyj.domoticz.StoredShortLogPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Reads the history of the devices of one Domoticz hardware through the JSON API, with the calls a
 * user's page makes. The year graphs give the day rows, the day graph the short log and the device
 * list the dashboard value. It keeps the raw {@code result} of each graph and device list, so that
 * two hardware can be compared row by row and a date stored twice shows.
 */
final class DomoticzReadBack {
  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  /** What one device holds. */
  record History(
      List<StoredDayRow> dayRows,
      List<StoredShortLogPoint> shortLog,
      Optional<P1Reading> dashboard) {}

  /** The {@code result} of one graph response, with the request's range and year. */
  record Graph(String range, String year, List<Map<String, Object>> rows) {}

  private final DomoticzClient client;
  private final DomoticzHardware hardware;
  private final List<Graph> graphs = new ArrayList<>();
  private List<Map<String, Object>> lastDeviceList = List.of();

  DomoticzReadBack(String url, DomoticzAuth auth, Clock clock, String hardwareName)
      throws DomoticzException {
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(this::record).build();
    this.client = DomoticzClient.builder(url).auth(auth).clock(clock).httpClient(http).build();
    this.hardware = client.findOrCreateHardware(hardwareName);
  }

  /** Returns the device called {@code name}; fails when the hardware has none. */
  P1Device device(String name) throws DomoticzException {
    return client
        .findP1Device(hardware, name)
        .orElseThrow(() -> new AssertionError("No device '" + name + "' on " + hardware));
  }

  /** Returns the names of every device of the hardware, once per device. */
  List<String> deviceNames() throws DomoticzException {
    client.findP1Device(hardware, "Linky 00000000000000");
    List<String> names = new ArrayList<>();
    for (Map<String, Object> device : lastDeviceList) {
      Object hardwareId = device.get("HardwareID");
      if (hardwareId instanceof Number id && id.longValue() == hardware.idx()) {
        names.add(String.valueOf(device.get("Name")));
      }
    }
    return names;
  }

  /** Reads the day rows from {@code from} to the day before {@code today}, and the rest. */
  History read(String deviceName, LocalDate from, LocalDate today) throws DomoticzException {
    P1Device device = device(deviceName);
    return new History(
        client.readDayRows(device, from, today.minusDays(1)),
        client.readShortLog(device),
        client.readCurrentValue(device));
  }

  /** Returns the graph responses read so far, in order. */
  synchronized List<Graph> graphs() {
    return List.copyOf(graphs);
  }

  /**
   * Fails when a year graph lists one date before {@code today} twice. Domoticz adds a row worked
   * out from the short log after the year's last day, so only the dates of the year count.
   */
  void assertNoDateTwice(LocalDate today) {
    for (Graph graph : graphs()) {
      if (!graph.range().equals("year") || graph.year() == null) {
        continue;
      }
      Set<String> dates = new HashSet<>();
      for (Map<String, Object> row : graph.rows()) {
        String date = String.valueOf(row.get("d"));
        if (date.startsWith(graph.year() + "-") && date.compareTo(today.toString()) < 0) {
          assertThat(dates.add(date)).as("date %s listed twice in %s", date, graph).isTrue();
        }
      }
    }
  }

  private Response record(Interceptor.Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    HttpUrl url = chain.request().url();
    String param = url.queryParameter("param");
    if ("graph".equals(param) || "getdevices".equals(param)) {
      Map<String, Object> body = JSON.fromJson(response.peekBody(Long.MAX_VALUE).string());
      List<Map<String, Object>> rows = results(body);
      synchronized (this) {
        if (param.equals("graph")) {
          graphs.add(new Graph(url.queryParameter("range"), url.queryParameter("actyear"), rows));
        } else {
          lastDeviceList = rows;
        }
      }
    }
    return response;
  }

  @SuppressWarnings("unchecked") // Domoticz's result member is a list of objects.
  private static List<Map<String, Object>> results(Map<String, Object> body) {
    if (body == null) {
      throw new UncheckedIOException(new IOException("Empty Domoticz response"));
    }
    Object result = body.get("result");
    return result == null ? List.of() : (List<Map<String, Object>>) result;
  }
}
