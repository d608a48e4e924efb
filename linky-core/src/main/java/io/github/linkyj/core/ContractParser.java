package io.github.linkyj.core;

import io.github.linkyj.core.internal.JsonTree;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a customers contracts response for one usage point. */
final class ContractParser {
  private static final Pattern KVA = Pattern.compile("\\s*(\\d{1,6})\\s*(?:kVA)?\\s*");

  private final String endpoint;
  private final String usagePointId;

  ContractParser(String endpoint, String usagePointId) {
    this.endpoint = endpoint;
    this.usagePointId = usagePointId;
  }

  /** Parses {@code json}, picking the entry of the requested usage point. */
  Contract parse(String json) throws InvalidResponseException {
    Map<String, Object> root;
    try {
      root = JsonTree.object(JsonTree.parse(json));
    } catch (IOException | RuntimeException e) {
      throw invalid("the body is not valid JSON (" + e.getMessage() + ")", e);
    }
    if (root == null) {
      throw invalid("the body is not a JSON object", null);
    }
    Map<String, Object> customer = JsonTree.object(root.get("customer"));
    List<Object> usagePoints =
        JsonTree.array((customer != null ? customer : root).get("usage_points"));
    if (usagePoints == null) {
      throw invalid("the body has no customer.usage_points array", null);
    }
    for (Object item : usagePoints) {
      Map<String, Object> entry = JsonTree.object(item);
      Map<String, Object> usagePoint =
          entry == null ? null : JsonTree.object(entry.get("usage_point"));
      if (usagePointId.equals(JsonTree.text(usagePoint, "usage_point_id"))) {
        return contract(usagePoint, contracts(entry.get("contracts")));
      }
    }
    throw invalid("the body has no entry for the requested usage point", null);
  }

  private static Map<String, Object> contracts(Object node) {
    List<Object> list = JsonTree.array(node);
    if (list != null) {
      return list.isEmpty() ? Map.of() : JsonTree.object(list.get(0));
    }
    Map<String, Object> object = JsonTree.object(node);
    return object == null ? Map.of() : object;
  }

  private Contract contract(Map<String, Object> usagePoint, Map<String, Object> contracts)
      throws InvalidResponseException {
    ImmutableContract.Builder contract = ImmutableContract.builder().usagePointId(usagePointId);
    String power = JsonTree.text(contracts, "subscribed_power");
    if (power != null) {
      contract.subscribedPowerKva(kva(power));
    }
    contract
        .distributionTariff(optional(contracts, "distribution_tariff"))
        .offpeakHours(optional(contracts, "offpeak_hours"))
        .segment(optional(contracts, "segment"))
        .contractStatus(optional(contracts, "contract_status"))
        .contractType(optional(contracts, "contract_type"))
        .meterType(optional(usagePoint, "meter_type"))
        .usagePointStatus(optional(usagePoint, "usage_point_status"));
    String activation = JsonTree.text(contracts, "last_activation_date");
    if (activation != null) {
      contract.lastActivationDate(date("last_activation_date", activation));
    }
    String tariffChange = JsonTree.text(contracts, "last_distribution_tariff_change_date");
    if (tariffChange != null) {
      contract.lastDistributionTariffChangeDate(
          date("last_distribution_tariff_change_date", tariffChange));
    }
    return contract.build();
  }

  private static Optional<String> optional(Map<String, Object> object, String name) {
    String text = JsonTree.text(object, name);
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
  }

  private int kva(String text) throws InvalidResponseException {
    Matcher matcher = KVA.matcher(text);
    if (!matcher.matches()) {
      throw invalid("subscribed_power \"" + text + "\" is not a whole number of kVA", null);
    }
    return Integer.parseInt(matcher.group(1));
  }

  /** Reads a date such as {@code 2007-07-06+02:00}; the offset of a date is ignored. */
  private LocalDate date(String name, String text) throws InvalidResponseException {
    try {
      return LocalDate.parse(text.length() < 10 ? text : text.substring(0, 10));
    } catch (DateTimeException e) {
      throw invalid(name + " \"" + text + "\" is not yyyy-MM-dd", e);
    }
  }

  private InvalidResponseException invalid(String problem, Throwable cause) {
    return new InvalidResponseException(
        "Invalid contract response from "
            + endpoint
            + " for usage point "
            + usagePointId
            + ": "
            + problem,
        endpoint,
        200,
        null,
        usagePointId,
        cause);
  }
}
