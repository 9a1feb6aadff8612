package ca.gc.fsdh.bot.migration.client;

import java.util.Locale;

/**
 * A family of Databricks REST endpoints that share one rate limit. The client paces each group on
 * its own, so a slow family (MLflow search) never holds back a fast one (workspace export).
 *
 * <p>Names and defaults match the Databricks stand-in's groups, so a benchmark can compare the
 * client's pacing with the server's limits one to one. Defaults are the published per-workspace
 * limits (workspace export 60/s, import 30/s, jobs create 20/s, permission writes 30/s, DBFS 30/s,
 * MLflow 120/s, search 7/s); other reads 100/s and writes 30/s.
 */
public enum RateLimitGroup {
  WORKSPACE_READ(100),
  WORKSPACE_EXPORT(60),
  WORKSPACE_IMPORT(30),
  WORKSPACE_WRITE(30),
  REPOS_READ(100),
  REPOS_WRITE(30),
  JOBS_READ(100),
  JOBS_CREATE(20),
  JOBS_WRITE(30),
  SECRETS_READ(100),
  SECRETS_WRITE(30),
  COMMAND_EXECUTION(50),
  SQL_STATEMENTS(50),
  PERMISSIONS_READ(100),
  PERMISSIONS_WRITE(30),
  DBFS(30),
  FILES(30),
  MLFLOW(120),
  MLFLOW_SEARCH(7),
  COMPUTE_READ(100),
  COMPUTE_WRITE(30),
  /** Discovery probes and unknown paths: not paced. */
  OTHER(0);

  private final double defaultPerSecond;

  RateLimitGroup(double defaultPerSecond) {
    this.defaultPerSecond = defaultPerSecond;
  }

  /** Requests per second by default; 0 means not paced. */
  public double defaultPerSecond() {
    return defaultPerSecond;
  }

  /** The group of one request, from its method and the path of its URL (no host, no query). */
  public static RateLimitGroup of(String method, String path) {
    String p = path.toLowerCase(Locale.ROOT);
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (p.startsWith("/api/2.0/workspace/export")) return WORKSPACE_EXPORT;
    if (p.startsWith("/api/2.0/workspace/import")) return WORKSPACE_IMPORT;
    if (p.startsWith("/api/2.0/workspace/")) return read ? WORKSPACE_READ : WORKSPACE_WRITE;
    if (p.startsWith("/api/2.0/permissions/")) return read ? PERMISSIONS_READ : PERMISSIONS_WRITE;
    if (p.startsWith("/api/2.0/repos")) return read ? REPOS_READ : REPOS_WRITE;
    if (p.matches("/api/2\\.[0-9]/jobs/.*")) {
      if (read) return JOBS_READ;
      return p.endsWith("/jobs/create") ? JOBS_CREATE : JOBS_WRITE;
    }
    if (p.startsWith("/api/2.0/secrets/")) {
      return read || p.endsWith("/list") || p.endsWith("/get") ? SECRETS_READ : SECRETS_WRITE;
    }
    if (p.startsWith("/api/1.2/")) return COMMAND_EXECUTION;
    if (p.startsWith("/api/2.0/sql/statements")) return SQL_STATEMENTS;
    if (p.startsWith("/api/2.0/mlflow/") || p.startsWith("/api/2.0/preview/mlflow/")) {
      return p.contains("search") ? MLFLOW_SEARCH : MLFLOW;
    }
    if (p.startsWith("/api/2.0/dbfs/")) return DBFS;
    if (p.startsWith("/api/2.0/fs/")) return FILES;
    if (p.startsWith("/api/2.0/clusters/")
        || p.startsWith("/api/2.0/instance-pools/")
        || p.startsWith("/api/2.0/policies/")
        || p.startsWith("/api/2.0/global-init-scripts")
        || p.startsWith("/api/2.0/libraries/")) {
      return read ? COMPUTE_READ : COMPUTE_WRITE;
    }
    return OTHER;
  }
}
