package io.github.linkyj.core.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Enedis Data Connect v5 metering and customer endpoints behind the bearer check: range rules,
 * consent per usage point, direction, and the response bodies.
 */
final class EnedisApi {
  static final String CONTRACTS_PATH = "customers_upc/v5/usage_points/contracts";
  static final String ADDRESSES_PATH = "customers_upa/v5/usage_points/addresses";

  private static final Pattern USAGE_POINT_ID = Pattern.compile("\\d{14}");

  private final Clock clock;
  private final Map<String, MeterProfile> meters;
  private final Set<String> revoked;
  private final GeneratedData generated;
  private final RecordedData recorded;
  private final boolean historyLimits;
  private final LocalTime publicationTime;

  /**
   * Creates the API.
   *
   * @param meters every usage point the application has consent for, with its profile
   * @param revoked usage points whose consent was revoked after start, shared and concurrent
   * @param recorded the recorded responses to serve, or null to serve generated data
   * @param historyLimits whether starts before the history deadline are rejected
   * @param publicationTime the Paris time from which yesterday's data is served, or null to serve
   *     it from midnight
   */
  EnedisApi(
      Clock clock,
      Map<String, MeterProfile> meters,
      Set<String> revoked,
      GeneratedData generated,
      RecordedData recorded,
      boolean historyLimits,
      LocalTime publicationTime) {
    this.clock = clock;
    this.meters = meters;
    this.revoked = revoked;
    this.generated = generated;
    this.recorded = recorded;
    this.historyLimits = historyLimits;
    this.publicationTime = publicationTime;
  }

  /** Returns true if the path, without its leading slash, is one this API serves. */
  static boolean serves(String path) {
    return MeteringKind.fromPath(path).isPresent()
        || path.equals(CONTRACTS_PATH)
        || path.equals(ADDRESSES_PATH);
  }

  /** Serves a GET on a path without its leading slash. */
  ApiResult get(String path, Map<String, String> query) {
    Optional<MeteringKind> kind = MeteringKind.fromPath(path);
    if (kind.isPresent()) {
      return metering(kind.get(), query);
    }
    if (path.equals(CONTRACTS_PATH)) {
      return customer(query, true);
    }
    if (path.equals(ADDRESSES_PATH)) {
      return customer(query, false);
    }
    return ApiResult.error(404, "not_found", "No simulated Enedis resource at /" + path);
  }

  ApiResult metering(MeteringKind kind, Map<String, String> query) {
    String id = query.get("usage_point_id");
    ApiResult invalid = checkUsagePoint(id);
    if (invalid != null) {
      return invalid;
    }
    LocalDate start = parseDate(query.get("start"));
    LocalDate end = parseDate(query.get("end"));
    if (start == null || end == null) {
      return ApiResult.error(
          400,
          "Invalid_request",
          "The start and end parameters are required and must be dates in the format YYYY-MM-DD.");
    }
    ApiResult rejected = checkRange(kind, meters.get(id), start, end);
    if (rejected != null) {
      return rejected;
    }
    List<Reading> readings = readings(id, kind, start, end);
    if (readings.isEmpty()) {
      return noData();
    }
    return ApiResult.ok(meterReading(id, kind, start, end, readings));
  }

  private ApiResult checkUsagePoint(String id) {
    if (id == null || !USAGE_POINT_ID.matcher(id).matches()) {
      return ApiResult.error(
          400, "Invalid_request", "usage_point_id parameter must be 14 digits long.");
    }
    if (!hasConsent(id)) {
      return ApiResult.error(
          403, "ADAM-DC-0008", "No consent can be found for this customer and this usage point.");
    }
    return null;
  }

  /** Returns true if the usage point is known, and its consent was neither revoked nor refused. */
  boolean hasConsent(String id) {
    MeterProfile profile = meters.get(id);
    return profile != null && !profile.isConsentRevoked() && !revoked.contains(id);
  }

  /** Applies the rules in the order Enedis appears to: dates, direction, length, history. */
  private ApiResult checkRange(
      MeteringKind kind, MeterProfile profile, LocalDate start, LocalDate end) {
    LocalDate today = LocalDate.now(clock.withZone(GeneratedData.PARIS));
    ApiResult rejected = checkDates(start, end, today);
    if (rejected == null) {
      rejected = checkMeter(kind, profile, start, end, today);
    }
    return rejected;
  }

  private static ApiResult checkDates(LocalDate start, LocalDate end, LocalDate today) {
    if (!start.isBefore(end)) {
      return ApiResult.error(400, "Invalid_request", "Start date should be before end date.");
    }
    // NOTE: Enedis may compare the end with the UTC date rather than the Paris date; reports of
    // this error just after midnight suggest so. The simulator uses the Paris date.
    if (end.isAfter(today)) {
      return ApiResult.error(
          400, "Invalid_request", "The end date parameter must be earlier than the current date.");
    }
    return null;
  }

  private ApiResult checkMeter(
      MeteringKind kind, MeterProfile profile, LocalDate start, LocalDate end, LocalDate today) {
    boolean rightDirection =
        kind.isProduction() ? profile.measuresProduction() : profile.measuresConsumption();
    if (!rightDirection) {
      return ApiResult.error(
          400, "ADAM-ERR0069", "Le sens de la mesure ne correspond pas pour le PRM demandé");
    }
    if (ChronoUnit.DAYS.between(start, end) > kind.maxDays()) {
      return tooLong(kind);
    }
    LocalDate deadline = today.minusMonths(kind.historyMonths()).minusDays(15);
    if (historyLimits && start.isBefore(deadline)) {
      return ApiResult.error(
          400, "ADAM-ERR0125", "The start date must be greater than the history deadline.");
    }
    Optional<LocalDate> activation = profile.activationDate();
    if (activation.isPresent() && start.isBefore(activation.get())) {
      return ApiResult.error(
          400,
          "ADAM-ERR0123",
          "The requested period cannot be anterior to the meter's last activation date");
    }
    if (kind.isLoadCurve() && !profile.hasLoadCurve()) {
      return noData();
    }
    return null;
  }

  private static ApiResult tooLong(MeteringKind kind) {
    if (kind.isLoadCurve()) {
      return ApiResult.error(
          400,
          "ADAM-ERR0126",
          "The requested period must be less than 7 days for an access to the load curve.");
    }
    // NOTE: no recorded Enedis response for a daily range over 365 days; the code and text are the
    // simulator's own.
    return ApiResult.error(
        400, "Invalid_request", "The requested period must be less than 365 days.");
  }

  private List<Reading> readings(String id, MeteringKind kind, LocalDate start, LocalDate end) {
    LocalDate published = publishedUntil();
    if (end.isAfter(published)) {
      end = published;
    }
    if (!start.isBefore(end)) {
      return List.of();
    }
    if (recorded != null) {
      return recorded.readings(id, kind, start, end);
    }
    return generated.readings(id, meters.get(id), kind, start, end);
  }

  /** Returns the exclusive end of the published days: today, or yesterday before publication. */
  private LocalDate publishedUntil() {
    LocalDateTime now = LocalDateTime.now(clock.withZone(GeneratedData.PARIS));
    boolean yesterdayPublished =
        publicationTime == null || !now.toLocalTime().isBefore(publicationTime);
    return yesterdayPublished ? now.toLocalDate() : now.toLocalDate().minusDays(1);
  }

  static Map<String, Object> meterReading(
      String id, MeteringKind kind, LocalDate start, LocalDate end, List<Reading> readings) {
    List<Object> points = readings.stream().map(Reading::toJson).map(Object.class::cast).toList();
    return Json.object(
        "meter_reading",
        Json.object(
            "usage_point_id",
            id,
            "start",
            start.toString(),
            "end",
            end.toString(),
            "quality",
            "BRUT",
            "reading_type",
            kind.readingType(),
            "interval_reading",
            points));
  }

  private ApiResult customer(Map<String, String> query, boolean contracts) {
    String id = query.get("usage_point_id");
    ApiResult invalid = checkUsagePoint(id);
    if (invalid != null) {
      return invalid;
    }
    // Enedis serves customer data through consumption points only.
    if (!meters.get(id).measuresConsumption()) {
      return noData();
    }
    if (recorded != null) {
      Optional<Map<String, Object>> document =
          contracts ? recorded.contract(id) : recorded.address(id);
      return document.map(ApiResult::ok).orElseGet(EnedisApi::noData);
    }
    return ApiResult.ok(
        contracts ? CustomerDocuments.contract(id, meters.get(id)) : CustomerDocuments.address(id));
  }

  static ApiResult noData() {
    return ApiResult.error(404, "no_data_found", "no measure found for this usage point");
  }

  private static LocalDate parseDate(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
