package io.github.linkyj.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates realistic metering data for any usage point and date range, deterministically from a
 * seed: the same seed, usage point and day always give the same values, whatever range a request
 * covers.
 *
 * <p>Each interval's energy is a whole number of Wh, and a curve point's value is that energy
 * converted to average power ({@code Wh × 60 / minutes}). The recorded Enedis curves have this
 * property (every PT30M value is even, every PT15M value a multiple of 4), and it makes the daily
 * value equal to the exact sum of the day's curve energy.
 */
final class GeneratedData {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private static final double YEAR_DAYS = 365.25;

  private final long seed;

  GeneratedData(long seed) {
    this.seed = seed;
  }

  /** One interval of a day's curve: its end instant, its length in minutes and its energy. */
  record Interval(Instant end, int minutes, long energyWh) {
    long averageWatts() {
      return energyWh * 60 / minutes;
    }

    String endLabel() {
      return STAMP.format(end.atZone(PARIS));
    }
  }

  /** Returns the readings of [start, end) for one kind, skipping the profile's hole days. */
  List<Reading> readings(
      String usagePointId,
      MeterProfile profile,
      MeteringKind kind,
      LocalDate start,
      LocalDate end) {
    List<Reading> readings = new ArrayList<>();
    for (LocalDate day = start; day.isBefore(end); day = day.plusDays(1)) {
      if (!profile.holeDays().contains(day.getDayOfWeek())) {
        addDay(readings, usagePointId, profile, kind, day);
      }
    }
    return readings;
  }

  private void addDay(
      List<Reading> readings,
      String usagePointId,
      MeterProfile profile,
      MeteringKind kind,
      LocalDate day) {
    List<Interval> curve = dayCurve(usagePointId, profile, kind.isProduction(), day);
    switch (kind) {
      case CONSUMPTION_LOAD_CURVE, PRODUCTION_LOAD_CURVE -> {
        String length = Duration.ofMinutes(curve.get(0).minutes()).toString();
        for (Interval interval : curve) {
          readings.add(Reading.curve(interval.averageWatts(), interval.endLabel(), length));
        }
      }
      case DAILY_CONSUMPTION, DAILY_PRODUCTION ->
          readings.add(Reading.daily(dayTotal(curve), day.toString()));
      case DAILY_CONSUMPTION_MAX_POWER -> readings.add(maxPower(usagePointId, day, curve));
    }
  }

  /** Returns the sum of the day's interval energies in Wh. */
  static long dayTotal(List<Interval> curve) {
    long total = 0;
    for (Interval interval : curve) {
      total += interval.energyWh();
    }
    return total;
  }

  /**
   * Returns the day's intervals in one direction, from local midnight to the next: 46, 48 or 50
   * half-hours depending on daylight saving time.
   */
  List<Interval> dayCurve(
      String usagePointId, MeterProfile profile, boolean production, LocalDate day) {
    long meterKey = meterKey(usagePointId);
    int minutes = (int) profile.step().toMinutes();
    Instant dayEnd = day.plusDays(1).atStartOfDay(PARIS).toInstant();
    List<Interval> curve = new ArrayList<>();
    for (Instant start = day.atStartOfDay(PARIS).toInstant();
        start.isBefore(dayEnd);
        start = start.plusSeconds(minutes * 60L)) {
      Instant middle = start.plusSeconds(minutes * 30L);
      double watts = netWatts(meterKey, profile, production, middle, day);
      long energy = Math.max(0, Math.round(watts * minutes / 60.0));
      curve.add(new Interval(start.plusSeconds(minutes * 60L), minutes, energy));
    }
    return curve;
  }

  private double netWatts(
      long meterKey, MeterProfile profile, boolean production, Instant at, LocalDate day) {
    if (profile.isSelfConsumption()) {
      double balance = householdWatts(meterKey, at, day) - solarWatts(meterKey, at, day);
      return production ? -balance : balance;
    }
    return production ? solarWatts(meterKey, at, day) : householdWatts(meterKey, at, day);
  }

  /**
   * Returns a household's average power: a base load, electric heating in winter, a water heater on
   * the night off-peak hours, and morning, lunch and evening peaks.
   */
  private double householdWatts(long meterKey, Instant at, LocalDate day) {
    ZonedDateTime local = at.atZone(PARIS);
    double hour = local.getHour() + local.getMinute() / 60.0;
    double winter = Math.max(0, Math.cos(2 * Math.PI * (day.getDayOfYear() - 15) / YEAR_DAYS));
    long dayKey = mix(meterKey ^ mix(day.toEpochDay()));
    boolean weekend = day.getDayOfWeek().getValue() >= 6;

    double base = 180 + 120 * unit(dayKey, 1);
    double heating = winter * (1000 + 1500 * unit(dayKey, 2)) * (hour >= 6 && hour < 23 ? 1 : 0.6);
    double heaterStart = 0.5 + 1.5 * unit(dayKey, 3);
    double heaterHours = (1 + 2.5 * unit(dayKey, 4)) * (0.6 + 0.4 * winter);
    double heater = hour >= heaterStart && hour < heaterStart + heaterHours ? 2400 : 0;
    double morning = bump(hour, 7.4, 0.7) * (500 + 900 * unit(dayKey, 5));
    double lunch = bump(hour, 12.6, 0.6) * (weekend ? 900 : 300) * unit(dayKey, 6);
    double evening = bump(hour, 19.8, 1.4) * (900 + 1300 * unit(dayKey, 7)) * (1 + 0.4 * winter);
    double noise = 0.85 + 0.3 * unit(mix(meterKey ^ at.getEpochSecond()), 8);
    return (base + heating + heater + morning + lunch + evening) * noise;
  }

  /**
   * Returns solar panels' average power: a bell centred on solar noon in France (about 11:50 UTC),
   * as wide as the season's daylight, lowered by the day's clouds.
   */
  private double solarWatts(long meterKey, Instant at, LocalDate day) {
    ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
    double hourUtc = utc.getHour() + utc.getMinute() / 60.0;
    double season = Math.sin(2 * Math.PI * (day.getDayOfYear() - 80) / YEAR_DAYS);
    double daylightHours = 12 + 4 * season;
    double x = (hourUtc - 11.83) / (daylightHours / 2);
    if (Math.abs(x) >= 1) {
      return 0;
    }
    long dayKey = mix(meterKey ^ mix(day.toEpochDay() * 31));
    double capacity = 2500 + 2000 * unit(meterKey, 9);
    double clouds = 0.25 + 0.75 * unit(dayKey, 10);
    double shape = Math.pow(Math.cos(Math.PI * x / 2), 2);
    double noise = 0.9 + 0.2 * unit(mix(meterKey ^ at.getEpochSecond()), 11);
    return capacity * (0.6 + 0.4 * season) * clouds * shape * noise;
  }

  /**
   * Returns the day's maximum apparent power in VA, above the highest interval average, at an
   * instant inside that interval.
   */
  private Reading maxPower(String usagePointId, LocalDate day, List<Interval> curve) {
    Interval highest = curve.get(0);
    for (Interval interval : curve) {
      if (interval.energyWh() * highest.minutes() > highest.energyWh() * interval.minutes()) {
        highest = interval;
      }
    }
    long dayKey = mix(meterKey(usagePointId) ^ mix(day.toEpochDay() * 17));
    long voltAmperes = Math.round(highest.averageWatts() * (1.15 + 0.5 * unit(dayKey, 12))) + 100;
    long secondsBack = 1 + (long) (unit(dayKey, 13) * (highest.minutes() * 60 - 2));
    String date = STAMP.format(highest.end().minusSeconds(secondsBack).atZone(PARIS));
    return Reading.daily(voltAmperes, date);
  }

  private long meterKey(String usagePointId) {
    long key = mix(seed);
    for (int i = 0; i < usagePointId.length(); i++) {
      key = mix(key + usagePointId.charAt(i));
    }
    return key;
  }

  private static double bump(double hour, double centre, double width) {
    double x = (hour - centre) / width;
    return Math.exp(-x * x);
  }

  /** Returns a number in [0, 1) drawn from a key and a salt that names its use. */
  private static double unit(long key, int salt) {
    return (mix(key + salt * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
  }

  /** Scrambles a 64-bit value (the SplitMix64 finalizer). */
  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
