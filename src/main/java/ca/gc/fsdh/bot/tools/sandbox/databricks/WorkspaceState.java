package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything a {@link FakeDatabricks} holds, in memory: the workspace tree, repos, jobs, secrets,
 * table grants, the model registry, DBFS, object permissions and the compute inventory. Each part
 * is thread-safe. Tests seed it directly (or with {@link SampleWorkspace}) and compare exports with
 * it.
 */
public final class WorkspaceState {
  /** The user the sandbox token belongs to; creator of what the API creates. */
  public static final String CURRENT_USER = "fsdh-support@ssc-spc.gc.ca";

  private final AtomicLong ids = new AtomicLong(1_000_000_000_000L);
  private final WorkspaceTree workspace = new WorkspaceTree(ids, System.currentTimeMillis());
  private final RepoStore repos = new RepoStore(workspace, ids);
  private final JobStore jobs = new JobStore(new AtomicLong(100_000));
  private final ComputeInventory compute = new ComputeInventory();
  private final SecretStore secrets = new SecretStore();
  private final DbfsStore dbfs = new DbfsStore();
  private final TableAclStore tables = new TableAclStore();
  private final ModelRegistryStore models = new ModelRegistryStore(dbfs);
  private final PermissionStore permissions = new PermissionStore();
  private final UnityCatalog unityCatalog = new UnityCatalog(tables, CURRENT_USER);

  public WorkspaceState() {
    for (String dir : new String[] {"/Users", "/Shared", "/Repos"}) {
      workspace.mkdirs(dir);
    }
  }

  public WorkspaceTree workspace() {
    return workspace;
  }

  public RepoStore repos() {
    return repos;
  }

  public JobStore jobs() {
    return jobs;
  }

  public ComputeInventory compute() {
    return compute;
  }

  public SecretStore secrets() {
    return secrets;
  }

  /** DBFS files and mounts (the Files API serves the same store). */
  public DbfsStore dbfs() {
    return dbfs;
  }

  /** The hive_metastore catalog and its table ACLs. */
  public TableAclStore tables() {
    return tables;
  }

  /** The workspace model registry (artifacts in {@link #dbfs()}). */
  public ModelRegistryStore models() {
    return models;
  }

  /** Direct object permissions (inherited ones are derived when read). */
  public PermissionStore permissions() {
    return permissions;
  }

  /**
   * The Unity Catalog metastore, when one is assigned ({@link UnityCatalog.Mode#NONE} by default).
   */
  public UnityCatalog unityCatalog() {
    return unityCatalog;
  }

  public String currentUser() {
    return CURRENT_USER;
  }
}
