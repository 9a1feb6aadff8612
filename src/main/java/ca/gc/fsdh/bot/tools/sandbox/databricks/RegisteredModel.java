package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.Map;

/** A model of the workspace model registry; {@code id} is what the permissions API uses. */
public record RegisteredModel(
    String id,
    String name,
    String description,
    String userId,
    long created,
    long updated,
    Map<String, String> tags) {
  public RegisteredModel {
    tags = Map.copyOf(tags);
  }
}
