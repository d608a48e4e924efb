package io.github.linkyj.core;

/**
 * Thrown when the user must give consent again: no token is stored, the device flow was denied or
 * expired, a refresh failed with {@code invalid_grant}, or Enedis reported that consent is missing
 * or revoked ({@code ADAM-DC-0008}, HTTP 403).
 */
public class ConsentRequiredException extends LinkyException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link LinkyException} for the meaning of each argument. */
  public ConsentRequiredException(
      String message,
      String endpoint,
      int httpStatus,
      String errorCode,
      String usagePointId,
      Throwable cause) {
    super(message, endpoint, httpStatus, errorCode, usagePointId, cause);
  }

  /** Creates an exception that carries only a message and an optional cause. */
  public ConsentRequiredException(String message, Throwable cause) {
    super(message, cause);
  }
}
