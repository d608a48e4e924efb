package io.github.linkyj.domoticz;

import static java.util.Objects.requireNonNull;

/**
 * A Domoticz hardware entry, as listed by {@code gethardware}.
 *
 * @param idx the hardware number that Domoticz assigned
 * @param name the hardware name shown in Setup &gt; Hardware
 */
public record DomoticzHardware(long idx, String name) {
  /** Checks the fields. */
  public DomoticzHardware {
    requireNonNull(name, "name");
  }
}
