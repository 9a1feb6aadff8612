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

  /** The workspace catalog of a Unity Catalog PROD: its default catalog. */
  public static final String PROD_CATALOG = "fsdh_prod";

  /** The schema of a Unity Catalog PROD that receives registered models. */
  public static final String PROD_MODEL_SCHEMA = "modeles";

  /** The name PROD knows the renamed POC user by ({@link #renamedUser(WorkspaceState)}). */
  public static final String RENAMED_USER_TO = "nouvel.utilisateur@prod.gc.ca";

  /** A service principal of the account (SQL names it by application id). */
  public static final String PROD_SERVICE_PRINCIPAL = "6f1c2b8e-0d5a-4e3b-9a57-1c2d3e4f5a6b";

  public static final String PROD_VAULT_ID =
      "/subscriptions/0000/resourceGroups/fsdh-prod/providers/Microsoft.KeyVault/vaults/fsdh-prod-kv";

  private SampleProd() {}

  /**
   * A PROD without Unity Catalog (a legacy workspace): the POC's databases in its hive_metastore.
   */
  public static void prepare(WorkspaceState poc, WorkspaceState prod) {
    prepareCompute(poc, prod);
    copyLegacyTables(poc, prod);
  }

  private static void prepareCompute(WorkspaceState poc, WorkspaceState prod) {
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
  }

  private static void copyLegacyTables(WorkspaceState poc, WorkspaceState prod) {
    for (String db : poc.tables().databases()) {
      prod.tables().createDatabase(db);
      poc.tables()
          .tables(db)
          .forEach((t, kind) -> prod.tables().createTable(db, t, kind.equals("VIEW")));
    }
  }

  /**
   * What a Unity Catalog PROD prepared by {@link #prepareUnityCatalog} holds that a migration must
   * cope with.
   *
   * @param mode with or without hive_metastore
   * @param catalog the default (workspace) catalog; POC database {@code db} is {@code catalog.db}
   * @param modelSchema the schema for registered models, in {@code catalog}
   * @param renamedUserFrom the POC user that PROD's account knows as {@code renamedUserTo}
   * @param workspaceLocalGroup a POC group with table grants that PROD has only as a
   *     workspace-local group
   * @param missingTable a POC table with grants that PROD lacks, as {@code catalog.db.table}
   * @param servicePrincipal an account service principal's application id
   */
  public record UcTarget(
      UnityCatalog.Mode mode,
      String catalog,
      String modelSchema,
      String renamedUserFrom,
      String renamedUserTo,
      String workspaceLocalGroup,
      String missingTable,
      String servicePrincipal) {}

  /**
   * Prepares {@code prod}'s compute as {@link #prepare} does, then makes it a Unity Catalog
   * workspace (see {@link SampleUnityCatalog}): {@link UnityCatalog.Mode#WITH_HIVE_METASTORE} keeps
   * the POC's databases in its hive_metastore too, {@link UnityCatalog.Mode#WITHOUT_HIVE_METASTORE}
   * has none.
   */
  public static UcTarget prepareUnityCatalog(
      WorkspaceState poc, WorkspaceState prod, UnityCatalog.Mode mode) {
    if (mode == UnityCatalog.Mode.NONE) {
      throw new IllegalArgumentException(
          "a Unity Catalog PROD needs a metastore: use prepare() for a legacy one");
    }
    prepareCompute(poc, prod);
    if (mode == UnityCatalog.Mode.WITH_HIVE_METASTORE) {
      copyLegacyTables(poc, prod);
    }
    return SampleUnityCatalog.seed(poc, prod, mode);
  }

  /** The POC user the samples rename in PROD: the first home under {@code /Users}. */
  public static String renamedUser(WorkspaceState poc) {
    return poc.workspace().children("/Users").getFirst().path().substring("/Users/".length());
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
