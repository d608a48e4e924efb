package io.github.linkyj.core;

/**
 * Thrown when a response cannot be read: an HTML page, an empty, truncated or malformed JSON body,
 * or JSON without the expected fields.
 */
public class InvalidResponseException extends LinkyException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link LinkyException} for the meaning of each argument. */
  public InvalidResponseException(
      String message,
      String endpoint,
      int httpStatus,
      String errorCode,
      String usagePointId,
      Throwable cause) {
    super(message, endpoint, httpStatus, errorCode, usagePointId, cause);
  }
}
