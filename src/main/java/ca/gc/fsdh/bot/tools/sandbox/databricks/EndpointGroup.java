package ca.gc.fsdh.bot.tools.sandbox.databricks;

/**
 * Groups of Databricks REST endpoints that share one rate limit, named so that a client-side
 * limiter can use the same names. Defaults are the published per-workspace limits where Databricks
 * publishes one (workspace export 60/s, import 30/s, jobs create 20/s, permissions writes 30/s,
 * DBFS 30/s, MLflow 120/s with search 7/s); the others are sensible guesses (reads 100/s, writes
 * 30/s).
 */
public enum EndpointGroup {
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
  /** Discovery probes and unknown paths: never limited. */
  OTHER(0);

  private final double defaultPerSecond;

  EndpointGroup(double defaultPerSecond) {
    this.defaultPerSecond = defaultPerSecond;
  }

  /** Requests per second allowed by default; 0 means unlimited. */
  public double defaultPerSecond() {
    return defaultPerSecond;
  }
}
