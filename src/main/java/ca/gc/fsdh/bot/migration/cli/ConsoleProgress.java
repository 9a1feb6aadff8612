package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.ItemStatus;
import ca.gc.fsdh.bot.migration.ProgressListener;
import ca.gc.fsdh.bot.migration.ResourceType;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress on the console: one bar redrawn in place on a terminal, or a plain line every few
 * seconds when the output is a file or a pipe (CI logs, {@code nohup}).
 */
final class ConsoleProgress implements ProgressListener {
  private final PrintWriter out;
  private final boolean terminal;
  private final Map<ResourceType, AtomicLong> found = new EnumMap<>(ResourceType.class);
  private final Map<ResourceType, AtomicLong> done = new EnumMap<>(ResourceType.class);
  private final AtomicLong failed = new AtomicLong();
  private volatile long lastDraw;

  ConsoleProgress(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
    for (var t : ResourceType.values()) {
      found.put(t, new AtomicLong());
      done.put(t, new AtomicLong());
    }
  }

  @Override
  public void discovered(ResourceType type, long total) {
    found.get(type).accumulateAndGet(total, Math::max);
  }

  @Override
  public void itemDone(ResourceType type, String id, ItemStatus status, boolean resumed) {
    done.get(type).incrementAndGet();
    if (status == ItemStatus.FAILED) failed.incrementAndGet();
    draw(false);
  }

  @Override
  public void typeDone(ResourceType type) {
    draw(true);
  }

  private synchronized void draw(boolean force) {
    long now = System.nanoTime();
    long every = terminal ? 100_000_000L : 5_000_000_000L;
    if (!force && now - lastDraw < every) return;
    lastDraw = now;
    long d = done.values().stream().mapToLong(AtomicLong::get).sum();
    long f = found.values().stream().mapToLong(AtomicLong::get).sum();
    var sb = new StringBuilder();
    if (terminal) {
      int width = 30;
      int filled = f == 0 ? 0 : (int) Math.min(width, width * d / f);
      sb.append('\r').append('[').append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ");
    }
    sb.append(d).append('/').append(f).append(" items");
    for (var t : ResourceType.values()) {
      if (found.get(t).get() > 0) sb.append("  ").append(t.folder()).append(' ').append(done.get(t).get()).append('/').append(found.get(t).get());
    }
    if (failed.get() > 0) sb.append("  failed ").append(failed.get());
    if (terminal) out.print(sb + "   ");
    else out.println(sb);
    out.flush();
  }

  void finish() {
    draw(true);
    if (terminal) out.println();
    out.flush();
  }
}
