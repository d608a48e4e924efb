package io.github.linkyj.core.testing;

import static io.github.linkyj.core.testing.MeterProfile.consumption;
import static io.github.linkyj.core.testing.MeterProfile.production;
import static io.github.linkyj.core.testing.MeterProfile.selfConsumption;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fake customers of the Enedis Data Connect sandbox, numbered 0 to 8 as the sandbox numbers
 * them (the last digit of the consent {@code state}), with their public usage point ids and the
 * behaviour each one exists to show.
 *
 * <p>The simulator reproduces these behaviours with generated data. Enedis's own sandbox serves
 * synthetic data too, so the values differ from the real sandbox. The usage point ids, directions,
 * activation date, holes and revoked consent are the same.
 */
public enum SandboxCustomer {
  /** One consumption point with its load curve, data without holes. */
  CUSTOMER_0(0, "consumption with load curve, no holes", points("22516914714270", consumption())),

  /** One consumption point whose meter was activated on 27 August 2019. */
  CUSTOMER_1(
      1,
      "consumption, meter activated on 2019-08-27",
      points("11453290002823", consumption().withActivationDate(LocalDate.of(2019, 8, 27)))),

  /** One consumption point whose load-curve collection is not enabled. */
  CUSTOMER_2(
      2,
      "consumption, load curve not enabled",
      points("32320647321714", consumption().withoutLoadCurve())),

  /** One consumption point and one production point, both with load curves. */
  CUSTOMER_3(
      3,
      "one consumption point and one production point",
      points("12345678901234", consumption(), "10284856584123", production())),

  /** One consumption point with no data on Tuesdays and Wednesdays. */
  CUSTOMER_4(
      4,
      "consumption with holes every Tuesday and Wednesday",
      points("42900589957123", consumption().withHolesOn(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY))),

  /** One production-only point: consumption calls return ADAM-ERR0069. */
  CUSTOMER_5(5, "production only", points("24880057139941", production())),

  /** One self-consumption point with curves in both directions. */
  CUSTOMER_6(
      6, "self-consumption, net flow per interval", points("12655648759651", selfConsumption())),

  /** Three consumption points for one customer. */
  CUSTOMER_7(
      7,
      "three consumption points",
      points(
          "64975835695673",
          consumption(),
          "63695879465986",
          consumption(),
          "22315546958763",
          consumption())),

  /** One consumption point whose consent was given and then revoked: data calls return 403. */
  CUSTOMER_8(
      8,
      "consent given then revoked (403 ADAM-DC-0008)",
      points("26584978546985", consumption().withConsentRevoked()));

  private final int number;
  private final String description;
  private final Map<String, MeterProfile> usagePoints;

  SandboxCustomer(int number, String description, Map<String, MeterProfile> usagePoints) {
    this.number = number;
    this.description = description;
    this.usagePoints = usagePoints;
  }

  /**
   * Returns the customer with the given sandbox number.
   *
   * @throws IllegalArgumentException if the number is not 0 to 8
   */
  public static SandboxCustomer of(int number) {
    for (SandboxCustomer customer : values()) {
      if (customer.number == number) {
        return customer;
      }
    }
    throw new IllegalArgumentException(
        "Unknown sandbox customer " + number + ": use a number from 0 to 8");
  }

  /** Returns the sandbox number, 0 to 8. */
  public int number() {
    return number;
  }

  /** Returns a short English description of the behaviour. */
  public String description() {
    return description;
  }

  /** Returns the customer's usage point ids, in the order the consent lists them. */
  public List<String> usagePointIds() {
    return List.copyOf(usagePoints.keySet());
  }

  /** Returns each usage point id with its profile, in consent order. */
  public Map<String, MeterProfile> usagePoints() {
    return usagePoints;
  }

  private static Map<String, MeterProfile> points(Object... idsAndProfiles) {
    Map<String, MeterProfile> points = new LinkedHashMap<>();
    for (int i = 0; i < idsAndProfiles.length; i += 2) {
      points.put((String) idsAndProfiles[i], (MeterProfile) idsAndProfiles[i + 1]);
    }
    return Collections.unmodifiableMap(points);
  }
}
