package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

/**
 * Current value of a P1 Smart Meter on the dashboard.
 *
 * @param registers the secondary figure per register, Wh (W for a mean)
 * @param consumptionPower the main figure, highest daily maximum power of the period, VA
 * @param productionPower always 0: Enedis publishes no maximum power for production
 */
public record DashboardValue(Registers registers, long consumptionPower, long productionPower) {
  /** Creates the value. */
  public DashboardValue {
    requireNonNull(registers, "registers");
  }

  /** Returns the six-field value {@code U1;U2;R1;R2;CONS;PROD}. */
  public String sValue() {
    return registers.usage1()
        + ";"
        + registers.usage2()
        + ";"
        + registers.return1()
        + ";"
        + registers.return2()
        + ";"
        + consumptionPower
        + ";"
        + productionPower;
  }
}
