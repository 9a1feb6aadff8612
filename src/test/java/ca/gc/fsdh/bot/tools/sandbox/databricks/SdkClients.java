package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;

/** The real Databricks SDK client, configured for a {@link FakeDatabricks} as the docs advise. */
final class SdkClients {
  private SdkClients() {}

  static WorkspaceClient workspace(FakeDatabricks server) {
    return new WorkspaceClient(
        new DatabricksConfig()
            .setHost(server.host())
            .setToken(server.token())
            .setAuthType("pat")
            .setCredentialsProvider(new PatCredentialsProvider()));
  }
}
