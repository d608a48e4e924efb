package io.github.linkyj.examples.cli;

import picocli.CommandLine.Command;

@Command(name = "sync")
final class SyncCommand {}
