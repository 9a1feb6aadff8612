package ca.gc.fsdh.bot.migration;

import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.secrets.InMemorySecretValues;
import ca.gc.fsdh.bot.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.sandbox.databricks.SampleWorkspace;
import ca.gc.fsdh.bot.sandbox.databricks.WorkspaceState;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Two Databricks stand-ins, POC seeded with the sample workspace and PROD holding what an FSDH
 * PROD workspace has before a migration: the same compute names under new ids, the same tables
 * (data is moved separately), and a cluster to run verification commands on.
 */
final class PocAndProd implements AutoCloseable {
  static final String PROD_CLUSTER = "prod-0000-migrat01";
  static final String PROD_WAREHOUSE = "prodwarehouse0001";
  static final String RENAMED_USER_TO = "nouvel.utilisateur@prod.gc.ca";
  static final String PROD_VAULT_DNS = "https://fsdh-prod-kv.vault.azure.net/";

  final StandIn poc;
  final StandIn prod;
  final String renamedUser;

  PocAndProd(FakeDatabricksOptions.Builder options) {
    this(options, options, RateLimits.defaults());
  }

  PocAndProd(FakeDatabricksOptions.Builder pocOptions, FakeDatabricksOptions.Builder prodOptions, RateLimits limits) {
    poc = new StandIn(pocOptions.build(), limits);
    SampleWorkspace.seed(poc.server.state(), SampleSpec.small());
    prod = new StandIn(prodOptions.build(), limits);
    prepareProd(poc.server.state(), prod.server.state());
    renamedUser = poc.server.state().workspace().children("/Users").getFirst().path().substring("/Users/".length());
  }

  static void prepareProd(WorkspaceState poc, WorkspaceState prod) {
    var pc = poc.compute();
    for (ObjectNode p : pc.pools()) prod.compute().addPool(p.deepCopy().put("instance_pool_id", "prod-" + p.get("instance_pool_id").asText()));
    for (ObjectNode p : pc.policies()) prod.compute().addPolicy(p.deepCopy().put("policy_id", "PROD" + p.get("policy_id").asText()));
    for (ObjectNode w : pc.warehouses()) prod.compute().addWarehouse(w.deepCopy().put("id", PROD_WAREHOUSE));
    for (ObjectNode c : pc.clusters()) {
      if (c.path("cluster_id").asText().equals(SampleWorkspace.MIGRATION_CLUSTER_ID)) {
        prod.compute().addCluster(c.deepCopy().put("cluster_id", PROD_CLUSTER).put("cluster_name", "PROD migration"));
      }
    }
    for (String db : poc.tables().databases()) {
      prod.tables().createDatabase(db);
      poc.tables().tables(db).forEach((t, kind) -> prod.tables().createTable(db, t, kind.equals("VIEW")));
    }
  }

  ExportOptions exportOptions(InMemorySecretValues values) {
    return ExportOptions.allTypes().withWorkers(4)
        .withSecretsCluster(SampleWorkspace.MIGRATION_CLUSTER_ID, values).withSqlWarehouse(SampleWorkspace.WAREHOUSE_ID);
  }

  /** Renames one user (and so moves their home), rewrites one folder, maps the vault and the warehouse. */
  MappingFile mapping() {
    return new MappingFile(new MappingFile.Principals(Map.of(renamedUser, RENAMED_USER_TO), Map.of(), Map.of()),
        List.of(new MappingFile.PathRewrite("/Shared", "/Shared/poc")), null, null, null,
        Map.of(SampleWorkspace.WAREHOUSE_ID, "Entrepôt SQL partagé"),
        Map.of(SampleWorkspace.KEY_VAULT_SCOPE, new MappingFile.KeyVault(
            "/subscriptions/0000/resourceGroups/fsdh-prod/providers/Microsoft.KeyVault/vaults/fsdh-prod-kv", PROD_VAULT_DNS)),
        null);
  }

  @Override
  public void close() {
    poc.close();
    prod.close();
  }
}
