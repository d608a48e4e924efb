package io.github.linkyj.examples.cli;

import picocli.CommandLine.Command;

/** The {@code linky offpeak} group: checks off-peak hours and classifies instants with them. */
@Command(
    name = "offpeak",
    description = "Checks off-peak (\"heures creuses\") hours and classifies instants with them.",
    subcommands = {OffPeakCheckCommand.class, OffPeakClassifyCommand.class})
final class OffPeakCommand {}
