package io.github.linkyj.examples.cli.terminal;

import io.nayuki.qrcodegen.QrCode;
import java.util.Objects;

/**
 * Draws a QR code with Unicode block characters so a phone can scan it from a terminal.
 *
 * <p>Each text character covers two modules stacked vertically, using the upper half block {@code
 * U+2580}, the lower half block {@code U+2584}, the full block {@code U+2588} and a space. Dark
 * modules are drawn as blocks, so the code reads correctly on a light-on-dark terminal only when
 * inverted; {@link #render(String, boolean)} chooses.
 */
public final class TerminalQrCode {
  /** Light modules around the code; scanners need four. */
  private static final int QUIET_ZONE = 4;

  private TerminalQrCode() {}

  /**
   * Renders {@code text} as lines of block characters.
   *
   * @param text what the code holds, such as a verification URL
   * @param darkBackground true for a terminal with light text on a dark background, which draws
   *     light modules as blocks
   * @return the QR code, one text line per two module rows, each line ending with a newline
   */
  public static String render(String text, boolean darkBackground) {
    Objects.requireNonNull(text, "text");
    QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    int size = code.size;
    StringBuilder out = new StringBuilder();
    for (int y = -QUIET_ZONE; y < size + QUIET_ZONE; y += 2) {
      for (int x = -QUIET_ZONE; x < size + QUIET_ZONE; x++) {
        boolean top = isDrawn(code, x, y, darkBackground);
        boolean bottom = isDrawn(code, x, y + 1, darkBackground);
        out.append(blockFor(top, bottom));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Returns whether the module at (x, y) is drawn as ink; outside the code is light. */
  private static boolean isDrawn(QrCode code, int x, int y, boolean darkBackground) {
    boolean dark = code.getModule(x, y);
    return darkBackground != dark;
  }

  private static char blockFor(boolean top, boolean bottom) {
    if (top && bottom) {
      return '\u2588';
    }
    if (top) {
      return '\u2580';
    }
    if (bottom) {
      return '\u2584';
    }
    return ' ';
  }
}
