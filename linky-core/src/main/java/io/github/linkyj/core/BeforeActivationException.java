package io.github.linkyj.core;

/**
 * Thrown when the requested period starts before the meter's last activation date ({@code
 * ADAM-ERR0123}); a backfill treats it as the oldest edge of the history.
 */
public class BeforeActivationException extends LinkyException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link LinkyException} for the meaning of each argument. */
  public BeforeActivationException(
      String message,
      String endpoint,
      int httpStatus,
      String errorCode,
      String usagePointId,
      Throwable cause) {
    super(message, endpoint, httpStatus, errorCode, usagePointId, cause);
  }
}
