package ca.gc.fsdh.bot.migration;

import ca.gc.fsdh.bot.migration.bundle.BundleManifest;
import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.bundle.OffboardPackage;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.secrets.InMemorySecretValues;
import ca.gc.fsdh.bot.migration.secrets.InMemorySecretValuesSource;
import ca.gc.fsdh.bot.migration.secrets.OpenPgpSecretSink;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.migration.spi.SecretValueSink;
import ca.gc.fsdh.bot.migration.verify.Verifier;
import ca.gc.fsdh.bot.migration.verify.VerifyOptions;
import ca.gc.fsdh.bot.migration.verify.VerifyReport;
import com.databricks.sdk.WorkspaceClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one entry point the request workflow (and the CLI) calls: {@link #migrate} runs export,
 * import and verify; {@link #offboard} runs export and packages the zip. Both are resumable: run
 * again with the same work directory after a crash and finished items are not redone. Knows nothing
 * of Slack; progress goes to a {@link Progress}.
 */
public final class CoreMigration {
  /** The stages of a run, for a status message. */
  public enum Phase {
    EXPORT,
    IMPORT,
    VERIFY,
    PACKAGE
  }

  /** Progress of items (from {@link ProgressListener}) and of phases. */
  public interface Progress extends ProgressListener {
    default void phase(Phase phase) {}
  }

  /**
   * A workspace to talk to: a client (built with {@code DatabricksClients}) and its URL for
   * reports.
   */
  public record Workspace(WorkspaceClient client, String host) {
    public Workspace {
      Objects.requireNonNull(client, "client == null");
    }
  }

  /**
   * @param workDir holds {@code bundle/} and {@code import/}; reuse it to resume
   * @param export what to export (its secret sink is ignored: values stay in memory)
   * @param mapping principal, path and compute mapping
   * @param targetWarehouse PROD SQL warehouse that replays and checks table grants
   * @param targetCluster PROD cluster that reads secret values back for verification (optional)
   */
  public record MigrateOptions(
      Path workDir,
      ExportOptions export,
      MappingFile mapping,
      ImportOptions importOptions,
      Optional<String> targetWarehouse,
      Optional<String> targetCluster) {}

  /**
   * @param acronym workspace acronym, in the zip's name and README
   * @param gpgKey the lead's OpenPGP public key: secret values are exported encrypted to it; none
   *     without it
   */
  public record OffboardOptions(
      Path workDir, String acronym, ExportOptions export, Optional<Path> gpgKey) {}

  /** What a migration or offboarding did. {@code verification} is null for an offboarding. */
  public record Result(
      BundleInfo bundle, ImportResult imported, VerifyReport verification, Path zip) {
    public boolean ok() {
      return bundle.failed().isEmpty()
          && (imported == null || !imported.anyFailed())
          && (verification == null || verification.clean());
    }

    /** Failures of every phase, with reasons. */
    public List<ImportResult.Line> failures() {
      var out = new ArrayList<>(bundle.failed());
      if (imported != null) out.addAll(imported.failed());
      return out;
    }
  }

  /** The export side: counts per type, failures and the bundle directory. */
  public record BundleInfo(
      Path dir, Map<String, BundleManifest.Counts> counts, List<ImportResult.Line> failed) {
    static BundleInfo of(WorkspaceExport.Result r) {
      return new BundleInfo(
          r.bundle(),
          r.manifest().counts(),
          r.manifest().failed().stream()
              .map(i -> new ImportResult.Line(i.type(), i.id(), "export: " + i.reason()))
              .toList());
    }
  }

  public Result migrate(Workspace source, Workspace target, MigrateOptions o, Progress progress)
      throws Exception {
    var values = new InMemorySecretValues();
    try {
      progress.phase(Phase.EXPORT);
      var exportOptions =
          o.export().secretsCluster().isPresent()
              ? o.export().withSecretsCluster(o.export().secretsCluster().get(), values)
              : o.export();
      var exported =
          new WorkspaceExport(source.client(), source.host())
              .run(o.workDir().resolve("bundle"), exportOptions, progress);
      try (var bundle = BundleReader.open(exported.bundle());
          var secretValues =
              new InMemorySecretValuesSource(
                  values, source.client(), o.export().secretsCluster().orElse(null))) {
        progress.phase(Phase.IMPORT);
        var importOptions = o.importOptions().withSecretValues(secretValues);
        var imported =
            new WorkspaceImport(target.client(), target.host())
                .run(bundle, o.mapping(), importOptions, progress);
        progress.phase(Phase.VERIFY);
        var verifyOptions =
            VerifyOptions.defaults()
                .withTypes(importOptions.types())
                .withSqlWarehouse(o.targetWarehouse().or(importOptions::sqlWarehouse).orElse(null))
                .withSecretValues(o.targetCluster().orElse(null), secretValues)
                .withPermissions(importOptions.permissions())
                .withModels(importOptions.models())
                .withTableAclTarget(importOptions.tableAclTarget());
        var report =
            new Verifier(target.client(), target.host()).verify(bundle, o.mapping(), verifyOptions);
        report.write(importOptions.stateDir());
        return new Result(BundleInfo.of(exported), imported, report, null);
      }
    } finally {
      values.clear();
    }
  }

  public Result offboard(Workspace source, OffboardOptions o, Progress progress) throws Exception {
    progress.phase(Phase.EXPORT);
    var exportOptions = o.export();
    if (o.gpgKey().isPresent() && exportOptions.secretsCluster().isPresent()) {
      exportOptions =
          exportOptions.withSecretsCluster(
              exportOptions.secretsCluster().get(),
              OpenPgpSecretSink.fromKeyFile(o.gpgKey().get()));
    } else {
      exportOptions = exportOptions.withSecretsCluster(null, SecretValueSink.NONE);
    }
    Path bundle = o.workDir().resolve("bundle");
    var exported =
        new WorkspaceExport(source.client(), source.host()).run(bundle, exportOptions, progress);
    progress.phase(Phase.PACKAGE);
    OffboardPackage.restrict(o.workDir());
    Path zip =
        OffboardPackage.write(
            bundle,
            o.workDir()
                .resolve((o.acronym() == null ? "workspace" : o.acronym()) + "-offboarding.zip"),
            o.acronym());
    return new Result(BundleInfo.of(exported), null, null, zip);
  }
}
