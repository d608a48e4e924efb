package io.github.linkyj.core.testing;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Describes how one simulated usage point behaves: which directions it measures, its load-curve
 * step, its activation date, the weekdays it has no data for and whether its consent was revoked.
 *
 * <p>Start from {@link #consumption()}, {@link #production()} or {@link #selfConsumption()} and
 * refine with the {@code with...} methods, each of which returns a new profile:
 *
 * <pre>{@code
 * MeterProfile quarterHour = MeterProfile.consumption().withStep(Duration.ofMinutes(15));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MeterProfile {
  private static final Set<Duration> STEPS =
      Set.of(
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofMinutes(60));

  private final boolean consumption;
  private final boolean production;
  private final boolean selfConsumption;
  private final boolean loadCurve;
  private final Duration step;
  private final LocalDate activationDate;
  private final Set<DayOfWeek> holeDays;
  private final boolean consentRevoked;
  private final int subscribedPowerKva;
  private final String offpeakHours;

  private MeterProfile(
      boolean consumption,
      boolean production,
      boolean selfConsumption,
      boolean loadCurve,
      Duration step,
      LocalDate activationDate,
      Set<DayOfWeek> holeDays,
      boolean consentRevoked,
      int subscribedPowerKva,
      String offpeakHours) {
    this.consumption = consumption;
    this.production = production;
    this.selfConsumption = selfConsumption;
    this.loadCurve = loadCurve;
    this.step = step;
    this.activationDate = activationDate;
    this.holeDays = holeDays;
    this.consentRevoked = consentRevoked;
    this.subscribedPowerKva = subscribedPowerKva;
    this.offpeakHours = offpeakHours;
  }

  /** Returns a household consumption point with a 30-minute load curve. */
  public static MeterProfile consumption() {
    return new MeterProfile(
        true,
        false,
        false,
        true,
        Duration.ofMinutes(30),
        null,
        Set.of(),
        false,
        9,
        "HC (23H30-7H30)");
  }

  /** Returns a production-only point (solar panels) with a 30-minute load curve. */
  public static MeterProfile production() {
    return new MeterProfile(
        false, true, false, true, Duration.ofMinutes(30), null, Set.of(), false, 6, null);
  }

  /**
   * Returns a self-consumption point: both directions are measured, and each interval reports the
   * net flow in one direction and zero in the other.
   */
  public static MeterProfile selfConsumption() {
    return new MeterProfile(
        true,
        true,
        true,
        true,
        Duration.ofMinutes(30),
        null,
        Set.of(),
        false,
        9,
        "HC (23H30-7H30)");
  }

  /**
   * Returns a copy whose load curve has the given step: 5, 10, 15, 30 or 60 minutes.
   *
   * @throws IllegalArgumentException for any other step
   */
  public MeterProfile withStep(Duration step) {
    requireNonNull(step, "step");
    if (!STEPS.contains(step)) {
      throw new IllegalArgumentException(
          "Invalid load-curve step " + step + ": use PT5M, PT10M, PT15M, PT30M or PT60M");
    }
    return new MeterProfile(
        consumption,
        production,
        selfConsumption,
        loadCurve,
        step,
        activationDate,
        holeDays,
        consentRevoked,
        subscribedPowerKva,
        offpeakHours);
  }

  /**
   * Returns a copy whose meter was last activated on the given date: earlier starts are rejected
   * with {@code ADAM-ERR0123}.
   */
  public MeterProfile withActivationDate(LocalDate date) {
    requireNonNull(date, "date");
    return new MeterProfile(
        consumption,
        production,
        selfConsumption,
        loadCurve,
        step,
        date,
        holeDays,
        consentRevoked,
        subscribedPowerKva,
        offpeakHours);
  }

  /** Returns a copy with load-curve collection disabled: curve calls return no_data_found. */
  public MeterProfile withoutLoadCurve() {
    return new MeterProfile(
        consumption,
        production,
        selfConsumption,
        false,
        step,
        activationDate,
        holeDays,
        consentRevoked,
        subscribedPowerKva,
        offpeakHours);
  }

  /** Returns a copy that has no data at all (daily, curve, max power) on the given weekdays. */
  public MeterProfile withHolesOn(DayOfWeek... days) {
    Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek day : days) {
      set.add(requireNonNull(day, "day"));
    }
    return new MeterProfile(
        consumption,
        production,
        selfConsumption,
        loadCurve,
        step,
        activationDate,
        Collections.unmodifiableSet(set),
        consentRevoked,
        subscribedPowerKva,
        offpeakHours);
  }

  /** Returns a copy whose consent was revoked: every data call returns 403 ADAM-DC-0008. */
  public MeterProfile withConsentRevoked() {
    return new MeterProfile(
        consumption,
        production,
        selfConsumption,
        loadCurve,
        step,
        activationDate,
        holeDays,
        true,
        subscribedPowerKva,
        offpeakHours);
  }

  /**
   * Returns a copy whose contract has the given subscribed power and off-peak text.
   *
   * @param subscribedPowerKva the subscribed power in kVA, 3 to 36
   * @param offpeakHours the contract's {@code offpeak_hours} text such as {@code HC (22H00-6H00)},
   *     or null for a contract without off-peak hours
   */
  public MeterProfile withContract(int subscribedPowerKva, String offpeakHours) {
    if (subscribedPowerKva < 3 || subscribedPowerKva > 36) {
      throw new IllegalArgumentException(
          "Invalid subscribed power " + subscribedPowerKva + " kVA: use 3 to 36 kVA");
    }
    return new MeterProfile(
        consumption,
        production,
        selfConsumption,
        loadCurve,
        step,
        activationDate,
        holeDays,
        consentRevoked,
        subscribedPowerKva,
        offpeakHours);
  }

  /** Returns true if the consumption endpoints serve this point. */
  public boolean measuresConsumption() {
    return consumption;
  }

  /** Returns true if the production endpoints serve this point. */
  public boolean measuresProduction() {
    return production;
  }

  /** Returns true if each interval reports a net flow in only one direction. */
  public boolean isSelfConsumption() {
    return selfConsumption;
  }

  /** Returns true if the load-curve endpoints have data for this point. */
  public boolean hasLoadCurve() {
    return loadCurve;
  }

  /** Returns the load-curve step. */
  public Duration step() {
    return step;
  }

  /** Returns the meter's last activation date, if the profile sets one. */
  public Optional<LocalDate> activationDate() {
    return Optional.ofNullable(activationDate);
  }

  /** Returns the weekdays with no data. */
  public Set<DayOfWeek> holeDays() {
    return holeDays;
  }

  /** Returns true if every data call for this point returns 403 ADAM-DC-0008. */
  public boolean isConsentRevoked() {
    return consentRevoked;
  }

  /** Returns the subscribed power in kVA. */
  public int subscribedPowerKva() {
    return subscribedPowerKva;
  }

  /** Returns the contract's {@code offpeak_hours} text, if it has one. */
  public Optional<String> offpeakHours() {
    return Optional.ofNullable(offpeakHours);
  }

  @Override
  public String toString() {
    String direction = "production";
    if (selfConsumption) {
      direction = "self-consumption";
    } else if (consumption) {
      direction = "consumption";
    }
    return "MeterProfile{"
        + direction
        + ", step="
        + step
        + (loadCurve ? "" : ", no load curve")
        + (activationDate == null ? "" : ", activated " + activationDate)
        + (holeDays.isEmpty() ? "" : ", holes on " + holeDays)
        + (consentRevoked ? ", consent revoked" : "")
        + "}";
  }
}
