package ca.gc.fsdh.bot.migration.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap while a benchmark runs. Reports three figures: the heap in use before the run,
 * right after a full collection (the baseline: classes, and the stand-in's seeded state when it runs in
 * the same JVM); the peak heap used as sampled every 20 ms (garbage included, so it grows towards
 * -Xmx); and the peak heap left after any collection during the run (the live set, an upper bound of
 * it: what "memory stays flat" is about). The last minus the baseline is what the run itself kept.
 */
final class HeapSampler implements AutoCloseable {
  private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final long baseline;
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = (notification, handback) -> {
    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
          .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
      peakAfterGc.accumulateAndGet(after, Math::max);
    }
  };
  private volatile boolean running = true;
  private final Thread thread;

  HeapSampler() {
    System.gc();
    var memory = ManagementFactory.getMemoryMXBean();
    baseline = memory.getHeapMemoryUsage().getUsed();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
    thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
      while (running) {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        peakUsed.accumulateAndGet(heap.getUsed(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  /** Heap used before the run, after a full collection. */
  long baselineBytes() {
    return baseline;
  }

  long peakUsedBytes() {
    return peakUsed.get();
  }

  /** The largest heap left after any collection during the run (the baseline if none ran). */
  long peakAfterGcBytes() {
    return Math.max(peakAfterGc.get(), baseline);
  }

  /** Prints the figures: the baseline, both peaks, and what the run kept above the baseline. */
  void print(PrintWriter out) {
    double mb = 1048576.0;
    out.printf(Locale.ROOT, "heap before run:  %.1f MB (after a full GC: classes and the stand-ins' seeded state)%n", baseline / mb);
    out.printf(Locale.ROOT, "peak heap used:   %.1f MB (sampled every 20 ms, garbage included; max heap %.0f MB)%n",
        peakUsedBytes() / mb, Runtime.getRuntime().maxMemory() / mb);
    out.printf(Locale.ROOT, "peak heap live:   %.1f MB (largest heap left after a GC during the run)%n", peakAfterGcBytes() / mb);
    out.printf(Locale.ROOT, "kept by the run:  %.1f MB (peak live minus heap before run)%n", (peakAfterGcBytes() - baseline) / mb);
  }

  @Override
  public void close() throws Exception {
    running = false;
    thread.interrupt();
    thread.join();
    for (NotificationEmitter emitter : emitters) {
      emitter.removeNotificationListener(listener);
    }
  }
}
