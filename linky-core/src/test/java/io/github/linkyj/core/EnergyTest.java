package io.github.linkyj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class EnergyTest {

  @Test
  void halfHourPowerGivesHalfWattHours() {
    Energy energy = Energy.ofAveragePower(2895, 30);

    assertThat(energy.wattHours()).isEqualTo(new BigDecimal("1447.5"));
    assertThat(energy.toString()).isEqualTo("86850 W·min");
  }

  @Test
  void sumOfThirdsIsExact() {
    Energy third = Energy.ofAveragePower(20, 1);
    Energy sum = Energy.ZERO;
    for (int i = 0; i < 3; i++) {
      sum = sum.plus(third);
    }

    assertThat(sum).isEqualTo(Energy.ofWattHours(1));
    assertThat(sum.wattHours()).isEqualTo(BigDecimal.ONE);
    assertThat(sum.toString()).isEqualTo("1 Wh");
  }

  @Test
  void sixthOfWattHourNeedsRounding() {
    Energy energy = Energy.ofWattMinutes(10);

    assertThatThrownBy(energy::wattHours).isInstanceOf(ArithmeticException.class);
    assertThat(energy.wattHours(RoundingMode.HALF_UP)).isZero();
    assertThat(energy.wattHours(RoundingMode.UP)).isEqualTo(1);
  }

  @Test
  void wholeValuesHaveNoScale() {
    assertThat(Energy.ofWattHours(600).wattHours()).isEqualTo(new BigDecimal("600"));
    assertThat(Energy.ofWattHours(600).wattHours().scale()).isZero();
  }

  @Test
  void ordersByAmount() {
    assertThat(Energy.ofWattHours(1)).isGreaterThan(Energy.ofWattMinutes(59));
  }
}
