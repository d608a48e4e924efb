package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Debug log file of the sync, written for every debug level except off.
 *
 * <p>The file is created in a directory (normally the system temporary folder) with a name like
 * {@code linky-Linky-2026_12_04_16_05_00-123456789.log}, owner-only permissions where the file
 * system has POSIX permissions, and one line per message: {@code YYYY-MM-DD HH:MM:SS.mmm
 * <message>}. Every message goes through {@link Redactor} first. This class is thread-safe.
 */
public final class DebugLog implements Closeable {
  private static final DateTimeFormatter LINE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyy_MM_dd_HH_mm_ss");

  private final Path file;
  private final BufferedWriter writer;
  private final Clock clock;
  private final ZoneId zone;

  private DebugLog(Path file, BufferedWriter writer, Clock clock, ZoneId zone) {
    this.file = file;
    this.writer = writer;
    this.clock = clock;
    this.zone = zone;
  }

  /** Returns a log that writes nothing. */
  public static DebugLog disabled() {
    return new DebugLog(null, null, Clock.systemUTC(), ZoneId.of("UTC"));
  }

  /**
   * Opens the log file for {@code level}, or returns a disabled log for {@link DebugLevel#OFF}.
   *
   * @param level the debug level of the settings
   * @param hardwareName the Domoticz hardware name, part of the file name
   * @param directory the directory of the file, normally {@code java.io.tmpdir}; created with
   *     owner-only permissions, with its missing parents, if it does not exist
   * @param clock the clock of the timestamps
   * @param zone the zone of the timestamps
   * @throws IOException if the directory or the file cannot be created
   */
  public static DebugLog open(
      DebugLevel level, String hardwareName, Path directory, Clock clock, ZoneId zone)
      throws IOException {
    requireNonNull(level, "level");
    requireNonNull(hardwareName, "hardwareName");
    requireNonNull(directory, "directory");
    requireNonNull(clock, "clock");
    requireNonNull(zone, "zone");
    if (!level.writesLogFile()) {
      return disabled();
    }
    String prefix =
        "linky-"
            + hardwareName.replaceAll("[^A-Za-z0-9._-]", "_")
            + "-"
            + NAME_TIME.format(clock.instant().atZone(zone))
            + "-";
    createOwnerOnlyDirectories(directory);
    Path file;
    try {
      file =
          Files.createTempFile(
              directory,
              prefix,
              ".log",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      file = Files.createTempFile(directory, prefix, ".log");
    }
    return new DebugLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8), clock, zone);
  }

  private static void createOwnerOnlyDirectories(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    try {
      Files.createDirectories(
          directory,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(directory);
    }
  }

  /** Returns the log file, empty when the log is disabled. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /**
   * Writes {@code message}, with its secrets masked, as one timestamped entry and flushes it.
   *
   * @throws IOException if the file cannot be written
   */
  public synchronized void log(String message) throws IOException {
    if (writer == null) {
      return;
    }
    writer.write(LINE_TIME.format(clock.instant().atZone(zone)));
    writer.write(' ');
    writer.write(Redactor.redact(message));
    writer.newLine();
    writer.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    if (writer != null) {
      writer.close();
    }
  }
}
