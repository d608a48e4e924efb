package io.github.linkyj.core.testing;

import java.util.Map;

/**
 * A status and JSON body produced by one of the simulated services, before it becomes an HTTP
 * response.
 */
record ApiResult(int status, Map<String, Object> body) {

  static ApiResult ok(Map<String, Object> body) {
    return new ApiResult(200, body);
  }

  /**
   * Returns the standard Enedis and OAuth error body, {@code error} and {@code error_description}.
   */
  static ApiResult error(int status, String error, String description) {
    return new ApiResult(status, Json.object("error", error, "error_description", description));
  }

  boolean isSuccessful() {
    return status == 200;
  }
}
