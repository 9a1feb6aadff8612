package ca.gc.fsdh.bot.migration.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleFinisherTest {
  @TempDir Path dir;

  @Test
  void writesIndexesReportAndAManifestWithChecksums() throws Exception {
    var writer = new BundleWriter(dir);
    FileRef nb =
        writer.write(
            "notebooks/source/Users/é a/nb.py", "print(1)\n".getBytes(StandardCharsets.UTF_8));
    try (var j = ExportJournal.open(dir)) {
      j.record(
          JournalEntry.exported(
              ResourceType.NOTEBOOKS,
              "/Users/é a/nb",
              List.of(nb),
              JsonNodeFactory.instance.objectNode().put("language", "PYTHON")));
      j.record(JournalEntry.skipped(ResourceType.NOTEBOOKS, "/Users/é a/big", "over 10 MB", null));
      j.record(JournalEntry.failed(ResourceType.JOBS, "9", "HTTP 500 after 10 attempts"));
      j.record(JournalEntry.failed(ResourceType.JOBS, "8", "first failure"));
      j.record(JournalEntry.exported(ResourceType.JOBS, "8", List.of(), null));
    }
    Files.createDirectories(dir.resolve("jobs"));
    Files.writeString(dir.resolve("jobs/left.part"), "half");

    var manifest =
        new BundleFinisher()
            .finish(
                dir,
                new BundleFinisher.RunInfo(
                    "fsdh-bot test",
                    "http://h",
                    "SOURCE",
                    EnumSet.of(ResourceType.NOTEBOOKS, ResourceType.JOBS),
                    "NONE"));

    assertThat(manifest.formatVersion()).isEqualTo(BundleManifest.FORMAT_VERSION);
    assertThat(manifest.counts().get("notebooks")).isEqualTo(new BundleManifest.Counts(1, 1, 0));
    assertThat(manifest.counts().get("jobs")).isEqualTo(new BundleManifest.Counts(1, 0, 1));
    assertThat(manifest.failed())
        .containsExactly(new BundleManifest.Item("jobs", "9", "HTTP 500 after 10 attempts"));
    assertThat(manifest.skipped())
        .extracting(BundleManifest.Item::reason)
        .containsExactly("over 10 MB");
    assertThat(manifest.checksums())
        .containsEntry(nb.path(), nb.sha256())
        .containsKeys("journal.ndjson", "report.jsonl", "notebooks/index.jsonl", "jobs/index.jsonl")
        .doesNotContainKey("jobs/left.part");
    assertThat(dir.resolve("jobs/left.part")).doesNotExist();
    assertThat(Files.readAllLines(dir.resolve("report.jsonl"))).hasSize(4);
    assertThat(Files.readAllLines(dir.resolve("notebooks/index.jsonl")))
        .singleElement()
        .asString()
        .contains("\"language\":\"PYTHON\"");
    assertThat(BundleManifest.read(dir)).isEqualTo(manifest);
  }

  @Test
  void writerRefusesPathsThatLeaveTheBundle() throws Exception {
    var writer = new BundleWriter(dir);
    assertThatThrownBy(() -> writer.write("notebooks/../../etc/x", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writerChecksumsWhatItWrote() throws Exception {
    var ref = new BundleWriter(dir).write("/a/b.txt", "abc".getBytes(StandardCharsets.UTF_8));
    assertThat(ref.path()).isEqualTo("a/b.txt");
    assertThat(ref.size()).isEqualTo(3);
    assertThat(ref.sha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(BundleFinisher.sha256(dir.resolve("a/b.txt"))).isEqualTo(ref.sha256());
  }
}
