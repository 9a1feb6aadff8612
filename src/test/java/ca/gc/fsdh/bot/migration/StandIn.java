package ca.gc.fsdh.bot.migration;

import ca.gc.fsdh.bot.migration.client.DatabricksClients;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.client.RetryPolicy;
import ca.gc.fsdh.bot.migration.client.Ticker;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Databricks stand-in with a real SDK client on it, and a wire tap counting answered exports
 * per path.
 */
final class StandIn implements AutoCloseable {
  final FakeDatabricks server;
  final WorkspaceClient client;

  /** Successful {@code workspace/export} answers, by workspace path. */
  final Map<String, LongAdder> exportsByPath = new ConcurrentHashMap<>();

  /**
   * Successful answers by {@code METHOD /api/path?item} (item: the path, job_id, scope or
   * name/version asked for).
   */
  final Map<String, LongAdder> callsByItem = new ConcurrentHashMap<>();

  StandIn(FakeDatabricksOptions options) {
    this(options, RateLimits.defaults());
  }

  StandIn(FakeDatabricksOptions options, RateLimits clientLimits) {
    server = FakeDatabricks.start(options);
    var config = FakeDatabricksConfig.pat(server);
    HttpClient wire = DatabricksClients.transport(config);
    HttpClient tap =
        request -> {
          Response r = wire.execute(request);
          if (r.getStatusCode() == 200 && request.getUrl().contains("/api/2.0/workspace/export")) {
            exportsByPath.computeIfAbsent(path(request), k -> new LongAdder()).increment();
          }
          if (r.getStatusCode() == 200) {
            callsByItem.computeIfAbsent(itemKey(request), k -> new LongAdder()).increment();
          }
          return r;
        };
    var fast =
        new RetryPolicy(
            12,
            Duration.ofMillis(5),
            Duration.ofMillis(50),
            Duration.ofMillis(50),
            RetryPolicy.defaults().idempotentPosts());
    client = DatabricksClients.create(config, tap, clientLimits, fast, Ticker.SYSTEM).workspace();
  }

  private static String path(Request r) {
    List<String> p = r.getQuery().get("path");
    if (p != null && !p.isEmpty()) return p.get(0);
    String q = URI.create(r.getUrl()).getRawQuery();
    for (String kv : q == null ? new String[0] : q.split("&")) {
      if (kv.startsWith("path=")) return URLDecoder.decode(kv.substring(5), StandardCharsets.UTF_8);
    }
    throw new IllegalStateException("export without a path: " + r);
  }

  static String itemKey(Request r) {
    String item = "";
    for (String p : List.of("path", "job_id", "scope", "name")) {
      String v = param(r, p);
      if (v != null) {
        item =
            v + (p.equals("name") && param(r, "version") != null ? "/" + param(r, "version") : "");
        break;
      }
    }
    return r.getMethod() + " " + URI.create(r.getUrl()).getPath() + "?" + item;
  }

  private static String param(Request r, String name) {
    List<String> p = r.getQuery().get(name);
    if (p != null && !p.isEmpty()) return p.get(0);
    String q = URI.create(r.getUrl()).getRawQuery();
    for (String kv : q == null ? new String[0] : q.split("&")) {
      if (kv.startsWith(name + "="))
        return URLDecoder.decode(kv.substring(name.length() + 1), StandardCharsets.UTF_8);
    }
    return null;
  }

  long calls(String key) {
    var n = callsByItem.get(key);
    return n == null ? 0 : n.sum();
  }

  long exportsOf(String path) {
    var n = exportsByPath.get(path);
    return n == null ? 0 : n.sum();
  }

  @Override
  public void close() {
    server.close();
  }
}
