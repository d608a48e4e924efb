package io.github.linkyj.examples.cli;

/** Thrown for an invalid argument or input file; the command exits with code 2. */
final class InvalidInputException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message names the value, what is wrong and the fix. */
  InvalidInputException(String message) {
    super(message);
  }

  /** Creates an exception with the failure that caused it. */
  InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
