package ca.gc.fsdh.bot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.bundle.BundleFinisher;
import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.bundle.BundleWriter;
import ca.gc.fsdh.bot.migration.bundle.ExportJournal;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared item loop never lets one odd item stop the others: a record the importer cannot read
 * is that item's failure, and the type's other items are still imported.
 */
class UnreadableItemTest {
  @TempDir Path dir;

  @Test
  void aRecordThatCannotBeReadFailsAloneAndTheOtherItemsAreImported() throws Exception {
    Path bundle = dir.resolve("bundle");
    new BundleWriter(bundle);
    try (var journal = ExportJournal.open(bundle)) {
      journal.record(repo("1", "/Repos/a@example.org/good", 1));
      journal.record(repo("2", "/Repos/a@example.org/odd", "not a number"));
    }
    new BundleFinisher()
        .finish(
            bundle,
            new BundleFinisher.RunInfo(
                "test", "http://poc", "SOURCE", Set.of(ResourceType.REPOS), "NONE"));

    try (var prod = new StandIn(FakeDatabricksOptions.builder().noRateLimits().build());
        var reader = BundleReader.open(bundle)) {
      var result =
          new WorkspaceImport(prod.client, prod.server.host())
              .run(
                  reader,
                  MappingFile.empty(),
                  ImportOptions.defaults(dir.resolve("state"))
                      .withTypes(Set.of(ResourceType.REPOS))
                      .withDryRun(true),
                  ProgressListener.NONE);

      assertThat(result.counts().get("repos"))
          .containsEntry(ImportOutcome.CREATED, 1L)
          .containsEntry(ImportOutcome.FAILED, 1L);
      assertThat(result.failed())
          .singleElement()
          .satisfies(line -> {
            assertThat(line.id()).isEqualTo("2");
            assertThat(line.text()).contains("cannot read its record");
          });
    }
  }

  private static JournalEntry repo(String id, String path, Object repoId) {
    var record =
        BundleJson.MAPPER
            .createObjectNode()
            .put("path", path)
            .put("url", "https://github.com/example/repo")
            .put("provider", "gitHub")
            .put("branch", "main");
    record.set("id", BundleJson.MAPPER.valueToTree(repoId));
    record.set("permissions", BundleJson.MAPPER.valueToTree(List.of()));
    return JournalEntry.exported(ResourceType.REPOS, id, List.of(), record);
  }
}
