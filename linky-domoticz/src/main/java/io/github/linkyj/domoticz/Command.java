package io.github.linkyj.domoticz;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One {@code json.htm} request: the command name plus its parameters in order, percent-encoded.
 *
 * <p>Domoticz up to 2023.1 read devices, hardware, graphs and settings and created devices with
 * {@code type=<name>}; 2023.2 moved them to {@code type=command&param=<name>} and 2025.1 rejects
 * the old form with HTTP 404. Other commands were {@code type=command} in every version.
 */
final class Command {
  private static final Map<String, String> LEGACY_TYPES =
      Map.of(
          "getdevices", "devices",
          "gethardware", "hardware",
          "graph", "graph",
          "getsettings", "settings",
          "createdevice", "createdevice",
          "setused", "setused");

  /** Parameters that would make {@code setused} delete the device, and so are never sent. */
  private static final Set<String> FORBIDDEN_USED_VALUES = Set.of("false", "0");

  private final String name;
  private final Map<String, String> query = new LinkedHashMap<>();

  private Command(String name, boolean commandStyle) {
    this.name = name;
    String legacyType = LEGACY_TYPES.get(name);
    if (commandStyle || legacyType == null) {
      query.put("type", "command");
      query.put("param", name);
    } else {
      query.put("type", legacyType);
    }
  }

  static Command of(String name, boolean commandStyle) {
    return new Command(name, commandStyle);
  }

  Command with(String key, Object value) {
    String text = String.valueOf(value);
    if (key.equals("used") && FORBIDDEN_USED_VALUES.contains(text)) {
      // setused with used=false deletes the device and all of its history.
      throw new IllegalStateException("Refusing to send used=" + text + ": it deletes the device");
    }
    query.put(key, encode(text));
    return this;
  }

  String name() {
    return name;
  }

  Map<String, String> query() {
    return Collections.unmodifiableMap(query);
  }

  /**
   * Percent-encodes a query value. Letters, digits, {@code -._~} and the {@code ;} and {@code :} of
   * sValues and times stay as they are; a space becomes {@code %20}, never {@code +}, because
   * Domoticz decodes {@code +} as a space but a base64 {@code +} must survive.
   */
  static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isKept(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static boolean isKept(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~'
        || c == ';'
        || c == ':';
  }

  @Override
  public String toString() {
    return name;
  }
}
