package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.WorkspaceExport;
import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.secrets.OpenPgpSecretSink;
import ca.gc.fsdh.bot.migration.spi.ExportContext;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.SecretValueSink;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export}: a workspace into a bundle directory. Rerun with the same {@code --out} to resume.
 * Exit code 0 when every item was exported or skipped on purpose, 1 when some failed (the report
 * path is printed).
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Export notebooks, repos, jobs, secrets, table ACLs and ML models into a bundle directory (resumable).")
public final class ExportCommand implements Callable<Integer> {
  public static final int ITEMS_FAILED = 1;

  /**
   * The run stopped before the end (not an item failure): the message says why; a rerun resumes.
   */
  public static final int STOPPED = 3;

  @Mixin WorkspaceConnection connection = new WorkspaceConnection();

  @Option(
      names = "--out",
      required = true,
      description = "Bundle directory (created; an existing one is resumed).")
  Path out;

  @Mixin TypesOption types = new TypesOption();

  @Mixin NotebookFormatOption format = new NotebookFormatOption();

  @Option(
      names = "--secrets-cluster",
      description = "Cluster id that runs the commands reading secret values and listing mounts.")
  String secretsCluster;

  @Option(
      names = "--gpg-key",
      description =
          "OpenPGP public key file: secret values are written encrypted to it (gpg --decrypt opens them).")
  Path gpgKey;

  @Option(
      names = "--sql-warehouse",
      description = "SQL warehouse id that runs SHOW GRANTS for table ACLs.")
  String sqlWarehouse;

  @Mixin WorkersOption workers = new WorkersOption();

  @Option(
      names = "--no-permissions",
      description = "Do not read object permissions (one call less per object).")
  boolean noPermissions;

  @Mixin JsonOption json = new JsonOption();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var stdout = spec.commandLine().getOut();
    var stderr = spec.commandLine().getErr();
    SecretValueSink sink =
        gpgKey == null ? SecretValueSink.NONE : OpenPgpSecretSink.fromKeyFile(gpgKey);
    var options =
        ExportOptions.allTypes()
            .withTypes(types.set())
            .withFormat(format.value())
            .withSecretsCluster(secretsCluster, sink)
            .withSqlWarehouse(sqlWarehouse)
            .withWorkers(workers.count())
            .withPermissions(!noPermissions);
    int refused = Preflight.check(stderr, connection.preflight(spec.commandLine(), "source"));
    if (refused != 0) return refused;
    var paced = connection.connect(spec.commandLine());
    var progress = new ConsoleProgress(stderr, System.console() != null && !json.on());
    WorkspaceExport.Result result;
    try {
      result =
          new WorkspaceExport(paced.workspace(), connection.hostName(paced))
              .run(out, options, progress);
    } catch (Exception e) {
      progress.finish();
      stderr.println(
          "export stopped: "
              + ExportContext.reason(e).replace('\n', ' ')
              + ". Run the same command again to resume.");
      stderr.flush();
      return STOPPED;
    }
    progress.finish();
    // a wrong cluster or warehouse id: one line naming the option; its items failed in the report
    result.optionProblems().values().forEach(p -> stderr.println("error: " + p));
    var m = result.manifest();
    if (json.on()) {
      var summary = new LinkedHashMap<String, Object>();
      summary.put("bundle", result.bundle().toString());
      summary.put("report", result.report().toString());
      summary.put("formatVersion", m.formatVersion());
      summary.put("counts", m.counts());
      summary.put("resumed", result.resumed());
      summary.put("failed", m.failed());
      summary.put("optionProblems", result.optionProblems());
      summary.put("retries", paced.http().retries());
      summary.put("throttled", paced.http().throttled());
      stdout.println(BundleJson.PRETTY.writeValueAsString(summary));
    } else {
      stdout.println("Bundle: " + result.bundle() + " (format " + m.formatVersion() + ")");
      m.counts()
          .forEach((t, c) ->
              stdout.printf(
                  "  %-10s exported %d, skipped %d, failed %d%n",
                  t, c.exported(), c.skipped(), c.failed()));
      if (result.resumed() > 0)
        stdout.println("  resumed: " + result.resumed() + " items were finished by an earlier run");
      stdout.println("Report: " + result.report());
    }
    stdout.flush();
    if (result.anyFailed()) {
      stderr.println(
          m.totalFailed()
              + " item(s) failed; see "
              + result.report()
              + ". Run the same command again to retry them.");
      stderr.flush();
      return ITEMS_FAILED;
    }
    return 0;
  }
}
