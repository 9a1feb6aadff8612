package ca.gc.fsdh.bot.migration.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Samples heap use every 20 ms in a daemon thread. Reports two peaks: heap used as sampled (which
 * includes garbage not yet collected, so it grows towards -Xmx), and the largest heap left after
 * any collection (the live set: what "memory stays flat" is about).
 */
final class HeapSampler implements AutoCloseable {
  private volatile boolean running = true;
  private volatile long peakUsed;
  private final Thread thread;

  HeapSampler() {
    var memory = ManagementFactory.getMemoryMXBean();
    thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
      while (running) {
        peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
    }
  }

  long peakUsedBytes() {
    return peakUsed;
  }

  /** Sum over heap pools of the largest use seen right after a collection. */
  long peakAfterGcBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        sum += pool.getCollectionUsage().getUsed();
      }
    }
    return sum;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join();
  }
}
