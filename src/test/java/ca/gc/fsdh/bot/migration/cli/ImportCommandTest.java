package ca.gc.fsdh.bot.migration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.WorkspaceExport;
import ca.gc.fsdh.bot.migration.bundle.BundleManifest;
import ca.gc.fsdh.bot.migration.bundle.CraftedZip;
import ca.gc.fsdh.bot.migration.client.DatabricksClients;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.testing.CommandLineRun;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import ca.gc.fsdh.bot.tools.sandbox.databricks.WorkspaceState;
import com.databricks.sdk.service.workspace.ObjectType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The import and verify commands end to end against stand-ins: bad bundles touch nothing; a dry run
 * writes nothing.
 */
class ImportCommandTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(Object command, FakeDatabricks target, String... args) {
    CoreCommandEnvironment.given(
        command, k -> k.equals("DATABRICKS_TOKEN") ? target.token() : null);
    var r = CommandLineRun.of(new CommandLine(command), args);
    return new Run(r.exitCode(), r.out(), r.err());
  }

  /** Runs {@code verify} of {@code bundle} against {@code prod}, its report in {@code state/}. */
  Run verify(FakeDatabricks prod, Path bundle, String... more) {
    var args =
        new ArrayList<>(
            List.of(
                "--bundle",
                bundle.toString(),
                "--host",
                prod.host(),
                "--report-dir",
                dir.resolve("state").toString()));
    args.addAll(List.of(more));
    return run(new VerifyCommand(), prod, args.toArray(String[]::new));
  }

  Path exportSample() throws Exception {
    try (var poc = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build())) {
      SampleWorkspace.seed(poc.state(), SampleSpec.small());
      var client = FakeDatabricksConfig.pacedClient(poc);
      var options =
          ExportOptions.allTypes()
              .withTypes(EnumSet.of(ResourceType.NOTEBOOKS, ResourceType.REPOS, ResourceType.JOBS))
              .withWorkers(4);
      new WorkspaceExport(client, poc.host())
          .run(dir.resolve("bundle"), options, ProgressListener.NONE);
    }
    return dir.resolve("bundle");
  }

  @Test
  void aBadBundleIsRefusedBeforeAnyCallToTheTarget() throws Exception {
    Path bundle = exportSample();
    Path m = bundle.resolve(BundleManifest.FILE);
    Files.writeString(
        m, Files.readString(m).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
    try (var prod = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build())) {
      var r = run(new ImportCommand(), prod, "--bundle", bundle.toString(), "--host", prod.host());
      assertThat(r.exit()).isEqualTo(ImportCommand.BAD_BUNDLE);
      assertThat(r.err())
          .contains("bad bundle, nothing was imported")
          .contains("unknown bundle format version 2");
      assertThat(prod.requestLog().totalReceived()).isZero();
    }
  }

  /**
   * A crafted offboarding zip: exit 3 and one line on standard error, before any call to the
   * target.
   */
  @ParameterizedTest
  @ValueSource(strings = {"zeros", "extra", "symlink", "twice"})
  void aCraftedZipIsRefusedWithExit3AndOneLineBeforeAnyCallToTheTarget(String kind)
      throws Exception {
    Path bundle = exportSample();
    String notebook =
        BundleManifest.read(bundle).checksums().keySet().stream()
            .filter(k -> k.startsWith("notebooks/source/"))
            .findFirst()
            .orElseThrow();
    String folder = notebook.substring(0, notebook.lastIndexOf('/'));
    var zip = new CraftedZip(bundle);
    switch (kind) {
      case "zeros" -> zip.replace(notebook, CraftedZip.zeros(200L * 1024 * 1024));
      case "extra" -> zip.add(folder + "/extra.py", CraftedZip.text("print(1)\n"));
      case "symlink" -> zip.symlink(folder, "/tmp");
      default -> zip.add(notebook, CraftedZip.text("print(2)\n"));
    }
    Path crafted = zip.write(dir.resolve(kind + ".zip"));
    try (var prod = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build())) {
      for (Object command : new Object[] {new ImportCommand(), new VerifyCommand()}) {
        var r =
            run(
                command,
                prod,
                "--bundle",
                crafted.toString(),
                "--host",
                prod.host(),
                command instanceof ImportCommand ? "--state" : "--report-dir",
                dir.resolve("state").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ImportCommand.BAD_BUNDLE);
        assertThat(r.err().lines())
            .as(r.err())
            .singleElement()
            .asString()
            .startsWith("fsdh-bot: bad bundle");
        assertThat(r.out()).isEmpty();
      }
      assertThat(prod.requestLog().totalReceived()).isZero();
    }
  }

  @Test
  void verifyOfABundleThatHoldsNoItemSaysNothingCouldBeComparedAndExits1() throws Exception {
    Path bundle = dir.resolve("empty-bundle");
    try (var poc = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build())) {
      SampleWorkspace.seed(poc.state(), SampleSpec.small());
      // an export whose every listing was refused (a wrong token): its bundle holds no item
      var config = FakeDatabricksConfig.pat(poc, "dapi-wrong");
      var options =
          ExportOptions.allTypes()
              .withTypes(EnumSet.of(ResourceType.NOTEBOOKS, ResourceType.REPOS))
              .withWorkers(2);
      new WorkspaceExport(
              DatabricksClients.create(config, RateLimits.defaults()).workspace(), poc.host())
          .run(bundle, options, ProgressListener.NONE);
    }
    try (var prod = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build())) {
      var r = verify(prod, bundle);
      assertThat(r.exit()).as(r.out()).isEqualTo(1);
      assertThat(r.out())
          .contains(
              "Result: nothing could be compared: the bundle holds no item of the types verified")
          .contains("2 item(s) failed at export")
          .doesNotContain("everything in the bundle is in the target");
    }
  }

  @Test
  void dryRunThenImportThenVerifyThroughTheCommands() throws Exception {
    Path bundle = exportSample();
    try (var prod = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build())) {
      SampleWorkspace.seed(new WorkspaceState(), SampleSpec.small());
      var dry =
          run(
              new ImportCommand(),
              prod,
              "--bundle",
              bundle.toString(),
              "--host",
              prod.host(),
              "--dry-run",
              "--state",
              dir.resolve("state").toString(),
              "--types",
              "notebooks,repos");
      assertThat(dry.exit()).as(dry.err()).isZero();
      assertThat(dry.out())
          .contains("Dry run (nothing was written)")
          .containsPattern("notebooks +would create [1-9]");
      assertThat(prod.state().repos().all()).isEmpty();

      var real =
          run(
              new ImportCommand(),
              prod,
              "--bundle",
              bundle.toString(),
              "--host",
              prod.host(),
              "--state",
              dir.resolve("state").toString(),
              "--types",
              "notebooks,repos",
              "--json");
      assertThat(real.exit()).as(real.err()).isZero();
      assertThat(real.out()).contains("\"CREATED\"");

      var verify = verify(prod, bundle, "--types", "notebooks,repos");
      assertThat(verify.exit()).as(verify.out()).isZero();
      assertThat(dir.resolve("state/verify-report.txt"))
          .content()
          .contains("everything in the bundle is in the target");
      prod.state().repos().all().forEach(r -> prod.state().workspace().delete(r.path(), true));
      prod.state()
          .workspace()
          .all()
          .filter(o -> o.type() == ObjectType.NOTEBOOK)
          .limit(1)
          .forEach(o -> prod.state().workspace().delete(o.path(), false));
      var broken = verify(prod, bundle, "--types", "notebooks");
      assertThat(broken.exit()).isEqualTo(1);
      assertThat(broken.out()).contains("MISSING");
    }
  }
}
