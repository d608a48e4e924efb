package io.github.linkyj.core;

import java.util.Optional;

/**
 * Base of every failure reported by the Linky client: consent, Enedis errors, quotas, transport and
 * invalid responses.
 *
 * <p>The message names the endpoint, the HTTP status, the Enedis error code and the usage point
 * when they are known. It never contains an access token, a refresh token, a device code or a
 * client secret.
 */
public class LinkyException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String endpoint;
  private final int httpStatus;
  private final String errorCode;
  private final String usagePointId;

  /**
   * Creates an exception.
   *
   * @param message what failed and what to do next
   * @param endpoint the endpoint path without query string, or null when no request was made
   * @param httpStatus the HTTP status, or 0 when no response was received
   * @param errorCode the Enedis or OAuth error code, or null
   * @param usagePointId the 14-digit usage point, or null
   * @param cause the underlying failure, or null
   */
  public LinkyException(
      String message,
      String endpoint,
      int httpStatus,
      String errorCode,
      String usagePointId,
      Throwable cause) {
    super(message, cause);
    this.endpoint = endpoint;
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.usagePointId = usagePointId;
  }

  /** Creates an exception that carries only a message and an optional cause. */
  public LinkyException(String message, Throwable cause) {
    this(message, null, 0, null, null, cause);
  }

  /** Returns the endpoint path without its query string, if a request was made. */
  public Optional<String> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** Returns the HTTP status, or 0 when no response was received. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Returns the Enedis or OAuth error code, such as {@code ADAM-DC-0008}, if the body had one. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** Returns the usage point the request was about, if any. */
  public Optional<String> usagePointId() {
    return Optional.ofNullable(usagePointId);
  }
}
