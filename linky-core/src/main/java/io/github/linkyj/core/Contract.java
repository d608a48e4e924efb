package io.github.linkyj.core;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * The supply contract of a usage point, from the Enedis customers contracts endpoint. The
 * supplier's offer (Base, off-peak, Tempo) is not part of it; only the network tariff and the
 * off-peak hours are.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class Contract {

  /** Returns the 14-digit usage point. */
  public abstract String usagePointId();

  /** Returns the subscribed power in kVA, such as 9 for {@code "9 kVA"}. */
  public abstract OptionalInt subscribedPowerKva();

  /** Returns the network tariff code, such as {@code BTINFCUST} or {@code BTINFMUDT}. */
  public abstract Optional<String> distributionTariff();

  /**
   * Returns the off-peak hours as Enedis writes them, such as {@code "HC (23H30-7H30)"}; absent for
   * contracts without off-peak hours.
   */
  public abstract Optional<String> offpeakHours();

  /** Returns the date the meter was last activated; no data exists before it. */
  public abstract Optional<LocalDate> lastActivationDate();

  /** Returns the date the network tariff last changed. */
  public abstract Optional<LocalDate> lastDistributionTariffChangeDate();

  /** Returns the customer segment, such as {@code C5} for residential consumers. */
  public abstract Optional<String> segment();

  /** Returns the contract status, such as {@code SERVC} (in service). */
  public abstract Optional<String> contractStatus();

  /** Returns the contract type as Enedis writes it. */
  public abstract Optional<String> contractType();

  /** Returns the meter type, {@code AMM} for a Linky meter. */
  public abstract Optional<String> meterType();

  /** Returns the usage point status: {@code com} (communicating) or {@code no_com}. */
  public abstract Optional<String> usagePointStatus();
}
