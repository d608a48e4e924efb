package io.github.linkyj.core.testing;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Plain OkHttp calls against a simulator, and Moshi parsing of the responses. */
final class Http {
  static final Moshi MOSHI = new Moshi.Builder().build();

  private final OkHttpClient client;
  private final String baseUrl;

  /** The response to one call: status, body text and the {@code Retry-After} header. */
  record Answer(int status, String body, String contentType, String retryAfter) {
    Map<String, Object> json() {
      try {
        @SuppressWarnings("unchecked") // Moshi's Object adapter reads objects as maps.
        Map<String, Object> map = (Map<String, Object>) MOSHI.adapter(Object.class).fromJson(body);
        return map;
      } catch (IOException e) {
        throw new AssertionError("Not JSON: " + body, e);
      }
    }

    <T> T as(Class<T> type) {
      try {
        JsonAdapter<T> adapter = MOSHI.adapter(type).failOnUnknown();
        return adapter.fromJson(body);
      } catch (IOException e) {
        throw new AssertionError("Cannot read " + type.getSimpleName() + " from " + body, e);
      }
    }

    Object field(String name) {
      return json().get(name);
    }
  }

  Http(EnedisSimulator simulator) {
    this(simulator, Duration.ofSeconds(10));
  }

  Http(EnedisSimulator simulator, Duration readTimeout) {
    this.client =
        new OkHttpClient.Builder().readTimeout(readTimeout).retryOnConnectionFailure(false).build();
    this.baseUrl = simulator.baseUrl();
  }

  Answer get(String pathAndQuery, String authorization) throws IOException {
    Request.Builder request = new Request.Builder().url(baseUrl + pathAndQuery);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return call(request.build());
  }

  Answer post(String path, Map<String, String> form) throws IOException {
    return post(path, form, null);
  }

  Answer post(String path, Map<String, String> form, String authorization) throws IOException {
    FormBody.Builder body = new FormBody.Builder();
    form.forEach(body::add);
    Request.Builder request = new Request.Builder().url(baseUrl + path).post(body.build());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return call(request.build());
  }

  private Answer call(Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return new Answer(
          response.code(),
          response.body().string(),
          response.header("Content-Type"),
          response.header("Retry-After"));
    }
  }

  /** Returns a token from the simulated Enedis token endpoint, as a bearer header value. */
  String enedisBearer(EnedisSimulator simulator) throws IOException {
    Answer answer =
        post(
            "oauth2/v3/token",
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                simulator.enedisClientId(),
                "client_secret",
                simulator.enedisClientSecret()));
    return "Bearer " + answer.field("access_token");
  }

  /** Runs the device flow until the tokens arrive and returns the token response. */
  Map<String, Object> consent(EnedisSimulator simulator) throws IOException {
    Answer code = post("device/code", Map.of("client_id", simulator.clientId()));
    String deviceCode = (String) code.field("device_code");
    for (int poll = 0; poll < 20; poll++) {
      Answer token = post("device/token", devicePoll(simulator, deviceCode));
      if (token.status() == 200) {
        return token.json();
      }
    }
    throw new AssertionError("The device flow never approved");
  }

  static Map<String, String> devicePoll(EnedisSimulator simulator, String deviceCode) {
    return Map.of(
        "client_id",
        simulator.clientId(),
        "grant_type",
        "urn:ietf:params:oauth:grant-type:device_code",
        "device_code",
        deviceCode);
  }

  /** The v5 metering body, read with Moshi into typed fields. */
  static final class MeterReadingBody {
    MeterReading meter_reading;
  }

  /** The {@code meter_reading} members, as Enedis sends them and as the gateway returns them. */
  static final class MeterReading {
    String usage_point_id;
    String start;
    String end;
    String quality;
    ReadingType reading_type;
    List<IntervalReading> interval_reading;
  }

  static final class ReadingType {
    String unit;
    String measurement_kind;
    String aggregate;
    String measuring_period;
  }

  static final class IntervalReading {
    String value;
    String date;
    String interval_length;
    String measure_type;
  }

  /** The standard error body. */
  static final class ErrorBody {
    String error;
    String error_description;
  }
}
