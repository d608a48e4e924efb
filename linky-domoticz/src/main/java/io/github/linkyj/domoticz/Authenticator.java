package io.github.linkyj.domoticz;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the configured credentials to every request: a Basic header, the {@code DMZSID} session
 * cookie, or an OAuth2 bearer token. A session or token that Domoticz no longer accepts (HTTP 401)
 * is renewed once and the request sent again.
 */
final class Authenticator implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

  /** Time before the expiry Domoticz gives for a token at which the token is renewed. */
  private static final Duration TOKEN_MARGIN = Duration.ofMinutes(1);

  private static final String SESSION_COOKIE = "DMZSID";

  private final DomoticzAuth auth;
  private final HttpUrl baseUrl;
  private final OkHttpClient loginClient;
  private final Clock clock;
  private final JsonAdapter<Dtos.Login> loginAdapter;
  private final JsonAdapter<Dtos.Token> tokenAdapter;

  // Guarded by this.
  private String sessionCookie;
  private String accessToken;
  private Instant tokenExpiry = Instant.MIN;

  Authenticator(
      DomoticzAuth auth, HttpUrl baseUrl, OkHttpClient loginClient, Moshi moshi, Clock clock) {
    this.auth = auth;
    this.baseUrl = baseUrl;
    this.loginClient = loginClient;
    this.clock = clock;
    this.loginAdapter = moshi.adapter(Dtos.Login.class);
    this.tokenAdapter = moshi.adapter(Dtos.Token.class);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (auth.mode() == DomoticzAuth.Mode.NONE) {
      return chain.proceed(request);
    }
    if (auth.mode() == DomoticzAuth.Mode.BASIC) {
      String basic = Credentials.basic(auth.user(), auth.password(), StandardCharsets.UTF_8);
      return chain.proceed(request.newBuilder().header("Authorization", basic).build());
    }

    Response response = chain.proceed(authorize(request, false));
    if (response.code() != 401) {
      return response;
    }
    response.close();
    LOG.info("Domoticz rejected the {} credentials with HTTP 401, renewing them once", modeName());
    return chain.proceed(authorize(request, true));
  }

  private synchronized Request authorize(Request request, boolean renew) throws IOException {
    if (auth.mode() == DomoticzAuth.Mode.SESSION) {
      if (sessionCookie == null || renew) {
        sessionCookie = login();
      }
      return request.newBuilder().header("Cookie", SESSION_COOKIE + "=" + sessionCookie).build();
    }
    if (accessToken == null || renew || !clock.instant().isBefore(tokenExpiry)) {
      requestToken();
    }
    return request.newBuilder().header("Authorization", "Bearer " + accessToken).build();
  }

  private String modeName() {
    return auth.mode() == DomoticzAuth.Mode.SESSION ? "session" : "OAuth2";
  }

  /** Logs in with {@code logincheck} and returns the session cookie value. */
  private String login() throws IOException {
    HttpUrl url =
        baseUrl
            .newBuilder()
            .addPathSegment("json.htm")
            .addQueryParameter("type", "command")
            .addQueryParameter("param", "logincheck")
            .build();
    // The password goes in a POST body, so it never appears in a URL or a server's access log.
    FormBody form =
        new FormBody.Builder()
            .add("username", base64(auth.user()))
            .add("password", md5Hex(auth.password()))
            .build();
    Request request = new Request.Builder().url(url).post(form).build();

    try (Response response = loginClient.newCall(request).execute()) {
      Dtos.Login login = readLogin(response);
      if (response.code() != 200 || login == null || !"OK".equals(login.status)) {
        throw new DomoticzAuthenticationException(
            "Authentication failed: Domoticz at "
                + baseUrl
                + " rejected the login of user '"
                + auth.user()
                + "' (logincheck). Check domoticz.user and the password in"
                + " LINKY_DOMOTICZ_PASSWORD or domoticz.password-file (the user and password of"
                + " DomoticzAuth.session in the library).");
      }
      String cookie = sessionCookie(response);
      if (cookie == null) {
        throw new DomoticzAuthenticationException(
            "Authentication failed: Domoticz at "
                + baseUrl
                + " accepted the login but sent no "
                + SESSION_COOKIE
                + " cookie. Set domoticz.auth to oauth2 or basic instead (DomoticzAuth.oauth2 or"
                + " DomoticzAuth.basic in the library).");
      }
      LOG.debug("Logged in to Domoticz at {}", baseUrl);
      return cookie;
    }
  }

  private Dtos.Login readLogin(Response response) throws IOException {
    ResponseBody body = response.body();
    if (body == null || !DomoticzClient.isJson(response)) {
      return null;
    }
    try {
      return loginAdapter.fromJson(body.source());
    } catch (com.squareup.moshi.JsonDataException | java.io.EOFException e) {
      return null;
    }
  }

  private static String sessionCookie(Response response) {
    for (String header : response.headers("Set-Cookie")) {
      if (header.startsWith(SESSION_COOKIE + "=")) {
        int end = header.indexOf(';');
        String value =
            header.substring(SESSION_COOKIE.length() + 1, end < 0 ? header.length() : end);
        if (!value.isEmpty() && !value.equals("none")) {
          return value;
        }
      }
    }
    return null;
  }

  /** Requests a token with the OAuth2 password grant and stores it with its expiry. */
  private void requestToken() throws IOException {
    HttpUrl url = baseUrl.newBuilder().addPathSegments("oauth2/v1/token").build();
    FormBody form =
        new FormBody.Builder()
            .add("grant_type", "password")
            .add("client_id", auth.clientId())
            .build();
    String basic = Credentials.basic(auth.user(), auth.password(), StandardCharsets.UTF_8);
    Request request =
        new Request.Builder().url(url).header("Authorization", basic).post(form).build();

    try (Response response = loginClient.newCall(request).execute()) {
      Dtos.Token token = readToken(response);
      if (response.code() == 404) {
        throw new DomoticzAuthenticationException(
            "Authentication failed: Domoticz at "
                + baseUrl
                + " has no OAuth2 token endpoint "
                + "(HTTP 404). OAuth2 needs Domoticz 2023.1 or later. Set domoticz.auth to"
                + " session (DomoticzAuth.session in the library).");
      }
      if (response.code() != 200 || token == null || token.accessToken == null) {
        String error = token == null || token.error == null ? "no error code" : token.error;
        throw new DomoticzAuthenticationException(
            "Authentication failed: the Domoticz token endpoint returned HTTP "
                + response.code()
                + " ("
                + error
                + ") for client '"
                + auth.clientId()
                + "' and user '"
                + auth.user()
                + "'. Register the application under Setup > More Options > "
                + "Applications (not public, with a secret) and check the user name and password.");
      }
      long seconds = token.expiresIn == null ? 3600 : token.expiresIn;
      accessToken = token.accessToken;
      tokenExpiry = clock.instant().plusSeconds(seconds).minus(TOKEN_MARGIN);
      LOG.debug("Received a Domoticz OAuth2 token valid for {} s", seconds);
    }
  }

  private Dtos.Token readToken(Response response) throws IOException {
    ResponseBody body = response.body();
    if (body == null || !DomoticzClient.isJson(response)) {
      return null;
    }
    try {
      return tokenAdapter.fromJson(body.source());
    } catch (com.squareup.moshi.JsonDataException | java.io.EOFException e) {
      return null;
    }
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static String md5Hex(String text) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This Java runtime lacks MD5, which every JDK provides", e);
    }
  }

  @Override
  public String toString() {
    return "Authenticator[" + auth + "]";
  }
}
