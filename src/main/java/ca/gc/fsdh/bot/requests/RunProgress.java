package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.util.Map;

/**
 * Where a running request is, per resource type. The engine calls it from worker threads as items
 * finish; implementations must be thread-safe and quick (Slack updates are throttled elsewhere).
 */
public interface RunProgress {
  void update(Map<ResourceType, TypeProgress> progress);

  /** A new stage began (export, import, verify, package); counts start again from zero. */
  default void phase(String phase) {}

  RunProgress NONE = progress -> {};
}
