package ca.gc.fsdh.bot.migration.spi;

import ca.gc.fsdh.bot.migration.bundle.BundleWriter;
import ca.gc.fsdh.bot.migration.bundle.ExportJournal;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import com.databricks.sdk.WorkspaceClient;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every resource exporter shares during one export run: the client, the bundle, the journal,
 * and (from {@link RunContext}) the listener, the workers and the rule that one item's failure is
 * recorded, never thrown.
 */
public final class ExportContext extends RunContext<ExportContext.ItemWork> {
  private final WorkspaceClient workspace;
  private final BundleWriter bundle;
  private final ExportJournal journal;
  private final ExportOptions options;
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
    super(listener, options.workers(), "");
    this.optionProblems = Map.copyOf(optionProblems);
    this.workspace = workspace;
    this.bundle = bundle;
    this.journal = journal;
    this.options = options;
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

  /** One item of work: writes the item's files and returns its journal entry. */
  @FunctionalInterface
  public interface ItemWork {
    JournalEntry run() throws Exception;
  }

  /**
   * Exports one item unless an earlier run finished it. A failure is journaled with its reason; an
   * interruption (the run is being stopped) is not, so the item is tried again on a rerun.
   */
  @Override
  public void item(ResourceType type, String id, ItemWork work) throws InterruptedException {
    if (journal.isFinished(type, id)) {
      listener().itemDone(type, id, null, true);
      return;
    }
    JournalEntry entry;
    try {
      entry = work.run();
    } catch (InterruptedException | InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw stopped(type, id);
    } catch (Exception e) {
      if (Thread.currentThread().isInterrupted()) throw stopped(type, id);
      entry = JournalEntry.failed(type, id, reason(e));
    }
    journal.record(entry);
    listener().itemDone(type, id, entry.status(), false);
  }

  /**
   * Records an outcome decided without an item call (an item found but not exportable, or a list
   * that failed). It counts as discovered too, so the progress never shows more done than found.
   */
  public void record(JournalEntry entry) {
    discovered(entry.type());
    if (journal.isFinished(entry.type(), entry.id())) {
      listener().itemDone(entry.type(), entry.id(), null, true);
      return;
    }
    journal.record(entry);
    listener().itemDone(entry.type(), entry.id(), entry.status(), false);
  }

  /** What to do with one element of a listing (typically {@link ItemLoop#item} it). */
  @FunctionalInterface
  public interface Listed<T> {
    void accept(T element) throws InterruptedException;
  }

  /**
   * Walks a listing (a lazy SDK list: its first page is asked inside), handing each element to
   * {@code each}. A listing that fails part way is one failed item ({@link #listingFailed}); a
   * complete one closes the failure an earlier run recorded for it ({@link #listed}). Other lists
   * and types carry on either way.
   */
  public <T> void eachListed(
      ResourceType type, String what, Supplier<? extends Iterable<T>> listing, Listed<T> each)
      throws InterruptedException {
    try {
      for (T element : listing.get()) each.accept(element);
      listed(type, what);
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) throw e;
      listingFailed(type, what, e);
    }
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
}
