package ca.gc.fsdh.bot.migration.tableacls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.fsdh.bot.migration.CoreMigration;
import ca.gc.fsdh.bot.migration.ImportResult;
import ca.gc.fsdh.bot.migration.WorkspaceExport;
import ca.gc.fsdh.bot.migration.WorkspaceImport;
import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.client.DatabricksClients;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.client.RetryPolicy;
import ca.gc.fsdh.bot.migration.client.Ticker;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.plan.TableAclLanding;
import ca.gc.fsdh.bot.migration.plan.TableAclPlanner;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.migration.spi.TableAclTarget;
import ca.gc.fsdh.bot.migration.verify.ItemCheck;
import ca.gc.fsdh.bot.migration.verify.Verifier;
import ca.gc.fsdh.bot.migration.verify.VerifyOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleProd;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import ca.gc.fsdh.bot.tools.sandbox.databricks.TableGrant;
import ca.gc.fsdh.bot.tools.sandbox.databricks.UnityCatalog;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;
import com.databricks.sdk.core.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Table ACLs of a legacy POC into a Unity Catalog PROD stand-in (with and without hive_metastore),
 * through the real SDK: every translatable grant lands in UC, verify is clean, and what cannot
 * carry over is listed per grant in the report with its reason.
 */
class UnityCatalogGrantsTest {
  static final SampleSpec GRANTS_ONLY = TableAclKeyFormsTest.GRANTS_ONLY;
  static final EnumSet<ResourceType> TYPES = EnumSet.of(ResourceType.TABLE_ACLS);

  @TempDir Path dir;

  /** PATCHes of UC grants the client sent, and a hook that may stop the run after one. */
  static final class Wire {
    final AtomicInteger patches = new AtomicInteger();
    volatile IntPredicate killAfter = n -> false;
  }

  static WorkspaceClient client(FakeDatabricks server, Wire wire) {
    var config =
        new DatabricksConfig()
            .setHost(server.host())
            .setAuthType("pat")
            .setToken(server.token())
            .setCredentialsProvider(new PatCredentialsProvider());
    HttpClient base = DatabricksClients.transport(config);
    HttpClient tap =
        request -> {
          var r = base.execute(request);
          if (request.getMethod().equals("PATCH")
              && request.getUrl().contains("/unity-catalog/permissions/")
              && r.getStatusCode() == 200) {
            int n = wire.patches.incrementAndGet();
            // a crash right after PROD applied the change, before the journal heard of it
            if (wire.killAfter.test(n))
              throw new KilledError("killed after " + n + " grant PATCHes");
          }
          return r;
        };
    var fast =
        new RetryPolicy(
            6,
            Duration.ofMillis(5),
            Duration.ofMillis(50),
            Duration.ofMillis(50),
            RetryPolicy.defaults().idempotentPosts());
    return DatabricksClients.create(config, tap, RateLimits.defaults(), fast, Ticker.SYSTEM)
        .workspace();
  }

  /** Stands for the process dying: not an exception an item's retry would catch. */
  static final class KilledError extends Error {
    KilledError(String m) {
      super(m);
    }
  }

  private static FakeDatabricks standIn() {
    return FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build());
  }

  private static MappingFile mapping(SampleProd.UcTarget t) {
    return new MappingFile(
        new MappingFile.Principals(Map.of(t.renamedUserFrom(), t.renamedUserTo()), null, null),
        null,
        null,
        null,
        null,
        Map.of(SampleWorkspace.WAREHOUSE_ID, "Entrepôt SQL partagé"),
        null,
        null);
  }

  private CoreMigration.Result migrate(
      FakeDatabricks poc, FakeDatabricks prod, MappingFile mapping, ImportOptions imports)
      throws Exception {
    return new CoreMigration()
        .migrate(
            new CoreMigration.Workspace(client(poc, new Wire()), poc.host()),
            new CoreMigration.Workspace(client(prod, new Wire()), prod.host()),
            new CoreMigration.MigrateOptions(
                dir,
                ExportOptions.allTypes()
                    .withTypes(TYPES)
                    .withSqlWarehouse(SampleWorkspace.WAREHOUSE_ID),
                mapping,
                imports,
                Optional.of(SampleProd.PROD_WAREHOUSE),
                Optional.empty()),
            new CoreMigration.Progress() {});
  }

  @ParameterizedTest
  @EnumSource(
      value = UnityCatalog.Mode.class,
      names = {"WITH_HIVE_METASTORE", "WITHOUT_HIVE_METASTORE"})
  void aLegacyPocLandsInUnityCatalogTranslatedVerifiesCleanAndReportsWhatCannotCarryOver(
      UnityCatalog.Mode mode) throws Exception {
    try (var poc = standIn();
        var prod = standIn()) {
      SampleWorkspace.seed(poc.state(), GRANTS_ONLY);
      SampleProd.UcTarget target = SampleProd.prepareUnityCatalog(poc.state(), prod.state(), mode);
      UnityCatalog uc = prod.state().unityCatalog();
      // a translatable grant on the table PROD lacks
      String missingPoc = target.missingTable().substring(target.catalog().length() + 1);
      poc.state().tables().grant(target.renamedUserFrom(), "SELECT", "TABLE", missingPoc, false);
      // the plan, before anything moves, lists what will not carry over
      TableAclLanding landing =
          new TableAclPlanner(client(poc, new Wire()), client(prod, new Wire()))
              .plan(
                  TableAclTarget.AUTO, Optional.of(SampleWorkspace.WAREHOUSE_ID), mapping(target));
      assertThat(landing.problem()).isNull();
      assertThat(landing.target()).isEqualTo("unity-catalog");
      assertThat(landing.catalog()).isEqualTo(target.catalog());
      assertThat(landing.hiveMetastore()).isEqualTo(mode == UnityCatalog.Mode.WITH_HIVE_METASTORE);
      assertThat(landing.grants()).isEqualTo(poc.state().tables().all().size());
      assertThat(landing.notCarried())
          .extracting(TableAclLanding.NotCarried::reason)
          .contains(
              "DENY",
              "ANY_FILE",
              "ANONYMOUS_FUNCTION",
              "NO_UC_EQUIVALENT",
              "WORKSPACE_LOCAL_PRINCIPAL",
              "MISSING_IN_TARGET");

      var result =
          migrate(
              poc,
              prod,
              mapping(target),
              ImportOptions.defaults(dir.resolve("import")).withTypes(TYPES));

      assertThat(result.failures()).isEmpty();
      assertThat(result.verification().items())
          .isNotEmpty()
          .allSatisfy(i -> assertThat(i.bad()).as(i.id() + " " + i.differences()).isFalse());
      assertThat(result.ok()).isTrue();

      Map<String, String> renamed = Map.of(target.renamedUserFrom(), target.renamedUserTo());
      Set<String> account =
          uc.accountPrincipals().keySet().stream()
              .map(p -> p.toLowerCase(Locale.ROOT))
              .collect(Collectors.toSet());
      String cat = target.catalog();
      int checked = 0;
      for (TableGrant g : poc.state().tables().all()) {
        String p = renamed.getOrDefault(g.principal(), g.principal());
        if (!account.contains(p.toLowerCase(Locale.ROOT))) continue;
        String full = cat + "." + g.objectKey();
        if (g.objectType().equals("TABLE") && !full.equals(target.missingTable())) {
          switch (g.actionType()) {
            case "SELECT" -> assertThat(uc.grantsOn("table", full)).containsKey(p);
            case "OWN" -> assertThat(uc.ownerOf("table", full)).contains(p);
            default -> {
              continue;
            }
          }
          if (g.actionType().equals("SELECT"))
            assertThat(uc.grantsOn("table", full).get(p)).as(full).contains("SELECT");
          checked++;
        }
        if (g.objectType().equals("DATABASE") && g.actionType().equals("USAGE")) {
          assertThat(uc.grantsOn("schema", full).get(p)).as(full).contains("USE_SCHEMA");
          assertThat(uc.grantsOn("catalog", cat).get(p)).as(cat).contains("USE_CATALOG");
          checked++;
        }
      }
      assertThat(checked).as("translatable grants checked").isGreaterThan(5);

      // every grant that cannot carry over is in the report, one line each, with the reason
      List<String> lines =
          result.imported().manual().stream()
              .filter(l -> l.type().equals("tableacls"))
              .map(ImportResult.Line::text)
              .toList();
      String[] m = target.missingTable().split("\\.");
      String missingKey = "`" + m[1] + "`.`" + m[2] + "`";
      long denies =
          poc.state().tables().all().stream()
              .filter(g -> g.actionType().startsWith("DENIED_"))
              .count();
      assertThat(denies).isPositive();
      assertThat(lines.stream().filter(l -> l.contains("Unity Catalog has no DENY")).count())
          .isEqualTo(denies);
      assertThat(lines)
          .anyMatch(l -> l.contains("to " + target.workspaceLocalGroup() + ":"))
          .anyMatch(l -> l.contains("account-level principals only"))
          .anyMatch(l -> l.contains(missingKey))
          .anyMatch(l -> l.contains("not in PROD's catalog"))
          .allMatch(l -> l.startsWith(TableAclImporter.NOT_CARRIED));
      // the plan listed exactly what the report lists
      assertThat(lines).hasSameSizeAs(landing.notCarried());
      for (var n : landing.notCarried())
        assertThat(lines)
            .as(n.grant())
            .anyMatch(l -> l.equals(TableAclImporter.NOT_CARRIED + n.text()));
      long anyFile =
          poc.state().tables().all().stream()
              .filter(g ->
                  g.objectType().equals("ANY_FILE")
                      && !g.actionType().equals("OWN")
                      && !g.actionType().startsWith("DENIED_"))
              .count();
      assertThat(lines.stream().filter(l -> l.contains("no ANY FILE")).count())
          .isEqualTo(anyFile)
          .isPositive();

      // nothing lands in the legacy metastore, and nothing in UC is doubled
      assertThat(prod.state().tables().all()).isEmpty();
      for (String db : uc.schemaNames(cat)) {
        for (String t : uc.tableNames(cat, db)) {
          uc.grantsOn("table", cat + "." + db + "." + t)
              .forEach((p, privs) -> assertThat(privs).doesNotHaveDuplicates());
        }
      }
    }
  }

  @Test
  void theHiveMetastoreTargetOnAUnityCatalogProdLandsInHiveMetastoreNotInTheDefaultCatalog()
      throws Exception {
    try (var poc = standIn();
        var prod = standIn()) {
      SampleWorkspace.seed(poc.state(), GRANTS_ONLY);
      SampleProd.UcTarget target =
          SampleProd.prepareUnityCatalog(
              poc.state(), prod.state(), UnityCatalog.Mode.WITH_HIVE_METASTORE);

      var result =
          migrate(
              poc,
              prod,
              mapping(target),
              ImportOptions.defaults(dir.resolve("import"))
                  .withTypes(TYPES)
                  .withSqlWarehouse(SampleProd.PROD_WAREHOUSE)
                  .withTableAclTarget(TableAclTarget.HIVE_METASTORE));

      assertThat(result.failures()).isEmpty();
      assertThat(result.verification().items())
          .isNotEmpty()
          .allSatisfy(i -> assertThat(i.bad()).as(i.id() + " " + i.differences()).isFalse());
      var renamed = Map.of(target.renamedUserFrom(), target.renamedUserTo());
      var expected = new ArrayList<TableGrant>();
      for (TableGrant g : poc.state().tables().all()) {
        // refused on any Unity Catalog workspace, reported instead
        if (g.objectType().equals("ANY_FILE") || g.objectType().equals("ANONYMOUS_FUNCTION"))
          continue;
        expected.add(
            new TableGrant(
                renamed.getOrDefault(g.principal(), g.principal()),
                g.actionType(),
                g.objectType(),
                g.objectKey()));
      }
      assertThat(prod.state().tables().all()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(result.imported().manual())
          .anyMatch(l -> l.text().contains("Unity Catalog has no ANY FILE"));
      // unqualified statements would have landed in the workspace catalog
      UnityCatalog uc = prod.state().unityCatalog();
      for (String db : uc.schemaNames(target.catalog()))
        for (String t : uc.tableNames(target.catalog(), db))
          assertThat(uc.grantsOn("table", target.catalog() + "." + db + "." + t)).isEmpty();
    }
  }

  @Test
  void theHiveMetastoreTargetIsRefusedWhereProdHasNoHiveMetastore() throws Exception {
    try (var poc = standIn();
        var prod = standIn()) {
      SampleWorkspace.seed(poc.state(), GRANTS_ONLY);
      SampleProd.UcTarget target =
          SampleProd.prepareUnityCatalog(
              poc.state(), prod.state(), UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);

      var result =
          migrate(
              poc,
              prod,
              mapping(target),
              ImportOptions.defaults(dir.resolve("import"))
                  .withTypes(TYPES)
                  .withSqlWarehouse(SampleProd.PROD_WAREHOUSE)
                  .withTableAclTarget(TableAclTarget.HIVE_METASTORE));

      assertThat(result.failures())
          .isNotEmpty()
          .allSatisfy(f -> assertThat(f.text()).contains("no hive_metastore catalog"));
    }
  }

  @Test
  void anImportKilledInTheMiddleOfTheGrantsResumesWithoutAddingAnythingTwice() throws Exception {
    try (var poc = standIn();
        var clean = standIn();
        var prod = standIn()) {
      SampleWorkspace.seed(poc.state(), GRANTS_ONLY);
      var mode = UnityCatalog.Mode.WITHOUT_HIVE_METASTORE;
      SampleProd.UcTarget target = SampleProd.prepareUnityCatalog(poc.state(), clean.state(), mode);
      SampleProd.prepareUnityCatalog(poc.state(), prod.state(), mode);
      var mapping = mapping(target);
      var exported =
          new WorkspaceExport(client(poc, new Wire()), poc.host())
              .run(
                  dir.resolve("bundle"),
                  ExportOptions.allTypes()
                      .withTypes(TYPES)
                      .withSqlWarehouse(SampleWorkspace.WAREHOUSE_ID),
                  ProgressListener.NONE);
      assertThat(exported.manifest().totalFailed()).isZero();

      var reference = new Wire();
      ImportResult whole = importInto(clean, reference, mapping, dir.resolve("clean"));
      assertThat(whole.failed()).isEmpty();
      int total = reference.patches.get();
      assertThat(total).isGreaterThan(10);

      var wire = new Wire();
      int killAt = total / 2;
      wire.killAfter = n -> n == killAt;
      Path state = dir.resolve("killed");
      assertThatThrownBy(() -> importInto(prod, wire, mapping, state))
          .hasStackTraceContaining("killed");
      // one worker: the run stopped right after that PATCH
      assertThat(wire.patches.get()).isEqualTo(killAt);

      wire.killAfter = n -> false;
      ImportResult resumed = importInto(prod, wire, mapping, state);
      assertThat(resumed.failed()).isEmpty();
      // the rerun added only what the killed run had not: the same PATCHes as one whole run
      assertThat(wire.patches.get()).isEqualTo(total);
      assertThat(ucState(prod)).isEqualTo(ucState(clean));
      try (var bundle = BundleReader.open(dir.resolve("bundle"))) {
        var report =
            new Verifier(client(prod, new Wire()), prod.host())
                .verify(bundle, mapping, VerifyOptions.defaults().withTypes(TYPES));
        assertThat(report.items()).noneMatch(ItemCheck::bad);
      }
    }
  }

  private static ImportResult importInto(
      FakeDatabricks prod, Wire wire, MappingFile mapping, Path state) throws Exception {
    try (var bundle = BundleReader.open(state.getParent().resolve("bundle"))) {
      return new WorkspaceImport(client(prod, wire), prod.host())
          .run(
              bundle,
              mapping,
              ImportOptions.defaults(state).withTypes(TYPES).withWorkers(1),
              ProgressListener.NONE);
    }
  }

  /** Every direct grant and owner of the sample's UC tables and schemas. */
  private static Map<String, Object> ucState(FakeDatabricks prod) {
    UnityCatalog uc = prod.state().unityCatalog();
    var out = new HashMap<String, Object>();
    String cat = SampleProd.PROD_CATALOG;
    out.put("catalog " + cat, uc.grantsOn("catalog", cat));
    for (String db : uc.schemaNames(cat)) {
      out.put("schema " + db, uc.grantsOn("schema", cat + "." + db));
      out.put("owner " + db, uc.ownerOf("schema", cat + "." + db));
      for (String t : uc.tableNames(cat, db)) {
        String full = cat + "." + db + "." + t;
        out.put("table " + full, uc.grantsOn("table", full));
        out.put("owner " + full, uc.ownerOf("table", full));
      }
    }
    return out;
  }
}
