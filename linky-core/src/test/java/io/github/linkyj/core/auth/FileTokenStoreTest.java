package io.github.linkyj.core.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.linkyj.core.ConsentRequiredException;
import io.github.linkyj.core.LinkyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class FileTokenStoreTest {
  private static final TokenSource SOURCE = TokenSource.of("https://proxy.test/linky", "client-1");

  @TempDir Path directory;

  private static StoredTokens tokens(String access, String refresh) {
    return StoredTokens.of(
        SOURCE,
        AccessToken.of(access, Instant.parse("2026-12-04T12:30:00Z")),
        refresh,
        List.of("11111111111111", "03333333333333"));
  }

  private List<Path> filesIn(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }

  @Test
  void savedTokensReadBack() throws Exception {
    FileTokenStore store = FileTokenStore.of(directory.resolve("tokens.json"));
    StoredTokens saved = tokens("A1", "R1");

    store.save(saved);

    assertThat(store.load()).hasValue(saved);
    assertThat(FileTokenStore.of(store.path()).load()).hasValue(saved);
  }

  @Test
  void fileIsJsonWithAllMembers() throws Exception {
    Path file = directory.resolve("tokens.json");

    FileTokenStore.of(file).save(tokens("A1", "R1"));

    assertThat(Files.readString(file))
        .isEqualTo(
            "{\n"
                + "  \"format\": 1,\n"
                + "  \"base_url\": \"https://proxy.test/linky/\",\n"
                + "  \"client_id\": \"client-1\",\n"
                + "  \"access_token\": \"A1\",\n"
                + "  \"expires_at\": \"2026-12-04T12:30:00Z\",\n"
                + "  \"refresh_token\": \"R1\",\n"
                + "  \"usage_points_id\": [\n"
                + "    \"11111111111111\",\n"
                + "    \"03333333333333\"\n"
                + "  ]\n"
                + "}");
  }

  @Test
  void tokensWithoutRefreshTokenRoundTrip() throws Exception {
    FileTokenStore store = FileTokenStore.of(directory.resolve("tokens.json"));
    StoredTokens saved = tokens("A1", null);

    store.save(saved);

    assertThat(store.load()).hasValue(saved);
  }

  @Test
  void missingFileMeansNoTokens() throws Exception {
    assertThat(FileTokenStore.of(directory.resolve("absent.json")).load()).isEmpty();
  }

  @Test
  void fileIsOwnerOnly() throws Exception {
    Path file = directory.resolve("tokens.json");

    FileTokenStore.of(file).save(tokens("A1", "R1"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void widerFileBecomesOwnerOnly() throws Exception {
    Path file = directory.resolve("tokens.json");
    Files.writeString(file, "{}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    FileTokenStore.of(file).save(tokens("A1", "R1"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void loadMakesReadableFileOwnerOnly() throws Exception {
    Path file = directory.resolve("tokens.json");
    FileTokenStore.of(file).save(tokens("A1", "R1"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    String logs;

    Optional<StoredTokens> loaded;
    try (LogCapture capture = new LogCapture()) {
      loaded = FileTokenStore.of(file).load();
      logs = capture.text();
    }

    assertThat(loaded).hasValue(tokens("A1", "R1"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(logs)
        .contains(
            "WARN io.github.linkyj.core.auth.FileTokenStore - Token file "
                + file
                + " had permissions rw-r--r--, so other users could read its tokens; it is now"
                + " owner-only (rw-------). Give consent again if someone may have copied them");
  }

  @Test
  void loadRemovesGroupAndOthersOnly() throws Exception {
    Path file = directory.resolve("tokens.json");
    FileTokenStore.of(file).save(tokens("A1", "R1"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--rw-rw-"));

    FileTokenStore.of(file).load();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("r--------");
  }

  @Test
  void ownerOnlyFileIsLeftAlone() throws Exception {
    Path file = directory.resolve("tokens.json");
    FileTokenStore.of(file).save(tokens("A1", "R1"));
    String logs;

    try (LogCapture capture = new LogCapture()) {
      FileTokenStore.of(file).load();
      logs = capture.text();
    }

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(logs).doesNotContain("FileTokenStore");
  }

  @Test
  void missingDirectoryCreatedOwnerOnly() throws Exception {
    Path file = directory.resolve("config/linky/tokens.json");

    FileTokenStore.of(file).save(tokens("A1", "R1"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(Files.exists(file)).isTrue();
  }

  @Test
  void saveLeavesNoTemporaryFile() throws Exception {
    FileTokenStore store = FileTokenStore.of(directory.resolve("tokens.json"));

    store.save(tokens("A1", "R1"));
    store.save(tokens("A2", "R2"));

    assertThat(filesIn(directory)).containsExactly(directory.resolve("tokens.json"));
    assertThat(store.load().orElseThrow().refreshToken()).hasValue("R2");
  }

  @Test
  void failedMoveKeepsOldAndCleansUp() throws Exception {
    Path target = directory.resolve("tokens.json");
    Files.createDirectory(target);
    Files.writeString(target.resolve("keep.txt"), "old");
    FileTokenStore store = FileTokenStore.of(target);

    assertThatThrownBy(() -> store.save(tokens("A1", "R1")))
        .isExactlyInstanceOf(LinkyException.class)
        .hasMessageStartingWith("Cannot write the token file " + target + " (")
        .hasMessageEndingWith(
            "); check that its directory is writable and on a file system that supports atomic "
                + "moves")
        .hasMessageNotContaining("A1");
    assertThat(filesIn(directory)).containsExactly(target);
    assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("old");
  }

  @Test
  void readersNeverSeePartialFile() throws Exception {
    Path file = directory.resolve("tokens.json");
    FileTokenStore writer = FileTokenStore.of(file);
    writer.save(tokens("A0", "R0"));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    Future<?> writes =
        pool.submit(
            () -> {
              for (int i = 1; i <= 200; i++) {
                writer.save(tokens("A" + i, "R" + i));
              }
              return null;
            });
    List<Future<Integer>> reads =
        Stream.of(1, 2)
            .map(
                reader ->
                    pool.submit(
                        () -> {
                          FileTokenStore own = FileTokenStore.of(file);
                          int count = 0;
                          while (!writes.isDone()) {
                            StoredTokens read = own.load().orElseThrow();
                            assertThat(read.accessToken().value().substring(1))
                                .isEqualTo(read.refreshToken().orElseThrow().substring(1));
                            count++;
                          }
                          return count;
                        }))
            .toList();

    writes.get(20, TimeUnit.SECONDS);

    for (Future<Integer> read : reads) {
      assertThat(read.get(20, TimeUnit.SECONDS)).isPositive();
    }
    pool.shutdown();
  }

  @Test
  void corruptFileAsksForConsent() throws Exception {
    Path file = directory.resolve("tokens.json");
    Files.writeString(file, "{\"format\":1,\"access_token\":", UTF_8);

    assertThatThrownBy(() -> FileTokenStore.of(file).load())
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "Token file "
                + file
                + " is not valid JSON (End of input); delete it and give "
                + "consent again, which writes a new file");
  }

  @Test
  void emptyFileAsksForConsent() throws Exception {
    Path file = directory.resolve("tokens.json");
    Files.writeString(file, "", UTF_8);

    assertThatThrownBy(() -> FileTokenStore.of(file).load())
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessageStartingWith("Token file " + file + " is not valid JSON (");
  }

  @Test
  void missingMemberAsksForConsent() throws Exception {
    Path file = directory.resolve("tokens.json");
    Files.writeString(
        file,
        "{\"format\":1,\"base_url\":\"https://proxy.test/\",\"client_id\":\"c\","
            + "\"expires_at\":\"2026-12-04T12:30:00Z\",\"usage_points_id\":[]}",
        UTF_8);

    assertThatThrownBy(() -> FileTokenStore.of(file).load())
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "Token file "
                + file
                + " is invalid (access_token is missing or not a string); delete it and give "
                + "consent again, which writes a new file");
  }

  @Test
  void newerFormatAsksForConsent() throws Exception {
    Path file = directory.resolve("tokens.json");
    Files.writeString(file, "{\"format\":2}", UTF_8);

    assertThatThrownBy(() -> FileTokenStore.of(file).load())
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessage(
            "Token file "
                + file
                + " is invalid (format is 2.0, expected 1; a newer version may have written it); "
                + "delete it and give consent again, which writes a new file");
  }

  @Test
  void badExpiryAsksForConsent() throws Exception {
    Path file = directory.resolve("tokens.json");
    Files.writeString(
        file,
        "{\"format\":1,\"base_url\":\"https://proxy.test/\",\"client_id\":\"c\","
            + "\"access_token\":\"A1\",\"expires_at\":\"tomorrow\",\"usage_points_id\":[]}",
        UTF_8);

    assertThatThrownBy(() -> FileTokenStore.of(file).load())
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessageStartingWith("Token file " + file + " is invalid (Text 'tomorrow'")
        .hasMessageNotContaining("A1");
  }

  @Test
  void unreadableFileAsksForConsent() throws Exception {
    Path file = directory.resolve("tokens.json");
    Files.createDirectory(file);

    assertThatThrownBy(() -> FileTokenStore.of(file).load())
        .isInstanceOf(ConsentRequiredException.class)
        .hasMessageStartingWith("Token file " + file + " cannot be read (java.io.IOException")
        .hasMessageEndingWith("; delete it and give consent again, which writes a new file");
  }

  @Test
  void clearDeletesTheFile() throws Exception {
    FileTokenStore store = FileTokenStore.of(directory.resolve("tokens.json"));
    store.save(tokens("A1", "R1"));

    store.clear();

    assertThat(store.load()).isEmpty();
    assertThat(filesIn(directory)).isEmpty();
  }

  @Test
  void toStringShowsPathOnly() throws Exception {
    FileTokenStore store = FileTokenStore.of(directory.resolve("tokens.json"));
    store.save(tokens("A1", "R1"));

    assertThat(store.toString()).isEqualTo("FileTokenStore{" + store.path() + "}");
    assertThat(tokens("A1", "R1").toString())
        .isEqualTo(
            "StoredTokens{source=https://proxy.test/linky/ (client id client-1), accessToken="
                + "AccessToken{value=<redacted>, expiresAt=2026-12-04T12:30:00Z}, refreshToken="
                + "<redacted>, usagePointIds=[11111111111111, 03333333333333]}");
  }
}
