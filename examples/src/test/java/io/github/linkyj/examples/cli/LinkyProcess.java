package io.github.linkyj.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@code linky} command in a child JVM, with the class path and Java binary of the test
 * JVM. The child reads its settings from the configuration file and environment it is given, as a
 * user's shell would pass them.
 *
 * <p>{@link #main} is the child's entry point. It is {@link LinkyCommand#main} with one change:
 * when the system property {@value #START_PROPERTY} holds an instant, the child's clock starts at
 * that instant and runs at the real rate, so every run of a test gets the same dates.
 */
public final class LinkyProcess {
  /** The system property that sets the instant the child's clock starts at. */
  static final String START_PROPERTY = "linky.test.start";

  private LinkyProcess() {}

  /** Runs {@code linky} with {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    Clock clock = Clock.systemDefaultZone();
    String start = System.getProperty(START_PROPERTY);
    if (start != null) {
      clock = Clock.offset(clock, Duration.between(clock.instant(), Instant.parse(start)));
    }
    System.exit(LinkyCommand.commandLine(System.getenv(), clock, false).execute(args));
  }

  /**
   * Starts {@code linky args} in a child JVM.
   *
   * @param start the instant the child's clock starts at, or null for the real clock
   * @param environment the variables to set; the {@code LINKY_*} and {@code DOMOTICZ_*} variables
   *     of the test JVM are not passed on
   * @param log the file that receives standard output and standard error
   */
  static Process start(Instant start, Map<String, String> environment, Path log, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (start != null) {
      // The machine of a user in France, whose Domoticz runs in Paris time too.
      command.add("-Duser.timezone=Europe/Paris");
      command.add("-D" + START_PROPERTY + "=" + start);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LinkyProcess.class.getName());
    command.addAll(List.of(args));

    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(n -> n.startsWith("LINKY_") || n.startsWith("DOMOTICZ_"));
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return builder.start();
  }
}
