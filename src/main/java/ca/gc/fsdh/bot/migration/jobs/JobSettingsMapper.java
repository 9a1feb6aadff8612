package ca.gc.fsdh.bot.migration.jobs;

import ca.gc.fsdh.bot.migration.mapping.Mapping;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a POC job's settings (Jobs API 2.2 JSON) into the settings it gets in PROD: the POC id as a
 * tag (how a rerun finds the job again), schedules paused, principals renamed, notebook paths
 * rewritten, pools, policies and warehouses mapped by name, and tasks on an all-purpose cluster
 * moved to a job cluster built from that cluster's exported configuration (or to a named PROD
 * cluster). Deterministic, so verification recomputes the same expected settings.
 */
public final class JobSettingsMapper {
  public static final String POC_ID_TAG = "fsdh_poc_job_id";
  public static final String PAUSED_NOTE =
      "schedule PAUSED in PROD: resume it (Jobs UI > Resume, or jobs update"
          + " with pause_status UNPAUSED) once the POC job is stopped, so it never runs twice";

  /** Cluster fields a job cluster can take over from an all-purpose cluster. */
  private static final Set<String> CLUSTER_FIELDS =
      Set.of(
          "spark_version",
          "node_type_id",
          "driver_node_type_id",
          "num_workers",
          "autoscale",
          "spark_conf",
          "spark_env_vars",
          "custom_tags",
          "init_scripts",
          "data_security_mode",
          "single_user_name",
          "runtime_engine",
          "azure_attributes",
          "enable_elastic_disk",
          "instance_pool_id",
          "driver_instance_pool_id",
          "policy_id",
          "docker_image",
          "ssh_public_keys",
          "cluster_log_conf",
          "enable_local_disk_encryption");

  /**
   * The PROD settings, what the report should say, and what could not be mapped (the job is then
   * not created).
   */
  public record Mapped(ObjectNode settings, List<String> notes, List<String> unmapped) {}

  private final Mapping mapping;

  public JobSettingsMapper(Mapping mapping) {
    this.mapping = mapping;
  }

  public Mapped map(JsonNode pocSettings, long pocJobId) {
    ObjectNode s = pocSettings.deepCopy();
    var notes = new ArrayList<String>();
    var unmapped = new ArrayList<String>();
    s.withObjectProperty("tags").put(POC_ID_TAG, Long.toString(pocJobId));
    for (String trigger : List.of("schedule", "trigger", "continuous")) {
      if (s.get(trigger) instanceof ObjectNode t) {
        t.put("pause_status", "PAUSED");
        notes.add(PAUSED_NOTE);
      }
    }
    if (s.get("run_as") instanceof ObjectNode runAs) {
      rename(runAs, "user_name", true);
      rename(runAs, "service_principal_name", false);
    }
    notifications(s);
    var newJobClusters = new TreeMap<String, ObjectNode>();
    for (JsonNode jc : s.path("job_clusters")) {
      if (jc.get("new_cluster") instanceof ObjectNode nc)
        newCluster(nc, "job cluster " + jc.path("job_cluster_key").asText(), unmapped);
    }
    for (JsonNode t : s.path("tasks")) {
      if (!(t instanceof ObjectNode task)) continue;
      String key = task.path("task_key").asText();
      task(task, key, newJobClusters, notes, unmapped);
    }
    if (!newJobClusters.isEmpty()) {
      ArrayNode jcs = s.withArray("job_clusters");
      newJobClusters.forEach(
          (k, spec) -> jcs.addObject().put("job_cluster_key", k).set("new_cluster", spec));
    }
    return new Mapped(s, notes.stream().distinct().toList(), unmapped.stream().distinct().toList());
  }

  private void task(
      ObjectNode task,
      String key,
      TreeMap<String, ObjectNode> jobClusters,
      List<String> notes,
      List<String> unmapped) {
    if (task.get("notebook_task") instanceof ObjectNode nt
        && !"GIT".equals(nt.path("source").asText())) {
      path(nt, "notebook_path");
    }
    if (task.get("spark_python_task") instanceof ObjectNode pt
        && !"GIT".equals(pt.path("source").asText())
        && pt.path("python_file").asText("").startsWith("/")) {
      path(pt, "python_file");
    }
    if (task.get("new_cluster") instanceof ObjectNode nc) newCluster(nc, "task " + key, unmapped);
    if (task.get("sql_task") instanceof ObjectNode sql && sql.hasNonNull("warehouse_id")) {
      String poc = sql.get("warehouse_id").asText();
      mapping
          .warehouseId(poc)
          .ifPresentOrElse(
              id -> sql.put("warehouse_id", id),
              () ->
                  unmapped.add(
                      "task "
                          + key
                          + ": SQL warehouse "
                          + poc
                          + " has no PROD match (add warehouses: {"
                          + poc
                          + ": <PROD name>})"));
    }
    notifications(task);
    String cluster = task.path("existing_cluster_id").asText(null);
    if (cluster == null) return;
    var rule = mapping.clusterRule(cluster);
    if (rule.cluster() != null) {
      mapping
          .clusterIdByName(rule.cluster())
          .ifPresentOrElse(
              id -> {
                task.put("existing_cluster_id", id);
                notes.add(
                    "all-purpose cluster "
                        + cluster
                        + " mapped to PROD cluster '"
                        + rule.cluster()
                        + "'");
              },
              () ->
                  unmapped.add(
                      "task " + key + ": PROD cluster '" + rule.cluster() + "' not found"));
      return;
    }
    var poc = mapping.source().cluster(cluster);
    if (poc.isEmpty()) {
      unmapped.add(
          "task "
              + key
              + ": all-purpose cluster "
              + cluster
              + " is not in the bundle's manual/clusters.json;"
              + " map it (clusters: {"
              + cluster
              + ": {cluster: <PROD name>}})");
      return;
    }
    String jobClusterKey = "poc_" + cluster.replaceAll("[^A-Za-z0-9_-]", "_");
    if (!jobClusters.containsKey(jobClusterKey)) {
      ObjectNode spec = task.objectNode();
      poc.get()
          .path("cluster")
          .properties()
          .forEach(f -> {
            if (CLUSTER_FIELDS.contains(f.getKey())) spec.set(f.getKey(), f.getValue().deepCopy());
          });
      newCluster(spec, "job cluster built from " + cluster, unmapped);
      if (rule.policy() != null) {
        mapping
            .policyIdByName(rule.policy())
            .ifPresentOrElse(
                id -> spec.put("policy_id", id),
                () ->
                    unmapped.add(
                        "task " + key + ": PROD policy '" + rule.policy() + "' not found"));
      }
      jobClusters.put(jobClusterKey, spec);
    }
    task.remove("existing_cluster_id");
    task.put("job_cluster_key", jobClusterKey);
    if (!task.has("libraries")) {
      ArrayNode libs = task.arrayNode();
      for (JsonNode l : poc.get().path("libraries"))
        if (l.has("library")) libs.add(l.get("library").deepCopy());
      if (!libs.isEmpty()) task.set("libraries", libs);
    }
    notes.add(
        "tasks on all-purpose cluster "
            + poc.get().path("cluster").path("cluster_name").asText(cluster)
            + " now run on job cluster "
            + jobClusterKey
            + " built from its configuration");
  }

  private void newCluster(ObjectNode nc, String where, List<String> unmapped) {
    for (String f : List.of("instance_pool_id", "driver_instance_pool_id")) {
      String poc = nc.path(f).asText(null);
      if (poc == null) continue;
      mapping
          .poolId(poc)
          .ifPresentOrElse(
              id -> nc.put(f, id),
              () ->
                  unmapped.add(
                      where
                          + ": instance pool "
                          + poc
                          + " has no PROD pool of the same name (add instancePools: {"
                          + poc
                          + ": <PROD name>})"));
    }
    String policy = nc.path("policy_id").asText(null);
    if (policy != null) {
      mapping
          .policyId(policy)
          .ifPresentOrElse(
              id -> nc.put("policy_id", id),
              () ->
                  unmapped.add(
                      where
                          + ": cluster policy "
                          + policy
                          + " has no PROD policy of the same name (add policies: {"
                          + policy
                          + ": <PROD name>})"));
    }
    rename(nc, "single_user_name", true);
  }

  private void notifications(ObjectNode o) {
    if (!(o.get("email_notifications") instanceof ObjectNode en)) return;
    en.properties()
        .forEach(f -> {
          if (f.getValue() instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++)
              a.set(i, a.textNode(mapping.user(a.get(i).asText())));
          }
        });
  }

  private void path(ObjectNode o, String field) {
    o.put(field, mapping.path(o.get(field).asText()));
  }

  private void rename(ObjectNode o, String field, boolean user) {
    if (!o.hasNonNull(field)) return;
    String v = o.get(field).asText();
    o.put(field, user ? mapping.user(v) : mapping.servicePrincipal(v));
  }
}
