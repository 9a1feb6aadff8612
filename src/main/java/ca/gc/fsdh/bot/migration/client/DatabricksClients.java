package ca.gc.fsdh.bot.migration.client;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.commons.CommonsHttpClient;
import com.databricks.sdk.core.http.HttpClient;
import java.util.Objects;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * Builds a {@link WorkspaceClient} whose every call goes through a {@link PacedHttpClient}.
 *
 * <p>Authentication is the SDK's unified auth, taken from the given {@link DatabricksConfig} (PAT,
 * OAuth M2M, Azure service principal or a {@code ~/.databrickscfg} profile; see {@code
 * DatabricksAuth#sdkConfig}). SDK retries are turned off, and so are Apache HttpClient's own
 * retries: the paced client is the single place that repeats a request.
 */
public final class DatabricksClients {
  private DatabricksClients() {}

  /** A client and the paced transport under it (for its counters). */
  public record Paced(WorkspaceClient workspace, PacedHttpClient http) {}

  public static Paced create(
      DatabricksConfig config, RateLimits limits, RetryPolicy policy, Ticker ticker) {
    return create(config, transport(config), limits, policy, ticker);
  }

  /** The Apache transport: no retries of its own, and enough connections for every worker. */
  public static HttpClient transport(DatabricksConfig config) {
    var connections = new PoolingHttpClientConnectionManager();
    connections.setMaxTotal(128);
    connections.setDefaultMaxPerRoute(64);
    return new CommonsHttpClient.Builder()
        .withDatabricksConfig(config)
        .withConnectionManager(connections)
        .withRequestRetryHandler((exception, executionCount, context) -> false)
        .build();
  }

  /** With a given transport under the pacing (tests wrap it to watch the wire). */
  public static Paced create(
      DatabricksConfig config,
      HttpClient base,
      RateLimits limits,
      RetryPolicy policy,
      Ticker ticker) {
    Objects.requireNonNull(config.getHost(), "host == null");
    var paced = new PacedHttpClient(base, new EndpointRateLimiter(limits, ticker), policy, ticker);
    config.setHttpClient(paced).setDisableRetries(true);
    return new Paced(new WorkspaceClient(config), paced);
  }

  public static Paced create(DatabricksConfig config, RateLimits limits) {
    return create(config, limits, RetryPolicy.defaults(), Ticker.SYSTEM);
  }
}
