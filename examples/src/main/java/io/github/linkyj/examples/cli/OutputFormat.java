package io.github.linkyj.examples.cli;

/** The text form of the rows printed by {@code convert} and {@code fetch}. */
enum OutputFormat {
  CSV,
  JSON
}
