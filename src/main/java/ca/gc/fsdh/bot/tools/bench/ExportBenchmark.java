package ca.gc.fsdh.bot.tools.bench;

import ca.gc.fsdh.bot.migration.WorkspaceExport;
import ca.gc.fsdh.bot.migration.client.DatabricksClients;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.secrets.InMemorySecretValues;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench export}: exports a sample workspace from the Databricks stand-in (latency and the
 * default rate limits on) and prints wall time, the rate-limit bound, their ratio and peak heap. A
 * command, not a timed test: figures depend on the machine.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Export a sample workspace from the stand-in; print wall time, rate-limit bound, ratio and peak heap.")
public final class ExportBenchmark implements Callable<Integer> {
  @Option(
      names = "--notebooks",
      defaultValue = "2000",
      description = "Notebooks (default: ${DEFAULT-VALUE}).")
  int notebooks;

  @Option(
      names = "--folders",
      defaultValue = "120",
      description = "Folders (default: ${DEFAULT-VALUE}).")
  int folders;

  @Option(
      names = "--latency-ms",
      defaultValue = "20",
      description = "Stand-in latency (default: ${DEFAULT-VALUE}).")
  int latencyMs;

  @Option(names = "--types", description = "Types to export (default: all six).")
  String types;

  @Option(
      names = "--no-permissions",
      description = "Do not read object permissions (default: read them).")
  boolean noPermissions;

  @Option(
      names = "--workers",
      defaultValue = "8",
      description = "Workers per type (default: ${DEFAULT-VALUE}).")
  int workers;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    var spec = BenchSample.spec(notebooks, folders);
    var serverOptions =
        FakeDatabricksOptions.builder().latency(Duration.ofMillis(latencyMs)).build();
    Path bundle = Files.createTempDirectory("fsdh-bench-");
    try (var server = FakeDatabricks.start(serverOptions)) {
      SampleWorkspace.seed(server.state(), spec);
      var config = FakeDatabricksConfig.pat(server);
      var paced = DatabricksClients.create(config, RateLimits.defaults());
      var typeSet = ResourceType.parseList(types);
      var values =
          new InMemorySecretValues(); // values read through command execution, as in a migration
      var options =
          ExportOptions.allTypes()
              .withTypes(typeSet)
              .withPermissions(!noPermissions)
              .withWorkers(workers)
              .withSecretsCluster(SampleWorkspace.MIGRATION_CLUSTER_ID, values)
              .withSqlWarehouse(SampleWorkspace.WAREHOUSE_ID);
      server.requestLog().reset();
      WorkspaceExport.Result result;
      var heap = new HeapSampler();
      long start = System.nanoTime();
      try (heap) {
        result =
            new WorkspaceExport(paced.workspace(), server.host())
                .run(bundle, options, ProgressListener.NONE);
      } finally {
        values.clear();
      }
      double wall = (System.nanoTime() - start) / 1e9;

      out.printf(
          Locale.ROOT,
          "sample: %d notebooks in %d folders, 100 jobs, 50 repos, 10x10 secrets, %d grants, 20x3 models;"
              + " types %s; permissions %s; latency %d ms; workers %d/type%n",
          notebooks,
          folders,
          server.state().tables().all().size(),
          typeSet,
          noPermissions ? "off" : "on",
          latencyMs,
          workers);
      double bound = 0;
      EndpointGroup worst = null;
      var times = new TreeMap<Double, EndpointGroup>(Comparator.reverseOrder());
      for (var e : server.requestLog().receivedByGroup().entrySet()) {
        double limit = serverOptions.limitFor(e.getKey());
        if (limit <= 0) {
          out.printf(Locale.ROOT, "  %-18s %6d calls  (not limited)%n", e.getKey(), e.getValue());
          continue;
        }
        double t = e.getValue() / limit;
        out.printf(
            Locale.ROOT,
            "  %-18s %6d calls / %5.0f per s = %6.2f s   (429: %d)%n",
            e.getKey(),
            e.getValue(),
            limit,
            t,
            server.requestLog().throttled(e.getKey()));
        times.put(t, e.getKey());
        if (t > bound) {
          bound = t;
          worst = e.getKey();
        }
      }
      var m = result.manifest();
      m.counts()
          .forEach((t, c) ->
              out.printf(
                  Locale.ROOT,
                  "  %-10s exported %d, skipped %d, failed %d%n",
                  t,
                  c.exported(),
                  c.skipped(),
                  c.failed()));
      out.printf(Locale.ROOT, "wall time:        %.2f s%n", wall);
      out.printf(Locale.ROOT, "rate-limit bound: %.2f s (%s)%n", bound, worst);
      var next = new StringBuilder();
      times.entrySet().stream()
          .limit(3)
          .forEach(e ->
              next.append(next.isEmpty() ? "" : ", ")
                  .append(String.format(Locale.ROOT, "%s %.2f s", e.getValue(), e.getKey())));
      out.printf(Locale.ROOT, "bounding groups:  %s%n", next);
      out.printf(Locale.ROOT, "ratio:            %.3f (target <= 1.15)%n", wall / bound);
      heap.print(out);
      out.printf(
          Locale.ROOT,
          "client retries:   %d (429 seen: %d)%n",
          paced.http().retries(),
          paced.http().throttled());
      out.flush();
      return m.totalFailed() == 0 ? 0 : 1;
    } finally {
      ScratchFiles.deleteTree(bundle);
    }
  }
}
