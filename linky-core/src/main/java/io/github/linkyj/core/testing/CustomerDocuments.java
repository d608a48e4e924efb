package io.github.linkyj.core.testing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Builds generated customer documents in the Enedis v5 shape. */
final class CustomerDocuments {
  /** The start of the Linky rollout, used when a profile sets no activation date. */
  static final LocalDate ROLLOUT_START = LocalDate.of(2015, 12, 1);

  private CustomerDocuments() {}

  static Map<String, Object> contract(String usagePointId, MeterProfile profile) {
    String activation = dateWithOffset(profile.activationDate().orElse(ROLLOUT_START));
    String tariff = profile.offpeakHours().isPresent() ? "BTINFMUDT" : "BTINFMUST";
    Map<String, Object> contracts =
        Json.object(
            "segment",
            "C5",
            "subscribed_power",
            profile.subscribedPowerKva() + " kVA",
            "last_activation_date",
            activation,
            "distribution_tariff",
            tariff,
            "offpeak_hours",
            profile.offpeakHours().orElse(null),
            "contract_type",
            "CARD-S",
            "contract_status",
            "SERVC",
            "last_distribution_tariff_change_date",
            activation);
    Map<String, Object> point =
        Json.object("usage_point", usagePoint(usagePointId), "contracts", contracts);
    return wrap(usagePointId, point);
  }

  static Map<String, Object> address(String usagePointId) {
    Map<String, Object> usagePoint = usagePoint(usagePointId);
    usagePoint.put(
        "usage_point_addresses",
        Json.object(
            "street",
            "1 rue de l'Exemple",
            "locality",
            null,
            "postal_code",
            "99999",
            "insee_code",
            "99999",
            "city",
            "EXEMPLEVILLE",
            "country",
            "France",
            "geo_points",
            Json.object()));
    return wrap(usagePointId, Json.object("usage_point", usagePoint));
  }

  private static Map<String, Object> usagePoint(String usagePointId) {
    return Json.object(
        "usage_point_id", usagePointId, "usage_point_status", "com", "meter_type", "AMM");
  }

  private static Map<String, Object> wrap(String usagePointId, Map<String, Object> point) {
    // A made-up 10-digit customer id derived from the usage point, stable across calls.
    String customerId = usagePointId.substring(4);
    return Json.object(
        "customer", Json.object("customer_id", customerId, "usage_points", List.of(point)));
  }

  /**
   * Formats a date the way Enedis contracts do, with the Paris offset of that day: {@code
   * 2019-08-27+02:00}.
   */
  private static String dateWithOffset(LocalDate date) {
    ZoneOffset offset = date.atStartOfDay(GeneratedData.PARIS).getOffset();
    return date + offset.getId();
  }
}
