package io.github.linkyj.core.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/**
 * Captures what slf4j-simple prints. slf4j-simple writes to {@code System.err} as it is at each
 * call, so swapping the stream captures the lines at INFO and above (its default level).
 */
final class LogCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  LogCapture() {
    System.setErr(new PrintStream(bytes, true, UTF_8));
  }

  String text() {
    System.err.flush();
    return bytes.toString(UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
    original.print(text());
  }
}
