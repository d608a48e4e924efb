package io.github.linkyj.domoticz;

/**
 * Signals that Domoticz did not accept the configured credentials: an HTTP 401 or 403, an HTML
 * login page instead of JSON, or a rejected login. The message names what to configure.
 */
public final class DomoticzAuthenticationException extends DomoticzException {
  private static final long serialVersionUID = 1L;

  DomoticzAuthenticationException(String message) {
    super(message);
  }
}
