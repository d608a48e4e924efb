package io.github.linkyj.offpeak;

import io.github.linkyj.offpeak.Token.Kind;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Splits an off-peak text into tokens, skipping white space. */
final class Lexer {
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private final String input;
  private int position;

  Lexer(String input) {
    this.input = input;
  }

  String input() {
    return input;
  }

  Token next() {
    skipWhiteSpace();
    if (position >= input.length()) {
      return new Token(Kind.END, position, position, "", "", -1);
    }
    int codePoint = input.codePointAt(position);
    if (isAsciiDigit(codePoint)) {
      return numberOrTime();
    }
    if (Character.isLetter(codePoint)) {
      return word();
    }
    return symbol(codePoint);
  }

  OffPeakParseException error(String problem, int index, String token, String hint) {
    return new OffPeakParseException(problem, input, index, token, hint);
  }

  OffPeakParseException error(String problem, Token token, String hint) {
    return error(problem, token.start(), token.text(), hint);
  }

  private Token symbol(int codePoint) {
    int start = position;
    position += Character.charCount(codePoint);
    String text = input.substring(start, position);
    switch (codePoint) {
      case '-':
      case '_':
        return new Token(Kind.SEPARATOR, start, position, text, "", -1);
      case ',':
      case ';':
        return new Token(Kind.PUNCTUATION, start, position, text, "", -1);
      case '(':
        return new Token(Kind.OPEN, start, position, text, "", -1);
      case ')':
        return new Token(Kind.CLOSE, start, position, text, "", -1);
      default:
        throw error(
            "Unexpected character \"" + text + "\"",
            start,
            text,
            "a time range such as 22h00-06h00, a word, a 14-digit usage point id, a comma or a"
                + " semicolon");
    }
  }

  private Token word() {
    int start = position;
    while (position < input.length()) {
      int codePoint = input.codePointAt(position);
      if (Character.isLetter(codePoint) || isMark(codePoint)) {
        position += Character.charCount(codePoint);
      } else if (codePoint == '-' && isLetterAt(position + 1)) {
        position++;
      } else {
        break;
      }
    }
    String text = input.substring(start, position);
    return new Token(Kind.WORD, start, position, text, normalize(text), -1);
  }

  private Token numberOrTime() {
    int start = position;
    int digitsEnd = skipDigits(start);
    int marker = skipSpaces(digitsEnd);
    if (!isTimeMarkerAt(marker)) {
      position = digitsEnd;
      String text = input.substring(start, digitsEnd);
      return new Token(Kind.NUMBER, start, digitsEnd, text, "", -1);
    }
    return time(start, digitsEnd, marker);
  }

  private Token time(int start, int digitsEnd, int marker) {
    String hourText = input.substring(start, digitsEnd);
    if (hourText.length() > 2) {
      throw error(
          "Hour \"" + hourText + "\" has more than two digits",
          start,
          hourText,
          "an hour from 0 to 24");
    }
    int hour = Integer.parseInt(hourText);
    boolean colon = input.charAt(marker) == ':';
    int minutesStart = marker + 1;
    int minutesEnd = skipDigits(minutesStart);
    int minute = minutes(start, minutesStart, minutesEnd, colon);
    position = minutesEnd;

    String text = input.substring(start, minutesEnd);
    if (hour > 24) {
      throw error("Hour " + hour + " is out of range", start, text, "an hour from 0 to 24");
    }
    if (hour == 24 && minute != 0) {
      throw error(
          "Time \"" + text + "\" is past the end of the day",
          start,
          text,
          "24h00 or an earlier time");
    }
    return new Token(Kind.TIME, start, minutesEnd, text, "", hour * 60 + minute);
  }

  private int minutes(int start, int minutesStart, int minutesEnd, boolean colon) {
    int length = minutesEnd - minutesStart;
    if (length == 0 && !colon) {
      return 0;
    }
    if (length == 0) {
      // Name the time itself: an empty token would point at nothing in the middle of the text.
      String time = input.substring(start, minutesStart);
      throw error(
          "Time \"" + time + "\" has no minutes after \":\"",
          start,
          time,
          "two-digit minutes such as 07h05 or 7:05");
    }
    String text = input.substring(minutesStart, minutesEnd);
    if (length != 2) {
      throw error(
          "Minutes \"" + text + "\" do not have two digits",
          minutesStart,
          text,
          "two-digit minutes such as 07h05 or 7:05");
    }
    int minute = Integer.parseInt(text);
    if (minute > 59) {
      throw error(
          "Minute " + text + " is out of range", minutesStart, text, "minutes from 00 to 59");
    }
    return minute;
  }

  /**
   * Returns whether the character at {@code index} is {@code :}, or an {@code h} not starting a
   * word.
   */
  private boolean isTimeMarkerAt(int index) {
    if (index >= input.length()) {
      return false;
    }
    char marker = input.charAt(index);
    if (marker == ':') {
      return true;
    }
    return (marker == 'h' || marker == 'H') && !isLetterAt(index + 1);
  }

  private void skipWhiteSpace() {
    while (position < input.length()) {
      int codePoint = input.codePointAt(position);
      if (!Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)) {
        return;
      }
      position += Character.charCount(codePoint);
    }
  }

  private int skipSpaces(int index) {
    int current = index;
    while (current < input.length() && input.charAt(current) == ' ') {
      current++;
    }
    return current;
  }

  private int skipDigits(int index) {
    int current = index;
    while (current < input.length() && isAsciiDigit(input.charAt(current))) {
      current++;
    }
    return current;
  }

  private boolean isLetterAt(int index) {
    return index < input.length() && Character.isLetter(input.codePointAt(index));
  }

  private static boolean isAsciiDigit(int codePoint) {
    return codePoint >= '0' && codePoint <= '9';
  }

  private static boolean isMark(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** Returns the word in lower case without accents, so that {@code Fériés} reads as "feries". */
  static String normalize(String word) {
    String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
    return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
