package ca.gc.fsdh.bot.migration.manual;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.compute.ClusterCommands;
import ca.gc.fsdh.bot.migration.jobs.JobReferences;
import ca.gc.fsdh.bot.migration.spi.ExportContext;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.mixin.JobsExt;
import com.databricks.sdk.service.compute.ClusterDetails;
import com.databricks.sdk.service.compute.ClusterSource;
import com.databricks.sdk.service.compute.GlobalInitScriptDetails;
import com.databricks.sdk.service.compute.GlobalInitScriptDetailsWithContent;
import com.databricks.sdk.service.compute.InstancePoolAndStats;
import com.databricks.sdk.service.compute.LibraryFullStatus;
import com.databricks.sdk.service.compute.ListClusterPoliciesRequest;
import com.databricks.sdk.service.compute.ListClustersRequest;
import com.databricks.sdk.service.compute.Policy;
import com.databricks.sdk.service.jobs.BaseJob;
import com.databricks.sdk.service.jobs.ListJobsRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what cannot be migrated and must be recreated by hand in PROD, with the configuration
 * needed to do it: clusters (with libraries, init scripts, conda/Docker images), instance pools,
 * cluster policies, global init scripts (with their content, for an export), mounts (through a
 * command, when a cluster is given), and jobs that run on all-purpose clusters. Each part is read
 * on its own; one that fails is reported in {@link Inventory#problems()} and the others are kept.
 */
public final class ManualInventory {
  private final WorkspaceClient workspace;

  public ManualInventory(WorkspaceClient workspace) {
    this.workspace = workspace;
  }

  /** A cluster to recreate: its full configuration and the libraries installed on it. */
  public record ClusterItem(
      ClusterDetails cluster, List<LibraryFullStatus> libraries, List<String> why) {}

  public record Mount(String mountPoint, String source) {}

  public record JobOnCluster(long jobId, String name, List<String> existingClusterIds) {}

  /**
   * @param initScripts global init scripts; with their base64 {@code script} when read with content
   *     ({@code GET /api/2.0/global-init-scripts/{id}}: the list call omits it)
   */
  public record Inventory(
      List<ClusterItem> clusters,
      List<InstancePoolAndStats> pools,
      List<Policy> policies,
      List<GlobalInitScriptDetailsWithContent> initScripts,
      Optional<List<Mount>> mounts,
      List<JobOnCluster> jobsOnAllPurposeClusters,
      List<String> problems) {}

  /** The problem given when no cluster was given to list mounts with: a choice, not a failure. */
  public static final String MOUNTS_SKIPPED =
      "mounts: not listed (no cluster given with --secrets-cluster)";

  /** The Python that lists mounts; prints one JSON array. */
  public static final String MOUNTS_COMMAND =
      String.join(
          "\n",
          "import json",
          "print(json.dumps([{'mountPoint': m.mountPoint, 'source': m.source} for m in dbutils.fs.mounts()]))");

  /** The inventory from list calls only (a plan): global init scripts without their content. */
  public Inventory read(Optional<ClusterCommands> commands) {
    return read(commands, false);
  }

  /**
   * The inventory; with {@code scriptContent}, each global init script is read on its own to get
   * its content, without which it cannot be recreated.
   */
  public Inventory read(Optional<ClusterCommands> commands, boolean scriptContent) {
    var problems = new ArrayList<String>();
    var clusters = new ArrayList<ClusterItem>();
    attempt(
        problems,
        "clusters",
        () -> {
          for (ClusterDetails c : workspace.clusters().list(new ListClustersRequest())) {
            if (c.getClusterSource() == ClusterSource.JOB
                || c.getClusterSource() == ClusterSource.PIPELINE) continue;
            var libs = new ArrayList<LibraryFullStatus>();
            workspace.libraries().clusterStatus(c.getClusterId()).forEach(libs::add);
            clusters.add(new ClusterItem(c, libs, reasons(c, libs)));
          }
        });
    var pools = new ArrayList<InstancePoolAndStats>();
    attempt(problems, "instance pools", () -> workspace.instancePools().list().forEach(pools::add));
    var policies = new ArrayList<Policy>();
    attempt(
        problems,
        "cluster policies",
        () ->
            workspace
                .clusterPolicies()
                .list(new ListClusterPoliciesRequest())
                .forEach(policies::add));
    var scripts = new ArrayList<GlobalInitScriptDetailsWithContent>();
    attempt(
        problems,
        "global init scripts",
        () -> {
          for (GlobalInitScriptDetails d : workspace.globalInitScripts().list()) {
            GlobalInitScriptDetailsWithContent s = withoutContent(d);
            if (scriptContent) {
              try {
                s = workspace.globalInitScripts().get(d.getScriptId());
              } catch (RuntimeException e) {
                problems.add(
                    "global init script "
                        + d.getName()
                        + ": content not read: "
                        + ExportContext.reason(e));
              }
            }
            scripts.add(s);
          }
        });
    var jobs = new ArrayList<JobOnCluster>();
    attempt(
        problems,
        "jobs on all-purpose clusters",
        () -> {
          for (BaseJob j :
              new JobsExt(workspace.apiClient()).list(new ListJobsRequest().setExpandTasks(true))) {
            var refs = JobReferences.of(j.getSettings());
            if (refs.usesAllPurposeCluster()) {
              jobs.add(
                  new JobOnCluster(
                      j.getJobId(),
                      j.getSettings().getName(),
                      List.copyOf(refs.existingClusterIds())));
            }
          }
        });
    Optional<List<Mount>> mounts = Optional.empty();
    if (commands.isPresent()) {
      try {
        mounts =
            Optional.of(
                List.of(
                    BundleJson.MAPPER.readValue(
                        commands.get().run(MOUNTS_COMMAND).strip(), Mount[].class)));
      } catch (Exception e) {
        problems.add("mounts: " + ExportContext.reason(e));
      }
    } else {
      problems.add(MOUNTS_SKIPPED);
    }
    return new Inventory(clusters, pools, policies, scripts, mounts, jobs, problems);
  }

  private static GlobalInitScriptDetailsWithContent withoutContent(GlobalInitScriptDetails d) {
    return new GlobalInitScriptDetailsWithContent()
        .setScriptId(d.getScriptId())
        .setName(d.getName())
        .setPosition(d.getPosition())
        .setEnabled(d.getEnabled())
        .setCreatedAt(d.getCreatedAt())
        .setCreatedBy(d.getCreatedBy())
        .setUpdatedAt(d.getUpdatedAt())
        .setUpdatedBy(d.getUpdatedBy());
  }

  private static List<String> reasons(ClusterDetails c, List<LibraryFullStatus> libs) {
    var why = new ArrayList<String>();
    why.add("clusters cannot be migrated");
    if (!libs.isEmpty())
      why.add(libs.size() + " librar" + (libs.size() == 1 ? "y" : "ies") + " to reinstall");
    if (c.getInitScripts() != null && !c.getInitScripts().isEmpty())
      why.add(c.getInitScripts().size() + " init script(s)");
    if (c.getDockerImage() != null) why.add("custom Docker image " + c.getDockerImage().getUrl());
    if (c.getSparkEnvVars() != null
        && c.getSparkEnvVars().keySet().stream().anyMatch(k -> k.toUpperCase().contains("CONDA"))) {
      why.add("conda environment");
    }
    if (c.getInstancePoolId() != null) why.add("uses instance pool " + c.getInstancePoolId());
    if (c.getPolicyId() != null) why.add("uses policy " + c.getPolicyId());
    return why;
  }

  private interface Part {
    void read();
  }

  private static void attempt(List<String> problems, String what, Part part) {
    try {
      part.read();
    } catch (RuntimeException e) {
      problems.add(what + ": " + ExportContext.reason(e));
    }
  }
}
