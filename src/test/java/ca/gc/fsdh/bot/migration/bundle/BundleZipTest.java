package ca.gc.fsdh.bot.migration.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacking an offboarding zip: the manifest is read and checked first, only the files it lists are
 * extracted, each stops at its listed size, and links, duplicates, paths leaving the bundle and
 * extra entries are refused with one line.
 */
class BundleZipTest {
  static final String NOTEBOOK = "notebooks/source/Shared/etl.py";

  @TempDir Path dir;
  Path bundle;

  @BeforeEach
  void writeBundle() throws Exception {
    bundle = dir.resolve("bundle");
    var writer = new BundleWriter(bundle);
    try (var journal = ExportJournal.open(bundle)) {
      for (String name : List.of("etl", "report")) {
        var ref =
            writer.write(
                "notebooks/source/Shared/" + name + ".py",
                ("# Databricks notebook source\nprint('" + name + "')\n").getBytes());
        journal.record(
            JournalEntry.exported(
                ResourceType.NOTEBOOKS,
                "/Shared/" + name,
                List.of(ref),
                BundleJson.MAPPER
                    .createObjectNode()
                    .put("path", "/Shared/" + name)
                    .put("objectType", "NOTEBOOK")));
      }
    }
    new BundleFinisher()
        .finish(
            bundle,
            new BundleFinisher.RunInfo(
                "test", "http://poc", "SOURCE", Set.of(ResourceType.NOTEBOOKS), "NONE"));
  }

  private Path crafted(CraftedZip zip) throws Exception {
    return zip.write(dir.resolve("crafted.zip"));
  }

  private static String refusal(Path zip) {
    try {
      BundleReader.open(zip).close();
    } catch (BadBundleException e) {
      assertThat(e.getMessage()).as("one line").doesNotContain("\n");
      return e.getMessage();
    } catch (Exception e) {
      throw new AssertionError("expected a BadBundleException, got " + e, e);
    }
    throw new AssertionError("the bundle was accepted: " + zip);
  }

  @Test
  void theManifestListsTheSizeOfEveryFile() throws Exception {
    var manifest = BundleManifest.read(bundle);
    assertThat(manifest.sizes())
        .containsEntry(NOTEBOOK, Files.size(bundle.resolve(NOTEBOOK)))
        .containsOnlyKeys(manifest.checksums().keySet());
  }

  @Test
  void aZipWrittenByZipWithFolderEntriesOpens() throws Exception {
    Path zip =
        crafted(
            new CraftedZip(bundle)
                .directory("notebooks")
                .directory("notebooks/source")
                .directory("notebooks/source/Shared"));
    try (var r = BundleReader.open(zip)) {
      assertThat(Files.readString(r.file(NOTEBOOK))).contains("print('etl')");
    }
  }

  @Test
  void anEntryOfZerosIsCutAtTheSizeTheManifestListsNotWrittenInFull() throws Exception {
    long listed = Files.size(bundle.resolve(NOTEBOOK));
    Path zip =
        crafted(new CraftedZip(bundle).replace(NOTEBOOK, CraftedZip.zeros(200L * 1024 * 1024)));
    assertThat(Files.size(zip)).as("about 200 KB compressed").isLessThan(1024 * 1024);
    assertThat(refusal(zip))
        .contains(NOTEBOOK)
        .contains("larger than the " + listed + " bytes the manifest lists");
  }

  @Test
  void anEntryTheManifestDoesNotListIsRefusedNotExtracted() throws Exception {
    Path zip =
        crafted(
            new CraftedZip(bundle)
                .add("notebooks/source/Shared/extra.py", CraftedZip.text("import os\n")));
    assertThat(refusal(zip))
        .contains("notebooks/source/Shared/extra.py")
        .contains("not listed in the manifest");
  }

  @Test
  void aSymbolicLinkToAFolderIsRefused() throws Exception {
    Path zip = crafted(new CraftedZip(bundle).symlink("notebooks/source/Shared", "/tmp"));
    assertThat(refusal(zip)).contains("notebooks/source/Shared").contains("symbolic link");
  }

  @Test
  void aSymbolicLinkInPlaceOfAListedFileIsRefused() throws Exception {
    Path zip = crafted(new CraftedZip(bundle).symlink("manual/README.txt", "/etc/passwd"));
    assertThat(refusal(zip)).contains("manual/README.txt").contains("symbolic link");
  }

  @Test
  void anEntryTwiceIsRefused() throws Exception {
    Path zip = crafted(new CraftedZip(bundle).add(NOTEBOOK, CraftedZip.text("print('other')\n")));
    assertThat(refusal(zip)).contains(NOTEBOOK).contains("more than once");
  }

  @Test
  void namesThatLeaveTheBundleAreRefused() throws Exception {
    assertThat(refusal(crafted(new CraftedZip(bundle).add("../outside.py", CraftedZip.text("x")))))
        .contains("../outside.py")
        .contains("leaves the bundle");
    assertThat(
            refusal(crafted(new CraftedZip(bundle).add("/tmp/outside.py", CraftedZip.text("x")))))
        .contains("/tmp/outside.py")
        .contains("leaves the bundle");
    assertThat(
            refusal(
                crafted(
                    new CraftedZip(bundle)
                        .add("notebooks/../../outside.py", CraftedZip.text("x")))))
        .contains("leaves the bundle");
  }

  @Test
  void theOffboardingReadmeIsTheOneFileBesideTheManifestAndItIsCapped() throws Exception {
    Path zip = OffboardPackage.write(bundle, dir.resolve("ABC-offboarding.zip"), "ABC");
    try (var r = BundleReader.open(zip)) {
      assertThat(Files.readString(r.file(OffboardPackage.README))).contains("## English");
    }
    Path big =
        crafted(
            new CraftedZip(bundle)
                .add(OffboardPackage.README, CraftedZip.zeros(50L * 1024 * 1024)));
    assertThat(refusal(big)).contains(OffboardPackage.README).contains("larger than");
  }

  @Test
  void aManifestWithoutFormatVersionSaysItIsMissing() throws Exception {
    Path m = bundle.resolve(BundleManifest.FILE);
    Files.writeString(m, Files.readString(m).replace("\"formatVersion\" : 1,", ""));
    assertThatThrownBy(() -> BundleReader.open(bundle))
        .isInstanceOf(BadBundleException.class)
        .hasMessageContaining("has no formatVersion")
        .hasMessageNotContaining("version  in");
  }

  @Test
  void aDirectoryBundleWithALinkedFileOrFolderIsRefused() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path copy = Files.copy(bundle.resolve(NOTEBOOK), outside.resolve("etl.py"));
    Files.delete(bundle.resolve(NOTEBOOK));
    Files.createSymbolicLink(bundle.resolve(NOTEBOOK), copy);
    assertThatThrownBy(() -> BundleReader.open(bundle))
        .isInstanceOf(BadBundleException.class)
        .hasMessageContaining(NOTEBOOK)
        .hasMessageContaining("symbolic link");

    Files.delete(bundle.resolve(NOTEBOOK));
    Files.copy(copy, bundle.resolve(NOTEBOOK));
    Path shared = bundle.resolve("notebooks/source/Shared");
    Files.move(shared, outside.resolve("Shared"));
    Files.createSymbolicLink(shared, outside.resolve("Shared"));
    assertThatThrownBy(() -> BundleReader.open(bundle))
        .isInstanceOf(BadBundleException.class)
        .hasMessageContaining("symbolic link");
  }
}
