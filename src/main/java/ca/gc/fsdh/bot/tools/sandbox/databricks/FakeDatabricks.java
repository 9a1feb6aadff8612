package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local, stateful stand-in for a Databricks workspace that the real Databricks SDK for Java talks
 * to as to a real one: same paths, JSON fields, paging, limits and error JSON. Each request goes
 * through the same gate: latency, bearer token, rate limit of its {@link EndpointGroup} (429 with
 * {@code Retry-After}), seeded fault injection, then the route of its API area.
 *
 * <p>Start with {@link #start(FakeDatabricksOptions)}; seed {@link #state()} (see {@link
 * SampleWorkspace}); point the SDK at {@link #host()} with the options' token.
 */
public final class FakeDatabricks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FakeDatabricks.class);

  private final FakeDatabricksOptions options;
  private final WorkspaceState state;
  private final RequestLog log = new RequestLog();
  private final Router router = new Router();
  private final RateLimiter limiter;
  private final FaultInjector faults;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final FakeBlobStorage blobs;

  private FakeDatabricks(FakeDatabricksOptions options, WorkspaceState state) throws IOException {
    this.options = options;
    this.state = state;
    this.limiter = new RateLimiter(options);
    this.faults = new FaultInjector(options.faults());
    for (var routes :
        List.of(
            new WorkspaceRoutes(state),
            new ReposRoutes(state),
            new JobsRoutes(state),
            new ComputeRoutes(state),
            new SecretsRoutes(state),
            new CommandRoutes(state),
            new SqlRoutes(state),
            new MlflowRoutes(state),
            new DbfsRoutes(state),
            new FilesRoutes(state),
            new PermissionsRoutes(state),
            new ScimRoutes(state),
            new UcCatalogRoutes(state),
            new UcGrantsRoutes(state),
            new UcMlflowRoutes(state),
            new UcModelsRoutes(state))) {
      routes.register(router);
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port()), 512);
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
    try {
      blobs =
          FakeBlobStorage.start(
              state.unityCatalog().blobs(), () -> state.unityCatalog().clock().instant());
    } catch (RuntimeException e) {
      server.stop(0);
      throw e;
    }
  }

  /** Starts an empty workspace (only {@code /Users}, {@code /Shared}, {@code /Repos}). */
  public static FakeDatabricks start(FakeDatabricksOptions options) {
    return start(options, new WorkspaceState());
  }

  /** Starts serving an existing state. */
  public static FakeDatabricks start(FakeDatabricksOptions options, WorkspaceState state) {
    try {
      return new FakeDatabricks(options, state);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
    }
  }

  /** {@code http://127.0.0.1:PORT}, the value for {@code DatabricksConfig.setHost}. */
  public String host() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The blob endpoint of the metastore's storage account, Azurite-style: a model version's {@code
   * abfss://<container>@<account>.dfs.core.windows.net/<path>} is at {@code
   * <blobEndpoint>/<account>/<container>/<path>} (see {@link FakeBlobStorage}).
   */
  public String blobEndpoint() {
    return blobs.endpoint();
  }

  /**
   * The blob endpoint itself ({@link FakeBlobStorage#urlOf(String)} maps an {@code abfss://} URI).
   */
  public FakeBlobStorage blobStorage() {
    return blobs;
  }

  public String token() {
    return options.token();
  }

  public FakeDatabricksOptions options() {
    return options;
  }

  public WorkspaceState state() {
    return state;
  }

  public RequestLog requestLog() {
    return log;
  }

  private void exchange(HttpExchange ex) throws IOException {
    try (ex) {
      ApiCall call =
          ApiCall.of(
              ex.getRequestMethod(),
              ex.getRequestURI().getRawPath(),
              ex.getRequestURI().getRawQuery(),
              ex.getRequestBody().readAllBytes());
      Router.Route route = router.find(call.method(), call.path());
      EndpointGroup group = route == null ? EndpointGroup.OTHER : route.group();
      log.countReceived(group);
      sleepLatency();
      Reply reply = gate(ex, call, group);
      if (reply == null) {
        return; // connection dropped on purpose
      }
      if (reply.status() == 200 && route != null) {
        reply = serve(call, route);
      }
      send(ex, reply);
    }
  }

  /**
   * A workspace host's discovery document, which the SDK (0.141) fetches once per client while it
   * resolves its configuration, without credentials ({@code DatabricksConfig.getHostMetadata}: a
   * bare GET), and answered by every real host; without it the SDK logs "Failed to resolve host
   * metadata" and falls back. Fields as the SDK's {@code oauth.HostMetadata} reads them ({@code
   * oidc_endpoint}, {@code account_id}, {@code workspace_id}, {@code cloud}; also databricks-sdk-go
   * PR #1499); a workspace's OIDC endpoints live under {@code {host}/oidc}.
   */
  private Reply hostMetadata() {
    return new Reply(
        200,
        Reply.JSON,
        Json.bytes(
            Json.object()
                .put("oidc_endpoint", host() + "/oidc")
                .put("workspace_id", Long.toString(server.getAddress().getPort()))
                .put("cloud", "azure")),
        Map.of());
  }

  /**
   * Auth, rate limit and faults; null drops the connection; status 200 means go on to the route.
   */
  private Reply gate(HttpExchange ex, ApiCall call, EndpointGroup group) {
    if (call.method().equals("GET") && call.path().equals("/.well-known/databricks-config")) {
      return hostMetadata();
    }
    if (call.path().startsWith("/.well-known/")) {
      return Reply.error(404, "NOT_FOUND", "No such discovery document.");
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")) {
      return Reply.error(
          401,
          "UNAUTHENTICATED",
          "Credential was not sent or was of an unsupported type for this API.");
    }
    if (!auth.substring(7).equals(options.token())) {
      return Reply.error(403, "PERMISSION_DENIED", "Invalid access token.");
    }
    if (!limiter.tryAcquire(group)) {
      log.countThrottled(group);
      return new Reply(
          429,
          Reply.JSON,
          Json.bytes(
              Json.object()
                  .put("error_code", "REQUEST_LIMIT_EXCEEDED")
                  .put(
                      "message",
                      "Too many requests for "
                          + group
                          + "; limit "
                          + options.limitFor(group)
                          + "/s.")),
          Map.of("Retry-After", Integer.toString(options.retryAfterSeconds())));
    }
    switch (faults.draw()) {
      case INTERNAL_ERROR -> {
        log.countFaulted(group);
        return Reply.error(500, "INTERNAL_ERROR", "Sandbox fault: internal error.");
      }
      case UNAVAILABLE -> {
        log.countFaulted(group);
        return Reply.error(
            503, "TEMPORARILY_UNAVAILABLE", "Sandbox fault: temporarily unavailable.");
      }
      case DROP -> {
        log.countFaulted(group);
        return null;
      }
      default -> {}
    }
    if (router.find(call.method(), call.path()) == null) {
      return Reply.error(
          404,
          "ENDPOINT_NOT_FOUND",
          "No API found for '" + call.method() + " " + call.path() + "'");
    }
    return Reply.ok();
  }

  private Reply serve(ApiCall call, Router.Route route) {
    try {
      return route.handler().handle(call);
    } catch (ApiError e) {
      return Reply.error(e.status(), e.errorCode(), e.getMessage());
    } catch (Exception e) {
      // Log the type and place only: messages may quote request bodies, which may hold secret
      // values.
      LOG.warn(
          "sandbox route failed for {} {}: {}", call.method(), call.path(), e.getClass().getName());
      return Reply.error(500, "INTERNAL_ERROR", "Sandbox failure: " + e.getClass().getSimpleName());
    }
  }

  private void sleepLatency() {
    long millis = options.latency().toMillis();
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void send(HttpExchange ex, Reply reply) throws IOException {
    ex.getResponseHeaders().set("Content-Type", reply.contentType());
    reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    boolean noBody = ex.getRequestMethod().equals("HEAD") || reply.body().length == 0;
    ex.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
    if (!noBody) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }

  @Override
  public void close() {
    blobs.close();
    server.stop(0);
    executor.shutdownNow();
  }
}
