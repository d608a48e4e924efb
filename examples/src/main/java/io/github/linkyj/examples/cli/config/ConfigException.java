package io.github.linkyj.examples.cli.config;

/** Thrown when the {@code linky} settings are missing, invalid or unreadable. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message names the setting, its origin and the fix. */
  public ConfigException(String message) {
    super(message);
  }
}
