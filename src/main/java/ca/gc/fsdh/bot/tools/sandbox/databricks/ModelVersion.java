package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.Map;

/**
 * A version of a registered model. {@code stage} is None, Staging, Production or Archived; {@code
 * storageLocation} is the DBFS folder holding its artifacts (the download URI).
 */
public record ModelVersion(
    String name,
    String version,
    String stage,
    String description,
    String source,
    String runId,
    String userId,
    long created,
    long updated,
    Map<String, String> tags,
    String storageLocation) {
  public ModelVersion {
    tags = Map.copyOf(tags);
  }

  ModelVersion with(String newStage, String newDescription, Map<String, String> newTags) {
    return new ModelVersion(
        name,
        version,
        newStage,
        newDescription,
        source,
        runId,
        userId,
        created,
        System.currentTimeMillis(),
        newTags,
        storageLocation);
  }
}
