package ca.gc.fsdh.bot.tools.sandbox.databricks;

import ca.gc.fsdh.bot.migration.client.DatabricksClients;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;

/** The SDK configuration and client that sign in to a running stand-in with a token. */
public final class FakeDatabricksConfig {
  private FakeDatabricksConfig() {}

  /** Signs in with the stand-in's own token. */
  public static DatabricksConfig pat(FakeDatabricks server) {
    return pat(server, server.token());
  }

  /** Signs in with the token given (a wrong one, to see the stand-in refuse it). */
  public static DatabricksConfig pat(FakeDatabricks server, String token) {
    return new DatabricksConfig()
        .setHost(server.host())
        .setAuthType("pat")
        .setToken(token)
        .setCredentialsProvider(new PatCredentialsProvider());
  }

  /** A client built as the core builds its own (paced at the default rate limits). */
  public static WorkspaceClient pacedClient(FakeDatabricks server) {
    return DatabricksClients.create(pat(server), RateLimits.defaults()).workspace();
  }
}
