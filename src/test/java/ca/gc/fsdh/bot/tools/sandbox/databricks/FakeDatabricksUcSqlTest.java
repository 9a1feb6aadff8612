package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** SQL table ACL statements on a warehouse of a Unity Catalog workspace, through the real SDK. */
class FakeDatabricksUcSqlTest {
  private static final String MARIE = "marie@example.gc.ca";
  private FakeDatabricks server;
  private WorkspaceClient client;

  private void start(UnityCatalog.Mode mode) {
    server = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build());
    var state = server.state();
    SampleCompute.seed(state.compute(), state.currentUser());
    if (mode == UnityCatalog.Mode.WITH_HIVE_METASTORE) {
      state.tables().createTable("hydro", "debits", false);
      state.tables().createTable("hydro", "resume", true);
    }
    state
        .unityCatalog()
        .enable(mode, "fsdh_prod")
        .addUser(MARIE)
        .addGroup("analystes")
        .addWorkspaceGroup("stagiaires");
    state.unityCatalog().createSchema("fsdh_prod", "hydro", MARIE);
    state.unityCatalog().createTable("fsdh_prod", "hydro", "debits", false, MARIE);
    state.unityCatalog().createTable("fsdh_prod", "hydro", "resume", true, MARIE);
    client = SdkClients.workspace(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private StatementResponse sql(String statement, String catalog) {
    return client
        .statementExecution()
        .executeStatement(
            new ExecuteStatementRequest()
                .setWarehouseId(SampleWorkspace.WAREHOUSE_ID)
                .setStatement(statement)
                .setCatalog(catalog));
  }

  private Collection<Collection<String>> rows(String statement) {
    return rows(statement, null);
  }

  private Collection<Collection<String>> rows(String statement, String catalog) {
    StatementResponse r = sql(statement, catalog);
    assertThat(r.getStatus().getState())
        .as(
            statement
                + ": "
                + (r.getStatus().getError() == null ? "" : r.getStatus().getError().getMessage()))
        .isEqualTo(StatementState.SUCCEEDED);
    return r.getResult().getDataArray() == null ? List.of() : r.getResult().getDataArray();
  }

  private String error(String statement) {
    StatementResponse r = sql(statement, null);
    assertThat(r.getStatus().getState()).as(statement).isEqualTo(StatementState.FAILED);
    return r.getStatus().getError().getMessage();
  }

  private Map<String, List<String>> ucGrants(String type, String name) {
    return server.state().unityCatalog().grantsOn(type, name);
  }

  @Nested
  class WithHiveMetastore {
    @Test
    void aTwoPartNameLandsInTheDefaultCatalogNotInHiveMetastore() {
      start(UnityCatalog.Mode.WITH_HIVE_METASTORE);
      rows("GRANT SELECT ON TABLE `hydro`.`debits` TO `analystes`");
      assertThat(ucGrants("table", "fsdh_prod.hydro.debits"))
          .containsEntry("analystes", List.of("SELECT"));
      assertThat(server.state().tables().all()).isEmpty();

      rows("GRANT SELECT ON TABLE `hive_metastore`.`hydro`.`debits` TO `analystes`");
      rows("GRANT READ_METADATA ON TABLE hydro.debits TO `analystes`", "hive_metastore");
      assertThat(server.state().tables().all())
          .containsExactlyInAnyOrder(
              new TableGrant("analystes", "SELECT", "TABLE", "hydro.debits"),
              new TableGrant("analystes", "READ_METADATA", "TABLE", "hydro.debits"));
    }

    @Test
    void hiveMetastoreKeepsItsLegacyRulesDenyAndKeysIncluded() {
      start(UnityCatalog.Mode.WITH_HIVE_METASTORE);
      rows("DENY MODIFY ON TABLE hive_metastore.hydro.debits TO `stagiaires`");
      rows("ALTER TABLE hive_metastore.hydro.debits OWNER TO `" + MARIE + "`");
      assertThat(rows("SHOW GRANTS ON TABLE hive_metastore.hydro.debits"))
          .containsExactlyInAnyOrder(
              List.of(MARIE, "OWN", "TABLE", "`hydro`.`debits`"),
              List.of("stagiaires", "DENIED_MODIFY", "TABLE", "`hydro`.`debits`"));
      assertThat(error("GRANT SELECT ON TABLE hive_metastore.hydro.resume TO x"))
          .startsWith("[EXPECT_TABLE_NOT_VIEW");
      assertThat(rows("SHOW TABLES IN hive_metastore.hydro")).hasSize(2);
      assertThat(rows("SHOW CATALOGS"))
          .containsExactly(List.of("fsdh_prod"), List.of("hive_metastore"));
    }
  }

  @Nested
  class WithoutHiveMetastore {
    @Test
    void hiveMetastoreIsAMissingCatalog() {
      start(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
      assertThat(error("GRANT SELECT ON TABLE hive_metastore.hydro.debits TO analystes"))
          .startsWith("[NO_SUCH_CATALOG_EXCEPTION] Catalog 'hive_metastore' was not found.");
      assertThat(error("SHOW GRANTS ON SCHEMA hive_metastore.hydro"))
          .startsWith("[NO_SUCH_CATALOG_EXCEPTION]");
      assertThat(rows("SHOW CATALOGS")).containsExactly(List.of("fsdh_prod"));
    }
  }

  @Test
  void showGrantsListsTheObjectsGrantsAndThoseItInherits() {
    start(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
    rows("GRANT USE CATALOG ON CATALOG fsdh_prod TO analystes");
    rows("GRANT USE SCHEMA, SELECT ON SCHEMA fsdh_prod.hydro TO analystes");
    rows("GRANT MODIFY ON TABLE fsdh_prod.hydro.debits TO `" + MARIE + "`");
    assertThat(rows("SHOW GRANTS ON TABLE fsdh_prod.hydro.debits"))
        .containsExactly(
            List.of(MARIE, "MODIFY", "TABLE", "`fsdh_prod`.`hydro`.`debits`"),
            List.of("analystes", "SELECT", "SCHEMA", "`fsdh_prod`.`hydro`"),
            List.of("analystes", "USE SCHEMA", "SCHEMA", "`fsdh_prod`.`hydro`"),
            List.of("analystes", "USE CATALOG", "CATALOG", "`fsdh_prod`"));
    assertThat(rows("SHOW GRANTS `" + MARIE + "` ON TABLE fsdh_prod.hydro.debits")).hasSize(1);
    server.state().tables().printKeys(TableAclStore.KeyForm.PLAIN);
    assertThat(rows("SHOW GRANTS ON SCHEMA hydro"))
        .contains(List.of("analystes", "USE SCHEMA", "SCHEMA", "fsdh_prod.hydro"));
    StatementResponse r = sql("SHOW GRANTS ON CATALOG fsdh_prod", null);
    assertThat(r.getManifest().getSchema().getColumns())
        .extracting(c -> c.getName())
        .containsExactly("principal", "actionType", "objectType", "objectKey");
  }

  @Test
  void grantIsIdempotentAndRevokeTakesAway() {
    start(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
    rows("GRANT SELECT ON TABLE fsdh_prod.hydro.debits TO analystes");
    rows("GRANT select ON fsdh_prod.hydro.debits TO `analystes`");
    assertThat(ucGrants("table", "fsdh_prod.hydro.debits"))
        .containsExactly(Map.entry("analystes", List.of("SELECT")));
    rows("REVOKE SELECT ON TABLE fsdh_prod.hydro.debits FROM analystes");
    assertThat(ucGrants("table", "fsdh_prod.hydro.debits")).isEmpty();
  }

  @Test
  void denyAnyFileAndAnonymousFunctionDoNotExistInUnityCatalog() {
    start(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
    assertThat(error("DENY SELECT ON TABLE fsdh_prod.hydro.debits TO analystes"))
        .startsWith(
            "[UC_COMMAND_NOT_SUPPORTED.WITHOUT_RECOMMENDATION] The command(s): DENY are not supported in Unity Catalog");
    assertThat(error("GRANT SELECT ON ANY FILE TO analystes"))
        .startsWith("[UC_COMMAND_NOT_SUPPORTED")
        .contains("ANY FILE");
    assertThat(error("GRANT SELECT ON ANONYMOUS FUNCTION TO analystes"))
        .contains("ANONYMOUS FUNCTION");
    assertThat(error("SHOW GRANTS ON CATALOG"))
        .contains("please specify the catalog name explicitly");
  }

  @Test
  void legacyPrivilegeNamesAndPrivilegesThatDoNotApplyAreRefused() {
    start(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
    assertThat(error("GRANT USAGE ON SCHEMA fsdh_prod.hydro TO analystes"))
        .startsWith("[INVALID_PARAMETER_VALUE]")
        .contains("USE SCHEMA");
    assertThat(error("GRANT READ_METADATA ON TABLE fsdh_prod.hydro.debits TO analystes"))
        .contains("BROWSE");
    assertThat(error("GRANT USE SCHEMA ON TABLE fsdh_prod.hydro.debits TO analystes"))
        .contains("not applicable");
    assertThat(error("GRANT MODIFY ON VIEW fsdh_prod.hydro.resume TO analystes"))
        .contains("not applicable");
    assertThat(error("GRANT FLY ON TABLE fsdh_prod.hydro.debits TO analystes"))
        .contains("Unknown privilege");
    rows("GRANT BROWSE ON TABLE fsdh_prod.hydro.debits TO analystes");
    rows("GRANT ALL PRIVILEGES ON SCHEMA fsdh_prod.hydro TO analystes");
    assertThat(ucGrants("schema", "fsdh_prod.hydro"))
        .containsEntry("analystes", List.of("ALL_PRIVILEGES"));
  }

  @Test
  void principalsTheAccountDoesNotHaveAreRefused() {
    start(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
    assertThat(error("GRANT SELECT ON TABLE fsdh_prod.hydro.debits TO stagiaires"))
        .isEqualTo("[PRINCIPAL_DOES_NOT_EXIST] Could not find principal with name stagiaires.");
    assertThat(error("ALTER TABLE fsdh_prod.hydro.debits OWNER TO `personne@example.gc.ca`"))
        .startsWith("[PRINCIPAL_DOES_NOT_EXIST]");
    assertThat(error("SHOW GRANTS `stagiaires` ON TABLE fsdh_prod.hydro.debits"))
        .startsWith("[PRINCIPAL_DOES_NOT_EXIST]");
  }

  @Test
  void missingCatalogsSchemasAndTablesAreRefused() {
    start(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
    assertThat(error("GRANT SELECT ON TABLE nulle.hydro.debits TO analystes"))
        .startsWith("[NO_SUCH_CATALOG_EXCEPTION]");
    assertThat(error("GRANT USE SCHEMA ON SCHEMA fsdh_prod.nulle TO analystes"))
        .startsWith("[SCHEMA_NOT_FOUND]")
        .contains("`fsdh_prod`.`nulle`");
    assertThat(error("GRANT SELECT ON TABLE fsdh_prod.hydro.nulle TO analystes"))
        .startsWith("[TABLE_OR_VIEW_NOT_FOUND]");
    assertThat(error("SHOW GRANTS ON TABLE climat.mesures")).startsWith("[SCHEMA_NOT_FOUND]");
  }

  @Test
  void ownersChangeWithAlterOwnerToWithOrWithoutSet() {
    start(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
    var uc = server.state().unityCatalog();
    rows("ALTER TABLE fsdh_prod.hydro.debits OWNER TO `analystes`");
    rows("ALTER VIEW fsdh_prod.hydro.resume SET OWNER TO analystes");
    rows("ALTER SCHEMA hydro OWNER TO analystes");
    rows("ALTER CATALOG fsdh_prod OWNER TO `" + MARIE + "`");
    assertThat(uc.ownerOf("table", "fsdh_prod.hydro.debits")).contains("analystes");
    assertThat(uc.ownerOf("table", "fsdh_prod.hydro.resume")).contains("analystes");
    assertThat(uc.ownerOf("schema", "fsdh_prod.hydro")).contains("analystes");
    assertThat(uc.ownerOf("catalog", "fsdh_prod")).contains(MARIE);
    assertThat(error("ALTER TABLE fsdh_prod.hydro.resume OWNER TO analystes"))
        .startsWith("[EXPECT_TABLE_NOT_VIEW");
    assertThat(error("GRANT SELECT ON VIEW fsdh_prod.hydro.debits TO analystes"))
        .startsWith("[EXPECT_VIEW_NOT_TABLE");
  }

  @Test
  void createAndShowFollowUnityCatalogNames() {
    start(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
    rows("CREATE SCHEMA IF NOT EXISTS Climat");
    rows("CREATE TABLE climat.`Relevés-2024` (id INT)");
    rows("CREATE TABLE IF NOT EXISTS climat.`relevés-2024` (id INT)");
    assertThat(rows("SHOW TABLES IN fsdh_prod.climat"))
        .containsExactly(List.of("climat", "relevés-2024", "false"));
    assertThat(rows("SHOW SCHEMAS"))
        .containsExactly(List.of("climat"), List.of("default"), List.of("hydro"));
    assertThat(error("CREATE TABLE climat.`relevés 2024` (id INT)"))
        .startsWith("[INVALID_PARAMETER_VALUE]");
    assertThat(error("CREATE SCHEMA climat")).startsWith("[SCHEMA_ALREADY_EXISTS]");
  }
}
