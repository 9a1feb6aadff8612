package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Multi-task jobs running sample notebooks on an all-purpose cluster ({@code existing_cluster_id}),
 * on job clusters from a pool under a policy, or on a SQL warehouse; the first {@code bigJobs} have
 * more than 100 tasks, to need task paging.
 */
final class SampleJobs {
  private SampleJobs() {}

  static void seed(JobStore jobs, SampleSpec spec, List<String> notebooks, List<String> users) {
    for (int i = 0; i < spec.jobs(); i++) {
      int taskCount = i < spec.bigJobs() ? 120 + 90 * i : 1 + i % 6;
      String owner = users.get(i % users.size());
      jobs.create(settings(i, taskCount, notebooks, owner), owner);
    }
  }

  private static ObjectNode settings(int i, int taskCount, List<String> notebooks, String owner) {
    ObjectNode s =
        Json.object()
            .put("name", (i % 4 == 0 ? "Chargement quotidien " : "Pipeline ") + "#" + i)
            .put("max_concurrent_runs", 1)
            .put("timeout_seconds", 3600)
            .put("format", "MULTI_TASK");
    s.putObject("tags").put("projet", "fsdh-poc").put("équipe", "analyse");
    s.putObject("email_notifications").putArray("on_failure").add(owner);
    if (i % 2 == 0) {
      s.putObject("schedule")
          .put("quartz_cron_expression", "0 0 " + (i % 24) + " * * ?")
          .put("timezone_id", "America/Toronto")
          .put("pause_status", i % 4 == 0 ? "UNPAUSED" : "PAUSED");
    }
    if (i % 3 == 1) {
      ObjectNode cluster =
          s.putArray("job_clusters")
              .addObject()
              .put("job_cluster_key", "principal")
              .putObject("new_cluster");
      cluster
          .put("spark_version", "13.3.x-scala2.12")
          .put("num_workers", 2)
          .put("instance_pool_id", SampleWorkspace.POOL_ID)
          .put("policy_id", SampleWorkspace.POLICY_ID);
    }
    ArrayNode tasks = s.putArray("tasks");
    for (int t = 0; t < taskCount; t++) {
      ObjectNode task = tasks.addObject().put("task_key", "etape_" + String.format("%04d", t));
      if (t > 0) {
        task.putArray("depends_on")
            .addObject()
            .put("task_key", "etape_" + String.format("%04d", (t - 1) / 2));
      }
      if (i % 5 == 4 && t == taskCount - 1) {
        task.putObject("sql_task")
            .put("warehouse_id", SampleWorkspace.WAREHOUSE_ID)
            .putObject("query")
            .put("query_id", "q-" + i);
        continue;
      }
      String notebook =
          notebooks.isEmpty()
              ? "/Shared/placeholder"
              : notebooks.get((i * 7 + t) % notebooks.size());
      task.putObject("notebook_task")
          .put("notebook_path", notebook)
          .put("source", "WORKSPACE")
          .putObject("base_parameters")
          .put("date", "{{job.start_time.iso_date}}")
          .put("région", "QC");
      switch (i % 3) {
        case 0 -> task.put("existing_cluster_id", SampleWorkspace.SHARED_CLUSTER_ID);
        case 1 -> task.put("job_cluster_key", "principal");
        default ->
            task.putObject("new_cluster")
                .put("spark_version", "13.3.x-scala2.12")
                .put("node_type_id", "Standard_DS3_v2")
                .put("num_workers", 1)
                .put("policy_id", SampleWorkspace.POLICY_ID);
      }
    }
    return s;
  }
}
