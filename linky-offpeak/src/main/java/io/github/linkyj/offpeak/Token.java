package io.github.linkyj.offpeak;

/**
 * One token of an off-peak text.
 *
 * @param kind the token kind
 * @param start the index of the first character in the input
 * @param end the index after the last character in the input
 * @param text the characters of the input that form the token
 * @param word the lower-case form of a word without accents, else the empty string
 * @param minuteOfDay the minute of the day of a time, from 0 to 1440, else -1
 */
record Token(Kind kind, int start, int end, String text, String word, int minuteOfDay) {

  enum Kind {
    /** A time such as {@code 7h}, {@code 07h30}, {@code 7:30} or {@code 24h00}. */
    TIME,
    /** A run of digits that is not a time, such as a usage point id. */
    NUMBER,
    /** A run of letters, possibly joined by hyphens. */
    WORD,
    /** The range separator {@code -} or {@code _}. */
    SEPARATOR,
    /** A comma or a semicolon. */
    PUNCTUATION,
    /** An opening parenthesis. */
    OPEN,
    /** A closing parenthesis. */
    CLOSE,
    /** The end of the input. */
    END
  }

  boolean is(Kind expected) {
    return kind == expected;
  }

  boolean isWord(String expected) {
    return kind == Kind.WORD && word.equals(expected);
  }
}
