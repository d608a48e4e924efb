package io.github.linkyj.examples.cli;

/** The exit codes of the {@code linky} command, listed in docs/cli.md. */
final class ExitCode {
  /** The command did what it was asked. */
  static final int OK = 0;

  /** Enedis, the consent source or the network failed, or another unexpected error happened. */
  static final int FAILURE = 1;

  /** An argument, a setting or an input file is invalid; the message names it. */
  static final int INVALID_INPUT = 2;

  /** No valid consent: run {@code linky consent}, or the user denied or let the code expire. */
  static final int CONSENT_REQUIRED = 3;

  /** Domoticz rejected the login, is unreachable, too old, or failed a write. */
  static final int DOMOTICZ_FAILURE = 4;

  /** Nothing was fetched now: Enedis quota reached, or the night pause (22:00 to 08:00). */
  static final int RETRY_LATER = 5;

  /** The user stopped the command with Ctrl-C (128 + SIGINT). */
  static final int CANCELLED = 130;

  private ExitCode() {}
}
