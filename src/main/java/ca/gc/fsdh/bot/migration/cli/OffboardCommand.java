package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.CoreMigration;
import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.SecretValueSink;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code offboard}: export a workspace and package it as a zip for the lead (owner-only files). */
@Command(
    name = "offboard",
    mixinStandardHelpOptions = true,
    description =
        "Export a workspace and package it as a zip with a bilingual README (secret values only encrypted to --gpg-key).")
public final class OffboardCommand implements Callable<Integer> {
  @Mixin WorkspaceConnection connection = new WorkspaceConnection();

  @Option(
      names = "--work-dir",
      required = true,
      description = "Holds bundle/ and the zip; reuse it to resume.")
  Path workDir;

  @Option(names = "--acronym", required = true, description = "Workspace acronym (names the zip).")
  String acronym;

  @Option(
      names = "--gpg-key",
      description = "The lead's OpenPGP public key; without it no secret value is exported.")
  Path gpgKey;

  @Option(
      names = "--secrets-cluster",
      description = "Cluster that reads secret values (needs --gpg-key).")
  String secretsCluster;

  @Option(names = "--sql-warehouse", description = "SQL warehouse for SHOW GRANTS.")
  String sqlWarehouse;

  @Mixin NotebookFormatOption format = new NotebookFormatOption();

  @Mixin TypesOption types = new TypesOption();

  @Mixin JsonOption json = new JsonOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    int refused =
        Preflight.check(
            spec.commandLine().getErr(), connection.preflight(spec.commandLine(), "source"));
    if (refused != 0) return refused;
    var paced = connection.connect(spec.commandLine());
    var export =
        ExportOptions.allTypes()
            .withTypes(types.set())
            .withFormat(format.value())
            .withSqlWarehouse(sqlWarehouse)
            .withSecretsCluster(secretsCluster, SecretValueSink.NONE);
    var console =
        new ConsoleProgress(spec.commandLine().getErr(), System.console() != null && !json.on());
    var result =
        new CoreMigration()
            .offboard(
                new CoreMigration.Workspace(paced.workspace(), connection.hostName(paced)),
                new CoreMigration.OffboardOptions(
                    workDir, acronym, export, Optional.ofNullable(gpgKey)),
                console);
    console.finish();
    if (json.on()) {
      var s = new LinkedHashMap<String, Object>();
      s.put("zip", result.zip().toString());
      s.put("counts", result.bundle().counts());
      s.put("failed", result.bundle().failed());
      out.println(BundleJson.PRETTY.writeValueAsString(s));
    } else {
      out.println("Offboarding bundle: " + result.zip() + " (readable by its owner only)");
      result
          .bundle()
          .counts()
          .forEach((t, c) ->
              out.printf(
                  "  %-10s exported %d, skipped %d, failed %d%n",
                  t, c.exported(), c.skipped(), c.failed()));
    }
    out.flush();
    return result.bundle().failed().isEmpty() ? 0 : 1;
  }
}
