package ca.gc.fsdh.bot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.secrets.InMemorySecretValues;
import ca.gc.fsdh.bot.migration.secrets.InMemorySecretValuesSource;
import ca.gc.fsdh.bot.sandbox.databricks.FakeDatabricksOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import through the real SDK into a PROD stand-in, from a bundle exported from a POC stand-in. */
class WorkspaceImportTest {
  @TempDir Path dir;

  @Test
  void roundTripImportsEveryType() throws Exception {
    try (var env = new PocAndProd(FakeDatabricksOptions.builder().noRateLimits())) {
      var values = new InMemorySecretValues();
      var export = new WorkspaceExport(env.poc.client, env.poc.server.host()).run(dir.resolve("bundle"), env.exportOptions(values), ProgressListener.NONE);
      System.out.println(export.manifest().counts() + " " + export.manifest().failed());
      try (var bundle = BundleReader.open(dir.resolve("bundle"))) {
        var options = ImportOptions.defaults(dir.resolve("state")).withPermissions(false).withWorkers(4)
            .withSqlWarehouse(PocAndProd.PROD_WAREHOUSE)
            .withSecretValues(new InMemorySecretValuesSource(values, env.poc.client, null));
        var result = new WorkspaceImport(env.prod.client, env.prod.server.host()).run(bundle, env.mapping(), options, ProgressListener.NONE);
        System.out.println(ImportReportText.render(result));
        assertThat(result.failed()).isEmpty();
      }
    }
  }
}
