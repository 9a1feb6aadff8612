package ca.gc.fsdh.bot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offboarding: the export zipped with the bilingual README, owner-only, importable as is. */
class OffboardTest {
  @TempDir Path dir;

  @Test
  void offboardWritesAnOwnerOnlyZipThatImportReads() throws Exception {
    try (var poc = new StandIn(FakeDatabricksOptions.builder().noRateLimits().build())) {
      SampleWorkspace.seed(poc.server.state(), SampleSpec.small());
      var phases = new ArrayList<CoreMigration.Phase>();
      var export =
          ExportOptions.allTypes()
              .withTypes(
                  EnumSet.of(ResourceType.NOTEBOOKS, ResourceType.JOBS, ResourceType.SECRETS))
              .withWorkers(4);
      var result =
          new CoreMigration()
              .offboard(
                  new CoreMigration.Workspace(poc.client, poc.server.host()),
                  new CoreMigration.OffboardOptions(dir, "ABC", export, Optional.empty()),
                  new CoreMigration.Progress() {
                    @Override
                    public void phase(CoreMigration.Phase p) {
                      phases.add(p);
                    }
                  });
      assertThat(phases).containsExactly(CoreMigration.Phase.EXPORT, CoreMigration.Phase.PACKAGE);
      assertThat(result.zip()).hasFileName("ABC-offboarding.zip");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(result.zip())))
          .isEqualTo("rw-------");
      assertThat(
              PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("bundle"))))
          .isEqualTo("rwx------");
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(dir.resolve("bundle/manifest.json"))))
          .isEqualTo("rw-------");
      try (var bundle = BundleReader.open(result.zip())) {
        assertThat(bundle.manifest().secretValues()).isEqualTo("NONE");
        assertThat(Files.readString(bundle.file("README.md")))
            .contains("FSDH offboarding bundle ABC")
            .contains("jupytext")
            .contains("java -jar fsdh-bot.jar import --bundle")
            // importing secret values with the lead's secret key, in both languages
            .contains("add `--gpg-secret-key lead-secret.asc`")
            .contains("ajoutez\n`--gpg-secret-key cle-secrete.asc`")
            .contains("FSDH_GPG_PASSPHRASE");
        assertThat(Files.exists(bundle.file("secrets/values")))
            .as("no values without a key")
            .isFalse();
      }
    }
  }
}
