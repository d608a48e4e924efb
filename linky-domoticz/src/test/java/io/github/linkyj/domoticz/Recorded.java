package io.github.linkyj.domoticz;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;

/**
 * One exchange recorded from a real Domoticz 2025.1, read from {@code src/test/resources/domoticz}.
 */
final class Recorded {
  private static final Moshi MOSHI = new Moshi.Builder().build();
  private static final JsonAdapter<Map<String, Object>> MAP =
      MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final String file;
  private final Map<String, Object> request;
  private final Map<String, Object> response;

  @SuppressWarnings("unchecked") // The recording format is fixed: objects of strings.
  private Recorded(String file, Map<String, Object> exchange) {
    this.file = file;
    this.request = (Map<String, Object>) exchange.get("request");
    this.response = (Map<String, Object>) exchange.get("response");
  }

  /** Reads the recording {@code name}, such as {@code "getversion.json"}. */
  static Recorded of(String name) {
    String resource = "/domoticz/" + name;
    try (InputStream in = Recorded.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("Missing test resource " + resource);
      }
      return new Recorded(
          name, MAP.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read test resource " + resource, e);
    }
  }

  /** Returns the request path and query exactly as it went on the wire. */
  String pathAndQuery() {
    return (String) request.get("path_and_query");
  }

  int status() {
    return ((Number) response.get("status")).intValue();
  }

  String body() {
    return (String) response.get("body");
  }

  /** Returns the body parsed as a JSON object, in a mutable map that keeps the key order. */
  Map<String, Object> bodyJson() {
    try {
      return new LinkedHashMap<>(MAP.fromJson(body()));
    } catch (IOException e) {
      throw new UncheckedIOException("Invalid JSON body in " + file, e);
    }
  }

  @SuppressWarnings("unchecked") // Headers are recorded as an object of strings.
  Map<String, String> headers() {
    return (Map<String, String>) response.get("headers");
  }

  /** Returns the recorded response with its status, headers (but Content-Length) and body. */
  MockResponse toResponse() {
    MockResponse mock = new MockResponse().setResponseCode(status());
    headers()
        .forEach(
            (name, value) -> {
              if (!name.equalsIgnoreCase("Content-Length")) {
                mock.addHeader(name, value);
              }
            });
    return mock.setBody(body());
  }

  @Override
  public String toString() {
    return file;
  }
}
