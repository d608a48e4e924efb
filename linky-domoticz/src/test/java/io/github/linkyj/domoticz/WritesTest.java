package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.LocalDate;
import java.time.LocalDateTime;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks each write request against the request recorded from Domoticz 2025.1, replaying the
 * recorded responses.
 */
class WritesTest {
  private static final P1Device METER = new P1Device(1, "14051", "Linky 11111111111111", 2);

  private final MockWebServer server = new MockWebServer();
  private DomoticzClient client;

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getLoopbackAddress(), 0);
    server.enqueue(Recorded.of("getversion.json").toResponse());
    client =
        DomoticzClient.builder(server.url("/").toString())
            .clock(MutableClock.atRecording())
            .build();
    client.version();
    server.takeRequest();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private void replay(String file) {
    server.enqueue(Recorded.of(file).toResponse());
  }

  private void assertSentAsRecorded(String file) throws Exception {
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo(Recorded.of(file).pathAndQuery());
  }

  @Test
  void dayRowMatchesRecording() throws Exception {
    replay("udevice-p1-day-row.json");

    client.writeDayRow(METER, LocalDate.parse("2026-11-24"), new P1Energy(8804, 12331, 0, 0));

    assertSentAsRecorded("udevice-p1-day-row.json");
  }

  @Test
  void shortLogPointMatchesRecording() throws Exception {
    replay("udevice-p1-short-log-sample.json");
    P1Reading reading = new P1Reading(new P1Energy(8123456, 11234567, 102345, 1534210), 560, 0);

    client.writeShortLogPoint(METER, LocalDateTime.parse("2026-12-03T00:00"), reading);

    assertSentAsRecorded("udevice-p1-short-log-sample.json");
  }

  @Test
  void currentValueMatchesRecording() throws Exception {
    replay("udevice-p1-current-value.json");
    P1Reading reading = new P1Reading(new P1Energy(8137800, 11247474, 103268, 1535369), 226, 0);

    client.writeCurrentValue(METER, reading);

    assertSentAsRecorded("udevice-p1-current-value.json");
  }

  @Test
  void historyOptionsMatchRecording() throws Exception {
    replay("setused-history-options.json");

    client.enableHistoryInsertion(METER);

    assertSentAsRecorded("setused-history-options.json");
  }

  @Test
  void createDeviceMatchesRecording() throws Exception {
    server.enqueue(Recorded.of("gethardware.json").toResponse());
    server.enqueue(Recorded.of("getdevices-unknown-rid.json").toResponse());
    replay("createdevice-p1.json");
    server.enqueue(Recorded.of("getdevices-p1-before-options.json").toResponse());
    replay("setused-history-options.json");

    DomoticzHardware hardware = client.findOrCreateHardware("Linky");
    P1Device device = client.findOrCreateP1Device(hardware, "Linky 11111111111111");

    assertThat(hardware).isEqualTo(new DomoticzHardware(2, "Linky"));
    assertThat(device).isEqualTo(METER);
    assertSentAsRecorded("gethardware.json");
    assertThat(server.takeRequest().getPath())
        .isEqualTo("/json.htm?type=command&param=getdevices&filter=all&used=all");
    assertSentAsRecorded("createdevice-p1.json");
    server.takeRequest();
    assertSentAsRecorded("setused-history-options.json");
  }

  @Test
  void addHardwareAddsLogLevel() throws Exception {
    server.enqueue(Recorded.of("gethardware-empty.json").toResponse());
    replay("addhardware-dummy.json");

    client.findOrCreateHardware("Linky");

    server.takeRequest();
    assertThat(server.takeRequest().getPath())
        .isEqualTo(Recorded.of("addhardware-dummy.json").pathAndQuery() + "&loglevel=7");
  }

  @Test
  void bigValuesHaveNoExponent() throws Exception {
    replay("udevice-p1-day-row.json");
    replay("udevice-p1-current-value.json");

    client.writeDayRow(METER, LocalDate.parse("2026-11-24"), new P1Energy(12345678901L, 0, 0, 0));
    client.writeCurrentValue(
        METER, new P1Reading(new P1Energy(Long.MAX_VALUE, 0, 10_000_000, 0), 0, 12345678901L));

    assertThat(server.takeRequest().getPath())
        .isEqualTo(
            "/json.htm?type=command&param=udevice&idx=1&nvalue=0"
                + "&svalue=12345678901;0;0;0;0;0;2026-11-24");
    assertThat(server.takeRequest().getPath())
        .isEqualTo(
            "/json.htm?type=command&param=udevice&idx=1&nvalue=0"
                + "&svalue=9223372036854775807;0;10000000;0;0;12345678901");
  }

  @Test
  void shortLogSecondsAreKeptAndNanosDropped() throws Exception {
    replay("udevice-p1-short-log-sample.json");

    client.writeShortLogPoint(
        METER, LocalDateTime.parse("2026-12-03T00:30:15.250"), P1Reading.of(P1Energy.ZERO));

    assertThat(server.takeRequest().getPath())
        .isEqualTo(
            "/json.htm?type=command&param=udevice&idx=1&nvalue=0"
                + "&svalue=0;0;0;0;0;0;2026-12-03%2000:30:15");
  }

  @Test
  void rejectedWriteNamesDevice() throws Exception {
    replay("udevice-unknown-idx-err.json");
    P1Device deleted = new P1Device(999, "1", "Linky 11111111111111", 2);

    assertThatThrownBy(() -> client.writeCurrentValue(deleted, P1Reading.of(P1Energy.ZERO)))
        .isInstanceOf(DomoticzException.class)
        .hasMessage(
            "Domoticz rejected udevice (current value) for device 'Linky 11111111111111'"
                + " (idx 999) with status ERR.");
  }

  @Test
  void negativeEnergyIsRejected() {
    assertThatThrownBy(() -> new P1Energy(-1, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid usage1 -1: Domoticz stores negative meter values as 0");
  }
}
