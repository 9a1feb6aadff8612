package ca.gc.fsdh.bot.migration.tableacls;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.CoreMigration;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.migration.verify.ItemCheck;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleProd;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import ca.gc.fsdh.bot.tools.sandbox.databricks.TableAclStore.KeyForm;
import com.databricks.sdk.WorkspaceClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table ACLs migrated and verified between a POC and a PROD whose {@code SHOW GRANTS} print object
 * keys back-quoted ({@code `db`.`t`}, newer runtimes) or plain ({@code db.t}, older ones), in every
 * combination, through the real SDK on stand-ins that refuse {@code ... TABLE} on a view and a name
 * quoted twice.
 */
class TableAclKeyFormsTest {
  static final SampleSpec GRANTS_ONLY =
      SampleSpec.builder()
          .notebooks(0)
          .folders(1)
          .files(0)
          .jobs(0, 0)
          .repos(0)
          .secrets(0, 0)
          .grants(200)
          .models(0, 1)
          .hugeNotebook(false)
          .build();

  @TempDir Path dir;

  static WorkspaceClient client(FakeDatabricks server) {
    return FakeDatabricksConfig.pacedClient(server);
  }

  @ParameterizedTest(name = "POC prints {0}, PROD prints {1}")
  @CsvSource({"BACKQUOTED, BACKQUOTED", "PLAIN, PLAIN", "PLAIN, BACKQUOTED", "BACKQUOTED, PLAIN"})
  void grantsOfTablesAndViewsMigrateAndVerifyCleanWhateverFormShowGrantsPrints(
      KeyForm poc, KeyForm prod) throws Exception {
    try (var source = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build());
        var target = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build())) {
      SampleWorkspace.seed(source.state(), GRANTS_ONLY);
      SampleProd.prepare(source.state(), target.state());
      source.state().tables().printKeys(poc);
      target.state().tables().printKeys(prod);
      var types = EnumSet.of(ResourceType.TABLE_ACLS);
      var result =
          new CoreMigration()
              .migrate(
                  new CoreMigration.Workspace(client(source), source.host()),
                  new CoreMigration.Workspace(client(target), target.host()),
                  new CoreMigration.MigrateOptions(
                      dir,
                      ExportOptions.allTypes()
                          .withTypes(types)
                          .withSqlWarehouse(SampleWorkspace.WAREHOUSE_ID),
                      new MappingFile(null, null, null, null, null, Map.of(), Map.of(), null),
                      ImportOptions.defaults(dir.resolve("import"))
                          .withTypes(types)
                          .withSqlWarehouse(SampleProd.PROD_WAREHOUSE),
                      Optional.of(SampleProd.PROD_WAREHOUSE),
                      Optional.empty()),
                  new CoreMigration.Progress() {});

      assertThat(result.failures()).isEmpty();
      assertThat(result.verification().items())
          .isNotEmpty()
          .allSatisfy(i ->
              assertThat(i.status())
                  .as(i.id() + " " + i.differences())
                  .isEqualTo(ItemCheck.Status.MATCH));
      assertThat(new HashSet<>(target.state().tables().all()))
          .isEqualTo(new HashSet<>(source.state().tables().all()));

      // views are granted and owned as views (SHOW GRANTS prints them as TABLE)
      int views = 0;
      for (String db : source.state().tables().databases()) {
        String sql = Files.readString(dir.resolve("bundle/tableacls/" + db + ".sql"));
        for (var t : source.state().tables().tables(db).entrySet()) {
          String name = "`hive_metastore`.`" + db + "`.`" + t.getKey() + "`";
          if (t.getValue().equals("VIEW") && sql.contains(name)) {
            assertThat(sql)
                .doesNotContain("TABLE " + name)
                .containsPattern("(VIEW " + Pattern.quote(name) + ")");
            views++;
          }
        }
        assertThat(sql).doesNotContain("```");
      }
      assertThat(views).as("the sample grants on views").isPositive();
    }
  }
}
