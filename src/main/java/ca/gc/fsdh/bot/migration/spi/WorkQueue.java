package ca.gc.fsdh.bot.migration.spi;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed pool of worker threads with a bounded backlog: {@link #submit} blocks once the backlog is
 * full, so a producer walking 20,000 notebooks never holds more than a few hundred pending tasks in
 * memory. The first task that throws stops the queue; {@link #await} rethrows it.
 */
public final class WorkQueue implements AutoCloseable {
  private final ExecutorService pool;
  private final Semaphore backlog;
  private final AtomicInteger pending = new AtomicInteger();
  private final Object idle = new Object();
  private final AtomicReference<Throwable> fatal;

  public WorkQueue(String name, int threads, int maxBacklog, AtomicReference<Throwable> fatal) {
    var counter = new AtomicInteger();
    ThreadFactory tf =
        r -> {
          var t = new Thread(r, name + "-" + counter.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.pool = Executors.newFixedThreadPool(threads, tf);
    this.backlog = new Semaphore(maxBacklog);
    this.fatal = fatal;
  }

  public void submit(Runnable task) throws InterruptedException {
    if (fatal.get() != null) throw new InterruptedException("export stopped");
    backlog.acquire();
    pending.incrementAndGet();
    try {
      pool.execute(() -> {
        try {
          if (fatal.get() == null) task.run();
        } catch (Throwable t) {
          if (fatal.compareAndSet(null, t)) pool.shutdownNow();
        } finally {
          backlog.release();
          if (pending.decrementAndGet() == 0) {
            synchronized (idle) {
              idle.notifyAll();
            }
          }
        }
      });
    } catch (RejectedExecutionException stopped) {
      backlog.release();
      pending.decrementAndGet();
      throw new InterruptedException("export stopped");
    }
  }

  /** Waits until every submitted task has run (tasks may submit more). */
  public void await() throws InterruptedException {
    synchronized (idle) {
      while (pending.get() > 0 && fatal.get() == null) idle.wait(200);
    }
  }

  public void stop() {
    pool.shutdownNow();
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread()
          .interrupt(); // keep the interrupt for the caller (AutoCloseable's advice)
    }
  }
}
