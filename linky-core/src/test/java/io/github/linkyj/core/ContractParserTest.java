package io.github.linkyj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ContractParserTest {
  private static final String ENDPOINT = "/customers_upc/v5/usage_points/contracts";
  private static final String PRM = "22222222222222";

  @Test
  void recordedContractIsRead() throws Exception {
    Contract contract = parse(TestSupport.fixture("contracts_9kVA_BTINFCUST_HC-23h30-7h30.json"));

    assertThat(contract.usagePointId()).isEqualTo(PRM);
    assertThat(contract.subscribedPowerKva()).hasValue(9);
    assertThat(contract.distributionTariff()).contains("BTINFCUST");
    assertThat(contract.offpeakHours()).contains("HC (23H30-7H30)");
    assertThat(contract.lastActivationDate()).contains(LocalDate.of(2007, 7, 6));
    assertThat(contract.lastDistributionTariffChangeDate()).contains(LocalDate.of(2007, 7, 6));
    assertThat(contract.contractStatus()).contains("SERVC");
    assertThat(contract.contractType()).contains("Contrat GRD-F");
    assertThat(contract.usagePointStatus()).contains("com");
  }

  @Test
  void unwrappedArrayAndBarePower() throws Exception {
    String body =
        "{\"usage_points\":[{\"usage_point\":{\"usage_point_id\":\"22222222222222\"},"
            + "\"contracts\":[{\"subscribed_power\":\"12\",\"offpeak_hours\":null}]}]}";

    Contract contract = parse(body);

    assertThat(contract.subscribedPowerKva()).hasValue(12);
    assertThat(contract.offpeakHours()).isEmpty();
    assertThat(contract.lastActivationDate()).isEmpty();
  }

  @Test
  void picksRequestedUsagePoint() throws Exception {
    String body =
        "{\"customer\":{\"usage_points\":["
            + "{\"usage_point\":{\"usage_point_id\":\"11111111111111\"},"
            + "\"contracts\":{\"subscribed_power\":\"6 kVA\"}},"
            + "{\"usage_point\":{\"usage_point_id\":\"22222222222222\"},"
            + "\"contracts\":{\"subscribed_power\":\"9 kVA\"}}]}}";

    assertThat(parse(body).subscribedPowerKva()).hasValue(9);
  }

  @Test
  void invalidPowerNamesTheValue() {
    String body =
        "{\"customer\":{\"usage_points\":[{\"usage_point\":{\"usage_point_id\":\"22222222222222\"},"
            + "\"contracts\":{\"subscribed_power\":\"neuf kVA\"}}]}}";

    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(
            "Invalid contract response from /customers_upc/v5/usage_points/contracts for usage"
                + " point 22222222222222: subscribed_power \"neuf kVA\" is not a whole number of"
                + " kVA");
  }

  @Test
  void htmlBodyIsInvalid() {
    assertThatThrownBy(() -> parse("<html></html>"))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith(
            "Invalid contract response from /customers_upc/v5/usage_points/contracts for usage"
                + " point 22222222222222: the body is not valid JSON (");
  }

  private static Contract parse(String body) throws InvalidResponseException {
    return new ContractParser(ENDPOINT, PRM).parse(body);
  }
}
