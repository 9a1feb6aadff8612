package ca.gc.fsdh.bot.migration.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.WorkspaceExport;
import ca.gc.fsdh.bot.migration.WorkspaceImport;
import ca.gc.fsdh.bot.migration.bundle.BundleManifest;
import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.Content;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.workspace.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two workspace objects that land on the same bundle file (a Python notebook {@code etl}, written
 * {@code etl.py}, beside a folder {@code etl.py}): one fails with its reason, the rest of the
 * bundle is exported, passes its own check and is imported.
 */
class CollidingNamesTest {
  @TempDir Path dir;

  static WorkspaceClient client(FakeDatabricks server) {
    return FakeDatabricksConfig.pacedClient(server);
  }

  static Content source(String text) {
    return Content.of(
        ("# Databricks notebook source\nprint('" + text + "')\n").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aNotebookAndAFolderThatShareAFileNameFailAloneAndTheRestIsImported() throws Exception {
    try (var poc = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build());
        var prod = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build())) {
      var tree = poc.state().workspace();
      tree.putNotebook("/Shared/projet/etl", Language.PYTHON, source("etl"));
      tree.putNotebook("/Shared/projet/etl.py/enfant", Language.PYTHON, source("enfant"));
      tree.putNotebook("/Shared/projet/autre \\ carnet", Language.PYTHON, source("autre"));
      var types = EnumSet.of(ResourceType.NOTEBOOKS);
      var export =
          new WorkspaceExport(client(poc), poc.host())
              .run(
                  dir.resolve("bundle"),
                  ExportOptions.allTypes().withTypes(types).withWorkers(1).withPermissions(false),
                  ProgressListener.NONE);

      assertThat(export.manifest().failed())
          .singleElement()
          .satisfies(f -> {
            assertThat(f.id()).isIn("/Shared/projet/etl", "/Shared/projet/etl.py/enfant");
            assertThat(f.reason())
                .contains(
                    "cannot be written to the bundle as notebooks/source/Shared/projet/etl.py")
                .contains("the other objects are exported")
                .doesNotContain("\tat ");
          });
      String failed = export.manifest().failed().getFirst().id();
      String kept =
          failed.endsWith("enfant") ? "/Shared/projet/etl" : "/Shared/projet/etl.py/enfant";

      try (var bundle = BundleReader.open(export.bundle())) {
        var imported =
            new WorkspaceImport(client(prod), prod.host())
                .run(
                    bundle,
                    MappingFile.empty(),
                    ImportOptions.defaults(dir.resolve("import"))
                        .withTypes(types)
                        .withPermissions(false),
                    ProgressListener.NONE);
        assertThat(imported.failed()).isEmpty();
      }
      assertThat(prod.state().workspace().get(kept)).isPresent();
      assertThat(prod.state().workspace().get("/Shared/projet/autre \\ carnet")).isPresent();
      assertThat(prod.state().workspace().get(failed)).isEmpty();
      assertThat(export.manifest().counts().get("notebooks"))
          .isEqualTo(
              new BundleManifest.Counts(
                  export.manifest().counts().get("notebooks").exported(), 0, 1));
    }
  }
}
