package ca.gc.fsdh.bot.migration.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointGroupTest {
  @ParameterizedTest
  @CsvSource({
    "GET, /api/2.0/workspace/export, WORKSPACE_EXPORT",
    "GET, /api/2.0/workspace/list, WORKSPACE_READ",
    "GET, /api/2.0/workspace/get-status, WORKSPACE_READ",
    "POST, /api/2.0/workspace/import, WORKSPACE_IMPORT",
    "GET, /api/2.0/permissions/notebooks/12, PERMISSIONS_READ",
    "PUT, /api/2.0/permissions/jobs/12, PERMISSIONS_WRITE",
    "GET, /api/2.0/repos, REPOS_READ",
    "GET, /api/2.2/jobs/list, JOBS_READ",
    "POST, /api/2.2/jobs/create, JOBS_CREATE",
    "GET, /api/2.0/secrets/scopes/list, SECRETS_READ",
    "POST, /api/1.2/commands/execute, COMMAND_EXECUTION",
    "POST, /api/2.0/sql/statements, SQL_STATEMENTS",
    "GET, /api/2.0/mlflow/registered-models/search, MLFLOW_SEARCH",
    "GET, /api/2.0/mlflow/databricks/registered-models/get, MLFLOW",
    "GET, /api/2.0/dbfs/read, DBFS",
    "GET, /api/2.0/clusters/list, COMPUTE_READ",
    "GET, /.well-known/databricks-config, OTHER"
  })
  void classifiesByPath(String method, String path, RateLimitGroup expected) {
    assertThat(RateLimitGroup.of(method, path)).isEqualTo(expected);
  }
}
