package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sandbox databricks}: serves a seeded {@link FakeDatabricks} until the process is killed,
 * and prints the host and token to give the SDK, the CLI or another migration tool.
 */
@Command(
    name = "databricks",
    mixinStandardHelpOptions = true,
    description = "Serve a seeded Databricks workspace stand-in on 127.0.0.1 until killed.")
public final class DatabricksSandboxCommand implements Callable<Integer> {
  enum Sample {
    small,
    large,
    empty
  }

  @Option(
      names = "--port",
      defaultValue = "0",
      description = "Port to listen on (0: a free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--sample",
      defaultValue = "small",
      description = "Sample data: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  Sample sample;

  @Option(
      names = "--latency-ms",
      defaultValue = "0",
      description = "Added to every request. Default: ${DEFAULT-VALUE}.")
  long latencyMs;

  @Option(names = "--no-rate-limits", description = "Answer every request however fast they come.")
  boolean noRateLimits;

  @Option(
      names = "--token",
      defaultValue = FakeDatabricksOptions.DEFAULT_TOKEN,
      description = "The bearer token (PAT) to accept. Default: ${DEFAULT-VALUE}.")
  String token;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the sample data. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--show-grants-keys",
      defaultValue = "BACKQUOTED",
      description =
          "How SHOW GRANTS prints object keys: BACKQUOTED (`db`.`t`, newer runtimes) or PLAIN (db.t, older). Default: ${DEFAULT-VALUE}.")
  TableAclStore.KeyForm grantKeys;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    var options = FakeDatabricksOptions.builder().port(port).token(token).latencyMillis(latencyMs);
    if (noRateLimits) {
      options.noRateLimits();
    }
    var state = new WorkspaceState();
    state.tables().printKeys(grantKeys);
    if (sample != Sample.empty) {
      var base = sample == Sample.small ? SampleSpec.small() : SampleSpec.large();
      SampleWorkspace.seed(state, base.toBuilder().seed(seed).build());
    }
    PrintWriter out = spec.commandLine().getOut();
    FakeDatabricks server = FakeDatabricks.start(options.build(), state);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    out.println("Databricks stand-in (" + sample + " sample) listening.");
    out.println("DATABRICKS_HOST=" + server.host());
    out.println("DATABRICKS_TOKEN=" + token);
    out.println("Stop with Ctrl-C.");
    out.flush();
    new CountDownLatch(1).await();
    return 0;
  }
}
