package io.github.linkyj.core;

/**
 * Thrown when a consumption endpoint is called for a production-only usage point or the reverse
 * ({@code ADAM-ERR0069}); retrying cannot succeed.
 */
public class WrongDirectionException extends LinkyException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link LinkyException} for the meaning of each argument. */
  public WrongDirectionException(
      String message,
      String endpoint,
      int httpStatus,
      String errorCode,
      String usagePointId,
      Throwable cause) {
    super(message, endpoint, httpStatus, errorCode, usagePointId, cause);
  }
}
