package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an FSDH PROD workspace holds before a migration, for a PROD stand-in facing a POC stand-in
 * seeded by {@link SampleWorkspace}: the same pools and policies under new ids, a SQL warehouse,
 * the same databases and tables (data moves separately), and a cluster that can run verification
 * commands.
 */
public final class SampleProd {
  public static final String PROD_CLUSTER = "prod-0000-migrat01";
  public static final String PROD_WAREHOUSE = "b2c3d4e5f6a70002";
  public static final String PROD_VAULT_DNS = "https://fsdh-prod-kv.vault.azure.net/";
  public static final String PROD_VAULT_ID =
      "/subscriptions/0000/resourceGroups/fsdh-prod/providers/Microsoft.KeyVault/vaults/fsdh-prod-kv";

  private SampleProd() {}

  public static void prepare(WorkspaceState poc, WorkspaceState prod) {
    var pc = poc.compute();
    for (ObjectNode p : pc.pools()) {
      prod.compute()
          .addPool(
              p.deepCopy().put("instance_pool_id", "prod-" + p.get("instance_pool_id").asText()));
    }
    for (ObjectNode p : pc.policies()) {
      prod.compute().addPolicy(p.deepCopy().put("policy_id", "PROD" + p.get("policy_id").asText()));
    }
    for (ObjectNode w : pc.warehouses()) {
      prod.compute().addWarehouse(w.deepCopy().put("id", PROD_WAREHOUSE));
    }
    for (ObjectNode c : pc.clusters()) {
      if (c.path("cluster_id").asText().equals(SampleWorkspace.MIGRATION_CLUSTER_ID)) {
        prod.compute()
            .addCluster(
                c.deepCopy().put("cluster_id", PROD_CLUSTER).put("cluster_name", "PROD migration"));
      }
    }
    for (String db : poc.tables().databases()) {
      prod.tables().createDatabase(db);
      poc.tables()
          .tables(db)
          .forEach((t, kind) -> prod.tables().createTable(db, t, kind.equals("VIEW")));
    }
  }

  /**
   * A mapping file (YAML) for the sample: its SQL warehouse and its Key Vault-backed scope in PROD.
   */
  public static String mappingYaml() {
    return "warehouses: {"
        + SampleWorkspace.WAREHOUSE_ID
        + ": \"Entrepôt SQL partagé\"}\n"
        + "keyVaults:\n  "
        + SampleWorkspace.KEY_VAULT_SCOPE
        + ": {resourceId: "
        + PROD_VAULT_ID
        + ", dnsName: "
        + PROD_VAULT_DNS
        + "}\n";
  }
}
