package ca.gc.fsdh.bot.migration.spi;

import ca.gc.fsdh.bot.migration.bundle.BadBundleException;
import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.bundle.ImportJournal;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.mapping.Mapping;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * What every importer shares during one import run: the target client, the verified bundle, the
 * mapping, the journal, and the rules for one item: skip it if an earlier run finished it, retry it
 * when the target failed in passing, record its outcome, never throw for it. The listener, the
 * workers and what stops the run come from {@link RunContext}.
 */
public final class ImportContext extends RunContext<ImportContext.ItemWork> {
  /** Attempts per item: an item converges, so repeating it after an ambiguous 500 is safe. */
  static final int ATTEMPTS = 4;

  private final WorkspaceClient target;
  private final BundleReader bundle;
  private final Mapping mapping;
  private final ImportOptions options;
  private final ImportJournal journal;
  private final Queue<ImportJournal.Entry> dryRunEntries = new ConcurrentLinkedQueue<>();

  public ImportContext(
      WorkspaceClient target,
      BundleReader bundle,
      Mapping mapping,
      ImportOptions options,
      ImportJournal journal,
      ProgressListener listener) {
    super(listener, options.workers(), "import-");
    this.target = target;
    this.bundle = bundle;
    this.mapping = mapping;
    this.options = options;
    this.journal = journal;
  }

  public WorkspaceClient target() {
    return target;
  }

  public BundleReader bundle() {
    return bundle;
  }

  public Mapping mapping() {
    return mapping;
  }

  public ImportOptions options() {
    return options;
  }

  public boolean dryRun() {
    return options.dryRun();
  }

  public ExistingPolicy policy(ResourceType type) {
    return options.policy(type);
  }

  /** What a dry run would have journaled, for the façade's report. */
  public Queue<ImportJournal.Entry> dryRunEntries() {
    return dryRunEntries;
  }

  /** What one item's work did in the target. */
  public record Done(ImportOutcome outcome, String targetId, List<String> notes) {
    public static Done of(ImportOutcome outcome, String targetId, String... notes) {
      return new Done(outcome, targetId, List.of(notes));
    }
  }

  /**
   * Converges one item in the target. {@code resuming} is true on a retry, or when an earlier run
   * started this item: then the item may already be (partly) in the target as this import's own
   * work, so it must be looked up again and completed even under a {@code skip} policy.
   */
  @FunctionalInterface
  public interface ItemWork {
    Done run(boolean resuming) throws Exception;
  }

  /**
   * Imports one item unless an earlier run finished it; failures are journaled with their reason.
   */
  @Override
  public void item(ResourceType type, String id, ItemWork work) throws InterruptedException {
    if (journal != null && journal.finished(type, id) != null) {
      listener().itemDone(type, id, journal.finished(type, id).outcome().asItemStatus(), true);
      return;
    }
    boolean touched = journal != null && journal.touchedBefore(type, id);
    if (journal != null) {
      journal.record(
          new ImportJournal.Entry(
              type, id, ImportOutcome.STARTED, null, null, List.of(), Instant.now()));
    }
    ImportJournal.Entry entry = null;
    for (int attempt = 1; entry == null; attempt++) {
      try {
        Done d = work.run(touched || attempt > 1);
        entry =
            new ImportJournal.Entry(
                type, id, d.outcome(), d.targetId(), null, d.notes(), Instant.now());
      } catch (InterruptedException | InterruptedIOException e) {
        Thread.currentThread().interrupt();
        throw stopped(type, id);
      } catch (Exception e) {
        if (Thread.currentThread().isInterrupted()) throw stopped(type, id);
        if (attempt < ATTEMPTS && transient_(e)) {
          Thread.sleep(200L << attempt);
          continue;
        }
        entry =
            new ImportJournal.Entry(
                type, id, ImportOutcome.FAILED, null, reason(e), List.of(), Instant.now());
      }
    }
    record(entry);
  }

  /** Records an outcome decided without converging (e.g. the item cannot be mapped). */
  public void record(ImportJournal.Entry entry) {
    if (journal != null) {
      journal.record(entry);
    } else {
      dryRunEntries.add(entry);
    }
    listener().itemDone(entry.type(), entry.id(), entry.outcome().asItemStatus(), false);
  }

  public void failed(ResourceType type, String id, String reason) {
    record(
        new ImportJournal.Entry(
            type, id, ImportOutcome.FAILED, null, reason, List.of(), Instant.now()));
  }

  /**
   * 429, 5xx and lost connections: the target may not have done it, or done it; converging again is
   * safe.
   */
  static boolean transient_(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DatabricksError d && (d.getStatusCode() == 429 || d.getStatusCode() >= 500))
        return true;
      if (t instanceof IOException || t instanceof UncheckedIOException)
        return !(t instanceof BadBundleException);
    }
    return false;
  }

  /** Turns one bundle entry into its work; null when it recorded the item's outcome itself. */
  @FunctionalInterface
  public interface EntryWork {
    ItemWork of(JournalEntry entry) throws Exception;
  }

  /**
   * One pass over a type's items in the bundle ({@code which} picks them): each is counted as found
   * and converged on the workers ({@link #item}). An entry whose record cannot be read fails alone;
   * the others carry on. Waits for all of them and rethrows what stopped the run, if anything did.
   */
  public void eachItem(ResourceType type, Predicate<JournalEntry> which, EntryWork work)
      throws Exception {
    try (var loop = loop(type)) {
      bundle.items(
          type,
          e -> {
            if (!which.test(e)) return;
            discovered(type);
            try {
              ItemWork w = work.of(e);
              if (w != null) loop.submit(() -> item(type, e.id(), w));
            } catch (InterruptedException ex) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException(ex);
            } catch (Exception ex) {
              failed(type, e.id(), "cannot read its record: " + reason(ex));
            }
          });
      loop.finish();
    }
  }

  /** {@link #eachItem(ResourceType, Predicate, EntryWork)} over all the type's items. */
  public void eachItem(ResourceType type, EntryWork work) throws Exception {
    eachItem(type, e -> true, work);
  }
}
