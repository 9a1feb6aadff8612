package ca.gc.fsdh.bot.migration;

import ca.gc.fsdh.bot.migration.bundle.BundleFinisher;
import ca.gc.fsdh.bot.migration.bundle.BundleManifest;
import ca.gc.fsdh.bot.migration.bundle.BundleWriter;
import ca.gc.fsdh.bot.migration.bundle.ExportJournal;
import ca.gc.fsdh.bot.migration.compute.ClusterCommands;
import ca.gc.fsdh.bot.migration.compute.OptionCheck;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.jobs.JobExporter;
import ca.gc.fsdh.bot.migration.manual.ManualInventory;
import ca.gc.fsdh.bot.migration.manual.ManualWriter;
import ca.gc.fsdh.bot.migration.models.ModelExporter;
import ca.gc.fsdh.bot.migration.notebooks.NotebookExporter;
import ca.gc.fsdh.bot.migration.repos.RepoExporter;
import ca.gc.fsdh.bot.migration.secrets.SecretScopeExporter;
import ca.gc.fsdh.bot.migration.spi.ExportContext;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.ResourceExporter;
import ca.gc.fsdh.bot.migration.tableacls.TableAclExporter;
import com.databricks.sdk.WorkspaceClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Exports a workspace into a bundle directory: every selected resource type at once (each on its
 * own workers, so each endpoint group is paced in parallel), then {@code manual/}, then the index
 * files, report and manifest. Rerun on the same directory, it resumes from the journal.
 */
public final class WorkspaceExport {
  public static final String TOOL =
      "fsdh-bot "
          + Optional.ofNullable(WorkspaceExport.class.getPackage().getImplementationVersion())
              .orElse("development");

  /**
   * The outcome: the manifest, how many items an earlier run had already finished, and the options
   * that could not be used (option name to a one-line reason; their items failed).
   */
  public record Result(
      Path bundle, BundleManifest manifest, int resumed, Map<String, String> optionProblems) {
    public Path report() {
      return bundle.resolve(BundleFinisher.REPORT);
    }

    public boolean anyFailed() {
      return manifest.totalFailed() > 0;
    }
  }

  private final WorkspaceClient workspace;
  private final String sourceHost;

  public WorkspaceExport(WorkspaceClient workspace, String sourceHost) {
    this.workspace = workspace;
    this.sourceHost = sourceHost;
  }

  public static List<ResourceExporter> exporters() {
    return List.of(
        new NotebookExporter(),
        new RepoExporter(),
        new JobExporter(),
        new SecretScopeExporter(),
        new TableAclExporter(),
        new ModelExporter());
  }

  public Result run(Path out, ExportOptions options, ProgressListener listener) throws Exception {
    var bundle = new BundleWriter(out);
    int resumed;
    Map<String, String> problems;
    try (var journal = ExportJournal.open(bundle.root())) {
      resumed = journal.resumedCount();
      problems = OptionCheck.problems(workspace, options);
      var ctx = new ExportContext(workspace, bundle, journal, listener, options, problems);
      var threads =
          Executors.newThreadPerTaskExecutor(
              Thread.ofPlatform().name("export-", 0).daemon().factory());
      try {
        var futures = new ArrayList<Future<?>>();
        for (ResourceExporter e : exporters()) {
          if (!options.types().contains(e.type())) continue;
          futures.add(
              threads.submit(() -> {
                e.export(ctx);
                ctx.typeDone(e.type());
                return null;
              }));
        }
        // read beside the types (a few list calls), written once the walk has found the workspace
        // libraries
        Future<ManualInventory.Inventory> manual = threads.submit(() -> readManual(ctx));
        futures.add(manual);
        for (Future<?> f : futures) {
          try {
            f.get();
          } catch (ExecutionException e) {
            ctx.fatal().compareAndSet(null, e.getCause());
          }
        }
        if (ctx.fatal().get() == null)
          new ManualWriter().write(manual.get(), workspaceLibraries(bundle.root()), bundle);
      } finally {
        threads.shutdownNow();
      }
      Throwable fatal = ctx.fatal().get();
      if (fatal != null) {
        if (fatal instanceof Exception e) throw e;
        throw (Error) fatal;
      }
    }
    var manifest =
        new BundleFinisher()
            .finish(
                bundle.root(),
                new BundleFinisher.RunInfo(
                    TOOL,
                    sourceHost,
                    options.format().name(),
                    options.types(),
                    options.secretValues().mode()));
    return new Result(bundle.root(), manifest, resumed, problems);
  }

  private ManualInventory.Inventory readManual(ExportContext ctx) throws Exception {
    var cluster = ctx.options().secretsCluster();
    try (var commands =
        cluster.isPresent()
            ? new ClusterCommands(workspace, cluster.get(), Duration.ofMinutes(5))
            : null) {
      return new ManualInventory(workspace).read(Optional.ofNullable(commands), true);
    }
  }

  /**
   * The workspace libraries the notebook walk skipped, this run or an earlier one (from the
   * journal).
   */
  private static List<ManualWriter.WorkspaceLibrary> workspaceLibraries(Path bundle)
      throws IOException {
    var found = new TreeMap<String, ManualWriter.WorkspaceLibrary>();
    Path journal = bundle.resolve(ExportJournal.FILE);
    if (!Files.exists(journal)) return List.of();
    ExportJournal.forEach(
        journal,
        e -> {
          if (e.type() == ResourceType.NOTEBOOKS
              && e.record() != null
              && "LIBRARY".equals(e.record().path("objectType").asText())) {
            found.put(
                e.id(),
                new ManualWriter.WorkspaceLibrary(
                    e.id(),
                    e.record().path("objectId").isNumber()
                        ? e.record().path("objectId").asLong()
                        : null));
          }
        });
    return List.copyOf(found.values());
  }
}
