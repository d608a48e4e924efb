package io.github.linkyj.offpeak;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when an off-peak text cannot be parsed.
 *
 * <p>The exception names the whole input, the 0-based index of the first character that could not
 * be read, the offending token (empty at the end of the input) and a hint of what is accepted at
 * that index. Every parse method of this package reports bad text with this exception and with no
 * other exception type.
 */
public final class OffPeakParseException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String input;
  private final int index;
  private final String token;
  private final String hint;

  /**
   * Creates an exception.
   *
   * @param problem what is wrong with the token, as a sentence start such as {@code Unknown word
   *     "foo"}
   * @param input the whole text that was parsed
   * @param index the 0-based index of the offending token in {@code input}
   * @param token the offending token, empty at the end of the input
   * @param hint what is accepted at {@code index}, such as {@code a time such as 06h00}
   */
  public OffPeakParseException(String problem, String input, int index, String token, String hint) {
    super(message(problem, input, index, hint));
    this.input = requireNonNull(input, "input");
    this.index = index;
    this.token = requireNonNull(token, "token");
    this.hint = requireNonNull(hint, "hint");
  }

  private static String message(String problem, String input, int index, String hint) {
    return problem
        + " at index "
        + index
        + " of off-peak hours \""
        + input
        + "\". Expected "
        + hint
        + ".";
  }

  /** Returns the whole text that was parsed. */
  public String input() {
    return input;
  }

  /** Returns the 0-based index of the offending token in {@link #input()}. */
  public int index() {
    return index;
  }

  /** Returns the offending token, or an empty string when the input ended too early. */
  public String token() {
    return token;
  }

  /** Returns what is accepted at {@link #index()}, such as {@code a time such as 06h00}. */
  public String hint() {
    return hint;
  }
}
