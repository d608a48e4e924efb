package io.github.linkyj.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.testing.TestSecrets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks what the audit records and how it reports a leak; each test drains the recorder. */
class SecretAuditTest {
  private static final String SECRET = TestSecrets.add("audit-self-test-secret-4f3e2d1c");

  @Test
  void debugLineIsRecordedAtInfoLevel() {
    Logger logger = LoggerFactory.getLogger("io.github.linkyj.core.audit.Probe");

    logger.debug("probe {} and {}", "one", 2);

    assertThat(logger.isDebugEnabled()).isTrue();
    assertThat(LogRecorder.drain())
        .containsExactly("DEBUG io.github.linkyj.core.audit.Probe: probe one and 2");
  }

  @Test
  void otherLoggersAreNotRecorded() {
    LoggerFactory.getLogger("okhttp3.Probe").warn("outside the project");

    assertThat(LogRecorder.drain()).isEmpty();
  }

  @Test
  void exceptionChainIsRecorded() {
    Logger logger = LoggerFactory.getLogger("io.github.linkyj.core.audit.Probe");
    LinkyException cause = new LinkyException("inner " + SECRET, null);

    logger.debug("outer", new IllegalStateException("middle", cause));

    List<String> lines = LogRecorder.drain();
    assertThat(lines).hasSize(1);
    assertThat(new SecretScanner(TestSecrets.all()).find(lines.get(0))).containsExactly(SECRET);
  }

  @Test
  void scannerFindsEverySecretAndMasksIt() {
    SecretScanner scanner = new SecretScanner(List.of("abcdefgh-1", "abcdefgh-22", "zyxwvuts"));
    String text = "a abcdefgh-22 b zyxwvuts c abcdefgh-";

    assertThat(scanner.find(text)).containsExactly("abcdefgh-22", "zyxwvuts");
    assertThat(SecretScanner.mask(text, scanner.find(text)))
        .isEqualTo("a <secret of 11 characters> b <secret of 8 characters> c abcdefgh-");
  }

  @Test
  void shortSecretsAreNotRecorded() {
    int before = TestSecrets.count();

    TestSecrets.add("pw");

    assertThat(TestSecrets.count()).isEqualTo(before);
    assertThat(TestSecrets.all()).doesNotContain("pw");
  }

  @Test
  void liveDomoticzPasswordIsAdded() {
    SecretAudit.addLiveDomoticzSecrets(
        Map.of("DOMOTICZ_USER", "admin", "DOMOTICZ_PASSWORD", "live-password-1"));

    assertThat(TestSecrets.all())
        .contains(
            "live-password-1", "41266e3e0c81e9aa4164c5660e57f1fb", "YWRtaW46bGl2ZS1wYXNzd29yZC0x");
  }

  @Test
  void thrownSecretBecomesMaskedFailure() {
    LinkyException leak = new LinkyException("token " + SECRET, null);

    assertThat(SecretAudit.screen(leak, "a test"))
        .isExactlyInstanceOf(AssertionError.class)
        .hasNoCause()
        .hasMessageContaining("<secret of 31 characters>")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void thrownExceptionWithoutSecretIsRethrown() {
    LinkyException plain = new LinkyException("nothing secret", null);

    assertThat(SecretAudit.screen(plain, "a test")).isSameAs(plain);
  }
}
