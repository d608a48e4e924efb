package io.github.linkyj.domoticz;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.github.linkyj.core.audit.SecretHolders;
import io.github.linkyj.core.testing.TestSecrets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Logs in to the fake Domoticz in each authentication mode and checks that the password, its hash,
 * the session and the OAuth token show in no {@code toString()} of the types that keep them.
 */
class SecretToStringTest {
  private static final String PASSWORD = "audit-domoticz-password";

  private final MutableClock clock = MutableClock.atRecording();
  private FakeDomoticzServer fake;

  @AfterEach
  void stop() throws Exception {
    fake.close();
  }

  private Map<Class<?>, List<Object>> holders() throws Exception {
    fake =
        new FakeDomoticzServer(
            FakeDomoticz.withUser("admin", PASSWORD, clock)
                .registerApplication("linky-java")
                .allowPlainBasicAuth(true));
    List<DomoticzAuth> auths =
        List.of(
            DomoticzAuth.session("admin", PASSWORD),
            DomoticzAuth.basic("admin", PASSWORD),
            DomoticzAuth.oauth2("linky-java", "admin", PASSWORD));
    Map<Class<?>, List<Object>> holders = new LinkedHashMap<>();
    holders.put(DomoticzAuth.class, List.copyOf(auths));
    holders.put(DomoticzClient.class, new java.util.ArrayList<>());
    holders.put(Authenticator.class, new java.util.ArrayList<>());
    for (DomoticzAuth auth : auths) {
      DomoticzClient client =
          fake.client().auth(auth).allowPlainHttpBasicAuth(true).clock(clock).build();
      client.findOrCreateHardware("Linky");
      holders.get(DomoticzClient.class).add(client);
      holders
          .get(Authenticator.class)
          .add(
              new Authenticator(
                  auth,
                  HttpUrl.get(fake.url()),
                  new OkHttpClient(),
                  new Moshi.Builder().build(),
                  clock));
    }
    Dtos.Token token = new Dtos.Token();
    token.accessToken = TestSecrets.add("audit-domoticz-oauth-token");
    token.tokenType = "Bearer";
    token.expiresIn = 3600L;
    holders.put(Dtos.Token.class, List.of(token));
    return holders;
  }

  @Test
  void noSecretInToString() throws Exception {
    Map<Class<?>, List<Object>> holders = holders();
    Set<String> secrets = TestSecrets.all();

    assertThat(secrets).contains(PASSWORD, Authenticator.md5Hex(PASSWORD));
    for (List<Object> instances : holders.values()) {
      for (Object holder : instances) {
        String text = holder.toString();
        assertThat(secrets).as(text).noneMatch(text::contains);
      }
    }
  }

  @Test
  void everySecretHolderIsCovered() throws Exception {
    List<Class<?>> found = SecretHolders.besides(DomoticzClient.class);

    assertThat(found).isNotEmpty();
    assertThat(holders().keySet()).containsAll(found);
  }
}
