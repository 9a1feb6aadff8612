package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.databricks.sdk.WorkspaceClient;

/** The real Databricks SDK client, configured for a {@link FakeDatabricks} as the docs advise. */
final class SdkClients {
  private SdkClients() {}

  static WorkspaceClient workspace(FakeDatabricks server) {
    return new WorkspaceClient(FakeDatabricksConfig.pat(server));
  }
}
