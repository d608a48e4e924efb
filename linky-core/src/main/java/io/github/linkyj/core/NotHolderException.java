package io.github.linkyj.core;

/**
 * Thrown when Enedis reports that the consenting customer no longer holds the usage point ({@code
 * ADAM-DC-0007}), usually after a move; the new holder must consent.
 */
public class NotHolderException extends ConsentRequiredException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link LinkyException} for the meaning of each argument. */
  public NotHolderException(
      String message,
      String endpoint,
      int httpStatus,
      String errorCode,
      String usagePointId,
      Throwable cause) {
    super(message, endpoint, httpStatus, errorCode, usagePointId, cause);
  }
}
