package io.github.linkyj.offpeak;

import io.github.linkyj.offpeak.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the Enedis contract form, {@code HC (22H00-6H00;12H30-14H30)}, see {@link
 * OffPeakSchedule#parseContract}.
 */
final class ContractParser {
  private final Lexer lexer;
  private final List<TimeRange> ranges = new ArrayList<>();

  ContractParser(Lexer lexer) {
    this.lexer = lexer;
  }

  DayRanges parse() {
    Token token = lexer.next();
    if (token.is(Kind.END)) {
      return DayRanges.none();
    }
    if (!token.isWord("hc")) {
      throw lexer.error(
          "Unexpected \"" + token.text() + "\" at the start of the contract form",
          token,
          "HC followed by ranges in parentheses, such as HC (22H00-6H00;12H30-14H30)");
    }
    readGroup(lexer.next());
    for (token = lexer.next(); token.is(Kind.PUNCTUATION) && token.text().equals(","); ) {
      readGroup(lexer.next());
      token = lexer.next();
    }
    if (!token.is(Kind.END)) {
      throw lexer.error(
          "Unexpected \"" + token.text() + "\" after the closing parenthesis",
          token,
          "the end of the text, or a comma and another group such as (12H30-14H30)");
    }
    return DayRanges.of(ranges);
  }

  /** Reads {@code ( [RANGE (; RANGE)*] )} from its opening parenthesis. */
  private void readGroup(Token open) {
    if (!open.is(Kind.OPEN)) {
      throw lexer.error(
          "Missing opening parenthesis", open, "\"(\" and ranges, such as (22H00-6H00)");
    }
    Token token = lexer.next();
    if (token.is(Kind.CLOSE)) {
      return;
    }
    while (true) {
      if (token.is(Kind.END)) {
        throw missingClose(token);
      }
      if (!token.is(Kind.TIME)) {
        throw lexer.error(
            "Unexpected \"" + token.text() + "\" in the contract ranges",
            token,
            "a time range such as 22H00-6H00");
      }
      ranges.add(RangeReader.read(lexer, token));
      token = lexer.next();
      if (token.is(Kind.CLOSE)) {
        return;
      }
      if (token.is(Kind.END)) {
        throw missingClose(token);
      }
      if (!token.is(Kind.PUNCTUATION) || !token.text().equals(";")) {
        throw lexer.error(
            "Unexpected \"" + token.text() + "\" after a contract range",
            token,
            "\";\" and another range, or \")\"");
      }
      token = lexer.next();
    }
  }

  private OffPeakParseException missingClose(Token end) {
    return lexer.error(
        "Missing closing parenthesis", end, "\")\" after the ranges, as in HC (22H00-6H00)");
  }
}
