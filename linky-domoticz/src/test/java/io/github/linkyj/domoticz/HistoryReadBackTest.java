package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Moshi;
import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

class HistoryReadBackTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-12-04");
  private static final P1Device METER = new P1Device(1, "14051", "Linky 11111111111111", 2);

  private final MutableClock clock = MutableClock.atRecording();

  @Test
  void yearGraphGivesStoredDayRows() throws Exception {
    MockWebServer server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
    try (server) {
      server.enqueue(Recorded.of("getversion.json").toResponse());
      server.enqueue(Recorded.of("graph-counter-p1-year-actyear.json").toResponse());
      DomoticzClient client =
          DomoticzClient.builder(server.url("/").toString()).clock(clock).build();

      List<StoredDayRow> rows =
          client.readDayRows(METER, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-31"));

      server.takeRequest();
      assertThat(server.takeRequest().getPath())
          .isEqualTo(Recorded.of("graph-counter-p1-year-actyear.json").pathAndQuery());
      assertThat(rows).hasSize(10);
      assertThat(rows.get(0))
          .isEqualTo(
              new StoredDayRow(LocalDate.parse("2026-11-24"), new P1Energy(8804, 12331, 0, 0)));
      assertThat(rows.get(9))
          .isEqualTo(
              new StoredDayRow(LocalDate.parse("2026-12-03"), new P1Energy(7181, 10293, 165, 176)));
    }
  }

  @Test
  void repeatedDateKeepsCalendarRow() throws Exception {
    Dtos.Graph graph = graph("graph-counter-p1-month-actmonth-previous.json");

    List<StoredDayRow> rows = History.dayRows(graph, 2026, TODAY);

    assertThat(rows).hasSize(8);
    assertThat(rows.get(7))
        .isEqualTo(
            new StoredDayRow(LocalDate.parse("2026-12-01"), new P1Energy(8079, 11562, 701, 814)));
  }

  @Test
  void emptyGraphGivesNoRows() throws Exception {
    assertThat(History.dayRows(graph("graph-counter-p1-month-empty.json"), 2026, TODAY)).isEmpty();
    assertThat(History.shortLog(graph("graph-counter-p1-day-empty.json"))).isEmpty();
  }

  @Test
  void dayGraphGivesShortLogPowers() throws Exception {
    List<StoredShortLogPoint> points =
        History.shortLog(graph("graph-counter-p1-day-after-purge.json"));

    assertThat(points).hasSize(47);
    assertThat(points.get(46))
        .isEqualTo(new StoredShortLogPoint(LocalDateTime.parse("2026-12-04T16:00"), 0, 226, 0, 0));
    assertThat(points.get(45).return2Power()).isEqualTo(36);
  }

  @Test
  void rowWithoutOptionsIsReported() throws Exception {
    try (FakeDomoticzServer fake = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock))) {
      DomoticzClient client = fake.client().clock(clock).build();
      DomoticzHardware hardware = client.findOrCreateHardware("Linky");
      // A P1 created by someone else, without the history options: Domoticz returns OK and
      // stores nothing.
      FakeDevice plain = fake.domoticz.addDevice(hardware.idx(), "Linky 33333333333333", 250, 1);
      P1Device device = client.findP1Device(hardware, plain.name()).orElseThrow();
      Map<LocalDate, P1Energy> written = new TreeMap<>();
      written.put(LocalDate.parse("2026-12-02"), new P1Energy(8000, 11000, 0, 0));
      written.put(LocalDate.parse("2026-12-03"), new P1Energy(8001, 11001, 0, 0));
      for (Map.Entry<LocalDate, P1Energy> day : written.entrySet()) {
        client.writeDayRow(device, day.getKey(), day.getValue());
      }

      assertThatThrownBy(() -> client.verifyDayRows(device, written))
          .isInstanceOfSatisfying(
              DomoticzHistoryException.class,
              e -> {
                assertThat(e.device()).isEqualTo(device);
                assertThat(e.problems())
                    .containsExactly("2026-12-02 missing", "2026-12-03 missing");
              })
          .hasMessage(
              "Domoticz did not store 2 of 2 day rows of device 'Linky 33333333333333' (idx 1):"
                  + " 2026-12-02 missing, 2026-12-03 missing. Check that the device has the"
                  + " options AddDBLogEntry and DisableLogAutoUpdate (enableHistoryInsertion) and"
                  + " read the Domoticz log for rejected dates.");
    }
  }

  @Test
  void changedRowIsReported() throws Exception {
    try (FakeDomoticzServer fake = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock))) {
      DomoticzClient client = fake.client().clock(clock).build();
      P1Device device =
          client.findOrCreateP1Device(client.findOrCreateHardware("Linky"), METER.name());
      LocalDate day = LocalDate.parse("2026-12-01");
      client.writeDayRow(device, day, new P1Energy(8079, 11562, 701, 814));
      client.writeDayRow(device, day, new P1Energy(9000, 12000, 0, 0));

      assertThatThrownBy(
              () -> client.verifyDayRows(device, Map.of(day, new P1Energy(8079, 11562, 701, 814))))
          .isInstanceOfSatisfying(
              DomoticzHistoryException.class,
              e ->
                  assertThat(e.problems())
                      .containsExactly(
                          "2026-12-01 stored 9000;12000;0;0 instead of 8079;11562;701;814"));
    }
  }

  @Test
  void storedRowsPassVerification() throws Exception {
    try (FakeDomoticzServer fake = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock))) {
      DomoticzClient client = fake.client().clock(clock).build();
      P1Device device =
          client.findOrCreateP1Device(client.findOrCreateHardware("Linky"), METER.name());
      Map<LocalDate, P1Energy> written = LiveScenario.dayRows(TODAY);
      // Rows across a year boundary need two year graphs.
      written.put(LocalDate.parse("2025-12-31"), new P1Energy(1, 2, 3, 4));
      written.put(LocalDate.parse("2026-01-01"), new P1Energy(5, 6, 7, 8));
      for (Map.Entry<LocalDate, P1Energy> day : written.entrySet()) {
        client.writeDayRow(device, day.getKey(), day.getValue());
      }

      client.verifyDayRows(device, written);

      assertThat(client.readDayRows(device, LocalDate.parse("2025-12-31"), TODAY)).hasSize(7);
    }
  }

  @Test
  void missingShortLogPointsAreReported() throws Exception {
    try (FakeDomoticzServer fake = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock))) {
      DomoticzClient client = fake.client().clock(clock).build();
      DomoticzHardware hardware = client.findOrCreateHardware("Linky");
      fake.domoticz.addDevice(hardware.idx(), METER.name(), 250, 1);
      P1Device device = client.findP1Device(hardware, METER.name()).orElseThrow();
      Map<LocalDateTime, P1Reading> points = LiveScenario.shortLog(LocalDateTime.now(clock));
      for (Map.Entry<LocalDateTime, P1Reading> point : points.entrySet()) {
        client.writeShortLogPoint(device, point.getKey(), point.getValue());
      }

      assertThatThrownBy(() -> client.verifyShortLog(device, points))
          .isInstanceOf(DomoticzHistoryException.class)
          .hasMessageStartingWith(
              "Domoticz did not store 5 of 5 short-log points of device 'Linky 11111111111111'"
                  + " (idx 1): 2026-12-04 12:00:00 missing, 2026-12-04 13:00:00 missing,");
    }
  }

  @Test
  void purgedShortLogPointsAreNotReported() throws Exception {
    try (FakeDomoticzServer fake = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock))) {
      DomoticzClient client = fake.client().clock(clock).build();
      P1Device device =
          client.findOrCreateP1Device(client.findOrCreateHardware("Linky"), METER.name());
      Map<LocalDateTime, P1Reading> points =
          LiveScenario.shortLog(LocalDateTime.now(clock).minusHours(30));
      points.putAll(LiveScenario.shortLog(LocalDateTime.now(clock)));
      for (Map.Entry<LocalDateTime, P1Reading> point : points.entrySet()) {
        client.writeShortLogPoint(device, point.getKey(), point.getValue());
      }
      clock.advance(Duration.ofMinutes(5));

      client.verifyShortLog(device, points);

      assertThat(fake.domoticz.devices().get(device.idx()).shortLog()).hasSize(6);
    }
  }

  private static Dtos.Graph graph(String file) throws Exception {
    return new Moshi.Builder().build().adapter(Dtos.Graph.class).fromJson(Recorded.of(file).body());
  }
}
