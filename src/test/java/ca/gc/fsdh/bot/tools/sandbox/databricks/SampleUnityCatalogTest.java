package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.catalog.PermissionsChange;
import com.databricks.sdk.service.catalog.Privilege;
import com.databricks.sdk.service.catalog.UpdatePermissions;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.StatementState;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sample Unity Catalog PROD, in both variants, as a migration will meet it. */
class SampleUnityCatalogTest {
  @ParameterizedTest
  @EnumSource(
      value = UnityCatalog.Mode.class,
      names = {"WITH_HIVE_METASTORE", "WITHOUT_HIVE_METASTORE"})
  void prodHoldsThePocDatabasesAsSchemasButOneTableAndKnowsAccountPrincipalsOnly(
      UnityCatalog.Mode mode) {
    WorkspaceState poc = new WorkspaceState();
    SampleWorkspace.seed(poc, SampleSpec.small());
    try (var prod = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build())) {
      SampleProd.UcTarget target = SampleProd.prepareUnityCatalog(poc, prod.state(), mode);
      UnityCatalog uc = prod.state().unityCatalog();
      WorkspaceClient client = SdkClients.workspace(prod);

      assertThat(client.metastores().current().getDefaultCatalogName())
          .isEqualTo(SampleProd.PROD_CATALOG);
      assertThat(uc.schemaNames(SampleProd.PROD_CATALOG))
          .containsAll(poc.tables().databases())
          .contains(SampleProd.PROD_MODEL_SCHEMA);
      String[] missing = target.missingTable().split("\\.");
      assertThat(poc.tables().tables(missing[1])).containsKey(missing[2]);
      assertThat(poc.tables().all())
          .anyMatch(g ->
              g.objectKey().equals(missing[1] + "." + missing[2]) && !g.actionType().equals("OWN"));
      assertThat(client.tables().exists(target.missingTable()).getTableExists()).isFalse();
      assertThat(uc.tableNames(SampleProd.PROD_CATALOG, missing[1]))
          .hasSize(poc.tables().tables(missing[1]).size() - 1);

      assertThat(uc.accountPrincipals())
          .containsKey(SampleProd.RENAMED_USER_TO)
          .containsKey(target.servicePrincipal())
          .doesNotContainKey(target.renamedUserFrom())
          .doesNotContainKey(target.workspaceLocalGroup())
          .containsKey("Équipe « eau » d'été");
      assertThat(uc.workspaceGroups())
          .contains(target.workspaceLocalGroup(), "admins", "users", "stagiaires");
      assertThat(poc.tables().all())
          .anyMatch(g ->
              g.principal().equals(target.workspaceLocalGroup()) && g.objectType().equals("TABLE"));
      String someTable =
          SampleProd.PROD_CATALOG
              + "."
              + missing[1]
              + "."
              + uc.tableNames(SampleProd.PROD_CATALOG, missing[1]).getFirst();
      assertThatThrownBy(() ->
              client
                  .grants()
                  .update(
                      new UpdatePermissions()
                          .setSecurableType("table")
                          .setFullName(someTable)
                          .setChanges(
                              List.of(
                                  new PermissionsChange()
                                      .setPrincipal(target.workspaceLocalGroup())
                                      .setAdd(List.of(Privilege.SELECT))))))
          .isInstanceOf(NotFound.class)
          .satisfies(e ->
              assertThat(((DatabricksError) e).getErrorCode())
                  .isEqualTo("PRINCIPAL_DOES_NOT_EXIST"));

      // a grant replayed as today's core writes it (two-part name) lands in the workspace catalog
      var r =
          client
              .statementExecution()
              .executeStatement(
                  new ExecuteStatementRequest()
                      .setWarehouseId(SampleProd.PROD_WAREHOUSE)
                      .setStatement(
                          "GRANT SELECT ON TABLE `"
                              + missing[1]
                              + "`.`"
                              + someTable.split("\\.")[2]
                              + "` TO `"
                              + SampleProd.RENAMED_USER_TO
                              + "`"));
      assertThat(r.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
      assertThat(uc.grantsOn("table", someTable)).containsKey(SampleProd.RENAMED_USER_TO);
      assertThat(prod.state().tables().all()).isEmpty();

      if (mode == UnityCatalog.Mode.WITH_HIVE_METASTORE) {
        assertThat(uc.catalogNames())
            .containsExactly(SampleProd.PROD_CATALOG, UnityCatalog.HIVE_METASTORE);
        assertThat(uc.schemaNames(UnityCatalog.HIVE_METASTORE))
            .containsExactlyElementsOf(poc.tables().databases());
      } else {
        assertThat(uc.catalogNames()).containsExactly(SampleProd.PROD_CATALOG);
        assertThat(prod.state().tables().databases()).isEmpty();
      }
    }
  }
}
