package io.github.linkyj.core;

/**
 * The request rates a {@link LinkyClient} keeps to: at most {@link #perSecond()} requests in any
 * second, by waiting, and at most {@link #perHour()} in any hour, by failing with {@link
 * QuotaExceededException} until the oldest request of the hour is an hour old.
 *
 * <p>Enedis allows 5 requests per second (quota Q3) and 10,000 per hour (quota Q4) per application,
 * shared by every user of a gateway, so a client behind a shared gateway should use a smaller
 * hourly budget. Immutable and thread-safe.
 */
public final class RateLimits {
  private static final RateLimits DEFAULTS = new RateLimits(5, 10_000);

  private final int perSecond;
  private final int perHour;

  private RateLimits(int perSecond, int perHour) {
    this.perSecond = perSecond;
    this.perHour = perHour;
  }

  /** Returns the Enedis limits: 5 requests per second and 10,000 per hour. */
  public static RateLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Returns limits of {@code perSecond} requests per second and {@code perHour} per hour.
   *
   * @throws IllegalArgumentException if a limit is below 1 or the hourly one is below the other
   */
  public static RateLimits of(int perSecond, int perHour) {
    if (perSecond < 1 || perHour < perSecond) {
      throw new IllegalArgumentException(
          "Rate limits must satisfy 1 <= perSecond <= perHour, got perSecond="
              + perSecond
              + ", perHour="
              + perHour);
    }
    return new RateLimits(perSecond, perHour);
  }

  /** Returns the maximum number of requests in any one second. */
  public int perSecond() {
    return perSecond;
  }

  /** Returns the maximum number of requests in any one hour. */
  public int perHour() {
    return perHour;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RateLimits that
        && perSecond == that.perSecond
        && perHour == that.perHour;
  }

  @Override
  public int hashCode() {
    return 31 * perSecond + perHour;
  }

  @Override
  public String toString() {
    return "RateLimits{perSecond=" + perSecond + ", perHour=" + perHour + "}";
  }
}
