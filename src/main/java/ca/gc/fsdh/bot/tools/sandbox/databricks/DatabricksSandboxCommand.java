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

  @Option(
      names = "--unity-catalog",
      defaultValue = "NONE",
      description =
          "NONE: a workspace without metastore holding the POC sample. WITH_HIVE_METASTORE or"
              + " WITHOUT_HIVE_METASTORE: a Unity Catalog PROD prepared for the sample (docs/databricks-standin.md)."
              + " Default: ${DEFAULT-VALUE}.")
  UnityCatalog.Mode unityCatalog;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    var options = FakeDatabricksOptions.builder().port(port).token(token).latencyMillis(latencyMs);
    if (noRateLimits) {
      options.noRateLimits();
    }
    PrintWriter out = spec.commandLine().getOut();
    FakeDatabricks server = FakeDatabricks.start(options.build(), seededState());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    out.println(
        "Databricks stand-in ("
            + sample
            + " sample"
            + (unityCatalog == UnityCatalog.Mode.NONE ? "" : ", Unity Catalog PROD " + unityCatalog)
            + ") listening.");
    out.println("DATABRICKS_HOST=" + server.host());
    out.println("DATABRICKS_TOKEN=" + token);
    if (unityCatalog != UnityCatalog.Mode.NONE) {
      // where model version files go: abfss://<container>@<account>.dfs.core.windows.net/<path> is
      // <endpoint>/<account>/<container>/<path>
      out.println("AZURE_BLOB_ENDPOINT=" + server.blobEndpoint());
    }
    out.println("Stop with Ctrl-C.");
    out.flush();
    new CountDownLatch(1).await();
    return 0;
  }

  /** The POC sample, or a Unity Catalog PROD prepared for it. */
  WorkspaceState seededState() {
    var state = new WorkspaceState();
    state.tables().printKeys(grantKeys);
    var base =
        (sample == Sample.large ? SampleSpec.large() : SampleSpec.small())
            .toBuilder().seed(seed).build();
    if (unityCatalog == UnityCatalog.Mode.NONE) {
      if (sample != Sample.empty) {
        SampleWorkspace.seed(state, base);
      }
    } else if (sample == Sample.empty) {
      state.unityCatalog().enable(unityCatalog, SampleProd.PROD_CATALOG);
    } else {
      var poc = new WorkspaceState();
      SampleWorkspace.seed(poc, base);
      SampleProd.prepareUnityCatalog(poc, state, unityCatalog);
    }
    return state;
  }
}
