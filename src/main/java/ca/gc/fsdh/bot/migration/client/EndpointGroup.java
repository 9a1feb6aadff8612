package ca.gc.fsdh.bot.migration.client;

import java.util.Locale;

/**
 * A family of Databricks REST endpoints that share one published rate limit. The client paces each
 * group on its own, so a slow family (MLflow search) never holds back a fast one (workspace export).
 */
public enum EndpointGroup {
  WORKSPACE_READ,
  WORKSPACE_EXPORT,
  WORKSPACE_IMPORT,
  PERMISSIONS_READ,
  PERMISSIONS_WRITE,
  REPOS,
  JOBS_READ,
  JOBS_WRITE,
  SECRETS,
  COMMANDS,
  SQL,
  MLFLOW,
  MLFLOW_SEARCH,
  DBFS,
  CLUSTERS,
  OTHER;

  /** The group of one request, from its method and the path of its URL (no host, no query). */
  public static EndpointGroup of(String method, String path) {
    String p = path.toLowerCase(Locale.ROOT);
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (p.startsWith("/api/2.0/workspace/export")) return WORKSPACE_EXPORT;
    if (p.startsWith("/api/2.0/workspace/import") || p.startsWith("/api/2.0/workspace/mkdirs")
        || p.startsWith("/api/2.0/workspace/delete")) return WORKSPACE_IMPORT;
    if (p.startsWith("/api/2.0/workspace/")) return WORKSPACE_READ;
    if (p.startsWith("/api/2.0/permissions/")) return read ? PERMISSIONS_READ : PERMISSIONS_WRITE;
    if (p.startsWith("/api/2.0/repos")) return REPOS;
    if (p.matches("/api/2\\.[0-9]/jobs/.*")) {
      return read || p.endsWith("/jobs/list") || p.endsWith("/jobs/get") ? JOBS_READ : JOBS_WRITE;
    }
    if (p.startsWith("/api/2.0/secrets/")) return SECRETS;
    if (p.startsWith("/api/1.2/")) return COMMANDS;
    if (p.startsWith("/api/2.0/sql/")) return SQL;
    if (p.startsWith("/api/2.0/mlflow/") || p.startsWith("/api/2.0/preview/mlflow/")) {
      return p.contains("/search") ? MLFLOW_SEARCH : MLFLOW;
    }
    if (p.startsWith("/api/2.0/dbfs/") || p.startsWith("/api/2.0/fs/")) return DBFS;
    if (p.startsWith("/api/2.0/clusters/") || p.startsWith("/api/2.0/instance-pools/")
        || p.startsWith("/api/2.0/policies/") || p.startsWith("/api/2.0/global-init-scripts")
        || p.startsWith("/api/2.0/libraries/")) return CLUSTERS;
    return OTHER;
  }
}
