package ca.gc.fsdh.bot.migration.verify;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.mapping.Mapping;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.mapping.SourceCompute;
import ca.gc.fsdh.bot.migration.mapping.TargetCompute;
import ca.gc.fsdh.bot.migration.spi.ExportContext;
import ca.gc.fsdh.bot.migration.spi.PermissionGrant;
import ca.gc.fsdh.bot.migration.spi.PermissionReader;
import ca.gc.fsdh.bot.migration.spi.PermissionWriter;
import ca.gc.fsdh.bot.migration.spi.WorkQueue;
import com.databricks.sdk.WorkspaceClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Compares a target workspace with a bundle, item by item, once the mapping is applied: is every
 * item there, and is it equal. Read-only. Each type is checked on its own workers, all types at
 * once; an item that cannot be read (or a type whose listing fails) becomes UNREAD lines, never an
 * abort, and the report says how many items could not be compared.
 */
public final class Verifier {
  private final WorkspaceClient target;
  private final String targetHost;

  public Verifier(WorkspaceClient target, String targetHost) {
    this.target = target;
    this.targetHost = targetHost;
  }

  /** What the per-type checks share. */
  record Run(
      WorkspaceClient target,
      BundleReader bundle,
      Mapping mapping,
      VerifyOptions options,
      Queue<ItemCheck> results,
      AtomicReference<Throwable> fatal) {
    WorkQueue queue(String name) {
      return new WorkQueue("verify-" + name, options.workers(), options.workers() * 8, fatal);
    }

    /** Runs one check; an error reading the target makes the item UNREAD, with the reason. */
    void check(String type, String id, String where, CheckWork work) {
      try {
        results.add(work.run());
      } catch (Exception e) {
        if (Thread.currentThread().isInterrupted()) throw new IllegalStateException(e);
        results.add(
            ItemCheck.unread(
                type, id, where, "the target could not be read (" + ExportContext.reason(e) + ")"));
      }
    }

    /** Expected direct permissions (renamed) that the target lacks. */
    List<String> permissions(String objectType, String objectId, List<PermissionGrant> expected) {
      if (!options.permissions() || expected == null || expected.isEmpty()) return List.of();
      var actual = new HashSet<>(new PermissionReader(target, true).direct(objectType, objectId));
      var diffs = new ArrayList<String>();
      for (PermissionGrant a : PermissionWriter.renamed(expected, mapping)) {
        if (!actual.contains(a))
          diffs.add("permission " + a.level() + " for " + a.principal() + " is missing");
      }
      return diffs;
    }
  }

  @FunctionalInterface
  interface CheckWork {
    ItemCheck run() throws Exception;
  }

  /** A check of every item of one type. */
  interface TypeCheck {
    ResourceType type();

    void check(Run run, JournalEntry item) throws Exception;

    /** Called once before the items (e.g. to list the target once). */
    default void prepare(Run run) throws Exception {}
  }

  static List<TypeCheck> checks() {
    return List.of(
        new WorkspaceChecks.Notebooks(),
        new WorkspaceChecks.Repos(),
        new JobChecks(),
        new SecretChecks(),
        new GrantChecks(),
        new ModelChecks());
  }

  public VerifyReport verify(BundleReader bundle, MappingFile mappingFile, VerifyOptions options)
      throws Exception {
    var mapping = new Mapping(mappingFile, SourceCompute.read(bundle), new TargetCompute(target));
    var run =
        new Run(
            target,
            bundle,
            mapping,
            options,
            new ConcurrentLinkedQueue<>(),
            new AtomicReference<>());
    var threads =
        Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("verify-", 0).daemon().factory());
    try {
      var futures = new ArrayList<Future<?>>();
      for (TypeCheck c : checks()) {
        if (!options.types().contains(c.type()) || !bundle.has(c.type())) continue;
        futures.add(
            threads.submit(() -> {
              String unreadable = prepare(c, run);
              try (var queue = run.queue(c.type().folder())) {
                bundle.items(
                    c.type(),
                    e -> {
                      if (unreadable != null) {
                        run.results()
                            .add(ItemCheck.unread(c.type().folder(), e.id(), "?", unreadable));
                        return;
                      }
                      try {
                        queue.submit(() -> {
                          try {
                            c.check(run, e);
                          } catch (Exception ex) {
                            run.results()
                                .add(
                                    ItemCheck.unread(
                                        c.type().folder(),
                                        e.id(),
                                        "?",
                                        "the check failed (" + ExportContext.reason(ex) + ")"));
                          }
                        });
                      } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(ex);
                      }
                    });
                queue.await();
              }
              return null;
            }));
      }
      for (Future<?> f : futures) f.get();
    } finally {
      threads.shutdownNow();
    }
    Throwable t = run.fatal().get();
    if (t instanceof Exception e) throw e;
    if (t instanceof Error e) throw e;
    long exportFailed = bundle.manifest().totalFailed();
    String empty =
        "the bundle holds no item of the types verified"
            + (exportFailed > 0
                ? " (" + exportFailed + " item(s) failed at export: see the bundle's report.jsonl)"
                : "");
    return VerifyReport.of(
        bundle.manifest().sourceHost(), targetHost, List.copyOf(run.results()), empty);
  }

  /**
   * Lets a type read the target once before its items; when that fails (a refused token, a target
   * that does not answer), returns why, and every item of the type is UNREAD instead of the whole
   * verification failing.
   */
  private static String prepare(TypeCheck c, Run run) throws InterruptedException {
    try {
      c.prepare(run);
      return null;
    } catch (Exception e) {
      if (Thread.currentThread().isInterrupted())
        throw new InterruptedException("stopped while listing " + c.type().folder());
      return "the target's "
          + c.type().folder()
          + " could not be listed ("
          + ExportContext.reason(e)
          + ")";
    }
  }

  static <T> T record(JournalEntry e, Class<T> type) {
    return BundleJson.MAPPER.convertValue(e.record(), type);
  }
}
