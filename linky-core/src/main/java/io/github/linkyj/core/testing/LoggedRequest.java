package io.github.linkyj.core.testing;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request the simulator received, for tests that count or inspect requests.
 *
 * <p>No secret is kept: the {@code Authorization} header is reduced to its scheme (such as {@code
 * Bearer [redacted]}), and the query parameters that carry secrets ({@code client_secret}, {@code
 * device_code}, {@code refresh_token}, {@code access_token}, {@code token}, {@code code}) have
 * their values replaced by {@code [redacted]}. Form bodies are not kept.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LoggedRequest {
  private final Instant time;
  private final String method;
  private final String path;
  private final Map<String, String> query;
  private final String authorization;
  private final String userAgent;
  private final int status;

  LoggedRequest(
      Instant time,
      String method,
      String path,
      Map<String, String> query,
      String authorization,
      String userAgent,
      int status) {
    this.time = time;
    this.method = method;
    this.path = path;
    this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    this.authorization = authorization;
    this.userAgent = userAgent;
    this.status = status;
  }

  /** Returns when the request arrived, by the simulator's clock. */
  public Instant time() {
    return time;
  }

  /** Returns the HTTP method, such as {@code GET}. */
  public String method() {
    return method;
  }

  /** Returns the decoded path without the query string, such as {@code /device/token}. */
  public String path() {
    return path;
  }

  /** Returns the query parameters, with secret values redacted. */
  public Map<String, String> query() {
    return query;
  }

  /** Returns the query parameter's value, if the request had it. */
  public Optional<String> queryParameter(String name) {
    return Optional.ofNullable(query.get(name));
  }

  /** Returns the redacted {@code Authorization} header, such as {@code Bearer [redacted]}. */
  public Optional<String> authorization() {
    return Optional.ofNullable(authorization);
  }

  /** Returns the {@code User-Agent} header, if the request had one. */
  public Optional<String> userAgent() {
    return Optional.ofNullable(userAgent);
  }

  /** Returns the HTTP status sent, or 0 when the simulator dropped the connection instead. */
  public int status() {
    return status;
  }

  @Override
  public String toString() {
    return time
        + " "
        + method
        + " "
        + path
        + (query.isEmpty() ? "" : " " + query)
        + " -> "
        + status;
  }
}
