package io.github.linkyj.core.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses and validates lists of usage point ids (PRM), which are 14-digit strings. */
final class UsagePointIds {
  private static final Pattern USAGE_POINT_ID = Pattern.compile("\\d{14}");
  private static final Pattern SEPARATORS = Pattern.compile("[,;]");

  private UsagePointIds() {}

  /**
   * Returns the ids of a JSON value that is either one string separated by commas or semicolons or
   * an array of strings. Ids keep their leading zeros, duplicates are dropped and order is kept.
   *
   * @throws IllegalArgumentException naming the bad value when an id is not 14 digits
   */
  static List<String> fromJson(Object value) {
    Set<String> ids = new LinkedHashSet<>();
    if (value instanceof String text) {
      addSeparated(text, ids);
    } else if (value instanceof List<?> list) {
      for (Object element : list) {
        if (!(element instanceof String text)) {
          throw new IllegalArgumentException(
              "usage point id " + element + " is not a string; ids are 14-digit strings");
        }
        addSeparated(text, ids);
      }
    } else if (value != null) {
      throw new IllegalArgumentException(
          "usage point ids must be a string or an array of strings, not " + value);
    }
    return List.copyOf(ids);
  }

  /** Checks each id and returns an unmodifiable copy without duplicates. */
  static List<String> validate(List<String> ids) {
    Set<String> checked = new LinkedHashSet<>();
    for (String id : ids) {
      checked.add(check(id));
    }
    return List.copyOf(new ArrayList<>(checked));
  }

  private static void addSeparated(String text, Set<String> ids) {
    for (String part : SEPARATORS.split(text)) {
      String id = part.strip();
      if (!id.isEmpty()) {
        ids.add(check(id));
      }
    }
  }

  private static String check(String id) {
    if (id == null || !USAGE_POINT_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "Invalid usage point id \"" + id + "\": expected exactly 14 digits");
    }
    return id;
  }
}
