package ca.gc.fsdh.bot.migration;

import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.secrets.InMemorySecretValues;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleProd;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import ca.gc.fsdh.bot.tools.sandbox.databricks.WorkspaceState;
import java.util.List;
import java.util.Map;

/**
 * Two Databricks stand-ins, POC seeded with the sample workspace and PROD holding what an FSDH PROD
 * workspace has before a migration: the same compute names under new ids, the same tables (data is
 * moved separately), and a cluster to run verification commands on.
 */
final class PocAndProd implements AutoCloseable {
  static final String PROD_CLUSTER = SampleProd.PROD_CLUSTER;
  static final String PROD_WAREHOUSE = SampleProd.PROD_WAREHOUSE;
  static final String RENAMED_USER_TO = "nouvel.utilisateur@prod.gc.ca";
  static final String PROD_VAULT_DNS = SampleProd.PROD_VAULT_DNS;

  final StandIn poc;
  final StandIn prod;
  final String renamedUser;

  PocAndProd(FakeDatabricksOptions.Builder options) {
    this(options, options, RateLimits.defaults());
  }

  PocAndProd(
      FakeDatabricksOptions.Builder pocOptions,
      FakeDatabricksOptions.Builder prodOptions,
      RateLimits limits) {
    poc = new StandIn(pocOptions.build(), limits);
    SampleWorkspace.seed(poc.server.state(), SampleSpec.small());
    prod = new StandIn(prodOptions.build(), limits);
    prepareProd(poc.server.state(), prod.server.state());
    renamedUser =
        poc.server
            .state()
            .workspace()
            .children("/Users")
            .getFirst()
            .path()
            .substring("/Users/".length());
  }

  /** Migrates the POC stand-in into the PROD one, progress unobserved. */
  CoreMigration.Result migrate(CoreMigration.MigrateOptions options) throws Exception {
    return new CoreMigration()
        .migrate(
            new CoreMigration.Workspace(poc.client, poc.server.host()),
            new CoreMigration.Workspace(prod.client, prod.server.host()),
            options,
            new CoreMigration.Progress() {});
  }

  static void prepareProd(WorkspaceState poc, WorkspaceState prod) {
    SampleProd.prepare(poc, prod);
  }

  ExportOptions exportOptions(InMemorySecretValues values) {
    return ExportOptions.allTypes()
        .withWorkers(4)
        .withSecretsCluster(SampleWorkspace.MIGRATION_CLUSTER_ID, values)
        .withSqlWarehouse(SampleWorkspace.WAREHOUSE_ID);
  }

  /**
   * Renames one user (and so moves their home), rewrites one folder, maps the vault and the
   * warehouse.
   */
  MappingFile mapping() {
    return new MappingFile(
        new MappingFile.Principals(Map.of(renamedUser, RENAMED_USER_TO), Map.of(), Map.of()),
        List.of(new MappingFile.PathRewrite("/Shared", "/Shared/poc")),
        null,
        null,
        null,
        Map.of(SampleWorkspace.WAREHOUSE_ID, "Entrepôt SQL partagé"),
        Map.of(
            SampleWorkspace.KEY_VAULT_SCOPE,
            new MappingFile.KeyVault(
                "/subscriptions/0000/resourceGroups/fsdh-prod/providers/Microsoft.KeyVault/vaults/fsdh-prod-kv",
                PROD_VAULT_DNS)),
        null);
  }

  @Override
  public void close() {
    poc.close();
    prod.close();
  }
}
