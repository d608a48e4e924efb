package io.github.linkyj.core;

/**
 * Thrown when the server fails in a way that may pass: HTTP 500 or 503, {@code technical_error}, a
 * timeout or a dropped connection. Bounded retries have already been made when it reaches the
 * caller.
 */
public class TemporaryFailureException extends LinkyException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link LinkyException} for the meaning of each argument. */
  public TemporaryFailureException(
      String message,
      String endpoint,
      int httpStatus,
      String errorCode,
      String usagePointId,
      Throwable cause) {
    super(message, endpoint, httpStatus, errorCode, usagePointId, cause);
  }
}
