package ca.gc.fsdh.bot.migration.spi;

import ca.gc.fsdh.bot.migration.bundle.BundleWriter;
import ca.gc.fsdh.bot.migration.bundle.ExportJournal;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import java.io.InterruptedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every resource exporter shares during one export run: the client, the bundle, the journal,
 * the listener, and the rule that one item's failure is recorded, never thrown.
 */
public final class ExportContext {
  private final WorkspaceClient workspace;
  private final BundleWriter bundle;
  private final ExportJournal journal;
  private final ProgressListener listener;
  private final ExportOptions options;
  private final AtomicReference<Throwable> fatal = new AtomicReference<>();
  private final Map<ResourceType, AtomicLong> discovered = new EnumMap<>(ResourceType.class);
  private final Map<String, String> optionProblems;

  public ExportContext(
      WorkspaceClient workspace,
      BundleWriter bundle,
      ExportJournal journal,
      ProgressListener listener,
      ExportOptions options) {
    this(workspace, bundle, journal, listener, options, Map.of());
  }

  /**
   * @param optionProblems option name ({@code --sql-warehouse}) to why it cannot be used
   */
  public ExportContext(
      WorkspaceClient workspace,
      BundleWriter bundle,
      ExportJournal journal,
      ProgressListener listener,
      ExportOptions options,
      Map<String, String> optionProblems) {
    this.optionProblems = Map.copyOf(optionProblems);
    this.workspace = workspace;
    this.bundle = bundle;
    this.journal = journal;
    this.listener = listener;
    this.options = options;
    for (var t : ResourceType.values()) discovered.put(t, new AtomicLong());
  }

  public WorkspaceClient workspace() {
    return workspace;
  }

  public BundleWriter bundle() {
    return bundle;
  }

  public ExportOptions options() {
    return options;
  }

  /** The first error that must stop the run (not an item failure). */
  public AtomicReference<Throwable> fatal() {
    return fatal;
  }

  /** Rethrows the error that stopped the run, if any (after a queue was awaited). */
  public void rethrowFatal() throws Exception {
    Throwable t = fatal.get();
    if (t instanceof Exception e) throw e;
    if (t instanceof Error e) throw e;
  }

  /** A worker queue for one resource type; the backlog bounds memory. */
  public WorkQueue queue(ResourceType type) {
    return new WorkQueue(type.folder(), options.workers(), options.workers() * 8, fatal);
  }

  /** One item of work: writes the item's files and returns its journal entry. */
  @FunctionalInterface
  public interface ItemWork {
    JournalEntry run() throws Exception;
  }

  /** Counts an item found in the workspace (for progress). */
  public void discovered(ResourceType type) {
    listener.discovered(type, discovered.get(type).incrementAndGet());
  }

  /**
   * Exports one item unless an earlier run finished it. A failure is journaled with its reason; an
   * interruption (the run is being stopped) is not, so the item is tried again on a rerun.
   */
  public void item(ResourceType type, String id, ItemWork work) throws InterruptedException {
    if (journal.isFinished(type, id)) {
      listener.itemDone(type, id, null, true);
      return;
    }
    JournalEntry entry;
    try {
      entry = work.run();
    } catch (InterruptedException | InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedException("stopped during " + type.folder() + " " + id);
    } catch (Exception e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("stopped during " + type.folder() + " " + id);
      }
      entry = JournalEntry.failed(type, id, reason(e));
    }
    journal.record(entry);
    listener.itemDone(type, id, entry.status(), false);
  }

  /**
   * Records an outcome decided without an item call (an item found but not exportable, or a list
   * that failed). It counts as discovered too, so the progress never shows more done than found.
   */
  public void record(JournalEntry entry) {
    discovered(entry.type());
    if (journal.isFinished(entry.type(), entry.id())) {
      listener.itemDone(entry.type(), entry.id(), null, true);
      return;
    }
    journal.record(entry);
    listener.itemDone(entry.type(), entry.id(), entry.status(), false);
  }

  /** The item id under which a failed listing is reported ({@code list <what>}). */
  public static String listingId(String what) {
    return "list " + what;
  }

  /**
   * A list call failed: the items it would have found are unknown, so the listing itself is a
   * failed item (a rerun lists again). Other lists and types carry on.
   */
  public void listingFailed(ResourceType type, String what, Throwable e) {
    record(JournalEntry.failed(type, listingId(what), "cannot list " + what + ": " + reason(e)));
  }

  /** A list call succeeded: closes the failure an earlier run recorded for it, if any. */
  public void listed(ResourceType type, String what) {
    if (journal.failedBefore(type, listingId(what))) {
      record(JournalEntry.skipped(type, listingId(what), "listed completely by a later run", null));
    }
  }

  /** Why an option given on the command line cannot be used (checked before the run), if so. */
  public Optional<String> optionProblem(String option) {
    return Optional.ofNullable(optionProblems.get(option));
  }

  public void typeDone(ResourceType type) {
    listener.typeDone(type);
  }

  /** A short reason for a report line: error code and message, never a request body. */
  public static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && !(t instanceof DatabricksError) && t.getMessage() == null) {
      t = t.getCause();
    }
    if (t instanceof DatabricksError d) {
      return d.getErrorCode() + " (HTTP " + d.getStatusCode() + "): " + d.getMessage();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
