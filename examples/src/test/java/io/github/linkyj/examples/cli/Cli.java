package io.github.linkyj.examples.cli;

import io.github.linkyj.core.audit.LogRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code linky} in-process with captured output, a given environment and a given clock. */
final class Cli {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private Cli() {}

  /** The exit code and the text written to standard output and standard error. */
  record Result(int exitCode, String out, String err) {}

  static Result run(String... args) {
    return run(Map.of(), Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), PARIS), args);
  }

  static Result run(Map<String, String> environment, Clock clock, String... args) {
    CommandLine commandLine = LinkyCommand.commandLine(environment, clock, false);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));

    int exitCode = commandLine.execute(args);
    LogRecorder.recordText("linky standard output", out.toString());
    LogRecorder.recordText("linky standard error", err.toString());
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** Copies recorded Enedis responses from the test resources into {@code dir}. */
  static Path copyRecorded(Path dir, String... names) {
    try {
      for (String name : names) {
        try (InputStream in = Cli.class.getResourceAsStream("/enedis-recorded/" + name)) {
          if (in == null) {
            throw new IllegalArgumentException("No test resource enedis-recorded/" + name);
          }
          Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the directory of every recorded Enedis response in the test resources. */
  static Path recordedDirectory() {
    try {
      return Path.of(Cli.class.getResource("/enedis-recorded").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
