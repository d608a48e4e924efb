package io.github.linkyj.core;

/**
 * Thrown when the requested period is longer than the endpoint accepts ({@code ADAM-ERR0126},
 * {@code ADAM-DC-0015}).
 */
public class RangeTooLongException extends LinkyException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link LinkyException} for the meaning of each argument. */
  public RangeTooLongException(
      String message,
      String endpoint,
      int httpStatus,
      String errorCode,
      String usagePointId,
      Throwable cause) {
    super(message, endpoint, httpStatus, errorCode, usagePointId, cause);
  }
}
