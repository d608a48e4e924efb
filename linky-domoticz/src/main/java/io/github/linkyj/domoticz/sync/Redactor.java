package io.github.linkyj.domoticz.sync;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the secrets in a text before it is logged: {@code Authorization} headers, bearer and basic
 * credentials, access, refresh and id tokens, device codes, client secrets, passwords and API keys
 * given as JSON members, form fields or query parameters, passwords in URLs, and strings that look
 * like JSON Web Tokens. Each secret becomes {@value #MASK}; the key names stay, so the log still
 * shows which value was there.
 *
 * <p>NOTE: masking works on known shapes; a secret in an unknown shape (a bare token in free text)
 * stays visible, so callers should not log secrets on purpose. This class is thread-safe.
 */
public final class Redactor {
  /** Text that replaces a secret. */
  public static final String MASK = "[REDACTED]";

  private static final Pattern AUTHORIZATION_HEADER =
      Pattern.compile(
          "(?i)((?:proxy-)?authorization[\"']?\\s*[:=]\\s*\\[?\\s*[\"']?)([^\\r\\n\"'\\]]+)");

  private static final Pattern SECRET_MEMBER =
      Pattern.compile(
          "(?i)(\\b(?:access_token|refresh_token|id_token|device_code|client_secret|password"
              + "|passwd|pwd|secret|api[_-]?key|token)\\b[\"']?\\s*[:=]\\s*)"
              + "(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s&,;\"'}\\]]+)");

  private static final Pattern CREDENTIAL_SCHEME =
      Pattern.compile("(?i)\\b(Bearer|Basic)\\s+(?!\\[REDACTED\\])[A-Za-z0-9._~+/=-]+");

  private static final Pattern JWT =
      Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

  private static final Pattern URL_PASSWORD =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/\\s:@]+):[^/\\s@]+@");

  private Redactor() {}

  /** Returns {@code text} with its secrets masked; a null text gives {@code "null"}. */
  public static String redact(CharSequence text) {
    if (text == null) {
      return "null";
    }
    String result =
        AUTHORIZATION_HEADER.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    result = maskMembers(result);
    result = CREDENTIAL_SCHEME.matcher(result).replaceAll("$1 " + Matcher.quoteReplacement(MASK));
    result = JWT.matcher(result).replaceAll(Matcher.quoteReplacement(MASK));
    result = URL_PASSWORD.matcher(result).replaceAll("$1:" + Matcher.quoteReplacement(MASK) + "@");
    return result;
  }

  private static String maskMembers(String text) {
    Matcher matcher = SECRET_MEMBER.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String value = matcher.group(2);
      String masked;
      if (value.startsWith("\"")) {
        masked = "\"" + MASK + "\"";
      } else if (value.startsWith("'")) {
        masked = "'" + MASK + "'";
      } else {
        masked = MASK;
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(1) + masked));
    }
    matcher.appendTail(result);
    return result.toString();
  }
}
