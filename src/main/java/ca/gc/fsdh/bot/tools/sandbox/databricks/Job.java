package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A job as the Jobs API 2.2 stores it: its id, creator and complete settings (all tasks, all job
 * clusters), in the JSON shape of {@code JobSettings}. Treat {@code settings} as read-only; the
 * store replaces it on reset and update.
 */
public record Job(long jobId, String creatorUserName, long createdTime, ObjectNode settings) {
  public int taskCount() {
    return settings.path("tasks").size();
  }

  public String name() {
    return settings.path("name").asText("Untitled");
  }
}
