package io.github.linkyj.domoticz.sync;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** Language of the messages shown to the user. */
public enum Language {
  ENGLISH,
  FRENCH;

  /**
   * Parses {@code en}, {@code english}, {@code fr}, {@code french} or {@code français}, ignoring
   * case.
   *
   * @throws IllegalArgumentException naming the text and the accepted values
   */
  public static Language parse(String text) {
    requireNonNull(text, "text");
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "en":
      case "english":
        return ENGLISH;
      case "fr":
      case "french":
      case "français":
      case "francais":
        return FRENCH;
      default:
        throw new IllegalArgumentException(
            "Invalid language '" + text + "': expected en (English) or fr (French)");
    }
  }
}
