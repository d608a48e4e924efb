package io.github.linkyj.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxCustomerTest {

  @Test
  void customersByNumber() {
    assertThat(SandboxCustomer.of(0).usagePointIds()).containsExactly("22516914714270");
    assertThat(SandboxCustomer.of(3).usagePointIds())
        .containsExactly("12345678901234", "10284856584123");
    assertThat(SandboxCustomer.of(7).usagePointIds())
        .containsExactly("64975835695673", "63695879465986", "22315546958763");
    assertThat(SandboxCustomer.of(8).number()).isEqualTo(8);
  }

  @Test
  void unknownNumberIsRejected() {
    assertThatThrownBy(() -> SandboxCustomer.of(9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown sandbox customer 9: use a number from 0 to 8");
  }

  @Test
  void profilesMatchSandboxBehaviours() {
    assertThat(SandboxCustomer.CUSTOMER_1.usagePoints().get("11453290002823").activationDate())
        .contains(LocalDate.of(2019, 8, 27));
    assertThat(SandboxCustomer.CUSTOMER_2.usagePoints().get("32320647321714").hasLoadCurve())
        .isFalse();
    assertThat(SandboxCustomer.CUSTOMER_3.usagePoints().get("10284856584123").measuresProduction())
        .isTrue();
    assertThat(SandboxCustomer.CUSTOMER_4.usagePoints().get("42900589957123").holeDays())
        .containsExactlyInAnyOrder(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY);
    assertThat(SandboxCustomer.CUSTOMER_5.usagePoints().get("24880057139941").measuresConsumption())
        .isFalse();
    assertThat(SandboxCustomer.CUSTOMER_6.usagePoints().get("12655648759651").isSelfConsumption())
        .isTrue();
    assertThat(SandboxCustomer.CUSTOMER_8.usagePoints().get("26584978546985").isConsentRevoked())
        .isTrue();
  }

  @Test
  void defaultSimulatorServesAllCustomers() throws IOException {
    List<String> all = new ArrayList<>();
    for (SandboxCustomer customer : SandboxCustomer.values()) {
      all.addAll(customer.usagePointIds());
    }

    try (EnedisSimulator simulator =
        EnedisSimulator.builder(TestClock.at("2026-03-02T09:00:00Z")).start()) {
      assertThat(simulator.usagePointIds()).containsExactlyElementsOf(all).hasSize(12);
    }
  }

  @Test
  void builderRejectsShortUsagePoint() {
    EnedisSimulator.Builder builder = EnedisSimulator.builder(TestClock.at("2026-03-02T09:00:00Z"));

    assertThatThrownBy(() -> builder.usagePoint("123", MeterProfile.consumption()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid usage point id '123': use exactly 14 digits");
  }

  @Test
  void profileRejectsOddStep() {
    assertThatThrownBy(() -> MeterProfile.consumption().withStep(java.time.Duration.ofMinutes(20)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid load-curve step PT20M: use PT5M, PT10M, PT15M, PT30M or PT60M");
  }
}
