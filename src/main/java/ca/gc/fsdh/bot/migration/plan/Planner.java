package ca.gc.fsdh.bot.migration.plan;

import ca.gc.fsdh.bot.migration.client.RateLimitGroup;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.manual.ManualInventory;
import ca.gc.fsdh.bot.migration.notebooks.NotebookExporter;
import ca.gc.fsdh.bot.migration.notebooks.WorkspaceLayout;
import ca.gc.fsdh.bot.migration.repos.RepoExporter;
import ca.gc.fsdh.bot.migration.spi.ExportContext;
import ca.gc.fsdh.bot.migration.spi.WorkQueue;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.mixin.JobsExt;
import com.databricks.sdk.service.jobs.ListJobsRequest;
import com.databricks.sdk.service.ml.SearchModelVersionsRequest;
import com.databricks.sdk.service.ml.SearchModelsRequest;
import com.databricks.sdk.service.workspace.ListReposRequest;
import com.databricks.sdk.service.workspace.ListWorkspaceRequest;
import com.databricks.sdk.service.workspace.ObjectInfo;
import com.databricks.sdk.service.workspace.ObjectType;
import com.databricks.sdk.service.workspace.ScopeBackendType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds a {@link MigrationPlan} with list calls only: nothing is exported. A part that cannot be
 * read (no permission, an API the workspace lacks) becomes a note; the plan still comes out.
 */
public final class Planner {
  private final WorkspaceClient workspace;
  private final RateLimits limits;

  public Planner(WorkspaceClient workspace, RateLimits limits) {
    this.workspace = workspace;
    this.limits = limits;
  }

  public MigrationPlan plan(String host, Set<ResourceType> types) throws Exception {
    var counts = new ConcurrentHashMap<String, AtomicLong>();
    var issues = Collections.synchronizedList(new ArrayList<MigrationPlan.Issue>());
    var notes = new ArrayList<String>();
    var unread = Collections.synchronizedList(new ArrayList<String>());
    var bytes = new AtomicLong();
    if (types.contains(ResourceType.NOTEBOOKS)) walk(counts, issues, unread, bytes);
    if (types.contains(ResourceType.REPOS)) {
      attempt(
          unread,
          "repos",
          () -> {
            for (var r : workspace.repos().list(new ListReposRequest())) {
              add(counts, "repos");
              issues.add(
                  new MigrationPlan.Issue(
                      "repos", r.getPath() + " (" + r.getUrl() + ")", RepoExporter.NOTE));
            }
          });
    }
    var inventory = new ManualInventory(workspace).read(Optional.empty());
    if (types.contains(ResourceType.JOBS)) {
      attempt(
          unread,
          "jobs",
          () -> {
            for (var j :
                new JobsExt(workspace.apiClient())
                    .list(new ListJobsRequest().setExpandTasks(true))) {
              add(counts, "jobs");
              int tasks =
                  j.getSettings() == null || j.getSettings().getTasks() == null
                      ? 0
                      : j.getSettings().getTasks().size();
              counts.computeIfAbsent("tasks", k -> new AtomicLong()).addAndGet(tasks);
            }
          });
    }
    if (types.contains(ResourceType.SECRETS)) {
      attempt(
          unread,
          "secrets",
          () -> {
            for (var s : workspace.secrets().listScopes()) {
              add(counts, "secret scopes");
              long keys = 0;
              for (var ignored : workspace.secrets().listSecrets(s.getName())) keys++;
              counts.computeIfAbsent("secret keys", k -> new AtomicLong()).addAndGet(keys);
              if (s.getBackendType() == ScopeBackendType.AZURE_KEYVAULT) {
                issues.add(
                    new MigrationPlan.Issue(
                        "secrets",
                        s.getName(),
                        "values live in Azure Key Vault"
                            + (s.getKeyvaultMetadata() == null
                                ? ""
                                : " " + s.getKeyvaultMetadata().getDnsName())
                            + ": the scope is recreated pointing at the vault; values are not copied"));
              }
            }
          });
      notes.add(
          "secret values of Databricks-backed scopes are read only with --secrets-cluster, and written only encrypted (--gpg-key)");
    }
    if (types.contains(ResourceType.MODELS)) {
      attempt(
          unread,
          "models",
          () -> {
            for (var m : workspace.modelRegistry().searchModels(new SearchModelsRequest())) {
              add(counts, "models");
              for (var ignored :
                  workspace
                      .modelRegistry()
                      .searchModelVersions(
                          new SearchModelVersionsRequest()
                              .setFilter("name='" + m.getName().replace("'", "\\'") + "'"))) {
                add(counts, "model versions");
              }
            }
          });
    }
    if (types.contains(ResourceType.NOTEBOOKS)) {
      // the list API gives sizes of files only: a notebook over 10 MB shows up at export time
      notes.add(
          "notebooks over 10 MB are found at export time (the list API gives no notebook size); they are skipped and reported");
    }
    if (types.contains(ResourceType.TABLE_ACLS)) {
      notes.add(
          "table ACLs are read at export time with SHOW GRANTS on the SQL warehouse given with --sql-warehouse");
    }
    for (String problem : inventory.problems()) {
      if (problem.equals(ManualInventory.MOUNTS_SKIPPED)) {
        notes.add(
            "mounts are listed at export time, through the cluster given for secret values (--secrets-cluster)");
      } else {
        unread.add(problem);
      }
    }

    var manual = new ArrayList<String>();
    inventory
        .clusters()
        .forEach(c ->
            manual.add(
                "cluster "
                    + c.cluster().getClusterName()
                    + " ("
                    + c.cluster().getClusterId()
                    + "): "
                    + String.join("; ", c.why())));
    inventory
        .pools()
        .forEach(p ->
            manual.add(
                "instance pool " + p.getInstancePoolName() + " (" + p.getInstancePoolId() + ")"));
    inventory
        .policies()
        .forEach(p -> manual.add("cluster policy " + p.getName() + " (" + p.getPolicyId() + ")"));
    inventory.initScripts().forEach(s -> manual.add("global init script " + s.getName()));
    inventory
        .jobsOnAllPurposeClusters()
        .forEach(j ->
            manual.add(
                "job "
                    + j.name()
                    + " ("
                    + j.jobId()
                    + ") runs on all-purpose cluster(s) "
                    + j.existingClusterIds()
                    + ": needs a job cluster or a PROD cluster"));

    var flat = new LinkedHashMap<String, Long>();
    counts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> flat.put(e.getKey(), e.getValue().get()));
    var calls = estimateCalls(flat, inventory.clusters().size());
    double seconds = 0;
    for (var e : calls.entrySet()) {
      double rate = limits.of(e.getKey());
      if (rate > 0) seconds = Math.max(seconds, e.getValue() / rate);
    }
    return new MigrationPlan(
        host,
        flat,
        bytes.get(),
        List.copyOf(issues),
        notes,
        List.copyOf(unread),
        manual,
        calls,
        seconds,
        null);
  }

  /** Calls an export makes, per group, from the counts (permissions: one read per object). */
  static Map<RateLimitGroup, Long> estimateCalls(Map<String, Long> c, int clusters) {
    long notebooks = c.getOrDefault("notebooks", 0L) + c.getOrDefault("files", 0L);
    long dirs = c.getOrDefault("directories", 0L);
    long repos = c.getOrDefault("repos", 0L);
    long jobs = c.getOrDefault("jobs", 0L);
    long scopes = c.getOrDefault("secret scopes", 0L);
    long models = c.getOrDefault("models", 0L);
    long versions = c.getOrDefault("model versions", 0L);
    var m = new EnumMap<RateLimitGroup, Long>(RateLimitGroup.class);
    m.put(RateLimitGroup.WORKSPACE_READ, dirs + 1);
    m.put(RateLimitGroup.WORKSPACE_EXPORT, notebooks);
    m.put(RateLimitGroup.PERMISSIONS_READ, notebooks + dirs + repos + jobs + models);
    m.put(RateLimitGroup.REPOS_READ, repos / 20 + 1);
    m.put(RateLimitGroup.JOBS_READ, jobs + 2 * (jobs / 25 + 1));
    m.put(RateLimitGroup.SECRETS_READ, 1 + 2 * scopes);
    m.put(RateLimitGroup.MLFLOW_SEARCH, 1 + models);
    m.put(RateLimitGroup.MLFLOW, models + versions);
    m.put(RateLimitGroup.COMPUTE_READ, clusters + 4L);
    m.values().removeIf(v -> v == 0);
    return m;
  }

  private void walk(
      Map<String, AtomicLong> counts,
      List<MigrationPlan.Issue> issues,
      List<String> unread,
      AtomicLong bytes)
      throws Exception {
    var fatal = new AtomicReference<Throwable>();
    try (var walkers = new WorkQueue("plan-walk", 4, Integer.MAX_VALUE, fatal)) {
      walkers.submit(() -> list("/", counts, issues, unread, bytes, walkers));
      walkers.await();
    }
    if (fatal.get() instanceof Exception e) throw e;
  }

  private void list(
      String dir,
      Map<String, AtomicLong> counts,
      List<MigrationPlan.Issue> issues,
      List<String> unread,
      AtomicLong bytes,
      WorkQueue walkers) {
    try {
      for (ObjectInfo o : workspace.workspace().list(new ListWorkspaceRequest().setPath(dir))) {
        ObjectType t = o.getObjectType();
        if (t == ObjectType.DIRECTORY) {
          if (WorkspaceLayout.isTrash(o.getPath())) continue;
          add(counts, "directories");
          walkers.submit(() -> list(o.getPath(), counts, issues, unread, bytes, walkers));
        } else if (t == ObjectType.NOTEBOOK || t == ObjectType.FILE) {
          long size = o.getSize() == null ? 0 : o.getSize();
          if (size > NotebookExporter.MAX_EXPORT_BYTES) {
            issues.add(
                new MigrationPlan.Issue(
                    "notebooks", o.getPath(), "over the 10 MB export limit (" + size + " bytes)"));
          } else {
            add(counts, t == ObjectType.NOTEBOOK ? "notebooks" : "files");
            bytes.addAndGet(size);
          }
        } else if (t == ObjectType.LIBRARY || t == ObjectType.DASHBOARD) {
          issues.add(
              new MigrationPlan.Issue("notebooks", o.getPath(), t + " objects are not migrated"));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      unread.add("folder " + dir + " not listed: " + ExportContext.reason(e));
    }
  }

  private static void add(Map<String, AtomicLong> counts, String key) {
    counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  private interface Part {
    void read();
  }

  private static void attempt(List<String> unread, String what, Part part) {
    try {
      part.read();
    } catch (RuntimeException e) {
      unread.add(what + " not read: " + ExportContext.reason(e));
    }
  }
}
