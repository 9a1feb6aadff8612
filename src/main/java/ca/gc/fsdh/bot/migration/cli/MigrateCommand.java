package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.CoreMigration;
import ca.gc.fsdh.bot.migration.ImportReportText;
import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.migration.spi.SecretValueSink;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migrate}: export from POC, import into PROD, verify, in one resumable run. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description =
        "Export (--host), import (--target-host) and verify in one run; rerun with the same --work-dir to resume.")
public final class MigrateCommand implements Callable<Integer> {
  @Mixin WorkspaceConnection source = new WorkspaceConnection();
  @Mixin TargetConnection target = new TargetConnection();

  @Option(
      names = "--work-dir",
      required = true,
      description = "Holds bundle/ and import/; reuse it to resume.")
  Path workDir;

  @Mixin MappingOption mapping = new MappingOption();

  @Mixin TypesOption types = new TypesOption();

  @Option(
      names = "--secrets-cluster",
      description = "POC cluster that reads secret values (kept in memory only).")
  String secretsCluster;

  @Option(names = "--sql-warehouse", description = "POC SQL warehouse for SHOW GRANTS.")
  String sqlWarehouse;

  @Option(
      names = "--target-sql-warehouse",
      description = "PROD SQL warehouse that replays and checks grants.")
  String targetWarehouse;

  @Option(
      names = "--target-cluster",
      description = "PROD cluster that reads secret values back to compare them.")
  String targetCluster;

  @Mixin WorkersOption workers = new WorkersOption();

  @Mixin TableAclTargetOption tableAclTarget = new TableAclTargetOption();

  @Mixin JsonOption json = new JsonOption();

  @Mixin ModelTargetOption models = new ModelTargetOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    MappingFile map = mapping.read();
    var typeSet = types.set();
    int refused =
        Preflight.check(
            err,
            source.preflight(spec.commandLine(), "source"),
            target.preflight(spec.commandLine()));
    if (refused != 0) return refused;
    var poc = source.connect(spec.commandLine());
    var prod = target.connect(spec.commandLine(), source.limits());
    var export =
        ExportOptions.allTypes()
            .withTypes(typeSet)
            .withWorkers(workers.count())
            .withSqlWarehouse(sqlWarehouse)
            .withSecretsCluster(secretsCluster, SecretValueSink.NONE);
    var imports =
        ImportOptions.defaults(workDir.resolve("import"))
            .withTypes(typeSet)
            .withWorkers(workers.count())
            .withSqlWarehouse(targetWarehouse)
            .withExisting(ImportCommand.policies(Map.of(), map))
            .withModels(models.options())
            .withTableAclTarget(tableAclTarget.get());
    var console = new ConsoleProgress(err, System.console() != null && !json.on());
    var result =
        new CoreMigration()
            .migrate(
                new CoreMigration.Workspace(poc.workspace(), source.hostName(poc)),
                new CoreMigration.Workspace(prod.workspace(), prod.workspace().config().getHost()),
                new CoreMigration.MigrateOptions(
                    workDir,
                    export,
                    map,
                    imports,
                    Optional.ofNullable(targetWarehouse),
                    Optional.ofNullable(targetCluster)),
                console);
    console.finish();
    if (json.on()) {
      var s = new LinkedHashMap<String, Object>();
      s.put("ok", result.ok());
      s.put("bundle", result.bundle());
      s.put("import", result.imported());
      s.put("verification", result.verification().counts());
      s.put("problems", result.verification().problems());
      s.put("compared", result.verification().compared());
      if (result.verification().nothingCompared() != null)
        s.put("nothingCompared", result.verification().nothingCompared());
      out.println(BundleJson.PRETTY.writeValueAsString(s));
    } else {
      out.println(ImportReportText.render(result.imported()));
      out.println(result.verification().text());
      out.println("Reports: " + workDir.resolve("import"));
    }
    out.flush();
    return result.ok() ? 0 : 1;
  }
}
