package io.github.linkyj.core.audit;

import io.github.linkyj.core.testing.TestSecrets;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails a test when a secret that a test double issued or accepted ({@link TestSecrets}) appears in
 * a log line of the project's loggers at any level (DEBUG included, whatever the configured level),
 * in a command output a test helper handed to {@link LogRecorder}, in a {@code .log} file under the
 * test's temporary directories, in a {@code linky-*.log} debug file written to {@code
 * java.io.tmpdir} during the test, or in an exception that the test throws.
 *
 * <p>Besides the secrets of the test doubles, it looks for the password of a live Domoticz given in
 * {@code DOMOTICZ_PASSWORD}, so the live tests are audited too.
 *
 * <p>Modules register it for every test class through JUnit's extension auto-detection: {@code
 * junit.jupiter.extensions.autodetection.enabled=true} in {@code junit-platform.properties} and
 * this class in {@code META-INF/services/org.junit.jupiter.api.extension.Extension}. A failure
 * shows the offending line with each secret replaced by {@code <secret of N characters>}.
 *
 * <p>NOTE: an exception that a test catches itself, for example with {@code assertThatThrownBy}, is
 * audited only when the product logs it or a helper records its message.
 */
public final class SecretAudit
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        InvocationInterceptor,
        TestExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SecretAudit.class);
  private static final String STARTED = "started";
  private static final String PATHS = "paths";
  private static final LogTap TAP = installTap();

  /** Creates the extension; JUnit instantiates it. */
  public SecretAudit() {}

  static {
    addLiveDomoticzSecrets(System.getenv());
  }

  /**
   * Adds the password of a live Domoticz that the live tests read from {@code DOMOTICZ_PASSWORD},
   * with its MD5 hash and Basic credentials, the forms the client sends.
   */
  static void addLiveDomoticzSecrets(Map<String, String> environment) {
    String password = environment.get("DOMOTICZ_PASSWORD");
    if (password == null || password.isEmpty()) {
      return;
    }
    TestSecrets.add(password);
    TestSecrets.add(md5Hex(password));
    String user = environment.getOrDefault("DOMOTICZ_USER", "");
    byte[] basic = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    TestSecrets.add(Base64.getEncoder().encodeToString(basic));
  }

  private static String md5Hex(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }

  private static LogTap installTap() {
    Iterator<LogTap> taps = ServiceLoader.load(LogTap.class).iterator();
    LogTap tap = taps.hasNext() ? taps.next() : new Slf4jTap();
    tap.install();
    return tap;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    String problem = TAP.problem();
    if (problem != null) {
      throw new ExtensionConfigurationException(
          "The secrets audit cannot see log lines: " + problem);
    }
    check(LogRecorder.drain(), List.of(), "before " + where(context));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    store.put(STARTED, Instant.now());
    store.put(PATHS, new ArrayList<Path>());
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    List<Path> paths = paths(extensionContext);
    for (Object argument : invocationContext.getArguments()) {
      if (argument instanceof Path path) {
        paths.add(path);
      } else if (argument instanceof File file) {
        paths.add(file.toPath());
      }
    }
    invocation.proceed();
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    throw screen(thrown, where(context));
  }

  /**
   * Returns {@code thrown}, or an {@link AssertionError} with the secrets masked when its chain
   * contains one. The original exception is dropped then, because printing it would print the
   * secret.
   */
  static Throwable screen(Throwable thrown, String where) {
    String text = describe(thrown);
    Set<String> found = new SecretScanner(TestSecrets.all()).find(text);
    if (found.isEmpty()) {
      return thrown;
    }
    return new AssertionError(
        "Secret audit: the exception thrown by "
            + where
            + " contains a secret: "
            + SecretScanner.mask(text, found));
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Instant started = store.get(STARTED, Instant.class);
    Set<Path> roots = new LinkedHashSet<>(paths(context));
    context.getTestInstances().ifPresent(i -> i.getAllInstances().forEach(o -> tempDirs(o, roots)));
    context.getTestClass().ifPresent(type -> tempDirs(type, null, roots));
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      files.addAll(logFiles(root));
    }
    files.addAll(debugFilesSince(started));
    check(LogRecorder.drain(), files, where(context));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    check(LogRecorder.drain(), List.of(), "after " + where(context));
  }

  private static String where(ExtensionContext context) {
    String type = context.getTestClass().map(Class::getSimpleName).orElse("");
    return context.getTestMethod().isPresent() ? type + " " + context.getDisplayName() : type;
  }

  @SuppressWarnings("unchecked") // The store contains the list that beforeEach put there.
  private static List<Path> paths(ExtensionContext context) {
    List<Path> paths = context.getStore(NAMESPACE).get(PATHS, List.class);
    return paths == null ? new ArrayList<>() : paths;
  }

  private static void check(List<String> lines, List<Path> files, String where) {
    SecretScanner scanner = new SecretScanner(TestSecrets.all());
    for (String line : lines) {
      Set<String> found = scanner.find(line);
      if (!found.isEmpty()) {
        throw new AssertionError(
            "Secret audit: a log line of " + where + " contains a secret: " + mask(line, found));
      }
    }
    for (Path file : files) {
      String text = read(file);
      Set<String> found = scanner.find(text);
      if (!found.isEmpty()) {
        String line = text.lines().filter(l -> !scanner.find(l).isEmpty()).findFirst().orElse("");
        throw new AssertionError(
            "Secret audit: file "
                + file
                + " of "
                + where
                + " contains a secret: "
                + mask(line, found));
      }
    }
  }

  private static String mask(String line, Set<String> found) {
    return SecretScanner.mask(line, found);
  }

  private static String describe(Throwable thrown) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      text.append(cause).append('\n');
      for (Throwable suppressed : cause.getSuppressed()) {
        text.append(suppressed).append('\n');
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return text.toString();
  }

  private static void tempDirs(Object instance, Set<Path> roots) {
    for (Class<?> type = instance.getClass(); type != null; type = type.getSuperclass()) {
      tempDirs(type, instance, roots);
    }
  }

  /**
   * Adds the values of the {@code @TempDir} fields of {@code type}: static ones when no instance.
   */
  private static void tempDirs(Class<?> type, Object instance, Set<Path> roots) {
    for (Field field : type.getDeclaredFields()) {
      boolean isStatic = Modifier.isStatic(field.getModifiers());
      if (!field.isAnnotationPresent(TempDir.class) || isStatic != (instance == null)) {
        continue;
      }
      try {
        field.setAccessible(true);
        Object value = field.get(instance);
        if (value instanceof Path path) {
          roots.add(path);
        } else if (value instanceof File file) {
          roots.add(file.toPath());
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // A field the audit cannot read is skipped; the log lines are still checked.
      }
    }
  }

  private static List<Path> logFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".log"))
          .toList();
    } catch (UncheckedIOException e) {
      // A file removed while walking, for example by the test's own clean-up.
      return List.of();
    }
  }

  /** Returns the sync debug files written to the system temporary folder since {@code since}. */
  private static List<Path> debugFilesSince(Instant since) throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> files = new ArrayList<>();
    if (since == null || !Files.isDirectory(tmp)) {
      return files;
    }
    FileTime from = FileTime.from(since.minusSeconds(1));
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(tmp, "linky-*.log")) {
      for (Path file : stream) {
        try {
          if (Files.getLastModifiedTime(file).compareTo(from) >= 0) {
            files.add(file);
          }
        } catch (IOException e) {
          // Another process removed it.
        }
      }
    }
    return files;
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
