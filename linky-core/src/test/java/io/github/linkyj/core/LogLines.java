package io.github.linkyj.core;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Captures the lines slf4j-simple prints while open. slf4j-simple looks up {@code System.err} at
 * each call, so replacing the stream catches every line at INFO and above.
 */
final class LogLines implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  LogLines() {
    System.setErr(new PrintStream(bytes, true, UTF_8));
  }

  /** Returns every captured line. */
  List<String> all() {
    System.err.flush();
    String text = bytes.toString(UTF_8);
    return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
  }

  /** Returns the captured lines that contain every one of {@code parts}. */
  List<String> containing(String... parts) {
    return all().stream().filter(line -> Arrays.stream(parts).allMatch(line::contains)).toList();
  }

  @Override
  public void close() {
    System.setErr(original);
    all().forEach(original::println);
  }
}
