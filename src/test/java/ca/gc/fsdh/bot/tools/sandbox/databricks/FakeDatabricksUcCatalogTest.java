package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.InvalidParameterValue;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.core.error.platform.ResourceConflict;
import com.databricks.sdk.service.catalog.CatalogInfo;
import com.databricks.sdk.service.catalog.CreateCatalog;
import com.databricks.sdk.service.catalog.CreateSchema;
import com.databricks.sdk.service.catalog.ListCatalogsRequest;
import com.databricks.sdk.service.catalog.ListCatalogsResponse;
import com.databricks.sdk.service.catalog.ListSchemasRequest;
import com.databricks.sdk.service.catalog.ListTablesRequest;
import com.databricks.sdk.service.catalog.SchemaInfo;
import com.databricks.sdk.service.catalog.TableInfo;
import com.databricks.sdk.service.catalog.TableType;
import com.databricks.sdk.service.catalog.UpdateCatalog;
import com.databricks.sdk.service.catalog.UpdateSchema;
import com.databricks.sdk.service.catalog.UpdateTableRequest;
import java.util.List;
import java.util.stream.StreamSupport;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The metastore, catalogs, schemas and tables of a UC workspace, through the real SDK. */
class FakeDatabricksUcCatalogTest {
  private FakeDatabricks server;

  private WorkspaceClient start(UnityCatalog.Mode mode) {
    server = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build());
    var state = server.state();
    state.tables().createTable("hydro", "debits", false);
    state.tables().createTable("hydro", "resume", true);
    state.tables().setOwner("DATABASE", "hydro", "marie@example.gc.ca");
    if (mode != UnityCatalog.Mode.NONE) {
      state
          .unityCatalog()
          .enable(mode, "fsdh_prod")
          .addUser("marie@example.gc.ca")
          .addGroup("analystes");
      state.unityCatalog().createSchema("fsdh_prod", "hydro", "marie@example.gc.ca");
      state
          .unityCatalog()
          .createTable("fsdh_prod", "hydro", "debits", false, "marie@example.gc.ca");
      state.unityCatalog().createTable("fsdh_prod", "hydro", "resume", true, "marie@example.gc.ca");
    }
    return SdkClients.workspace(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static <T> List<T> all(Iterable<T> it) {
    return StreamSupport.stream(it.spliterator(), false).toList();
  }

  @Test
  void aWorkspaceWithoutMetastoreAnswersEveryUnityCatalogCallMetastoreDoesNotExist() {
    WorkspaceClient client = start(UnityCatalog.Mode.NONE);
    assertThatThrownBy(() -> client.metastores().current())
        .isInstanceOf(NotFound.class)
        .hasMessage("No metastore assigned for the current workspace.")
        .satisfies(e ->
            assertThat(((DatabricksError) e).getErrorCode()).isEqualTo("METASTORE_DOES_NOT_EXIST"));
    assertThatThrownBy(() -> all(client.catalogs().list(new ListCatalogsRequest())))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> client.grants().get("catalog", "main")).isInstanceOf(NotFound.class);
  }

  @Test
  void theAssignmentNamesTheMetastoreAndTheDefaultCatalog() {
    WorkspaceClient client = start(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
    var a = client.metastores().current();
    assertThat(a.getDefaultCatalogName()).isEqualTo("fsdh_prod");
    assertThat(a.getMetastoreId()).isEqualTo(server.state().unityCatalog().metastoreId());
    assertThat(a.getWorkspaceId()).isPositive();
    assertThat(client.metastores().summary().getStorageRoot())
        .startsWith("abfss://metastore@fsdhprodmetastore.dfs.core.windows.net/");
  }

  @Nested
  class WithHiveMetastore {
    @Test
    void hiveMetastoreIsOneMoreCatalogHoldingTheLegacyDatabases() {
      WorkspaceClient client = start(UnityCatalog.Mode.WITH_HIVE_METASTORE);
      assertThat(all(client.catalogs().list(new ListCatalogsRequest())))
          .extracting(CatalogInfo::getName)
          .containsExactly("fsdh_prod", "hive_metastore");
      assertThat(
              all(client.schemas().list(new ListSchemasRequest().setCatalogName("hive_metastore"))))
          .extracting(SchemaInfo::getFullName, SchemaInfo::getOwner)
          .containsExactly(Tuple.tuple("hive_metastore.hydro", "marie@example.gc.ca"));
      assertThat(
              all(
                  client
                      .tables()
                      .list(
                          new ListTablesRequest()
                              .setCatalogName("hive_metastore")
                              .setSchemaName("hydro"))))
          .extracting(TableInfo::getFullName, TableInfo::getTableType)
          .containsExactly(
              Tuple.tuple("hive_metastore.hydro.debits", TableType.MANAGED),
              Tuple.tuple("hive_metastore.hydro.resume", TableType.VIEW));
      assertThat(client.tables().get("hive_metastore.hydro.debits").getCatalogName())
          .isEqualTo("hive_metastore");
    }

    @Test
    void hiveMetastoreObjectsAreReadOnlyThroughTheApi() {
      WorkspaceClient client = start(UnityCatalog.Mode.WITH_HIVE_METASTORE);
      assertThatThrownBy(() ->
              client
                  .schemas()
                  .update(
                      new UpdateSchema().setFullName("hive_metastore.hydro").setOwner("analystes")))
          .isInstanceOf(InvalidParameterValue.class)
          .hasMessageContaining("SQL");
    }
  }

  @Nested
  class WithoutHiveMetastore {
    @Test
    void hiveMetastoreDoesNotExist() {
      WorkspaceClient client = start(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
      assertThat(all(client.catalogs().list(new ListCatalogsRequest())))
          .extracting(CatalogInfo::getName)
          .containsExactly("fsdh_prod");
      assertThatThrownBy(() -> client.catalogs().get("hive_metastore"))
          .isInstanceOf(NotFound.class)
          .satisfies(e ->
              assertThat(((DatabricksError) e).getErrorCode()).isEqualTo("CATALOG_DOES_NOT_EXIST"));
      assertThatThrownBy(() -> client.tables().get("hive_metastore.hydro.debits"))
          .isInstanceOf(NotFound.class);
    }
  }

  @Test
  void catalogsSchemasAndTablesReadAndChangeOwner() {
    WorkspaceClient client = start(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
    CatalogInfo c = client.catalogs().get("FSDH_PROD");
    assertThat(c.getName()).isEqualTo("fsdh_prod");
    assertThat(c.getOwner()).isEqualTo(WorkspaceState.CURRENT_USER);
    assertThat(
            client
                .catalogs()
                .update(new UpdateCatalog().setName("fsdh_prod").setOwner("analystes"))
                .getOwner())
        .isEqualTo("analystes");
    assertThat(client.schemas().get("fsdh_prod.hydro").getOwner()).isEqualTo("marie@example.gc.ca");
    client
        .schemas()
        .update(new UpdateSchema().setFullName("fsdh_prod.hydro").setOwner("ANALYSTES"));
    assertThat(client.schemas().get("fsdh_prod.hydro").getOwner()).isEqualTo("analystes");
    TableInfo view = client.tables().get("fsdh_prod.hydro.resume");
    assertThat(view.getTableType()).isEqualTo(TableType.VIEW);
    client
        .tables()
        .update(
            new UpdateTableRequest().setFullName("fsdh_prod.hydro.debits").setOwner("analystes"));
    assertThat(client.tables().get("fsdh_prod.hydro.debits").getOwner()).isEqualTo("analystes");
    assertThat(client.tables().exists("fsdh_prod.hydro.debits").getTableExists()).isTrue();
    assertThat(client.tables().exists("fsdh_prod.hydro.absente").getTableExists()).isFalse();
  }

  @Test
  void catalogsAndSchemasAreCreatedWithUnityCatalogNames() {
    WorkspaceClient client = start(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
    assertThat(client.catalogs().create(new CreateCatalog().setName("Bac_A_Sable")).getName())
        .isEqualTo("bac_a_sable");
    assertThat(
            client
                .schemas()
                .create(new CreateSchema().setCatalogName("bac_a_sable").setName("essais"))
                .getFullName())
        .isEqualTo("bac_a_sable.essais");
    assertThatThrownBy(() ->
            client
                .schemas()
                .create(new CreateSchema().setCatalogName("bac_a_sable").setName("essais")))
        .isInstanceOf(ResourceConflict.class)
        .satisfies(e ->
            assertThat(((DatabricksError) e).getErrorCode()).isEqualTo("SCHEMA_ALREADY_EXISTS"));
    assertThatThrownBy(() ->
            client
                .schemas()
                .create(new CreateSchema().setCatalogName("bac_a_sable").setName("mes essais")))
        .isInstanceOf(InvalidParameterValue.class);
    assertThatThrownBy(
            () -> client.catalogs().create(new CreateCatalog().setName("hive_metastore")))
        .isInstanceOf(ResourceConflict.class);
  }

  @Test
  void missingObjectsMalformedNamesAndUnknownOwnersAreRefused() {
    WorkspaceClient client = start(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
    assertThatThrownBy(() -> client.schemas().get("fsdh_prod.nulle"))
        .isInstanceOf(NotFound.class)
        .satisfies(e ->
            assertThat(((DatabricksError) e).getErrorCode()).isEqualTo("SCHEMA_DOES_NOT_EXIST"));
    assertThatThrownBy(() -> client.tables().get("fsdh_prod.hydro.nulle"))
        .isInstanceOf(NotFound.class)
        .satisfies(e ->
            assertThat(((DatabricksError) e).getErrorCode()).isEqualTo("TABLE_DOES_NOT_EXIST"));
    assertThatThrownBy(() -> client.tables().get("hydro.debits"))
        .isInstanceOf(InvalidParameterValue.class);
    assertThatThrownBy(() -> client.tables().exists("fsdh_prod.nulle.t"))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() ->
            client
                .tables()
                .update(
                    new UpdateTableRequest()
                        .setFullName("fsdh_prod.hydro.debits")
                        .setOwner("stagiaires")))
        .isInstanceOf(NotFound.class)
        .satisfies(e ->
            assertThat(((DatabricksError) e).getErrorCode()).isEqualTo("PRINCIPAL_DOES_NOT_EXIST"));
  }

  @Test
  void listsPageWithTokensAndMayStartWithAnEmptyPage() {
    WorkspaceClient client = start(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE);
    var uc = server.state().unityCatalog().maxPageSize(2);
    for (int i = 0; i < 5; i++) {
      uc.createTable("fsdh_prod", "default", "t" + i, false, WorkspaceState.CURRENT_USER);
    }
    List<TableInfo> tables =
        all(
            client
                .tables()
                .list(
                    new ListTablesRequest().setCatalogName("fsdh_prod").setSchemaName("default")));
    assertThat(tables).extracting(TableInfo::getName).containsExactly("t0", "t1", "t2", "t3", "t4");
    ListCatalogsResponse first =
        client.catalogs().impl().list(new ListCatalogsRequest().setMaxResults(0L));
    assertThat(first.getCatalogs()).isEmpty();
    assertThat(first.getNextPageToken()).isNotEmpty();
    ListCatalogsResponse second =
        client
            .catalogs()
            .impl()
            .list(
                new ListCatalogsRequest().setMaxResults(0L).setPageToken(first.getNextPageToken()));
    assertThat(second.getCatalogs()).extracting(CatalogInfo::getName).containsExactly("fsdh_prod");
    assertThat(second.getNextPageToken()).isNull();
    assertThatThrownBy(
            () -> client.catalogs().impl().list(new ListCatalogsRequest().setMaxResults(-1L)))
        .isInstanceOf(InvalidParameterValue.class);
    uc.emptyFirstPages(false);
    assertThat(
            client
                .tables()
                .impl()
                .list(
                    new ListTablesRequest()
                        .setCatalogName("fsdh_prod")
                        .setSchemaName("default")
                        .setMaxResults(10L))
                .getTables())
        .hasSize(2);
  }
}
