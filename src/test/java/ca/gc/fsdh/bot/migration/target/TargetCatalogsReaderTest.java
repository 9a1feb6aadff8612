package ca.gc.fsdh.bot.migration.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.fsdh.bot.migration.spi.TableAclTarget;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.UnityCatalog;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;
import org.junit.jupiter.api.Test;

/** What PROD keeps its tables in, read through the real SDK from the stand-in in each mode. */
class TargetCatalogsReaderTest {
  static WorkspaceClient client(FakeDatabricks server) {
    return new WorkspaceClient(
        new DatabricksConfig()
            .setHost(server.host())
            .setToken(server.token())
            .setAuthType("pat")
            .setCredentialsProvider(new PatCredentialsProvider()));
  }

  private static FakeDatabricks standIn() {
    return FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build());
  }

  @Test
  void aWorkspaceWithoutMetastoreIsLegacyAndTableAclsStayInHiveMetastore() {
    try (var server = standIn()) {
      TargetCatalogs t = TargetCatalogsReader.read(client(server));

      assertThat(t).isEqualTo(TargetCatalogs.legacy());
      assertThat(t.unityCatalog()).isFalse();
      assertThat(t.defaultCatalog()).isEqualTo("hive_metastore");
      assertThat(TableAclTarget.AUTO.resolve(t)).isEqualTo(TableAclTarget.HIVE_METASTORE);
      assertThatThrownBy(() -> TableAclTarget.UNITY_CATALOG.resolve(t))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no metastore");
    }
  }

  @Test
  void aUnityCatalogWorkspaceWithHiveMetastoreNamesItsDefaultCatalogAndKeepsBothChoices() {
    try (var server = standIn()) {
      UnityCatalog uc =
          server.state().unityCatalog().enable(UnityCatalog.Mode.WITH_HIVE_METASTORE, "fsdh_prod");
      // more catalogs than one page, with empty first pages, as the SDK's list javadoc warns
      uc.maxPageSize(1);
      uc.addUser("admin@example.gc.ca");
      for (int i = 0; i < 3; i++) uc.createCatalog("autre_" + i, "admin@example.gc.ca");

      TargetCatalogs t = TargetCatalogsReader.read(client(server));

      assertThat(t.metastoreId()).contains(uc.metastoreId());
      assertThat(t.unityCatalog()).isTrue();
      assertThat(t.defaultCatalog()).isEqualTo("fsdh_prod");
      assertThat(t.hiveMetastore()).isTrue();
      assertThat(TableAclTarget.AUTO.resolve(t)).isEqualTo(TableAclTarget.UNITY_CATALOG);
      assertThat(TableAclTarget.HIVE_METASTORE.resolve(t)).isEqualTo(TableAclTarget.HIVE_METASTORE);
    }
  }

  @Test
  void aUnityCatalogWorkspaceWithoutHiveMetastoreRefusesTheHiveTarget() {
    try (var server = standIn()) {
      server.state().unityCatalog().enable(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE, "fsdh_prod");

      TargetCatalogs t = TargetCatalogsReader.read(client(server));

      assertThat(t.unityCatalog()).isTrue();
      assertThat(t.hiveMetastore()).isFalse();
      assertThat(TableAclTarget.AUTO.resolve(t)).isEqualTo(TableAclTarget.UNITY_CATALOG);
      assertThatThrownBy(() -> TableAclTarget.HIVE_METASTORE.resolve(t))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no hive_metastore");
    }
  }

  @Test
  void theOptionWordsReadInEitherSpelling() {
    assertThat(TableAclTarget.parse("unity-catalog")).isEqualTo(TableAclTarget.UNITY_CATALOG);
    assertThat(TableAclTarget.parse("HIVE_METASTORE")).isEqualTo(TableAclTarget.HIVE_METASTORE);
    assertThat(TableAclTarget.UNITY_CATALOG.word()).isEqualTo("unity-catalog");
    assertThatThrownBy(() -> TableAclTarget.parse("uc"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
