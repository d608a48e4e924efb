package io.github.linkyj.core;

import java.time.Instant;
import java.util.Optional;

/**
 * Thrown when Enedis or a gateway refuses a request for quota reasons (HTTP 429, quota Q3 or Q4,
 * gateway code {@code 900804}).
 */
public class QuotaExceededException extends LinkyException {
  private static final long serialVersionUID = 1L;

  private final Instant retryAt;

  /**
   * Creates an exception; see {@link LinkyException} for the meaning of the other arguments.
   *
   * @param retryAt the earliest instant a new request may succeed, from the body or the {@code
   *     Retry-After} header, or null when the server did not say
   */
  public QuotaExceededException(
      String message,
      String endpoint,
      int httpStatus,
      String errorCode,
      String usagePointId,
      Instant retryAt,
      Throwable cause) {
    super(message, endpoint, httpStatus, errorCode, usagePointId, cause);
    this.retryAt = retryAt;
  }

  /** Returns the earliest instant a new request may succeed, when the server gave one. */
  public Optional<Instant> retryAt() {
    return Optional.ofNullable(retryAt);
  }
}
