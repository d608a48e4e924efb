package io.github.linkyj.offpeak;

import io.github.linkyj.offpeak.Token.Kind;

/** Reads the rest of a range, {@code SEPARATOR TIME}, after its start time. */
final class RangeReader {
  private RangeReader() {}

  static TimeRange read(Lexer lexer, Token start) {
    Token separator = lexer.next();
    if (!isSeparator(separator)) {
      throw lexer.error(
          "Time \"" + start.text() + "\" is not followed by a range separator",
          separator,
          "a separator (-, _, à, a or to) and an end time, as in 22h00-06h00");
    }
    Token end = lexer.next();
    if (!end.is(Kind.TIME)) {
      throw lexer.error(
          "Range starting at \"" + start.text() + "\" has no end time",
          end,
          "an end time such as 06h00 or 6:00");
    }
    return range(lexer, start, end);
  }

  static boolean isSeparator(Token token) {
    return token.is(Kind.SEPARATOR) || token.isWord("a") || token.isWord("to");
  }

  private static TimeRange range(Lexer lexer, Token start, Token end) {
    String text = lexer.input().substring(start.start(), end.end());
    int startMinute = start.minuteOfDay();
    int endMinute = end.minuteOfDay();
    if (startMinute == TimeRange.MINUTES_PER_DAY) {
      throw lexer.error(
          "Range \"" + text + "\" starts at the end of the day",
          start.start(),
          text,
          "a start time from 0h00 to 23h59");
    }
    if (startMinute == endMinute) {
      throw lexer.error(
          "Empty range \"" + text + "\"",
          start.start(),
          text,
          "an end time that differs from the start time, such as 0h00-24h00 for the whole day");
    }
    return TimeRange.ofMinutes(startMinute, endMinute);
  }
}
