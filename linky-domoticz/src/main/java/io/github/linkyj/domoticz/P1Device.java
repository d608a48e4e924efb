package io.github.linkyj.domoticz;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A Domoticz P1 Smart Meter device (type 250, subtype 1 "Energy") that receives Linky data.
 *
 * @param idx the device number that Domoticz assigned; Domoticz reuses the numbers of deleted
 *     devices, so find the device again by hardware and name rather than storing this number
 * @param deviceId the {@code ID} column of the device, which Domoticz derives at creation
 * @param name the device name
 * @param hardwareIdx the number of the hardware that owns the device
 */
public record P1Device(long idx, String deviceId, String name, long hardwareIdx) {
  private static final Pattern USAGE_POINT = Pattern.compile("\\d{14}");

  /** Checks the fields. */
  public P1Device {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(name, "name");
  }

  /**
   * Returns the device name for one usage point: {@code Linky <usage point>}.
   *
   * @throws IllegalArgumentException if the usage point is not 14 digits
   */
  public static String nameFor(String usagePoint) {
    return "Linky " + checkUsagePoint(usagePoint);
  }

  /**
   * Returns the device name for a consumption usage point merged with a production usage point:
   * {@code Linky <consumption> / <production>}.
   *
   * @throws IllegalArgumentException if a usage point is not 14 digits
   */
  public static String nameFor(String consumptionUsagePoint, String productionUsagePoint) {
    return "Linky "
        + checkUsagePoint(consumptionUsagePoint)
        + " / "
        + checkUsagePoint(productionUsagePoint);
  }

  private static String checkUsagePoint(String usagePoint) {
    requireNonNull(usagePoint, "usagePoint");
    if (!USAGE_POINT.matcher(usagePoint).matches()) {
      throw new IllegalArgumentException(
          "Invalid usage point '" + usagePoint + "': expected the 14 digits of the meter's PRM");
    }
    return usagePoint;
  }
}
