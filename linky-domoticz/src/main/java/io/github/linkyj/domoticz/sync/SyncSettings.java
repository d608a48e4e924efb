package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import io.github.linkyj.offpeak.OffPeakParseException;
import io.github.linkyj.offpeak.OffPeakSchedule;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the sync, with the meaning of the DomoticzLinky plugin's parameters.
 *
 * <p>Build it with {@link #builder()} or read the plugin's own parameter strings with {@link
 * #fromPluginParameters}. Every value is checked when it is set, and a rejected value raises an
 * {@link IllegalArgumentException} that names the value and the accepted range. This class is
 * immutable and thread-safe.
 */
public final class SyncSettings {
  /** Most days of hourly short-log points a sync writes. */
  public static final int MAX_HOURLY_VIEW_DAYS = 7;

  /** Minimum days of history for the day, week, month and year views. */
  public static final int MIN_OTHER_VIEW_DAYS = 2;

  /** Most days of history the load curve can serve (Enedis keeps 24 months of curve). */
  public static final int MAX_OTHER_VIEW_DAYS_FROM_CURVE = 730;

  /** Most days of history when the daily endpoint serves the days older than the curve. */
  public static final int MAX_OTHER_VIEW_DAYS_FROM_DAILY = 1095;

  /** Default Domoticz hardware name. */
  public static final String DEFAULT_HARDWARE_NAME = "Linky";

  private final String offPeakSchedule;
  private final boolean offPeakFromContract;
  private final MainFigure mainFigure;
  private final SecondaryFigure secondaryFigure;
  private final int hourlyViewDays;
  private final int otherViewDays;
  private final boolean dailyEndpointForOlderDays;
  private final DebugLevel debugLevel;
  private final Language language;
  private final String hardwareName;

  private SyncSettings(Builder builder) {
    this.offPeakSchedule = builder.offPeakSchedule;
    this.offPeakFromContract = builder.offPeakFromContract;
    this.mainFigure = builder.mainFigure;
    this.secondaryFigure = builder.secondaryFigure;
    this.hourlyViewDays = builder.hourlyViewDays;
    this.otherViewDays = builder.otherViewDays;
    this.dailyEndpointForOlderDays = builder.dailyEndpointForOlderDays;
    this.debugLevel = builder.debugLevel;
    this.language = builder.language;
    this.hardwareName = builder.hardwareName;
  }

  /** Returns a builder with the plugin's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the settings with the plugin's defaults. */
  public static SyncSettings defaults() {
    return builder().build();
  }

  /**
   * Reads the plugin's parameter strings: {@code Mode1} hourly-view days, {@code Mode2} other-view
   * days, {@code Mode3} debug level, {@code Mode4} off-peak schedule, {@code Mode5} main figure and
   * {@code Mode6} secondary figure. A missing or blank parameter keeps the plugin's default. Unlike
   * the plugin, an out-of-range number is rejected instead of clamped.
   *
   * @throws IllegalArgumentException naming the parameter, its value and the accepted range
   */
  public static SyncSettings fromPluginParameters(Map<String, String> parameters) {
    requireNonNull(parameters, "parameters");
    Builder builder = builder();
    String hourly = blankToNull(parameters.get("Mode1"));
    if (hourly != null) {
      builder.hourlyViewDays(parseDays("Mode1", hourly));
    }
    String other = blankToNull(parameters.get("Mode2"));
    if (other != null) {
      builder.otherViewDays(parseDays("Mode2", other));
    }
    String debug = blankToNull(parameters.get("Mode3"));
    if (debug != null) {
      builder.debugLevel(DebugLevel.parsePluginValue(debug));
    }
    String offPeak = parameters.get("Mode4");
    if (offPeak != null) {
      builder.offPeakSchedule(offPeak.trim());
    }
    String main = blankToNull(parameters.get("Mode5"));
    if (main != null) {
      builder.mainFigure(MainFigure.parse(main));
    }
    String secondary = blankToNull(parameters.get("Mode6"));
    if (secondary != null) {
      builder.secondaryFigure(SecondaryFigure.parse(secondary));
    }
    return builder.build();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static int parseDays(String parameter, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid " + parameter + " '" + value + "': expected a whole number of days", e);
    }
  }

  /** Returns the off-peak schedule text in the linky-offpeak syntax; empty means disabled. */
  public String offPeakSchedule() {
    return offPeakSchedule;
  }

  /** Returns whether the off-peak hours come from the usage point's contract. */
  public boolean offPeakFromContract() {
    return offPeakFromContract;
  }

  /** Returns the main dashboard figure (daily maximum power). */
  public MainFigure mainFigure() {
    return mainFigure;
  }

  /** Returns the secondary dashboard figure (energy registers). */
  public SecondaryFigure secondaryFigure() {
    return secondaryFigure;
  }

  /** Returns the days of hourly short-log points to write, 0 to 7; 0 writes none. */
  public int hourlyViewDays() {
    return hourlyViewDays;
  }

  /** Returns the days of history for the day, week, month and year views. */
  public int otherViewDays() {
    return otherViewDays;
  }

  /** Returns whether the daily endpoint serves the days older than the load-curve history. */
  public boolean dailyEndpointForOlderDays() {
    return dailyEndpointForOlderDays;
  }

  /** Returns the debug level. */
  public DebugLevel debugLevel() {
    return debugLevel;
  }

  /** Returns the language of the user messages. */
  public Language language() {
    return language;
  }

  /** Returns the Domoticz hardware name. */
  public String hardwareName() {
    return hardwareName;
  }

  /** Returns a builder that starts from these settings. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.offPeakSchedule = offPeakSchedule;
    builder.offPeakFromContract = offPeakFromContract;
    builder.mainFigure = mainFigure;
    builder.secondaryFigure = secondaryFigure;
    builder.hourlyViewDays = hourlyViewDays;
    builder.otherViewDays = otherViewDays;
    builder.dailyEndpointForOlderDays = dailyEndpointForOlderDays;
    builder.debugLevel = debugLevel;
    builder.language = language;
    builder.hardwareName = hardwareName;
    return builder;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SyncSettings that
        && offPeakSchedule.equals(that.offPeakSchedule)
        && offPeakFromContract == that.offPeakFromContract
        && mainFigure.equals(that.mainFigure)
        && secondaryFigure.equals(that.secondaryFigure)
        && hourlyViewDays == that.hourlyViewDays
        && otherViewDays == that.otherViewDays
        && dailyEndpointForOlderDays == that.dailyEndpointForOlderDays
        && debugLevel.equals(that.debugLevel)
        && language == that.language
        && hardwareName.equals(that.hardwareName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        offPeakSchedule,
        offPeakFromContract,
        mainFigure,
        secondaryFigure,
        hourlyViewDays,
        otherViewDays,
        dailyEndpointForOlderDays,
        debugLevel,
        language,
        hardwareName);
  }

  @Override
  public String toString() {
    return "SyncSettings{offPeak="
        + (offPeakFromContract ? "from contract" : "'" + offPeakSchedule + "'")
        + ", main="
        + mainFigure
        + ", secondary="
        + secondaryFigure
        + ", hourlyViewDays="
        + hourlyViewDays
        + ", otherViewDays="
        + otherViewDays
        + (dailyEndpointForOlderDays ? " (daily endpoint for older days)" : "")
        + ", debug="
        + debugLevel
        + ", language="
        + language
        + ", hardware='"
        + hardwareName
        + "'}";
  }

  /** Builder of {@link SyncSettings}; each setter checks its value. */
  public static final class Builder {
    private String offPeakSchedule = "";
    private boolean offPeakFromContract;
    private MainFigure mainFigure = MainFigure.DEFAULT;
    private SecondaryFigure secondaryFigure = SecondaryFigure.DEFAULT;
    private int hourlyViewDays = 7;
    private int otherViewDays = 7;
    private boolean dailyEndpointForOlderDays;
    private DebugLevel debugLevel = DebugLevel.OFF;
    private Language language = Language.ENGLISH;
    private String hardwareName = DEFAULT_HARDWARE_NAME;

    private Builder() {}

    /**
     * Sets the off-peak schedule text in the linky-offpeak syntax; an empty text disables off-peak
     * hours.
     *
     * @throws OffPeakParseException if the text is not a valid schedule, naming the index and the
     *     token that could not be read and what is accepted there
     */
    public Builder offPeakSchedule(String schedule) {
      String trimmed = requireNonNull(schedule, "schedule").trim();
      OffPeakSchedule.parse(trimmed);
      this.offPeakSchedule = trimmed;
      return this;
    }

    /** Sets whether the off-peak hours come from the contract instead of the schedule text. */
    public Builder offPeakFromContract(boolean fromContract) {
      this.offPeakFromContract = fromContract;
      return this;
    }

    /** Sets the main dashboard figure. */
    public Builder mainFigure(MainFigure figure) {
      this.mainFigure = requireNonNull(figure, "figure");
      return this;
    }

    /** Sets the secondary dashboard figure. */
    public Builder secondaryFigure(SecondaryFigure figure) {
      this.secondaryFigure = requireNonNull(figure, "figure");
      return this;
    }

    /**
     * Sets the days of hourly short-log points, 0 to 7.
     *
     * @throws IllegalArgumentException if out of range
     */
    public Builder hourlyViewDays(int days) {
      if (days < 0 || days > MAX_HOURLY_VIEW_DAYS) {
        throw new IllegalArgumentException(
            "Invalid hourly-view days " + days + ": expected 0 to " + MAX_HOURLY_VIEW_DAYS);
      }
      this.hourlyViewDays = days;
      return this;
    }

    /**
     * Sets the days of history for the other views: 2 to 730, or 2 to 1095 when the daily endpoint
     * serves the older days. The upper bound is checked by {@link #build}.
     *
     * @throws IllegalArgumentException if below 2 or above 1095
     */
    public Builder otherViewDays(int days) {
      if (days < MIN_OTHER_VIEW_DAYS || days > MAX_OTHER_VIEW_DAYS_FROM_DAILY) {
        throw new IllegalArgumentException(
            "Invalid other-view days "
                + days
                + ": expected "
                + MIN_OTHER_VIEW_DAYS
                + " to "
                + MAX_OTHER_VIEW_DAYS_FROM_CURVE
                + ", or up to "
                + MAX_OTHER_VIEW_DAYS_FROM_DAILY
                + " with the daily endpoint for older days");
      }
      this.otherViewDays = days;
      return this;
    }

    /** Sets whether the daily endpoint serves the days older than the load-curve history. */
    public Builder dailyEndpointForOlderDays(boolean enabled) {
      this.dailyEndpointForOlderDays = enabled;
      return this;
    }

    /** Sets the debug level. */
    public Builder debugLevel(DebugLevel level) {
      this.debugLevel = requireNonNull(level, "level");
      return this;
    }

    /** Sets the language of the user messages. */
    public Builder language(Language language) {
      this.language = requireNonNull(language, "language");
      return this;
    }

    /**
     * Sets the Domoticz hardware name.
     *
     * @throws IllegalArgumentException if blank, longer than 100 characters or with control
     *     characters
     */
    public Builder hardwareName(String name) {
      requireNonNull(name, "name");
      String trimmed = name.trim();
      if (trimmed.isEmpty() || trimmed.length() > 100 || trimmed.chars().anyMatch(c -> c < 0x20)) {
        throw new IllegalArgumentException(
            "Invalid hardware name '"
                + name
                + "': expected 1 to 100 printable characters, such as "
                + DEFAULT_HARDWARE_NAME);
      }
      this.hardwareName = trimmed;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @throws IllegalArgumentException if the other-view days exceed 730 without the daily
     *     endpoint, or if both a schedule text and "from contract" are set
     */
    public SyncSettings build() {
      if (otherViewDays > MAX_OTHER_VIEW_DAYS_FROM_CURVE && !dailyEndpointForOlderDays) {
        throw new IllegalArgumentException(
            "Invalid other-view days "
                + otherViewDays
                + ": the load curve serves at most "
                + MAX_OTHER_VIEW_DAYS_FROM_CURVE
                + " days; lower it or enable the daily endpoint for older days");
      }
      if (offPeakFromContract && !offPeakSchedule.isEmpty()) {
        throw new IllegalArgumentException(
            "Invalid off-peak settings: both the schedule '"
                + offPeakSchedule
                + "' and 'from contract' are set; keep one of them");
      }
      return new SyncSettings(this);
    }
  }
}
