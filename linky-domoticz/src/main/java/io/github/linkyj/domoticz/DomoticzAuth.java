package io.github.linkyj.domoticz;

import static java.util.Objects.requireNonNull;

/**
 * Authentication method of the client against Domoticz.
 *
 * <ul>
 *   <li>{@link #none()}: no credentials. Domoticz must list this computer under Setup &gt; Settings
 *       &gt; Security &gt; Trusted Networks.
 *   <li>{@link #session}: a login with {@code param=logincheck}; the client keeps the {@code
 *       DMZSID} session cookie and logs in again once when the session expires.
 *   <li>{@link #oauth2}: a password grant on {@code /oauth2/v1/token} (Domoticz 2023.1 and later)
 *       for an application registered under Setup &gt; More Options &gt; Applications.
 *   <li>{@link #basic}: an HTTP Basic header on every request. Domoticz accepts it over HTTPS, or
 *       over plain HTTP only when its setting {@code AllowPlainBasicAuth} is on, so the client
 *       refuses plain HTTP unless the builder allows it.
 * </ul>
 *
 * <p>{@link #toString()} never shows the password. This class is immutable and thread-safe.
 */
public final class DomoticzAuth {
  enum Mode {
    NONE,
    SESSION,
    OAUTH2,
    BASIC
  }

  private static final DomoticzAuth NONE = new DomoticzAuth(Mode.NONE, "", "", "");

  private final Mode mode;
  private final String user;
  private final String password;
  private final String clientId;

  private DomoticzAuth(Mode mode, String user, String password, String clientId) {
    this.mode = mode;
    this.user = user;
    this.password = password;
    this.clientId = clientId;
  }

  /** Returns the mode without credentials, for a Domoticz that trusts this computer's network. */
  public static DomoticzAuth none() {
    return NONE;
  }

  /** Returns a session login with a Domoticz user name and password. */
  public static DomoticzAuth session(String user, String password) {
    return new DomoticzAuth(Mode.SESSION, checkUser(user), checkPassword(password), "");
  }

  /**
   * Returns an OAuth2 password grant for the Domoticz application {@code clientId}, with the
   * credentials of a Domoticz user.
   */
  public static DomoticzAuth oauth2(String clientId, String user, String password) {
    requireNonNull(clientId, "clientId");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException(
          "Missing OAuth2 client id: give the name of an application registered in Domoticz");
    }
    return new DomoticzAuth(Mode.OAUTH2, checkUser(user), checkPassword(password), clientId);
  }

  /** Returns HTTP Basic authentication with a Domoticz user name and password. */
  public static DomoticzAuth basic(String user, String password) {
    return new DomoticzAuth(Mode.BASIC, checkUser(user), checkPassword(password), "");
  }

  private static String checkUser(String user) {
    requireNonNull(user, "user");
    if (user.isEmpty() || user.contains(":")) {
      throw new IllegalArgumentException(
          "Invalid Domoticz user name '" + user + "': it must be non-empty and without ':'");
    }
    return user;
  }

  private static String checkPassword(String password) {
    requireNonNull(password, "password");
    return password;
  }

  Mode mode() {
    return mode;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  String clientId() {
    return clientId;
  }

  /** Returns the mode and user name, with the password hidden. */
  @Override
  public String toString() {
    switch (mode) {
      case NONE:
        return "DomoticzAuth[none]";
      case OAUTH2:
        return "DomoticzAuth[oauth2, client=" + clientId + ", user=" + user + ", password=***]";
      default:
        return "DomoticzAuth["
            + mode.name().toLowerCase(java.util.Locale.ROOT)
            + ", user="
            + user
            + ", password=***]";
    }
  }
}
