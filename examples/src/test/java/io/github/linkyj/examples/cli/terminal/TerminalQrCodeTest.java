package io.github.linkyj.examples.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nayuki.qrcodegen.QrCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalQrCodeTest {
  private static final String URL = "https://consent.example.test/device?user_code=WDJB-MJHT";

  @Test
  void linesMatchModuleRows() {
    int size = QrCode.encodeText(URL, QrCode.Ecc.MEDIUM).size;
    int width = size + 8;

    List<String> lines = TerminalQrCode.render(URL, false).lines().toList();

    assertThat(lines).hasSize((width + 1) / 2);
    assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(width));
  }

  @Test
  void modulesDecodeBackToCode() {
    QrCode code = QrCode.encodeText(URL, QrCode.Ecc.MEDIUM);

    List<String> lines = TerminalQrCode.render(URL, false).lines().toList();

    for (int y = 0; y < code.size; y++) {
      String line = lines.get((y + 4) / 2);
      boolean upperHalf = (y + 4) % 2 == 0;
      for (int x = 0; x < code.size; x++) {
        char block = line.charAt(x + 4);
        boolean drawn =
            upperHalf
                ? block == '\u2580' || block == '\u2588'
                : block == '\u2584' || block == '\u2588';
        assertThat(drawn).as("module (%d, %d)", x, y).isEqualTo(code.getModule(x, y));
      }
    }
  }

  @Test
  void quietZoneIsBlankOnLightTerminal() {
    List<String> lines = TerminalQrCode.render(URL, false).lines().toList();

    assertThat(lines.get(0)).isBlank();
    assertThat(lines.get(1)).isBlank();
    assertThat(lines.get(5)).startsWith("    ");
  }

  @Test
  void darkTerminalInvertsModules() {
    String light = TerminalQrCode.render(URL, false);
    String dark = TerminalQrCode.render(URL, true);

    assertThat(dark.lines().toList().get(0)).matches("\u2588+");
    assertThat(dark).isNotEqualTo(light);
  }
}
