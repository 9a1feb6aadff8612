package ca.gc.fsdh.bot.migration.manual;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.WorkspaceExport;
import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.BundleManifest;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.notebooks.WorkspaceLayout;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code manual/} holds what it takes to recreate by hand what it lists, and lists what the report
 * says it does.
 */
class ManualFolderTest {
  @TempDir Path out;

  @Test
  void globalInitScriptsComeWithTheirContentAndWorkspaceLibrariesAreListed() throws Exception {
    try (var poc = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build())) {
      SampleWorkspace.seed(poc.state(), SampleSpec.small());
      var client = FakeDatabricksConfig.pacedClient(poc);
      var result =
          new WorkspaceExport(client, poc.host())
              .run(
                  out,
                  ExportOptions.allTypes()
                      .withTypes(EnumSet.of(ResourceType.NOTEBOOKS))
                      .withPermissions(false)
                      .withWorkers(4),
                  ProgressListener.NONE);

      JsonNode scripts =
          BundleJson.MAPPER.readTree(out.resolve("manual/global-init-scripts.json").toFile());
      assertThat(scripts).hasSize(poc.state().compute().globalInitScripts().size()).isNotEmpty();
      String readme = Files.readString(out.resolve("manual/README.txt"));
      for (var expected : poc.state().compute().globalInitScripts()) {
        String body =
            new String(
                Base64.getDecoder().decode(expected.path("script").asText()),
                StandardCharsets.UTF_8);
        JsonNode written = null;
        for (JsonNode s : scripts)
          if (s.path("script_id").asText().equals(expected.path("script_id").asText())) written = s;
        assertThat(written).as(expected.path("name").asText()).isNotNull();
        assertThat(
                new String(
                    Base64.getDecoder().decode(written.path("script").asText()),
                    StandardCharsets.UTF_8))
            .isEqualTo(body);
        Path file =
            out.resolve(
                ManualWriter.INIT_SCRIPTS_DIR
                    + String.format(
                        "%02d-%s.sh",
                        expected.path("position").asInt(), expected.path("name").asText()));
        assertThat(file).hasContent(body);
        assertThat(readme)
            .contains(expected.path("name").asText())
            .contains(out.relativize(file).toString());
      }
      // the report points at manual/ for the workspace library: manual/ names it
      assertThat(result.manifest().skipped())
          .filteredOn(i -> i.id().equals(SampleWorkspace.WORKSPACE_LIBRARY))
          .singleElement()
          .extracting(BundleManifest.Item::reason)
          .asString()
          .contains(WorkspaceLayout.WORKSPACE_LIBRARIES);
      JsonNode libraries =
          BundleJson.MAPPER.readTree(out.resolve(WorkspaceLayout.WORKSPACE_LIBRARIES).toFile());
      assertThat(libraries)
          .singleElement()
          .satisfies(l ->
              assertThat(l.path("path").asText()).isEqualTo(SampleWorkspace.WORKSPACE_LIBRARY));
      assertThat(readme).contains("library  " + SampleWorkspace.WORKSPACE_LIBRARY);
      assertThat(result.manifest().checksums()).containsKey(WorkspaceLayout.WORKSPACE_LIBRARIES);
    }
  }
}
