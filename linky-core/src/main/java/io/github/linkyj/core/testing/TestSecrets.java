package io.github.linkyj.core.testing;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets that the test doubles of this JVM issued or accepted: access tokens, refresh tokens,
 * device codes, client secrets, gateway tokens, and passwords that a fake server was configured
 * with. A test audit reads them to check that none reaches a log line, an exception message or a
 * debug file.
 *
 * <p>{@link EnedisSimulator} adds every secret it issues or accepts; other fakes, such as a fake
 * Domoticz, add their passwords with {@link #add(String)}. The set only grows, by a few entries per
 * token the simulator issues. Thread-safe.
 */
public final class TestSecrets {
  /**
   * Minimum length of a recorded secret, because ordinary text would match a shorter one. A fake
   * that accepts a shorter password records the encoded forms it is sent in instead.
   */
  public static final int MIN_LENGTH = 8;

  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

  private TestSecrets() {}

  /**
   * Records {@code secret} for the audit. A secret shorter than {@link #MIN_LENGTH} is ignored.
   *
   * @return {@code secret}, so a fake can record a value where it creates it
   */
  public static String add(String secret) {
    requireNonNull(secret, "secret");
    if (secret.length() >= MIN_LENGTH) {
      SECRETS.add(secret);
    }
    return secret;
  }

  /** Returns a copy of every secret recorded so far. */
  public static Set<String> all() {
    return Set.copyOf(SECRETS);
  }

  /** Returns how many secrets were recorded so far. */
  public static int count() {
    return SECRETS.size();
  }
}
