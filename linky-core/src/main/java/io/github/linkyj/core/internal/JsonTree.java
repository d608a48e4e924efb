package io.github.linkyj.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Reads JSON into plain maps, lists, strings, doubles, booleans and nulls. */
public final class JsonTree {
  private static final JsonAdapter<Object> ADAPTER =
      new Moshi.Builder().build().adapter(Object.class);

  private JsonTree() {}

  /**
   * Parses {@code text}.
   *
   * @throws IOException if the text is not complete, well-formed JSON
   */
  public static Object parse(String text) throws IOException {
    if (text == null || text.isBlank()) {
      throw new IOException("empty body");
    }
    return ADAPTER.fromJson(text);
  }

  /** Returns {@code node} as an object, or null when it is not one. */
  @SuppressWarnings("unchecked") // Moshi reads every JSON object as Map<String, Object>.
  public static Map<String, Object> object(Object node) {
    return node instanceof Map<?, ?> ? (Map<String, Object>) node : null;
  }

  /** Returns {@code node} as an array, or null when it is not one. */
  @SuppressWarnings("unchecked") // Moshi reads every JSON array as List<Object>.
  public static List<Object> array(Object node) {
    return node instanceof List<?> ? (List<Object>) node : null;
  }

  /** Returns a string or number member as text, or null when it is absent, null or structured. */
  public static String text(Map<String, Object> object, String name) {
    if (object == null) {
      return null;
    }
    Object value = object.get(name);
    if (value instanceof String string) {
      return string;
    }
    if (value instanceof Double number) {
      return number == Math.rint(number) && !Double.isInfinite(number)
          ? Long.toString(number.longValue())
          : number.toString();
    }
    return null;
  }
}
