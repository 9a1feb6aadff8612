package ca.gc.fsdh.bot.migration.spi;

import ca.gc.fsdh.bot.migration.item.ResourceType;

/**
 * One resource type's items on the run's workers, the loop every exporter and importer shares:
 * {@link #item} counts an item as found and queues it; on a worker the context skips it if an
 * earlier run finished it, runs it, and records its outcome (a failure stays that item's, the
 * others carry on). {@link #finish} waits for every item and rethrows what stopped the run, if
 * anything did. The backlog is bounded, so a producer walking 20,000 items never holds them all.
 *
 * @param <W> one item's work ({@link ExportContext.ItemWork} or {@link ImportContext.ItemWork})
 */
public final class ItemLoop<W> implements AutoCloseable {
  private final RunContext<W> ctx;
  private final ResourceType type;
  private final WorkQueue queue;

  ItemLoop(RunContext<W> ctx, ResourceType type) {
    this.ctx = ctx;
    this.type = type;
    this.queue = ctx.queue(type);
  }

  public ResourceType type() {
    return type;
  }

  /** Counts the item as found and queues its work. */
  public void item(String id, W work) throws InterruptedException {
    ctx.discovered(type);
    submit(() -> ctx.item(type, id, work));
  }

  /** Queues a task that runs items itself (e.g. a model, then its versions in order). */
  public void submit(Task task) throws InterruptedException {
    queue.submit(() -> {
      try {
        task.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e); // the queue's stop signal
      }
    });
  }

  /** Waits until every queued item has run, then rethrows what stopped the run, if anything. */
  public void finish() throws Exception {
    queue.await();
    ctx.rethrowFatal();
  }

  @Override
  public void close() {
    queue.close();
  }

  /** A queued task; an interruption stops the queue. */
  @FunctionalInterface
  public interface Task {
    void run() throws InterruptedException;
  }
}
