package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.spi.SecretValueSource;
import ca.gc.fsdh.bot.migration.verify.Verifier;
import ca.gc.fsdh.bot.migration.verify.VerifyOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: compare a workspace with a bundle, item by item. Exit 1 on any difference or
 * missing item, 4 when the secret key cannot open the bundle's values.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Compare a workspace with a bundle (mapping applied); per-item report; exit 1 on any mismatch.")
public final class VerifyCommand implements Callable<Integer> {
  @Mixin WorkspaceConnection connection = new WorkspaceConnection();

  @Mixin BundleInput bundle = new BundleInput();

  @Mixin MappingOption mapping = new MappingOption();

  @Mixin TypesOption types = new TypesOption();

  @Option(names = "--sql-warehouse", description = "Target SQL warehouse id that runs SHOW GRANTS.")
  String sqlWarehouse;

  @Option(
      names = "--report-dir",
      description = "Where verify-report.json and .txt go (default: <bundle>.import).")
  Path reportDir;

  @Mixin WorkersOption workers = new WorkersOption();

  @Mixin TableAclTargetOption tableAclTarget = new TableAclTargetOption();

  @Mixin JsonOption json = new JsonOption();

  @Option(
      names = "--target-cluster",
      description =
          "Cluster of this workspace that reads secret values back to compare them (with --gpg-secret-key).")
  String targetCluster;

  @Mixin GpgSecretKeyOptions gpg = new GpgSecretKeyOptions();

  @Mixin ModelTargetOption models = new ModelTargetOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    var workspace = connection.preflight(spec.commandLine(), "target");
    int badHost = Preflight.hosts(err, workspace);
    if (badHost != 0) return badHost;
    MappingFile map = mapping.read();
    return bundle.open(
        err,
        gpg,
        "verified",
        (reader, values) -> {
          int refused = Preflight.signIn(err, workspace);
          if (refused != 0) return refused;
          if (values != null && targetCluster == null)
            err.println("note: secret values are not compared without --target-cluster");
          var paced = connection.connect(spec.commandLine());
          var options =
              VerifyOptions.defaults()
                  .withTypes(types.set())
                  .withSqlWarehouse(sqlWarehouse)
                  .withTableAclTarget(tableAclTarget.get())
                  .withWorkers(workers.count())
                  .withSecretValues(targetCluster, values == null ? SecretValueSource.NONE : values)
                  .withModels(models.options());
          var report =
              new Verifier(paced.workspace(), connection.hostName(paced))
                  .verify(reader, map, options);
          Path written =
              report.write(
                  reportDir == null ? ImportCommand.defaultState(bundle.path()) : reportDir);
          out.println(
              json.on()
                  ? BundleJson.PRETTY.writeValueAsString(report)
                  : report.text() + "\nReport: " + written);
          out.flush();
          return report.clean() ? 0 : 1;
        });
  }
}
