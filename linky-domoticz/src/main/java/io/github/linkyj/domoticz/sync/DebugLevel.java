package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * Debug setting of the plugin: off, simple, advanced, a one-shot reset of the consent or of the
 * cached sync state, or a simulated Enedis sandbox customer numbered 0 to 9.
 *
 * <p>The plugin's parameter stores it as a number: 0 off, 1 simple, 2 advanced, 3 reset consent, 4
 * reset cache, 10 to 19 sandbox customers 0 to 9. Every level other than off writes the debug log
 * file, and only the advanced level also copies debug lines to the Domoticz log. (The Python plugin
 * also switched the resets and the sandbox to advanced logging without saying so.) A reset is
 * applied once per selection of the level, see {@link SyncState#isResetDue}. This class is
 * immutable and thread-safe.
 */
public final class DebugLevel {
  /** Effect of a level. */
  public enum Kind {
    OFF,
    SIMPLE,
    ADVANCED,
    RESET_CONSENT,
    RESET_CACHE,
    SANDBOX
  }

  public static final DebugLevel OFF = new DebugLevel(Kind.OFF, -1);
  public static final DebugLevel SIMPLE = new DebugLevel(Kind.SIMPLE, -1);
  public static final DebugLevel ADVANCED = new DebugLevel(Kind.ADVANCED, -1);
  public static final DebugLevel RESET_CONSENT = new DebugLevel(Kind.RESET_CONSENT, -1);
  public static final DebugLevel RESET_CACHE = new DebugLevel(Kind.RESET_CACHE, -1);

  private final Kind kind;
  private final int sandboxCustomer;

  private DebugLevel(Kind kind, int sandboxCustomer) {
    this.kind = kind;
    this.sandboxCustomer = sandboxCustomer;
  }

  /**
   * Returns the level that simulates the Enedis sandbox customer {@code customer}.
   *
   * @throws IllegalArgumentException if the customer is not 0 to 9
   */
  public static DebugLevel sandbox(int customer) {
    if (customer < 0 || customer > 9) {
      throw new IllegalArgumentException(
          "Invalid sandbox customer " + customer + ": expected 0 to 9");
    }
    return new DebugLevel(Kind.SANDBOX, customer);
  }

  /**
   * Parses the plugin's numeric form (0, 1, 2, 3, 4, 10 to 19); an empty text is off.
   *
   * @throws IllegalArgumentException naming the text and the accepted values
   */
  public static DebugLevel parsePluginValue(String text) {
    requireNonNull(text, "text");
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return OFF;
    }
    int value;
    try {
      value = Integer.parseInt(trimmed);
    } catch (NumberFormatException e) {
      value = -1;
    }
    switch (value) {
      case 0:
        return OFF;
      case 1:
        return SIMPLE;
      case 2:
        return ADVANCED;
      case 3:
        return RESET_CONSENT;
      case 4:
        return RESET_CACHE;
      default:
        if (value >= 10 && value <= 19) {
          return sandbox(value - 10);
        }
        throw new IllegalArgumentException(
            "Invalid debug level '"
                + text
                + "': expected 0 (off), 1 (simple), 2 (advanced), 3 (reset consent),"
                + " 4 (reset cache) or 10 to 19 (sandbox customer 0 to 9)");
    }
  }

  /** Returns the effect of the level. */
  public Kind kind() {
    return kind;
  }

  /** Returns the sandbox customer 0 to 9, or -1 when the level is not {@link Kind#SANDBOX}. */
  public int sandboxCustomer() {
    return sandboxCustomer;
  }

  /** Returns whether the level writes the timestamped debug log file. */
  public boolean writesLogFile() {
    return kind != Kind.OFF;
  }

  /** Returns whether debug lines also go to the Domoticz log (the advanced level only). */
  public boolean logsToDomoticz() {
    return kind == Kind.ADVANCED;
  }

  /** Returns whether the level is a one-shot reset of the consent or of the sync state. */
  public boolean isReset() {
    return kind == Kind.RESET_CONSENT || kind == Kind.RESET_CACHE;
  }

  /** Returns the plugin's numeric form. */
  public int pluginValue() {
    return kind == Kind.SANDBOX ? 10 + sandboxCustomer : kind.ordinal();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DebugLevel that
        && kind == that.kind
        && sandboxCustomer == that.sandboxCustomer;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, sandboxCustomer);
  }

  @Override
  public String toString() {
    return kind == Kind.SANDBOX ? "SANDBOX " + sandboxCustomer : kind.name();
  }
}
