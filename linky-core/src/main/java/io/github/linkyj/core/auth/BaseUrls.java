package io.github.linkyj.core.auth;

import static java.util.Objects.requireNonNull;

import okhttp3.HttpUrl;

/** Validates the base URLs that users configure for a token source. */
final class BaseUrls {
  private BaseUrls() {}

  /**
   * Parses {@code value} as an http or https base URL and adds a trailing slash, so relative paths
   * such as {@code device/code} resolve below any path prefix.
   */
  static HttpUrl parse(String value, String name) {
    requireNonNull(value, name);
    HttpUrl url = HttpUrl.parse(value.strip());
    if (url == null) {
      throw new IllegalArgumentException(
          "Invalid "
              + name
              + " \""
              + value
              + "\": expected an http or https URL such as https://consent.example.org");
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid " + name + ": remove the user name and password from the URL");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException(
          "Invalid " + name + " \"" + url + "\": remove the query string and fragment");
    }
    return withTrailingSlash(url);
  }

  private static HttpUrl withTrailingSlash(HttpUrl url) {
    if (url.encodedPath().endsWith("/")) {
      return url;
    }
    return url.newBuilder().addPathSegment("").build();
  }

  /** Checks that {@code value} is not blank and returns it stripped. */
  static String requireText(String value, String name) {
    requireNonNull(value, name);
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new IllegalArgumentException(
          name + " is empty; set it to the value your provider gave");
    }
    return stripped;
  }
}
