package io.github.linkyj.core.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The user-facing part of a device authorization (RFC 8628): the page to open and the code to type
 * there, or a link with the code built in.
 *
 * <p>The device code that the library polls with stays inside and never appears in {@link
 * #toString()}. Immutable and thread-safe.
 */
public final class DeviceAuthorization {
  private final String deviceCode;
  private final String userCode;
  private final String verificationUri;
  private final String verificationUriComplete;
  private final Instant expiresAt;
  private final Duration interval;

  DeviceAuthorization(
      String deviceCode,
      String userCode,
      String verificationUri,
      String verificationUriComplete,
      Instant expiresAt,
      Duration interval) {
    this.deviceCode = deviceCode;
    this.userCode = userCode;
    this.verificationUri = verificationUri;
    this.verificationUriComplete = verificationUriComplete;
    this.expiresAt = expiresAt;
    this.interval = interval;
  }

  String deviceCode() {
    return deviceCode;
  }

  /** Returns the short code the user types on the verification page, such as {@code WDJB-MJHT}. */
  public String userCode() {
    return userCode;
  }

  /** Returns the page where the user logs in and enters {@link #userCode()}. */
  public String verificationUri() {
    return verificationUri;
  }

  /**
   * Returns the page with the user code built in, for a link or a QR code, if the server sent one.
   */
  public Optional<String> verificationUriComplete() {
    return Optional.ofNullable(verificationUriComplete);
  }

  /** Returns when the user code and device code stop working. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** Returns the wait between polls that the server asked for, 5 seconds when it gave none. */
  public Duration interval() {
    return interval;
  }

  @Override
  public String toString() {
    return "DeviceAuthorization{userCode="
        + userCode
        + ", verificationUri="
        + verificationUri
        + ", expiresAt="
        + expiresAt
        + ", interval="
        + interval
        + ", deviceCode=<redacted>}";
  }
}
