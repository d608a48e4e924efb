package io.github.linkyj.core.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the main classes of a module that keep a secret and print their own {@code toString()}, so
 * a test can check that it covers each of them. A field keeps a secret when it is an instance field
 * of an object type whose name contains token, secret, password, device code or auth. A class
 * prints its own {@code toString()} when it is a record or declares the method; {@link Object}'s
 * version prints no field.
 */
public final class SecretHolders {
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(token|secret|password|devicecode|auth).*");

  private SecretHolders() {}

  /** Returns such classes among those compiled next to {@code anchor}, by name. */
  public static List<Class<?>> besides(Class<?> anchor) {
    Path root = classesRoot(anchor);
    List<Class<?>> holders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        Class<?> type = load(root, file, anchor.getClassLoader());
        if (keepsSecret(type) && printsItself(type)) {
          holders.add(type);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the classes in " + root, e);
    }
    return holders;
  }

  private static Path classesRoot(Class<?> anchor) {
    try {
      return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the classes of " + anchor, e);
    }
  }

  private static Class<?> load(Path root, Path file, ClassLoader loader) {
    String relative = root.relativize(file).toString();
    String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Cannot load " + name, e);
    }
  }

  private static boolean keepsSecret(Class<?> type) {
    if (Throwable.class.isAssignableFrom(type)) {
      return false;
    }
    for (Field field : type.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())
          && !field.getType().isPrimitive()
          && SECRET_NAME.matcher(field.getName()).matches()) {
        return true;
      }
    }
    return false;
  }

  private static boolean printsItself(Class<?> type) {
    if (type.isRecord()) {
      return true;
    }
    try {
      type.getDeclaredMethod("toString");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
