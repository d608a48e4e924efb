package io.github.linkyj.examples.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

  private String printed() {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void plainOutputPrintsOneLinePerPercent() {
    ProgressBar bar = new ProgressBar(out, false, "sync");

    bar.update(0, 200, "a");
    bar.update(1, 200, "b");
    bar.update(2, 200, "c");
    bar.finish();

    assertThat(printed().lines()).containsExactly("sync: 0/200 (0%) a", "sync: 2/200 (1%) c");
  }

  @Test
  void terminalRedrawsSameLine() {
    ProgressBar bar = new ProgressBar(out, true, "sync");

    bar.update(5, 10, "half");
    bar.update(10, 10, "done");
    bar.finish();

    String text = printed();
    assertThat(text).startsWith("\rsync [###############               ]  50% half");
    assertThat(text).contains("\rsync [##############################] 100% done");
    assertThat(text).endsWith(System.lineSeparator());
  }

  @Test
  void rejectsStepsOutsideTotal() {
    ProgressBar bar = new ProgressBar(out, false, "sync");

    assertThatThrownBy(() -> bar.update(11, 10, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("done must be from 0 to 10: 11");
    assertThatThrownBy(() -> bar.update(0, 0, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("total must be positive: 0");
  }
}
