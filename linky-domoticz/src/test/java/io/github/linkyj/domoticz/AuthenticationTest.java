package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  private static final String PASSWORD = "s3cret-pass";

  private final MutableClock clock = MutableClock.atRecording();
  private FakeDomoticzServer fake;

  @AfterEach
  void stop() throws Exception {
    if (fake != null) {
      fake.close();
    }
  }

  private DomoticzClient start(FakeDomoticz domoticz, DomoticzAuth auth) throws Exception {
    fake = new FakeDomoticzServer(domoticz);
    return fake.client().auth(auth).clock(clock).build();
  }

  private FakeDomoticz protectedDomoticz() {
    return FakeDomoticz.withUser("admin", PASSWORD, clock);
  }

  @Test
  void trustedNetworkNeedsNoCredentials() throws Exception {
    DomoticzClient client = start(FakeDomoticz.trustedNetwork(clock), DomoticzAuth.none());

    assertThat(client.findOrCreateHardware("Linky").idx()).isEqualTo(2);
    RecordedRequest first = fake.server.takeRequest();
    assertThat(first.getHeader("Authorization")).isNull();
    assertThat(first.getHeader("Cookie")).isNull();
  }

  @Test
  void noCredentialsOnProtectedServerFails() throws Exception {
    DomoticzClient client = start(protectedDomoticz(), DomoticzAuth.none());

    assertThatThrownBy(client::version)
        .isInstanceOf(DomoticzAuthenticationException.class)
        .hasMessage(
            "Authentication failed: Domoticz at "
                + fake.url()
                + " did not return its version, which it hides from clients without"
                + " credentials. Set domoticz.auth to session or oauth2, with domoticz.user and a"
                + " password (DomoticzAuth.session or DomoticzAuth.oauth2 in the library), or add"
                + " this computer to Trusted Networks in Setup > Settings > Security.");
  }

  @Test
  void recorded401IsAuthenticationFailure() throws Exception {
    fake = new FakeDomoticzServer(FakeDomoticz.trustedNetwork(clock));
    fake.server.setDispatcher(new okhttp3.mockwebserver.QueueDispatcher());
    fake.server.enqueue(Recorded.of("getversion.json").toResponse());
    fake.server.enqueue(Recorded.of("auth-401-no-credentials.json").toResponse());
    DomoticzClient client = fake.client().clock(clock).build();

    assertThatThrownBy(() -> client.findOrCreateHardware("Linky"))
        .isInstanceOf(DomoticzAuthenticationException.class)
        .hasMessage(
            "Authentication failed: Domoticz at "
                + fake.url()
                + " returned HTTP 401 for gethardware. Set domoticz.auth to session or oauth2,"
                + " with domoticz.user and a password (DomoticzAuth.session or DomoticzAuth.oauth2"
                + " in the library), or add this computer to Trusted Networks in Setup > Settings"
                + " > Security.");
  }

  @Test
  void sessionLoginPostsHashedPassword() throws Exception {
    DomoticzClient client = start(protectedDomoticz(), DomoticzAuth.session("admin", PASSWORD));

    client.findOrCreateHardware("Linky");

    RecordedRequest login = fake.server.takeRequest();
    assertThat(login.getMethod()).isEqualTo("POST");
    assertThat(login.getPath()).isEqualTo("/json.htm?type=command&param=logincheck");
    String form = login.getBody().readUtf8();
    assertThat(form).isEqualTo("username=YWRtaW4%3D&password=" + Authenticator.md5Hex(PASSWORD));
    assertThat(form).doesNotContain(PASSWORD);
    RecordedRequest version = fake.server.takeRequest();
    assertThat(version.getHeader("Cookie")).startsWith("DMZSID=");
    assertThat(version.getHeader("Authorization")).isNull();
  }

  @Test
  void expiredSessionLogsInAgainOnce() throws Exception {
    DomoticzClient client = start(protectedDomoticz(), DomoticzAuth.session("admin", PASSWORD));
    client.findOrCreateHardware("Linky");
    fake.domoticz.expireSessions();

    client.findOrCreateHardware("Linky");

    long logins =
        fake.domoticz.requests().stream()
            .filter(url -> "logincheck".equals(url.queryParameter("param")))
            .count();
    assertThat(logins).isEqualTo(2);
    assertThat(fake.domoticz.hardware()).hasSize(1);
  }

  @Test
  void wrongSessionPasswordFails() throws Exception {
    DomoticzClient client = start(protectedDomoticz(), DomoticzAuth.session("admin", "wrong"));

    assertThatThrownBy(client::version)
        .isInstanceOf(DomoticzAuthenticationException.class)
        .hasMessage(
            "Authentication failed: Domoticz at "
                + fake.url()
                + " rejected the login of user 'admin' (logincheck). Check domoticz.user and the"
                + " password in LINKY_DOMOTICZ_PASSWORD or domoticz.password-file (the user and"
                + " password of DomoticzAuth.session in the library).");
  }

  @Test
  void oauth2TokenIsSentAsBearer() throws Exception {
    FakeDomoticz domoticz = protectedDomoticz().registerApplication("linky-java");
    DomoticzClient client = start(domoticz, DomoticzAuth.oauth2("linky-java", "admin", PASSWORD));

    client.findOrCreateHardware("Linky");

    RecordedRequest token = fake.server.takeRequest();
    assertThat(token.getMethod()).isEqualTo("POST");
    assertThat(token.getPath()).isEqualTo("/oauth2/v1/token");
    assertThat(token.getBody().readUtf8()).isEqualTo("grant_type=password&client_id=linky-java");
    assertThat(token.getHeader("Authorization"))
        .isEqualTo(okhttp3.Credentials.basic("admin", PASSWORD));
    assertThat(fake.server.takeRequest().getHeader("Authorization")).startsWith("Bearer eyJ");
  }

  @Test
  void oauth2TokenIsRenewedAfterExpiry() throws Exception {
    FakeDomoticz domoticz = protectedDomoticz().registerApplication("linky-java");
    DomoticzClient client = start(domoticz, DomoticzAuth.oauth2("linky-java", "admin", PASSWORD));
    client.findOrCreateHardware("Linky");

    clock.advance(Duration.ofMinutes(59).plusSeconds(30));
    client.findOrCreateHardware("Linky");

    assertThat(tokenRequests()).isEqualTo(2);
  }

  @Test
  void oauth2UnknownClientFails() throws Exception {
    DomoticzClient client =
        start(protectedDomoticz(), DomoticzAuth.oauth2("linky-java", "admin", PASSWORD));

    assertThatThrownBy(client::version)
        .isInstanceOf(DomoticzAuthenticationException.class)
        .hasMessage(
            "Authentication failed: the Domoticz token endpoint returned HTTP 401"
                + " (invalid_client) for client 'linky-java' and user 'admin'. Register the"
                + " application under Setup > More Options > Applications (not public, with a"
                + " secret) and check the user name and password.");
  }

  @Test
  void basicAuthOverPlainHttpIsRefused() throws Exception {
    fake = new FakeDomoticzServer(protectedDomoticz());
    DomoticzClient.Builder builder = fake.client().auth(DomoticzAuth.basic("admin", PASSWORD));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "HTTP Basic authentication to "
                + fake.url()
                + " would send the password over plain HTTP, which Domoticz rejects unless"
                + " AllowPlainBasicAuth is on. Use an https:// URL, set domoticz.auth to session"
                + " (DomoticzAuth.session in the library), or set domoticz.allow-plain-basic to"
                + " true (allowPlainHttpBasicAuth(true) in the library).");
  }

  @Test
  void oauth2WithoutTokenEndpointFails() throws Exception {
    fake = new FakeDomoticzServer(protectedDomoticz());
    fake.server.setDispatcher(new okhttp3.mockwebserver.QueueDispatcher());
    fake.server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(404));
    DomoticzClient client =
        fake.client()
            .auth(DomoticzAuth.oauth2("linky-java", "admin", PASSWORD))
            .clock(clock)
            .build();

    assertThatThrownBy(client::version)
        .isInstanceOf(DomoticzAuthenticationException.class)
        .hasMessage(
            "Authentication failed: Domoticz at "
                + fake.url()
                + " has no OAuth2 token endpoint (HTTP 404). OAuth2 needs Domoticz 2023.1 or"
                + " later. Set domoticz.auth to session (DomoticzAuth.session in the library).");
  }

  @Test
  void loginWithoutSessionCookieFails() throws Exception {
    fake = new FakeDomoticzServer(protectedDomoticz());
    fake.server.setDispatcher(new okhttp3.mockwebserver.QueueDispatcher());
    fake.server.enqueue(
        new okhttp3.mockwebserver.MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody("{\"status\": \"OK\", \"title\": \"logincheck\", \"user\": \"admin\"}"));
    DomoticzClient client =
        fake.client().auth(DomoticzAuth.session("admin", PASSWORD)).clock(clock).build();

    assertThatThrownBy(client::version)
        .isInstanceOf(DomoticzAuthenticationException.class)
        .hasMessage(
            "Authentication failed: Domoticz at "
                + fake.url()
                + " accepted the login but sent no DMZSID cookie. Set domoticz.auth to oauth2 or"
                + " basic instead (DomoticzAuth.oauth2 or DomoticzAuth.basic in the library).");
  }

  @Test
  void basicAuthOverHttpsIsAccepted() {
    DomoticzClient client =
        DomoticzClient.builder("https://127.0.0.1:8443")
            .auth(DomoticzAuth.basic("admin", PASSWORD))
            .build();

    assertThat(client.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void basicAuthWhenAllowed() throws Exception {
    FakeDomoticz domoticz = protectedDomoticz().allowPlainBasicAuth(true);
    fake = new FakeDomoticzServer(domoticz);
    DomoticzClient client =
        fake.client()
            .auth(DomoticzAuth.basic("admin", PASSWORD))
            .allowPlainHttpBasicAuth(true)
            .clock(clock)
            .build();

    client.findOrCreateHardware("Linky");

    assertThat(fake.server.takeRequest().getHeader("Authorization"))
        .isEqualTo(okhttp3.Credentials.basic("admin", PASSWORD));
  }

  @Test
  void wrongBasicPasswordFails() throws Exception {
    fake = new FakeDomoticzServer(protectedDomoticz().allowPlainBasicAuth(true));
    DomoticzClient client =
        fake.client()
            .auth(DomoticzAuth.basic("admin", "wrong"))
            .allowPlainHttpBasicAuth(true)
            .clock(clock)
            .build();

    assertThatThrownBy(client::version)
        .isInstanceOf(DomoticzAuthenticationException.class)
        .hasMessage(
            "Authentication failed: Domoticz at "
                + fake.url()
                + " returned HTTP 401 for getversion. Check the user name and password. Over plain"
                + " HTTP, Domoticz accepts Basic authentication only when AllowPlainBasicAuth is"
                + " on in Setup > Settings > Security. Setting domoticz.auth to session"
                + " (DomoticzAuth.session in the library) works without it.");
  }

  @Test
  void loginPageIsAuthenticationFailure() throws Exception {
    DomoticzClient client =
        start(FakeDomoticz.trustedNetwork(clock).loginPage(true), DomoticzAuth.none());

    assertThatThrownBy(client::version)
        .isInstanceOf(DomoticzAuthenticationException.class)
        .hasMessage(
            "Authentication failed: Domoticz at "
                + fake.url()
                + " returned an HTML page instead of JSON for getversion, most likely a login"
                + " page. Set domoticz.auth to session or oauth2, with domoticz.user and a password"
                + " (DomoticzAuth.session or DomoticzAuth.oauth2 in the library), or add this"
                + " computer to Trusted Networks in Setup > Settings > Security.");
  }

  @Test
  void toStringHidesPasswords() throws Exception {
    DomoticzAuth session = DomoticzAuth.session("admin", PASSWORD);
    DomoticzAuth oauth2 = DomoticzAuth.oauth2("linky-java", "admin", PASSWORD);
    DomoticzAuth basic = DomoticzAuth.basic("admin", PASSWORD);

    assertThat(session).hasToString("DomoticzAuth[session, user=admin, password=***]");
    assertThat(oauth2)
        .hasToString("DomoticzAuth[oauth2, client=linky-java, user=admin, password=***]");
    assertThat(basic).hasToString("DomoticzAuth[basic, user=admin, password=***]");
    assertThat(DomoticzAuth.none()).hasToString("DomoticzAuth[none]");
    for (DomoticzAuth auth : List.of(session, oauth2, basic)) {
      assertThat(DomoticzClient.builder("https://127.0.0.1").auth(auth).build().toString())
          .doesNotContain(PASSWORD);
    }
  }

  @Test
  void userNameWithColonIsRejected() {
    assertThatThrownBy(() -> DomoticzAuth.session("a:b", PASSWORD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid Domoticz user name 'a:b': it must be non-empty and without ':'");
  }

  private long tokenRequests() {
    return fake.domoticz.requests().stream()
        .filter(url -> url.encodedPath().equals("/oauth2/v1/token"))
        .count();
  }
}
