package ca.gc.fsdh.bot.migration.cli;

import ca.gc.fsdh.bot.migration.CoreMigration;
import ca.gc.fsdh.bot.migration.item.ItemStatus;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress on the console: one bar redrawn in place on a terminal, or a plain line every few
 * seconds when the output is a file or a pipe (CI logs, {@code nohup}).
 *
 * <p>Counts are per phase: {@link #phase} ends the line of the previous one and starts again from
 * zero, so the import of {@code migrate} never adds its items to the export's. An item is counted
 * once however it ends (resumed included), and found is never shown below done. It follows an
 * export, an import and the phases of {@code migrate} and {@code offboard} alike.
 */
final class ConsoleProgress implements CoreMigration.Progress {
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

  @Override
  public void phase(CoreMigration.Phase phase) {
    phase(phase.name());
  }

  /** Ends the previous phase's line, prints {@code == NAME} and counts from zero again. */
  synchronized void phase(String name) {
    finish();
    for (var t : ResourceType.values()) {
      found.get(t).set(0);
      done.get(t).set(0);
    }
    failed.set(0);
    out.println("== " + name);
    out.flush();
  }

  private synchronized void draw(boolean force) {
    long now = System.nanoTime();
    long every = terminal ? 100_000_000L : 5_000_000_000L;
    if (!force && now - lastDraw < every) return;
    long d = done.values().stream().mapToLong(AtomicLong::get).sum();
    if (d == 0 && found.values().stream().allMatch(n -> n.get() == 0))
      return; // nothing to show yet (or a phase without items)
    lastDraw = now;
    long f = 0;
    for (var t : ResourceType.values()) f += found(t);
    var sb = new StringBuilder();
    if (terminal) {
      int width = 30;
      int filled = f == 0 ? 0 : (int) Math.min(width, width * d / f);
      sb.append('\r')
          .append('[')
          .append("#".repeat(filled))
          .append(" ".repeat(width - filled))
          .append("] ");
    }
    sb.append(d).append('/').append(f).append(" items");
    for (var t : ResourceType.values()) {
      if (found(t) > 0)
        sb.append("  ")
            .append(t.folder())
            .append(' ')
            .append(done.get(t).get())
            .append('/')
            .append(found(t));
    }
    if (failed.get() > 0) sb.append("  failed ").append(failed.get());
    if (terminal) out.print(sb + "   ");
    else out.println(sb);
    out.flush();
  }

  /** Found so far, never less than done (an item may end before a lister counts it). */
  private long found(ResourceType t) {
    return Math.max(found.get(t).get(), done.get(t).get());
  }

  synchronized void finish() {
    long before = lastDraw;
    draw(true);
    if (terminal && lastDraw != before) out.println();
    out.flush();
  }
}
