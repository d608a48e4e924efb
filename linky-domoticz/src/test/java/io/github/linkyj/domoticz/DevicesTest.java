package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DevicesTest {
  private static final String METER = "Linky 11111111111111";

  private final MutableClock clock = MutableClock.atRecording();
  private FakeDomoticzServer fake;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock));
  }

  @AfterEach
  void stop() throws Exception {
    fake.close();
  }

  private DomoticzClient client() {
    return fake.client().clock(clock).build();
  }

  @Test
  void twoRunsCreateOneDevice() throws Exception {
    DomoticzClient first = client();
    P1Device created = first.findOrCreateP1Device(first.findOrCreateHardware("Linky"), METER);

    DomoticzClient restarted = client();
    P1Device found = restarted.findOrCreateP1Device(restarted.findOrCreateHardware("Linky"), METER);

    assertThat(found).isEqualTo(created);
    assertThat(found).isEqualTo(new P1Device(1, "14051", METER, 2));
    assertThat(fake.domoticz.hardware()).hasSize(1);
    assertThat(fake.domoticz.devices()).hasSize(1);
  }

  @Test
  void createdDeviceGetsHistoryOptions() throws Exception {
    DomoticzClient client = client();

    client.findOrCreateP1Device(client.findOrCreateHardware("Linky"), METER);

    FakeDevice device = fake.domoticz.devices().get(1L);
    assertThat(device.options())
        .containsExactly(
            java.util.Map.entry("AddDBLogEntry", "true"),
            java.util.Map.entry("DisableLogAutoUpdate", "true"));
    assertThat(device.name()).isEqualTo(METER);
  }

  @Test
  void foundDeviceGetsOptionsAgain() throws Exception {
    DomoticzClient client = client();
    DomoticzHardware hardware = client.findOrCreateHardware("Linky");
    // A device created earlier whose options were dropped by an edit in the web page.
    fake.domoticz.addDevice(hardware.idx(), METER, 250, 1);

    client.findOrCreateP1Device(hardware, METER);

    assertThat(fake.domoticz.devices()).hasSize(1);
    assertThat(fake.domoticz.devices().get(1L).options()).containsEntry("AddDBLogEntry", "true");
  }

  @Test
  void mergedDeviceIsCreated() throws Exception {
    DomoticzClient client = client();
    DomoticzHardware hardware = client.findOrCreateHardware("Linky");
    String merged = P1Device.nameFor("11111111111111", "22222222222222");

    P1Device device = client.findOrCreateP1Device(hardware, merged);

    assertThat(merged).isEqualTo("Linky 11111111111111 / 22222222222222");
    assertThat(device.name()).isEqualTo(merged);
    assertThat(client.findP1Device(hardware, merged)).contains(device);
  }

  @Test
  void devicesOfOtherHardwareAreIgnored() throws Exception {
    DomoticzClient client = client();
    DomoticzHardware mine = client.findOrCreateHardware("Linky");
    DomoticzHardware other = client.findOrCreateHardware("Linky test");
    P1Device theirs = client.findOrCreateP1Device(other, METER);

    P1Device device = client.findOrCreateP1Device(mine, METER);

    assertThat(device.idx()).isNotEqualTo(theirs.idx());
    assertThat(device.hardwareIdx()).isEqualTo(mine.idx());
  }

  @Test
  void deviceFoundByDeviceId() throws Exception {
    DomoticzClient client = client();
    DomoticzHardware hardware = client.findOrCreateHardware("Linky");
    P1Device device = client.findOrCreateP1Device(hardware, METER);

    assertThat(client.findP1DeviceById(hardware, device.deviceId())).contains(device);
    assertThat(client.findP1DeviceById(hardware, "99999")).isEmpty();
  }

  @Test
  void sameNameOfOtherTypeIsRejected() throws Exception {
    DomoticzClient client = client();
    DomoticzHardware hardware = client.findOrCreateHardware("Linky");
    fake.domoticz.addDevice(hardware.idx(), METER, 243, 33);

    assertThatThrownBy(() -> client.findOrCreateP1Device(hardware, METER))
        .isInstanceOf(DomoticzException.class)
        .hasMessage(
            "Domoticz device 'Linky 11111111111111' (idx 1) on hardware 'Linky' is a General,"
                + " not a P1 Smart Meter. Rename or delete that device in Domoticz.");
  }

  @Test
  void hardwareNameMustNotBeBlank() {
    assertThatThrownBy(() -> client().findOrCreateHardware(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Missing hardware name: it must not be blank");
  }

  @Test
  void usagePointMustHave14Digits() {
    assertThatThrownBy(() -> P1Device.nameFor("1234"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid usage point '1234': expected the 14 digits of the meter's PRM");
  }

  @Test
  void noRequestEverSendsUsedFalse() throws Exception {
    LiveScenario.run(client(), clock, "Linky");

    assertThat(fake.domoticz.requests()).isNotEmpty();
    assertThat(fake.domoticz.requests())
        .allSatisfy(url -> assertThat(url.queryParameterValues("used")).doesNotContain("false"));
    assertThatThrownBy(() -> Command.of("setused", true).with("used", "false"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Refusing to send used=false: it deletes the device");
  }
}
