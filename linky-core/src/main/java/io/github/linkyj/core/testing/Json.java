package io.github.linkyj.core.testing;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the simulator's JSON as plain maps and lists, keeping key order. */
final class Json {
  private static final JsonAdapter<Object> ADAPTER =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  private Json() {}

  static String write(Object value) {
    return ADAPTER.toJson(value);
  }

  /** Builds an ordered object from alternating keys and values. */
  static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  /** Parses text that must hold a JSON object, or returns null if it does not. */
  static Map<String, Object> tryParseObject(String text) {
    try {
      Object value = ADAPTER.fromJson(text);
      return value instanceof Map ? cast(value) : null;
    } catch (IOException | JsonDataException e) {
      return null;
    }
  }

  static Map<String, Object> parseObject(String text, Path file) {
    try {
      Object value = ADAPTER.fromJson(text);
      return asObject(value, "the top level", file);
    } catch (JsonEncodingException | JsonDataException e) {
      throw new IllegalArgumentException(
          "Invalid JSON in recorded file " + file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("Unreadable JSON in recorded file " + file, e);
    }
  }

  static Map<String, Object> asObject(Object value, String where, Path file) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(
          "Recorded file " + file + " needs a JSON object at " + where);
    }
    return cast(value);
  }

  static Map<String, Object> object(Map<String, Object> parent, String key, Path file) {
    return asObject(parent.get(key), "'" + key + "'", file);
  }

  static List<Object> list(Map<String, Object> parent, String key, Path file) {
    Object value = parent.get(key);
    if (!(value instanceof List)) {
      throw new IllegalArgumentException(
          "Recorded file " + file + " needs a JSON array at '" + key + "'");
    }
    @SuppressWarnings("unchecked") // Moshi's Object adapter reads JSON arrays as List<Object>.
    List<Object> list = (List<Object>) value;
    return list;
  }

  static String string(Map<String, Object> parent, String key, Path file) {
    Object value = parent.get(key);
    if (!(value instanceof String)) {
      throw new IllegalArgumentException(
          "Recorded file " + file + " needs a string at '" + key + "'");
    }
    return (String) value;
  }

  /**
   * Follows a path of keys from a document, taking the first element of any array on the way, or
   * returns null when a key is missing.
   */
  static Map<String, Object> find(Map<String, Object> document, String... keys) {
    Object current = document;
    for (String key : keys) {
      if (current instanceof List<?> list) {
        current = list.isEmpty() ? null : list.get(0);
      }
      if (!(current instanceof Map)) {
        return null;
      }
      current = ((Map<?, ?>) current).get(key);
    }
    if (current instanceof List<?> list) {
      current = list.isEmpty() ? null : list.get(0);
    }
    return current instanceof Map ? cast(current) : null;
  }

  @SuppressWarnings("unchecked") // Moshi's Object adapter reads JSON objects as Map<String, ?>.
  private static Map<String, Object> cast(Object value) {
    return (Map<String, Object>) value;
  }
}
