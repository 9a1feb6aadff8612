package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.migration.ResourceType;
import java.util.Map;

/**
 * Where a running request is, per resource type. The engine calls it from worker threads as items
 * finish; implementations must be thread-safe and quick (Slack updates are throttled elsewhere).
 */
public interface RunProgress {
  void update(Map<ResourceType, TypeProgress> progress);

  RunProgress NONE = progress -> { };
}
