package io.github.linkyj.core;

/**
 * Thrown when Enedis has no measure for the usage point and period ({@code no_data_found}, HTTP
 * 404): a hole, collection not enabled, or data not yet published.
 */
public class NoDataException extends LinkyException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception; see {@link LinkyException} for the meaning of each argument. */
  public NoDataException(
      String message,
      String endpoint,
      int httpStatus,
      String errorCode,
      String usagePointId,
      Throwable cause) {
    super(message, endpoint, httpStatus, errorCode, usagePointId, cause);
  }
}
