package io.github.linkyj.core.audit;

import io.github.linkyj.core.testing.TestSecrets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds known secrets in text. The secrets are indexed by their first {@link
 * TestSecrets#MIN_LENGTH} characters, so a scan costs one hash lookup per character of text
 * whatever the number of secrets.
 */
final class SecretScanner {
  private static final int PREFIX = TestSecrets.MIN_LENGTH;

  private final Map<String, List<String>> byPrefix = new HashMap<>();

  SecretScanner(Collection<String> secrets) {
    for (String secret : secrets) {
      if (secret.length() >= PREFIX) {
        byPrefix.computeIfAbsent(secret.substring(0, PREFIX), p -> new ArrayList<>()).add(secret);
      }
    }
  }

  /** Returns the secrets that occur in {@code text}, in order of first occurrence. */
  Set<String> find(String text) {
    Set<String> found = new LinkedHashSet<>();
    if (byPrefix.isEmpty()) {
      return found;
    }
    for (int i = 0; i + PREFIX <= text.length(); i++) {
      List<String> candidates = byPrefix.get(text.substring(i, i + PREFIX));
      if (candidates == null) {
        continue;
      }
      for (String secret : candidates) {
        if (text.startsWith(secret, i)) {
          found.add(secret);
        }
      }
    }
    return found;
  }

  /**
   * Returns {@code text} with every secret of {@code secrets} replaced by a placeholder that gives
   * only its length, so an audit failure can show where a secret was without printing it.
   */
  static String mask(String text, Collection<String> secrets) {
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, "<secret of " + secret.length() + " characters>");
    }
    return masked;
  }
}
