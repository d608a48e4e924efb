package io.github.linkyj.domoticz;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Turns the responses that mean "not authenticated" into {@link DomoticzAuthenticationException}:
 * HTTP 401 (Domoticz sends a small HTML page with it), HTTP 403, and an HTML page with HTTP 200,
 * which is what a login page or a reverse proxy's sign-in form looks like to a JSON client.
 */
final class ResponseChecker implements Interceptor {
  /**
   * Advice for a Domoticz that wants a login when none is set. The setting names are those of the
   * {@code linky} command, and the brackets name the matching library call.
   */
  static final String CONFIGURE_LOGIN =
      "Set domoticz.auth to session or oauth2, with domoticz.user and a password"
          + " (DomoticzAuth.session or DomoticzAuth.oauth2 in the library), or add this computer"
          + " to Trusted Networks in Setup > Settings > Security.";

  private final DomoticzAuth auth;
  private final HttpUrl baseUrl;

  ResponseChecker(DomoticzAuth auth, HttpUrl baseUrl) {
    this.auth = auth;
    this.baseUrl = baseUrl;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String param = chain.request().url().queryParameter("param");
    String request = param != null ? param : chain.request().url().queryParameter("type");
    if (response.code() == 401) {
      response.close();
      throw new DomoticzAuthenticationException(
          "Authentication failed: Domoticz at "
              + baseUrl
              + " returned HTTP 401 for "
              + request
              + ". "
              + whatToConfigure());
    }
    if (response.code() == 403) {
      response.close();
      throw new DomoticzAuthenticationException(
          "Authentication failed: Domoticz at "
              + baseUrl
              + " returned HTTP 403 for "
              + request
              + ": the user lacks the rights. Creating hardware and devices needs an admin user.");
    }
    if (response.isSuccessful() && isHtml(response)) {
      response.close();
      throw new DomoticzAuthenticationException(
          "Authentication failed: Domoticz at "
              + baseUrl
              + " returned an HTML page instead of "
              + "JSON for "
              + request
              + ", most likely a login page. "
              + whatToConfigure());
    }
    return response;
  }

  private static boolean isHtml(Response response) {
    String type = response.header("Content-Type", "");
    return type.toLowerCase(java.util.Locale.ROOT).contains("text/html");
  }

  private String whatToConfigure() {
    switch (auth.mode()) {
      case NONE:
        return CONFIGURE_LOGIN;
      case BASIC:
        return "Check the user name and password. Over plain HTTP, Domoticz accepts Basic"
            + " authentication only when AllowPlainBasicAuth is on in Setup > Settings > Security."
            + " Setting domoticz.auth to session (DomoticzAuth.session in the library) works"
            + " without it.";
      case SESSION:
        return "Domoticz rejected the session of user '"
            + auth.user()
            + "' even after a new "
            + "login. Check the user's rights in Setup > Users.";
      default:
        return "Domoticz rejected the OAuth2 token of client '"
            + auth.clientId()
            + "' even after "
            + "a new token. Check the application under Setup > More Options > Applications.";
    }
  }
}
