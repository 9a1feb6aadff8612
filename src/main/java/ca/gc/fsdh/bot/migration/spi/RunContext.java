package ca.gc.fsdh.bot.migration.spi;

import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import com.databricks.sdk.core.DatabricksError;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What an export run and an import run share: the listener and the per-type count of items found,
 * the first error that must stop the run, the worker queues and {@link ItemLoop}s, and the short
 * reason an item's failure is reported with. Each subclass says how one item of work runs ({@link
 * #item}): the export writes it to the bundle, the import converges it in the target.
 *
 * @param <W> one item's work in this kind of run
 */
public abstract sealed class RunContext<W> permits ExportContext, ImportContext {
  private final ProgressListener listener;
  private final int workers;
  private final String queuePrefix;
  private final AtomicReference<Throwable> fatal = new AtomicReference<>();
  private final Map<ResourceType, AtomicLong> discovered = new EnumMap<>(ResourceType.class);

  RunContext(ProgressListener listener, int workers, String queuePrefix) {
    this.listener = listener;
    this.workers = workers;
    this.queuePrefix = queuePrefix;
    for (var t : ResourceType.values()) discovered.put(t, new AtomicLong());
  }

  /**
   * Runs one item unless an earlier run finished it; its failure is journaled, never thrown. Only
   * an interruption (the run is being stopped) leaves it.
   */
  public abstract void item(ResourceType type, String id, W work) throws InterruptedException;

  final ProgressListener listener() {
    return listener;
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
    return new WorkQueue(queuePrefix + type.folder(), workers, workers * 8, fatal);
  }

  /** The run's workers for one resource type's items. */
  public ItemLoop<W> loop(ResourceType type) {
    return new ItemLoop<>(this, type);
  }

  /** Counts one more item of a type found (for progress). */
  public void discovered(ResourceType type) {
    discovered(type, 1);
  }

  /** Counts {@code more} items of a type found at once (for progress). */
  public void discovered(ResourceType type, long more) {
    listener.discovered(type, discovered.get(type).addAndGet(more));
  }

  public void typeDone(ResourceType type) {
    listener.typeDone(type);
  }

  /** The signal that the run is being stopped while this item ran. */
  static InterruptedException stopped(ResourceType type, String id) {
    return new InterruptedException("stopped during " + type.folder() + " " + id);
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
