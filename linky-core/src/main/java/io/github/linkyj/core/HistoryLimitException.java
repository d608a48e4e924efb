package io.github.linkyj.core;

/**
 * Thrown when the requested period starts before the oldest date Enedis keeps ({@code
 * ADAM-ERR0125}, {@code ADAM-DC-0016}); a backfill treats it as the oldest edge.
 */
public class HistoryLimitException extends LinkyException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link LinkyException} for the meaning of each argument. */
  public HistoryLimitException(
      String message,
      String endpoint,
      int httpStatus,
      String errorCode,
      String usagePointId,
      Throwable cause) {
    super(message, endpoint, httpStatus, errorCode, usagePointId, cause);
  }
}
