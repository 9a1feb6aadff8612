package ca.gc.fsdh.bot.platform.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The bot's HTTP server, on the JDK's built-in server: {@code POST /slack/events} (when not in
 * Socket Mode), {@code GET /healthz}, {@code GET /readyz} and {@code GET /metrics}. Each request
 * runs on its own virtual thread, so a slow handler never holds up another request's ack.
 */
public final class HttpFront implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  /**
   * @param slackEndpoint null in Socket Mode, where Slack does not call us over HTTP
   */
  public HttpFront(
      int port, HttpHandler slackEndpoint, List<ReadinessCheck> checks, BotMetrics metrics)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 256);
    server.setExecutor(executor);
    if (slackEndpoint != null) {
      server.createContext("/slack/events", slackEndpoint);
    }
    server.createContext("/healthz", get(ex -> HttpExchanges.send(ex, 200, "text/plain", "ok\n")));
    server.createContext("/readyz", get(ex -> readiness(ex, checks)));
    server.createContext(
        "/metrics",
        get(ex -> {
          var out = new ByteArrayOutputStream();
          metrics.write(out);
          HttpExchanges.send(ex, 200, metrics.contentType(), out.toString(StandardCharsets.UTF_8));
        }));
    server.createContext(
        "/",
        ex -> {
          try (ex) {
            HttpExchanges.send(ex, 404, "text/plain", "Not found\n");
          }
        });
  }

  public HttpFront start() {
    server.start();
    return this;
  }

  /** The bound port (useful when 0 asked for a free one). */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }

  private static void readiness(HttpExchange ex, List<ReadinessCheck> checks) throws IOException {
    var results =
        checks.stream()
            .collect(
                Collectors.toMap(
                    ReadinessCheck::name, ReadinessCheck::ready, (a, b) -> a && b, TreeMap::new));
    boolean ready = results.values().stream().allMatch(Boolean::booleanValue);
    String body =
        results.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\":\"" + (e.getValue() ? "ok" : "failing") + "\"")
            .collect(Collectors.joining(",", "{\"ready\":" + ready + ",", "}\n"));
    HttpExchanges.send(ex, ready ? 200 : 503, "application/json", body);
  }

  private static HttpHandler get(HttpHandler handler) {
    return ex -> {
      try (ex) {
        if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
          ex.getResponseHeaders().set("Allow", "GET");
          HttpExchanges.send(ex, 405, "text/plain", "GET only\n");
          return;
        }
        handler.handle(ex);
      }
    };
  }
}
