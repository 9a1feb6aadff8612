package ca.gc.fsdh.bot.tools.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the heap while a benchmark runs. Reports: the heap in use before the run, right after a
 * full collection (classes, and the stand-ins' seeded state, which run in the same JVM); the peak
 * heap used as sampled every 20 ms (garbage included, so it grows towards -Xmx); and the peak live
 * heap, measured by a full collection every {@link #LIVE_EVERY} (what "memory stays flat" is about;
 * the heap left after an ordinary young collection still holds old garbage, so it would overstate
 * it). The forced collections cost the run a little wall time (tens of ms each, on 2 cores).
 */
final class HeapSampler implements AutoCloseable {
  static final Duration LIVE_EVERY = Duration.ofSeconds(2);
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final long baseline;
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakLive = new AtomicLong();
  private final Thread used;
  private final Thread live;

  HeapSampler() {
    System.gc();
    baseline = memory.getHeapMemoryUsage().getUsed();
    peakLive.set(baseline);
    used =
        every(
            Duration.ofMillis(20),
            "heap-used",
            () -> peakUsed.accumulateAndGet(usedNow(), Math::max));
    live =
        every(
            LIVE_EVERY,
            "heap-live",
            () -> {
              System.gc();
              peakLive.accumulateAndGet(usedNow(), Math::max);
            });
  }

  private long usedNow() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static Thread every(Duration period, String name, Runnable sample) {
    return Thread.ofPlatform()
        .daemon()
        .name(name)
        .start(() -> {
          while (!Thread.currentThread().isInterrupted()) {
            try {
              Thread.sleep(period);
            } catch (InterruptedException e) {
              return;
            }
            sample.run();
          }
        });
  }

  /** Prints the figures: the baseline, both peaks, and what the run kept above the baseline. */
  void print(PrintWriter out) {
    double mb = 1048576.0;
    out.printf(
        Locale.ROOT,
        "heap before run:  %.1f MB (after a full GC: classes and the stand-ins' seeded state)%n",
        baseline / mb);
    out.printf(
        Locale.ROOT,
        "peak heap used:   %.1f MB (sampled every 20 ms, garbage included; max heap %.0f MB)%n",
        peakUsed.get() / mb,
        Runtime.getRuntime().maxMemory() / mb);
    out.printf(
        Locale.ROOT,
        "peak heap live:   %.1f MB (after a full GC every %d s during the run)%n",
        peakLive.get() / mb,
        LIVE_EVERY.toSeconds());
    out.printf(
        Locale.ROOT,
        "kept by the run:  %.1f MB (peak live minus heap before run)%n",
        (peakLive.get() - baseline) / mb);
  }

  @Override
  public void close() {
    for (Thread t : new Thread[] {used, live}) {
      t.interrupt();
    }
    try {
      for (Thread t : new Thread[] {used, live}) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread()
          .interrupt(); // keep the interrupt for the caller (AutoCloseable's advice)
    }
  }
}
