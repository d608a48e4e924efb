package io.github.linkyj.examples.cli;

import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.auth.DeviceAuthorization;
import io.github.linkyj.core.auth.DeviceFlow;
import io.github.linkyj.core.auth.StoredTokens;
import io.github.linkyj.examples.cli.terminal.TerminalQrCode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * Shows a device authorization to the user and waits for the consent, letting Ctrl-C (SIGINT) or
 * SIGTERM cancel the wait cleanly.
 */
final class ConsentPrompt {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private ConsentPrompt() {}

  /** Prints where to go, the user code and a QR code of the page that carries the code. */
  static void show(DeviceAuthorization authorization, Clock clock, PrintWriter out) {
    String complete =
        authorization.verificationUriComplete().orElse(authorization.verificationUri());
    String expiry = TIME.format(authorization.expiresAt().atZone(clock.getZone()));
    out.println("To let Enedis share your Linky data:");
    out.println("  1. open   " + authorization.verificationUri());
    out.println("  2. enter  " + authorization.userCode());
    out.println("  or scan this QR code, which opens " + complete + ":");
    out.print(TerminalQrCode.render(complete, true));
    out.println("The code expires at " + expiry + ". Waiting for the consent (Ctrl-C cancels)...");
    out.flush();
  }

  /**
   * Shows {@code flow} and waits until the user approves. A JVM shutdown (Ctrl-C) cancels the wait
   * and lets this method return before the JVM exits.
   *
   * @throws java.util.concurrent.CancellationException when cancelled by Ctrl-C
   */
  static StoredTokens showAndAwait(
      DeviceFlow flow, Clock clock, PrintWriter out, ShutdownHooks hooks)
      throws LinkyException, InterruptedException {
    show(flow.authorization(), clock, out);
    Thread waiter = Thread.currentThread();
    ShutdownHooks.Registration hook =
        hooks.register(
            "linky-consent-cancel",
            () -> {
              flow.cancel();
              joinQuietly(waiter);
            });
    try {
      return flow.awaitConsent();
    } finally {
      hook.remove();
    }
  }

  private static void joinQuietly(Thread waiter) {
    try {
      waiter.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
