package ca.gc.fsdh.bot.migration;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.bundle.ImportJournal;
import ca.gc.fsdh.bot.migration.bundle.OwnerOnlyFiles;
import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.jobs.JobImporter;
import ca.gc.fsdh.bot.migration.jobs.JobSettingsMapper;
import ca.gc.fsdh.bot.migration.mapping.Mapping;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.mapping.SourceCompute;
import ca.gc.fsdh.bot.migration.mapping.TargetCompute;
import ca.gc.fsdh.bot.migration.models.ModelImporter;
import ca.gc.fsdh.bot.migration.notebooks.NotebookImporter;
import ca.gc.fsdh.bot.migration.repos.RepoImporter;
import ca.gc.fsdh.bot.migration.secrets.SecretScopeImporter;
import ca.gc.fsdh.bot.migration.spi.ImportContext;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.migration.spi.ResourceImporter;
import ca.gc.fsdh.bot.migration.tableacls.TableAclImporter;
import com.databricks.sdk.WorkspaceClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Imports a verified bundle into a target workspace. Types run at the same time, each on its own
 * workers (none needs another to exist first: a job may name a notebook that is not there yet, and
 * each item applies its own permissions once it exists). Within notebooks, directories go first.
 * Rerun with the same state directory, it skips what is finished and converges the rest.
 */
public final class WorkspaceImport {
  private final WorkspaceClient target;
  private final String targetHost;

  public WorkspaceImport(WorkspaceClient target, String targetHost) {
    this.target = target;
    this.targetHost = targetHost;
  }

  public static List<ResourceImporter> importers() {
    return List.of(
        new NotebookImporter(),
        new RepoImporter(),
        new SecretScopeImporter(),
        new JobImporter(),
        new ModelImporter(),
        new TableAclImporter());
  }

  public ImportResult run(
      BundleReader bundle,
      MappingFile mappingFile,
      ImportOptions options,
      ProgressListener listener)
      throws Exception {
    var mapping = new Mapping(mappingFile, SourceCompute.read(bundle), new TargetCompute(target));
    OwnerOnlyFiles.createDirectories(options.stateDir());
    ImportJournal journal = options.dryRun() ? null : ImportJournal.open(options.stateDir());
    int resumed = journal == null ? 0 : journal.finishedCount();
    var ctx = new ImportContext(target, bundle, mapping, options, journal, listener);
    // try-with-resources: when the import stops on an error, a failure to close the journal (an
    // interrupted writer closes its file channel) is kept as suppressed, never in its place
    try (journal) {
      var threads =
          Executors.newThreadPerTaskExecutor(
              Thread.ofPlatform().name("import-", 0).daemon().factory());
      try {
        var futures = new ArrayList<Future<?>>();
        for (ResourceImporter i : importers()) {
          if (!options.types().contains(i.type()) || !bundle.has(i.type())) continue;
          futures.add(
              threads.submit(() -> {
                i.importAll(ctx);
                ctx.typeDone(i.type());
                return null;
              }));
        }
        for (Future<?> f : futures) {
          try {
            f.get();
          } catch (ExecutionException e) {
            ctx.fatal().compareAndSet(null, e.getCause());
          } catch (InterruptedException e) {
            threads.shutdownNow();
            throw e;
          }
        }
      } finally {
        threads.shutdownNow();
      }
      ctx.rethrowFatal();
    }
    Collection<ImportJournal.Entry> entries =
        journal == null ? ctx.dryRunEntries() : lastEntries(journal.file());
    return report(bundle, options, entries, resumed);
  }

  /** The last final entry of each item, or its last failure when it never finished. */
  static Collection<ImportJournal.Entry> lastEntries(Path journal) throws IOException {
    var last = new LinkedHashMap<String, ImportJournal.Entry>();
    ImportJournal.forEach(
        journal,
        e -> {
          var prev = last.get(e.key());
          if (prev == null || !prev.outcome().isFinal()) last.put(e.key(), e);
        });
    return last.values();
  }

  private ImportResult report(
      BundleReader bundle,
      ImportOptions options,
      Collection<ImportJournal.Entry> entries,
      int resumed)
      throws IOException {
    var counts = new TreeMap<String, Map<ImportOutcome, Long>>();
    var failed = new ArrayList<ImportResult.Line>();
    var manual = new ArrayList<ImportResult.Line>();
    var items = new ArrayList<Map<String, Object>>();
    int paused = 0;
    for (var e : entries) {
      if (!options.types().contains(e.type())) continue;
      counts
          .computeIfAbsent(e.type().folder(), k -> new EnumMap<>(ImportOutcome.class))
          .merge(e.outcome(), 1L, Long::sum);
      if (e.outcome() == ImportOutcome.FAILED)
        failed.add(new ImportResult.Line(e.type().folder(), e.id(), e.reason()));
      if (e.outcome() == ImportOutcome.STARTED)
        failed.add(
            new ImportResult.Line(
                e.type().folder(), e.id(), "interrupted; run again to finish it"));
      for (String n : e.notes()) {
        if (n == null) continue;
        if (n.startsWith(SecretScopeImporter.MANUAL)) {
          manual.add(
              new ImportResult.Line(
                  e.type().folder(), e.id(), n.substring(SecretScopeImporter.MANUAL.length())));
        }
        if (n.startsWith(TableAclImporter.NOT_CARRIED)) {
          manual.add(new ImportResult.Line(e.type().folder(), e.id(), n));
        }
        if (n.equals(JobSettingsMapper.PAUSED_NOTE)) paused++;
      }
      var line = new LinkedHashMap<String, Object>();
      line.put("type", e.type().folder());
      line.put("id", e.id());
      line.put("outcome", e.outcome());
      if (e.targetId() != null) line.put("targetId", e.targetId());
      if (e.reason() != null) line.put("reason", e.reason());
      if (!e.notes().isEmpty()) line.put("notes", e.notes());
      items.add(line);
    }
    for (var s : bundle.manifest().skipped()) {
      manual.add(new ImportResult.Line(s.type(), s.id(), "not in the bundle: " + s.reason()));
    }
    for (var f : bundle.manifest().failed()) {
      manual.add(
          new ImportResult.Line(
              f.type(), f.id(), "export failed, not in the bundle: " + f.reason()));
    }
    if (Files.exists(bundle.file("manual/README.txt"))) {
      manual.add(
          new ImportResult.Line(
              "manual",
              "README.txt",
              "recreate clusters, pools, policies, init scripts and mounts by hand: see manual/ in the bundle"));
    }
    if (paused > 0) {
      manual.add(
          new ImportResult.Line(
              "jobs",
              "*",
              paused
                  + " job schedule(s) imported PAUSED: resume each in PROD"
                  + " (Jobs UI > Resume, or `databricks jobs update` with pause_status UNPAUSED) once its POC job is stopped"));
    }
    Path json = null;
    Path text = null;
    var result =
        new ImportResult(
            targetHost, options.dryRun(), counts, failed, manual, paused, resumed, null, null);
    if (!options.dryRun()) {
      json = options.stateDir().resolve("import-report.json");
      text = options.stateDir().resolve("import-report.txt");
      var doc = new LinkedHashMap<String, Object>();
      doc.put("target", targetHost);
      doc.put("sourceHost", bundle.manifest().sourceHost());
      doc.put("counts", counts);
      doc.put("failed", failed);
      doc.put("manual", manual);
      doc.put("items", items);
      OwnerOnlyFiles.writeJson(json, BundleJson.PRETTY, doc);
      OwnerOnlyFiles.writeString(text, ImportReportText.render(result));
      result =
          new ImportResult(targetHost, false, counts, failed, manual, paused, resumed, json, text);
    }
    return result;
  }
}
