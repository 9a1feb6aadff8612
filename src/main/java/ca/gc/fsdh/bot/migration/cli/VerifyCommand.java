package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.bundle.BadBundleException;
import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.secrets.OpenPgpSecretValuesSource;
import ca.gc.fsdh.bot.migration.secrets.SecretKeyException;
import ca.gc.fsdh.bot.migration.spi.SecretValueSource;
import ca.gc.fsdh.bot.migration.spi.TableAclTarget;
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

  @Option(names = "--bundle", required = true, description = "Bundle directory or offboarding zip.")
  Path bundle;

  @Option(names = "--mapping", description = "The mapping file used for the import.")
  Path mapping;

  @Option(names = "--types", description = "Comma-separated types (default: all).")
  String types;

  @Option(names = "--sql-warehouse", description = "Target SQL warehouse id that runs SHOW GRANTS.")
  String sqlWarehouse;

  @Option(
      names = "--report-dir",
      description = "Where verify-report.json and .txt go (default: <bundle>.import).")
  Path reportDir;

  @Option(
      names = "--workers",
      defaultValue = "8",
      description = "Worker threads per type (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--table-acl-target",
      defaultValue = "auto",
      converter = TableAclTargetConverter.class,
      description =
          "Where table ACLs go in PROD: auto (Unity Catalog when PROD has a metastore), hive-metastore or unity-catalog (default: ${DEFAULT-VALUE}).")
  TableAclTarget tableAclTarget = TableAclTarget.AUTO;

  @Option(names = "--json", description = "Print the JSON report instead of text.")
  boolean json;

  @Option(
      names = "--target-cluster",
      description =
          "Cluster of this workspace that reads secret values back to compare them (with --gpg-secret-key).")
  String targetCluster;

  @Mixin GpgSecretKeyOptions gpg = new GpgSecretKeyOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    var workspace = connection.preflight(spec.commandLine(), "target");
    int badHost = Preflight.hosts(err, workspace);
    if (badHost != 0) return badHost;
    MappingFile map = mapping == null ? MappingFile.empty() : MappingFile.read(mapping);
    BundleReader reader;
    try {
      reader = BundleReader.open(bundle);
    } catch (BadBundleException e) {
      err.println("fsdh-bot: bad bundle: " + e.getMessage());
      return ImportCommand.BAD_BUNDLE;
    }
    try (reader) {
      OpenPgpSecretValuesSource values;
      try {
        values = gpg.open(reader).orElse(null);
      } catch (SecretKeyException e) {
        err.println(
            "fsdh-bot: the secret values cannot be opened, nothing was verified: "
                + e.getMessage());
        err.flush();
        return GpgSecretKeyOptions.BAD_SECRET_KEY;
      }
      try (values) {
        int refused = Preflight.signIn(err, workspace);
        if (refused != 0) return refused;
        if (values != null && targetCluster == null)
          err.println("note: secret values are not compared without --target-cluster");
        var paced = connection.connect(spec.commandLine());
        var options =
            VerifyOptions.defaults()
                .withTypes(ResourceType.parseList(types))
                .withSqlWarehouse(sqlWarehouse)
                .withTableAclTarget(tableAclTarget)
                .withWorkers(workers)
                .withSecretValues(targetCluster, values == null ? SecretValueSource.NONE : values);
        var report =
            new Verifier(paced.workspace(), connection.hostName(paced))
                .verify(reader, map, options);
        Path written =
            report.write(reportDir == null ? ImportCommand.defaultState(bundle) : reportDir);
        out.println(
            json
                ? BundleJson.PRETTY.writeValueAsString(report)
                : report.text() + "\nReport: " + written);
        out.flush();
        return report.clean() ? 0 : 1;
      }
    }
  }
}
