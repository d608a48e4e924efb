package io.github.linkyj.core.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;

/** Builds unsigned-looking JWTs for tests; the signature part is random text. */
final class TestJwts {
  private TestJwts() {}

  static String withPayload(String payloadJson) {
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    String header = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(UTF_8));
    String payload = encoder.encodeToString(payloadJson.getBytes(UTF_8));
    return header + "." + payload + ".c2lnbmF0dXJlLW5vdC1jaGVja2Vk";
  }
}
