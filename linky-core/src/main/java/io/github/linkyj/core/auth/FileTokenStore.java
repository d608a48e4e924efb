package io.github.linkyj.core.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.github.linkyj.core.ConsentRequiredException;
import io.github.linkyj.core.LinkyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps tokens in a JSON file, for example {@code ~/.config/linky/tokens.json}.
 *
 * <p>Each save writes a temporary file in the same directory, forces it to disk and renames it over
 * the old file with an atomic move, so a reader sees either the old or the new tokens, never a
 * partial file. On file systems with POSIX permissions the file is created as {@code rw-------}
 * (owner only) and a missing directory as {@code rwx------}. On other file systems, such as NTFS on
 * Windows, the file inherits the directory's access rules, so keep it in a directory only its owner
 * can read. A save fails when the file system cannot move atomically.
 *
 * <p>A file that cannot be read or parsed makes {@link #load()} throw a {@link
 * ConsentRequiredException} that names the path and the fix, so the program requests consent again
 * instead of crashing. A file with any group or others permission is made owner-only by {@link
 * #load()} at once, with a warning that names the file and its old permissions; when its
 * permissions cannot be changed, {@link #load()} throws a {@link ConsentRequiredException} that
 * names the {@code chmod 600} fix. Thread-safe within one process; only one process may use a file.
 */
public final class FileTokenStore implements TokenStore {
  private static final Logger LOG = LoggerFactory.getLogger(FileTokenStore.class);
  private static final int FORMAT = 1;
  private static final Set<PosixFilePermission> OWNER_READ_WRITE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final JsonAdapter<Object> JSON =
      new Moshi.Builder().build().adapter(Object.class).indent("  ");

  private final Path path;

  private FileTokenStore(Path path) {
    this.path = path;
  }

  /** Creates a store that reads and writes {@code path}; nothing is touched until first use. */
  public static FileTokenStore of(Path path) {
    requireNonNull(path, "path");
    return new FileTokenStore(path.toAbsolutePath());
  }

  /** Returns the absolute path of the token file. */
  public Path path() {
    return path;
  }

  @Override
  public synchronized Optional<StoredTokens> load() throws LinkyException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw unreadable("cannot be read (" + e + ")", e);
    }
    restrictToOwner();
    return Optional.of(decode(new String(bytes, UTF_8)));
  }

  @Override
  public synchronized void save(StoredTokens tokens) throws LinkyException {
    requireNonNull(tokens, "tokens");
    byte[] bytes = JSON.toJson(encode(tokens)).getBytes(UTF_8);
    Path temp = null;
    try {
      Path directory = createDirectory();
      temp = createTempFile(directory);
      writeAndForce(temp, bytes);
      Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
      forceDirectory(directory);
    } catch (IOException e) {
      String message =
          "Cannot write the token file "
              + path
              + " ("
              + e
              + "); check that its directory is "
              + "writable and on a file system that supports atomic moves";
      throw new LinkyException(message, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /**
   * Flushes {@code directory} to disk after a rename in it, so that a power cut just after a save
   * cannot bring back the previous file. Best effort, because some platforms cannot open a
   * directory; the new file is in place either way.
   */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.debug(
          "Cannot flush directory {} to disk ({}); a power cut may undo the last save",
          directory,
          e.toString());
    }
  }

  @Override
  public synchronized void clear() throws LinkyException {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new LinkyException("Cannot delete the token file " + path + " (" + e + ")", e);
    }
  }

  private Path createDirectory() throws IOException {
    Path directory = path.getParent();
    if (Files.isDirectory(directory)) {
      return directory;
    }
    try {
      if (isPosix(directory.getRoot())) {
        Files.createDirectories(
            directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
      } else {
        Files.createDirectories(directory);
      }
    } catch (FileAlreadyExistsException e) {
      // Another thread or process created it first, which is fine.
    }
    return directory;
  }

  private Path createTempFile(Path directory) throws IOException {
    String prefix = "." + path.getFileName() + ".";
    if (isPosix(directory)) {
      FileAttribute<Set<PosixFilePermission>> ownerOnly =
          PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE);
      return Files.createTempFile(directory, prefix, ".tmp", ownerOnly);
    }
    return Files.createTempFile(directory, prefix, ".tmp");
  }

  private static void writeAndForce(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  private static boolean isPosix(Path file) {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Makes a token file that other users may read or write owner-only at once, because every hour it
   * stays so is an hour in which they can copy the refresh token, and warns. A file whose
   * permissions cannot be changed is rejected.
   */
  private void restrictToOwner() throws ConsentRequiredException {
    if (!isPosix(path)) {
      return;
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(path);
    } catch (IOException e) {
      throw unreadable("has permissions that cannot be read (" + e + ")", e);
    }
    Set<PosixFilePermission> ownerOnly = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission permission : permissions) {
      if (permission.name().startsWith("OWNER_")) {
        ownerOnly.add(permission);
      }
    }
    if (ownerOnly.equals(permissions)) {
      return;
    }
    String old = PosixFilePermissions.toString(permissions);
    try {
      Files.setPosixFilePermissions(path, ownerOnly);
    } catch (IOException e) {
      String message =
          "Token file "
              + path
              + " has permissions "
              + old
              + ", so other users can read its tokens, and they cannot be changed ("
              + e
              + "); run chmod 600 "
              + path
              + ", or give consent again, which writes a new owner-only file";
      throw new ConsentRequiredException(message, e);
    }
    LOG.warn(
        "Token file {} had permissions {}, so other users could read its tokens; it is now "
            + "owner-only ({}). Give consent again if someone may have copied them",
        path,
        old,
        PosixFilePermissions.toString(ownerOnly));
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      LOG.warn("Cannot delete the temporary token file {}: {}", temp, e.toString());
    }
  }

  private static Map<String, Object> encode(StoredTokens tokens) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("base_url", tokens.source().baseUrl().toString());
    json.put("client_id", tokens.source().clientId());
    json.put("access_token", tokens.accessToken().value());
    json.put("expires_at", tokens.accessToken().expiresAt().toString());
    tokens.refreshToken().ifPresent(token -> json.put("refresh_token", token));
    json.put("usage_points_id", tokens.usagePointIds());
    return json;
  }

  private StoredTokens decode(String text) throws ConsentRequiredException {
    Map<?, ?> json = parseObject(text);
    try {
      checkFormat(json.get("format"));
      TokenSource source = TokenSource.of(string(json, "base_url"), string(json, "client_id"));
      Instant expiresAt = Instant.parse(string(json, "expires_at"));
      AccessToken accessToken = AccessToken.of(string(json, "access_token"), expiresAt);
      Object refreshToken = json.get("refresh_token");
      if (refreshToken != null && !(refreshToken instanceof String)) {
        throw new IllegalArgumentException("refresh_token is not a string");
      }
      List<String> usagePointIds = UsagePointIds.fromJson(json.get("usage_points_id"));
      return StoredTokens.of(source, accessToken, (String) refreshToken, usagePointIds);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw unreadable("is invalid (" + e.getMessage() + ")", e);
    }
  }

  private Map<?, ?> parseObject(String text) throws ConsentRequiredException {
    try {
      Object value = JSON.fromJson(text);
      if (value instanceof Map<?, ?> map) {
        return map;
      }
      throw unreadable("is not a JSON object", null);
    } catch (IOException | JsonDataException e) {
      throw unreadable("is not valid JSON (" + e.getMessage() + ")", e);
    }
  }

  private static void checkFormat(Object format) {
    if (!(format instanceof Double number) || number.intValue() != FORMAT) {
      throw new IllegalArgumentException(
          "format is " + format + ", expected " + FORMAT + "; a newer version may have written it");
    }
  }

  private static String string(Map<?, ?> json, String name) {
    if (json.get(name) instanceof String value) {
      return value;
    }
    throw new IllegalArgumentException(name + " is missing or not a string");
  }

  private ConsentRequiredException unreadable(String problem, Throwable cause) {
    String message =
        "Token file "
            + path
            + " "
            + problem
            + "; delete it and give consent again, which writes a new file";
    return new ConsentRequiredException(message, cause);
  }

  @Override
  public String toString() {
    return "FileTokenStore{" + path + "}";
  }
}
