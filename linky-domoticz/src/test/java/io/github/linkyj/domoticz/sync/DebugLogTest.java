package io.github.linkyj.domoticz.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugLogTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-04T15:04:19.123Z"), TestData.PARIS);

  @TempDir Path directory;

  @Test
  void linesAreTimestampedAndRedacted() throws IOException {
    Path file;
    try (DebugLog log =
        DebugLog.open(DebugLevel.SIMPLE, "My Linky", directory, CLOCK, TestData.PARIS)) {
      file = log.file().orElseThrow();
      log.log("GET /data?start=2026-12-03 Authorization: Bearer abc");
      log.log("{\"refresh_token\":\"r1\"}");
    }

    assertThat(file.getFileName().toString())
        .startsWith("linky-My_Linky-2026_12_04_16_04_19-")
        .endsWith(".log");
    assertThat(Files.readAllLines(file))
        .containsExactly(
            "2026-12-04 16:04:19.123 GET /data?start=2026-12-03 Authorization: [REDACTED]",
            "2026-12-04 16:04:19.123 {\"refresh_token\":\"[REDACTED]\"}");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(file))
          .isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
  }

  @Test
  void missingDirectoryIsCreatedOwnerOnly() throws IOException {
    Path state = directory.resolve("state").resolve("sub");

    try (DebugLog log = DebugLog.open(DebugLevel.SIMPLE, "Linky", state, CLOCK, TestData.PARIS)) {
      log.log("first line");
      assertThat(log.file()).isPresent();
      assertThat(log.file().get().getParent()).isEqualTo(state);
      assertThat(Files.readAllLines(log.file().get()))
          .containsExactly("2026-12-04 16:04:19.123 first line");
    }
    if (Files.getFileStore(state).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(state))
          .isEqualTo(
              EnumSet.of(
                  PosixFilePermission.OWNER_READ,
                  PosixFilePermission.OWNER_WRITE,
                  PosixFilePermission.OWNER_EXECUTE));
    }
  }

  @Test
  void offWritesNoFile() throws IOException {
    try (DebugLog log = DebugLog.open(DebugLevel.OFF, "Linky", directory, CLOCK, TestData.PARIS)) {
      log.log("ignored");
      assertThat(log.file()).isEmpty();
    }
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void everyOtherLevelWritesAFile() throws IOException {
    for (DebugLevel level :
        List.of(
            DebugLevel.ADVANCED,
            DebugLevel.RESET_CACHE,
            DebugLevel.RESET_CONSENT,
            DebugLevel.sandbox(3))) {
      try (DebugLog log = DebugLog.open(level, "Linky", directory, CLOCK, TestData.PARIS)) {
        assertThat(log.file()).as(level.toString()).isPresent();
      }
    }
  }
}
