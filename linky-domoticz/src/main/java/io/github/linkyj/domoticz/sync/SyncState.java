package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * State kept between sync cycles for one Domoticz hardware, identified by the Domoticz base URL and
 * the hardware name. {@link SyncStateStore} keeps it in a JSON file. This class is immutable and
 * thread-safe; every change returns a new instance.
 */
public final class SyncState {
  private final String domoticzUrl;
  private final String hardwareName;
  private final Map<String, UsagePointState> usagePoints;
  private final Instant lastSuccessfulRun;
  private final LocalDate nextCompleteHistory;
  private final HistoryShape historyShape;
  private final int consecutiveFailures;
  private final DebugLevel appliedReset;
  private final ShortLogWarning shortLogWarning;

  /**
   * Settings that shape the fetched history. When a value is larger than the stored one, the
   * setting grew, so the long history is fetched again.
   */
  public record HistoryShape(int otherViewDays, int hourlyViewDays, boolean dailyEndpoint) {
    /** Returns the shape of {@code settings}. */
    public static HistoryShape of(SyncSettings settings) {
      return new HistoryShape(
          settings.otherViewDays(),
          settings.hourlyViewDays(),
          settings.dailyEndpointForOlderDays());
    }

    /** Returns whether {@code next} requests more days of history than this shape. */
    public boolean grownTo(HistoryShape next) {
      return next.otherViewDays > otherViewDays || (next.dailyEndpoint && !dailyEndpoint);
    }

    /** Returns whether {@code next} requests more days of hourly points than this shape. */
    public boolean hourlyViewGrownTo(HistoryShape next) {
      return next.hourlyViewDays > hourlyViewDays;
    }
  }

  /**
   * Short-log retention that a warning was already given about: Domoticz kept {@code shortLogDays}
   * days of short log while the hourly view asked for {@code hourlyViewDays}.
   */
  public record ShortLogWarning(int shortLogDays, int hourlyViewDays) {}

  SyncState(
      String domoticzUrl,
      String hardwareName,
      Map<String, UsagePointState> usagePoints,
      Instant lastSuccessfulRun,
      LocalDate nextCompleteHistory,
      HistoryShape historyShape,
      int consecutiveFailures,
      DebugLevel appliedReset,
      ShortLogWarning shortLogWarning) {
    this.domoticzUrl = requireNonNull(domoticzUrl, "domoticzUrl");
    this.hardwareName = requireNonNull(hardwareName, "hardwareName");
    this.usagePoints = Collections.unmodifiableMap(new LinkedHashMap<>(usagePoints));
    this.lastSuccessfulRun = lastSuccessfulRun;
    this.nextCompleteHistory = nextCompleteHistory;
    this.historyShape = historyShape;
    this.consecutiveFailures = consecutiveFailures;
    this.appliedReset = appliedReset;
    this.shortLogWarning = shortLogWarning;
  }

  /** Returns the state of a hardware never synced. */
  public static SyncState empty(String domoticzUrl, String hardwareName) {
    return new SyncState(domoticzUrl, hardwareName, Map.of(), null, null, null, 0, null, null);
  }

  /** Returns the Domoticz base URL. */
  public String domoticzUrl() {
    return domoticzUrl;
  }

  /** Returns the Domoticz hardware name. */
  public String hardwareName() {
    return hardwareName;
  }

  /** Returns the usage points by id, in the order they were added. */
  public Map<String, UsagePointState> usagePoints() {
    return usagePoints;
  }

  /** Returns the state of {@code usagePointId}, empty if it was never synced. */
  public UsagePointState usagePoint(String usagePointId) {
    UsagePointState state = usagePoints.get(usagePointId);
    return state != null ? state : UsagePointState.empty(usagePointId);
  }

  /** Returns the end of the last successful cycle. */
  public Optional<Instant> lastSuccessfulRun() {
    return Optional.ofNullable(lastSuccessfulRun);
  }

  /** Returns the date from which the next cycle fetches the complete history. */
  public Optional<LocalDate> nextCompleteHistory() {
    return Optional.ofNullable(nextCompleteHistory);
  }

  /** Returns the history settings of the last successful cycle. */
  public Optional<HistoryShape> historyShape() {
    return Optional.ofNullable(historyShape);
  }

  /** Returns how many cycles in a row have failed. */
  public int consecutiveFailures() {
    return consecutiveFailures;
  }

  /** Returns a copy with {@code state} stored under its usage point id. */
  public SyncState with(UsagePointState state) {
    Map<String, UsagePointState> copy = new LinkedHashMap<>(usagePoints);
    copy.put(state.usagePointId(), state);
    return new SyncState(
        domoticzUrl,
        hardwareName,
        copy,
        lastSuccessfulRun,
        nextCompleteHistory,
        historyShape,
        consecutiveFailures,
        appliedReset,
        shortLogWarning);
  }

  /**
   * Returns a copy after a successful cycle: the failures are reset, the history shape is stored,
   * and after a complete-history fetch the next one is set and its progress cleared.
   */
  public SyncState withSuccess(
      Instant end, HistoryShape shape, boolean completeHistory, LocalDate nextComplete) {
    Map<String, UsagePointState> copy = new LinkedHashMap<>(usagePoints);
    if (completeHistory) {
      copy.replaceAll((id, state) -> state.withRefreshCleared());
    }
    return new SyncState(
        domoticzUrl,
        hardwareName,
        copy,
        requireNonNull(end, "end"),
        completeHistory ? nextComplete : nextCompleteHistory,
        requireNonNull(shape, "shape"),
        0,
        appliedReset,
        shortLogWarning);
  }

  /** Returns a copy after a failed cycle; the complete-history progress is kept. */
  public SyncState withFailure() {
    return new SyncState(
        domoticzUrl,
        hardwareName,
        usagePoints,
        lastSuccessfulRun,
        nextCompleteHistory,
        historyShape,
        consecutiveFailures + 1,
        appliedReset,
        shortLogWarning);
  }

  /** Returns the reset level last applied, if a reset level is still selected. */
  public Optional<DebugLevel> appliedReset() {
    return Optional.ofNullable(appliedReset);
  }

  /**
   * Returns whether {@code level} is a reset not applied yet. A reset level stays selected until
   * the user changes it, so it applies once, not at every start.
   */
  public boolean isResetDue(DebugLevel level) {
    return level.isReset() && !level.equals(appliedReset);
  }

  /**
   * Returns a copy that records the reset {@code level} as applied. When {@code level} is not a
   * reset, the copy clears the applied reset, so selecting a reset again applies it again.
   */
  public SyncState withDebugLevel(DebugLevel level) {
    return new SyncState(
        domoticzUrl,
        hardwareName,
        usagePoints,
        lastSuccessfulRun,
        nextCompleteHistory,
        historyShape,
        consecutiveFailures,
        level.isReset() ? level : null,
        shortLogWarning);
  }

  /** Returns the short-log retention that a warning was last given about, if any. */
  public Optional<ShortLogWarning> shortLogWarning() {
    return Optional.ofNullable(shortLogWarning);
  }

  /**
   * Returns a copy that records {@code warning} as given. A {@code null} warning clears the record,
   * so the same retention gets a new warning when it comes back.
   */
  public SyncState withShortLogWarning(ShortLogWarning warning) {
    return new SyncState(
        domoticzUrl,
        hardwareName,
        usagePoints,
        lastSuccessfulRun,
        nextCompleteHistory,
        historyShape,
        consecutiveFailures,
        appliedReset,
        warning);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SyncState that
        && domoticzUrl.equals(that.domoticzUrl)
        && hardwareName.equals(that.hardwareName)
        && usagePoints.equals(that.usagePoints)
        && Objects.equals(lastSuccessfulRun, that.lastSuccessfulRun)
        && Objects.equals(nextCompleteHistory, that.nextCompleteHistory)
        && Objects.equals(historyShape, that.historyShape)
        && consecutiveFailures == that.consecutiveFailures
        && Objects.equals(appliedReset, that.appliedReset)
        && Objects.equals(shortLogWarning, that.shortLogWarning);
  }

  @Override
  public int hashCode() {
    return Objects.hash(domoticzUrl, hardwareName, usagePoints, lastSuccessfulRun);
  }

  @Override
  public String toString() {
    return "SyncState{"
        + domoticzUrl
        + " "
        + hardwareName
        + ", usagePoints="
        + usagePoints.values()
        + ", lastSuccessfulRun="
        + lastSuccessfulRun
        + ", nextCompleteHistory="
        + nextCompleteHistory
        + ", failures="
        + consecutiveFailures
        + "}";
  }
}
