package io.github.linkyj.examples.cli;

import io.github.linkyj.core.LinkyException;
import io.github.linkyj.core.auth.AccessToken;
import io.github.linkyj.core.auth.ConsentProxyTokenProvider;
import io.github.linkyj.core.auth.DeviceFlow;
import io.github.linkyj.core.auth.GatewayTokenProvider;
import io.github.linkyj.core.auth.StoredTokens;
import io.github.linkyj.examples.cli.config.ConfigException;
import io.github.linkyj.examples.cli.config.RunnerConfig;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code linky consent}: obtains the consent of the configured source and stores its tokens.
 *
 * <p>For a consent proxy it runs the device flow: it prints the page, the user code and a QR code,
 * waits for the approval and stores the tokens in {@code token.file}. For Enedis Data Connect it
 * checks that the client credentials are accepted; for a gateway it decodes the token.
 */
@Command(
    name = "consent",
    description = {
      "Gets the consent of the configured source and stores the tokens.",
      "proxy: runs the device flow (page, user code, QR code), waits for the approval and stores"
          + " the tokens in token.file. data-connect: checks the client id and secret. gateway:"
          + " prints the usage points and expiry of gateway.token."
    })
final class ConsentCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws ConfigException, LinkyException, InterruptedException {
    LinkyCommand linky = LinkyCommand.of(spec);
    RunnerConfig config = linky.loadConfig();
    PrintWriter out = spec.commandLine().getOut();
    try (Source source = Source.open(config, linky.clock())) {
      if (source.simulator().isPresent()) {
        out.println("Consent given on the " + source.description() + ".");
        printUsagePoints(out, source.consentProxy().orElseThrow().usagePointIds());
      } else if (source.consentProxy().isPresent()) {
        runDeviceFlow(source.consentProxy().get(), linky, out);
      } else if (source.gateway().isPresent()) {
        describeGatewayToken(source.gateway().get(), out);
      } else {
        checkClientCredentials(source, out);
      }
    }
    out.flush();
    return ExitCode.OK;
  }

  private static void runDeviceFlow(
      ConsentProxyTokenProvider proxy, LinkyCommand linky, PrintWriter out)
      throws LinkyException, InterruptedException {
    DeviceFlow flow = proxy.startDeviceAuthorization();
    StoredTokens tokens =
        ConsentPrompt.showAndAwait(flow, linky.clock(), out, linky.shutdownHooks());
    out.println("Consent received and stored.");
    printUsagePoints(out, tokens.usagePointIds());
  }

  private static void describeGatewayToken(GatewayTokenProvider gateway, PrintWriter out)
      throws LinkyException {
    AccessToken token = gateway.accessToken();
    out.println("The gateway token is readable.");
    printUsagePoints(out, gateway.usagePointIds());
    Instant expiry = token.expiresAt();
    out.println(
        Instant.MAX.equals(expiry)
            ? "It has no expiry date."
            : "It expires at " + expiry + "; get a new one from the gateway before then.");
  }

  private static void checkClientCredentials(Source source, PrintWriter out) throws LinkyException {
    AccessToken token = source.clientTokens().accessToken();
    out.println(
        "Enedis accepted the client id and secret; the token is valid until "
            + token.expiresAt()
            + ".");
    try {
      out.println(
          "Data Connect reads the usage points listed in usage-points: "
              + String.join(", ", source.usagePointIds()));
    } catch (ConfigException e) {
      out.println(e.getMessage());
    }
  }

  private static void printUsagePoints(PrintWriter out, List<String> ids) {
    out.println("Usage points (" + ids.size() + "): " + String.join(", ", ids));
  }
}
