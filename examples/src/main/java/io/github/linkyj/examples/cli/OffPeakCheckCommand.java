package io.github.linkyj.examples.cli;

import io.github.linkyj.offpeak.OffPeakSchedule;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code linky offpeak check TEXT}: validates off-peak hours and prints their canonical form. */
@Command(
    name = "check",
    description = {
      "Parses off-peak hours and prints their canonical form.",
      "Exits with 2 and names the position of the error when the text is invalid."
    })
final class OffPeakCheckCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "TEXT",
      description = {
        "Off-peak hours such as \"22h00-6h00 sa di 0h-24h\", or an Enedis contract value such as"
            + " \"HC (22H00-6H00;12H30-14H30)\". Several words are joined with spaces."
      })
  private List<String> words;

  @Override
  public Integer call() {
    Optional<OffPeakSchedule> schedule = OffPeakText.parse(OffPeakText.join(words), err());
    if (schedule.isEmpty()) {
      return LinkyCommand.EXIT_INVALID_INPUT;
    }
    String canonical = schedule.get().toString();
    spec.commandLine().getOut().println(canonical);
    spec.commandLine().getOut().flush();
    if (canonical.isEmpty()) {
      // The canonical form of "no off-peak hours" is an empty line, which looks like no output.
      err()
          .println(
              "linky offpeak check: the schedule is empty: no off-peak hours, all hours peak.");
      err().flush();
    }
    return 0;
  }

  private java.io.PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
