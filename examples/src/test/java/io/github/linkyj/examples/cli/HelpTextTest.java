package io.github.linkyj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.linkyj.examples.cli.config.ConfigKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class HelpTextTest {
  private static List<CommandLine> allCommands(CommandLine command) {
    List<CommandLine> all = new ArrayList<>();
    all.add(command);
    for (CommandLine sub : command.getSubcommands().values()) {
      all.addAll(allCommands(sub));
    }
    return all;
  }

  @Test
  void everyOptionHasDescription() {
    for (CommandLine command : allCommands(LinkyCommand.commandLine())) {
      for (OptionSpec option : command.getCommandSpec().options()) {
        String text = String.join(" ", option.description());
        assertThat(text)
            .as(command.getCommandSpec().qualifiedName() + " " + option.longestName())
            .hasSizeGreaterThan(15);
      }
    }
  }

  @Test
  void configOptionsNameKeyAndVariable() {
    CommandLine sync = LinkyCommand.commandLine().getSubcommands().get("sync");
    for (ConfigKey key : ConfigKey.values()) {
      OptionSpec option = sync.getCommandSpec().findOption(ConfigOptions.optionName(key));
      if (key.isSecret()) {
        assertThat(option).as(key.key()).isNull();
        continue;
      }
      assertThat(option).as(key.key()).isNotNull();
      assertThat(String.join(" ", option.description()))
          .contains("Sets " + key.key())
          .contains(key.environmentVariable());
    }
  }

  @Test
  void subcommandHelpShowsExitCodes() {
    for (String name : List.of("consent", "sync", "run", "demo", "convert", "fetch")) {
      Cli.Result result = Cli.run(name, "--help");

      assertThat(result.exitCode()).as(name).isZero();
      assertThat(result.out())
          .as(name)
          .contains("Usage: linky " + name)
          .contains("Exit codes:")
          .contains("3     consent missing, denied or expired: run linky consent");
    }
  }

  @Test
  void helpTextsStateUnits() {
    assertThat(Cli.run("demo", "--help").out()).contains("(Wh)").contains("YYYY-MM-DD");
    assertThat(Cli.run("convert", "--help").out()).contains("energy in Wh");
    assertThat(Cli.run("sync", "--help").out())
        .contains("--days-history=DAYS")
        .contains("2 to 1095");
  }
}
