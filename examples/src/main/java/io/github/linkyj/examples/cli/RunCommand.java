package io.github.linkyj.examples.cli;

import picocli.CommandLine.Command;

@Command(name = "run")
final class RunCommand {}
