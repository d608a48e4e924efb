package io.github.linkyj.examples.cli;

import picocli.CommandLine.Command;

@Command(name = "demo")
final class DemoCommand {}
