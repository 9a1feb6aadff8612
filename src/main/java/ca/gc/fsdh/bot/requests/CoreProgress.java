package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.migration.CoreMigration;
import ca.gc.fsdh.bot.migration.item.ItemStatus;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.util.EnumMap;
import java.util.Map;

/** Turns the core's item events into per-type counts for the request's progress message. */
final class CoreProgress implements CoreMigration.Progress {
  private final RunProgress progress;
  private final Map<ResourceType, TypeProgress> counts = new EnumMap<>(ResourceType.class);

  CoreProgress(RunProgress progress) {
    this.progress = progress;
  }

  @Override
  public synchronized void phase(CoreMigration.Phase phase) {
    if (phase
        != CoreMigration.Phase.VERIFY) { // verification reports no items: keep the import's counts
      counts.clear();
    }
    progress.phase(phase.name());
    progress.update(Map.copyOf(counts));
  }

  @Override
  public synchronized void discovered(ResourceType type, long total) {
    TypeProgress p = counts.getOrDefault(type, TypeProgress.NONE);
    counts.put(type, new TypeProgress(Math.max(total, p.done()), p.done(), p.failed()));
    progress.update(Map.copyOf(counts));
  }

  @Override
  public synchronized void itemDone(
      ResourceType type, String id, ItemStatus status, boolean resumed) {
    TypeProgress p = counts.getOrDefault(type, TypeProgress.NONE);
    long done = p.done() + 1;
    counts.put(
        type,
        new TypeProgress(
            Math.max(p.total(), done), done, p.failed() + (status == ItemStatus.FAILED ? 1 : 0)));
    progress.update(Map.copyOf(counts));
  }
}
