package ca.gc.fsdh.bot.tools.bench;

import ca.gc.fsdh.bot.migration.CoreMigration;
import ca.gc.fsdh.bot.migration.client.DatabricksClients;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.client.RetryPolicy;
import ca.gc.fsdh.bot.migration.client.Ticker;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.migration.spi.ModelTargetOptions;
import ca.gc.fsdh.bot.migration.verify.ItemCheck;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FaultRates;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleProd;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import ca.gc.fsdh.bot.tools.sandbox.databricks.UnityCatalog;
import ca.gc.fsdh.bot.tools.sandbox.databricks.WorkspaceState;
import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Response;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench migrate}: a full migrate (export, import, verify) of the export benchmark's sample
 * workspace between two stand-ins (latency, default rate limits), printing wall time, the
 * rate-limit bound (for each phase the largest calls/limit over both servers, summed over the three
 * phases, which run one after the other), their ratio and peak heap. {@code --faults} answers 5% of
 * requests with a 429 (Retry-After 1 s, injected in front of the client) and lets the stand-ins
 * fail 2% with a 500.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description =
        "Migrate a sample workspace between two stand-ins; print wall time, bound, ratio and peak heap.")
public final class BenchMigrate implements Callable<Integer> {
  @Option(names = "--notebooks", defaultValue = "2000")
  int notebooks;

  @Option(names = "--folders", defaultValue = "120")
  int folders;

  @Option(names = "--latency-ms", defaultValue = "20")
  int latencyMs;

  @Option(names = "--workers", defaultValue = "8")
  int workers;

  @Option(names = "--faults", description = "Inject 5% 429 and 2% 500.")
  boolean faults;

  @Option(
      names = "--unity-catalog",
      description =
          "Make PROD a Unity Catalog workspace: WITH_HIVE_METASTORE or WITHOUT_HIVE_METASTORE (table ACLs then land in Unity Catalog).")
  UnityCatalog.Mode unityCatalog;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.ERROR);
    var sample = BenchSample.spec(notebooks, folders);
    var options =
        FakeDatabricksOptions.builder()
            .latency(Duration.ofMillis(latencyMs))
            .faults(faults ? new FaultRates(0.02, 0, 0, 11) : FaultRates.NONE)
            .build();
    Path work = Files.createTempDirectory("fsdh-bench-migrate-");
    try (var poc = FakeDatabricks.start(options);
        var prod = FakeDatabricks.start(options)) {
      SampleWorkspace.seed(poc.state(), sample);
      String prodWarehouse = "prod-warehouse";
      if (unityCatalog == null || unityCatalog == UnityCatalog.Mode.NONE) {
        prepareProd(poc.state(), prod.state());
      } else {
        SampleProd.prepareUnityCatalog(poc.state(), prod.state(), unityCatalog);
        // the bench's mapping renames nobody: the account knows that user by the POC name too
        prod.state().unityCatalog().addUser(SampleProd.renamedUser(poc.state()));
        prodWarehouse = SampleProd.PROD_WAREHOUSE;
      }
      var pocClient = client(poc);
      var prodClient = client(prod);
      var phases = new ArrayList<String>();
      double[] bound = {0};
      long[] phaseStart = {System.nanoTime()};
      CoreMigration.Progress progress =
          new CoreMigration.Progress() {
            String current;

            @Override
            public synchronized void phase(CoreMigration.Phase p) {
              close(current);
              current = p.name();
            }

            void close(String name) {
              if (name == null) {
                poc.requestLog().reset();
                prod.requestLog().reset();
                return;
              }
              double worst = 0;
              String which = "";
              for (var s : List.of(poc, prod)) {
                for (var e : s.requestLog().receivedByGroup().entrySet()) {
                  double limit = options.limitFor(e.getKey());
                  if (limit > 0 && e.getValue() / limit > worst) {
                    worst = e.getValue() / limit;
                    which =
                        (s == poc ? "POC " : "PROD ") + e.getKey() + " " + e.getValue() + " calls";
                  }
                }
              }
              phases.add(
                  String.format(
                      Locale.ROOT,
                      "  %-7s %7.2f s wall, bound %6.2f s (%s)",
                      name,
                      (System.nanoTime() - phaseStart[0]) / 1e9,
                      worst,
                      which));
              phaseStart[0] = System.nanoTime();
              bound[0] += worst;
              poc.requestLog().reset();
              prod.requestLog().reset();
            }
          };
      var export =
          ExportOptions.allTypes()
              .withWorkers(workers)
              .withSqlWarehouse(SampleWorkspace.WAREHOUSE_ID);
      var imports =
          ImportOptions.defaults(work.resolve("import"))
              .withWorkers(workers)
              .withSqlWarehouse(prodWarehouse)
              // into a UC PROD, model files go to the stand-in's blob endpoint, not Azure's
              .withModels(ModelTargetOptions.auto().withBlobEndpoint(prod.blobEndpoint()));
      var mapping =
          new MappingFile(
              null,
              null,
              null,
              null,
              null,
              Map.of(SampleWorkspace.WAREHOUSE_ID, "Entrepôt SQL partagé"),
              Map.of(
                  SampleWorkspace.KEY_VAULT_SCOPE,
                  new MappingFile.KeyVault(
                      "/subscriptions/0/vaults/prod", "https://prod.vault.azure.net/")),
              null);
      CoreMigration.Result result;
      var heap = new HeapSampler();
      long start = System.nanoTime();
      try (heap) {
        result =
            new CoreMigration()
                .migrate(
                    new CoreMigration.Workspace(pocClient.workspace(), poc.host()),
                    new CoreMigration.Workspace(prodClient.workspace(), prod.host()),
                    new CoreMigration.MigrateOptions(
                        work,
                        export,
                        mapping,
                        imports,
                        Optional.of(prodWarehouse),
                        Optional.empty()),
                    progress);
        progress.phase(CoreMigration.Phase.PACKAGE); // closes the verify phase
      }
      double wall = (System.nanoTime() - start) / 1e9;
      out.printf(
          Locale.ROOT,
          "sample: %d notebooks in %d folders, 100 jobs, 50 repos, 10x10 secrets, 500 grants, 20x3 models;"
              + " latency %d ms; default rate limits; workers %d/type%s; PROD %s%n",
          notebooks,
          folders,
          latencyMs,
          workers,
          faults ? "; faults: 5% 429 (Retry-After 1 s) + 2% 500" : "",
          unityCatalog == null ? "legacy (no metastore)" : "Unity Catalog " + unityCatalog);
      phases.forEach(out::println);
      result
          .imported()
          .counts()
          .forEach((t, c) -> out.printf(Locale.ROOT, "  import %-10s %s%n", t, c));
      out.printf(
          Locale.ROOT,
          "verification:     %s, %d problem(s)%n",
          result.verification().clean() ? "clean" : "NOT clean",
          result.verification().problems());
      out.printf(Locale.ROOT, "failures:         %d%n", result.failures().size());
      out.printf(Locale.ROOT, "wall time:        %.2f s%n", wall);
      out.printf(Locale.ROOT, "rate-limit bound: %.2f s (sum over phases)%n", bound[0]);
      out.printf(Locale.ROOT, "ratio:            %.3f (target <= 1.2)%n", wall / bound[0]);
      heap.print(out);
      out.printf(
          Locale.ROOT,
          "client retries:   POC %d, PROD %d (429 seen: %d, %d)%n",
          pocClient.http().retries(),
          prodClient.http().retries(),
          pocClient.http().throttled(),
          prodClient.http().throttled());
      if (!result.failures().isEmpty())
        result.failures().stream().limit(5).forEach(f -> out.println("  failed: " + f));
      result.verification().items().stream()
          .filter(ItemCheck::bad)
          .limit(5)
          .forEach(
              i -> out.println("  differs: [" + i.type() + "] " + i.id() + ": " + i.differences()));
      out.flush();
      return result.ok() ? 0 : 1;
    } finally {
      ScratchFiles.deleteTree(work);
    }
  }

  private DatabricksClients.Paced client(FakeDatabricks server) {
    var config = FakeDatabricksConfig.pat(server);
    HttpClient base = DatabricksClients.transport(config);
    HttpClient wire =
        !faults
            ? base
            : request ->
                ThreadLocalRandom.current().nextDouble() < 0.05
                    ? new Response(
                        request,
                        429,
                        "Too Many Requests",
                        Map.of(
                            "Retry-After",
                            List.of("1"),
                            "Content-Type",
                            List.of("application/json")),
                        "{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"injected by the benchmark\"}")
                    : base.execute(request);
    return DatabricksClients.create(
        config, wire, RateLimits.defaults(), RetryPolicy.defaults(), Ticker.SYSTEM);
  }

  /** PROD as it is before a migration: the same compute names under new ids, the same tables. */
  static void prepareProd(WorkspaceState poc, WorkspaceState prod) {
    for (ObjectNode p : poc.compute().pools())
      prod.compute()
          .addPool(
              p.deepCopy().put("instance_pool_id", "prod-" + p.get("instance_pool_id").asText()));
    for (ObjectNode p : poc.compute().policies())
      prod.compute().addPolicy(p.deepCopy().put("policy_id", "PROD" + p.get("policy_id").asText()));
    for (ObjectNode w : poc.compute().warehouses())
      prod.compute().addWarehouse(w.deepCopy().put("id", "prod-warehouse"));
    for (String db : poc.tables().databases()) {
      prod.tables().createDatabase(db);
      poc.tables()
          .tables(db)
          .forEach((t, kind) -> prod.tables().createTable(db, t, kind.equals("VIEW")));
    }
  }
}
