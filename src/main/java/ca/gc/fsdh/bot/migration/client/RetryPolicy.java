package ca.gc.fsdh.bot.migration.client;

import com.databricks.sdk.core.http.Request;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the paced client retries, and how long it waits.
 *
 * <ul>
 *   <li>429: always, after {@code Retry-After}: the server refused the request before doing it.
 *   <li>500, 502, 503, 504 and dropped connections: only for idempotent requests (reads, and the
 *       few POSTs that only read or set state to a fixed value).
 *   <li>A write whose connection was refused before anything was sent: retried; any other failure
 *       of a write is returned to the caller, who knows whether repeating it is safe.
 *   <li>A request with a streaming body: never (the stream is spent; the caller retries with a
 *       fresh one, which also avoids the SDK's empty-body retry bug).
 * </ul>
 */
public record RetryPolicy(
    int maxAttempts,
    Duration firstBackoff,
    Duration maxBackoff,
    Duration defaultRetryAfter,
    List<Pattern> idempotentPosts) {

  private static final Set<Integer> SERVER_ERRORS = Set.of(500, 502, 503, 504);

  public RetryPolicy {
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
    idempotentPosts = List.copyOf(idempotentPosts);
  }

  /**
   * Defaults: 10 attempts, backoff 100 ms doubling to 5 s. POSTs treated as idempotent: SQL
   * statements (the core sends SHOW, GRANT, DENY, REVOKE and ALTER OWNER, which set state to a
   * fixed value), MLflow searches, and command execution (the core sends only commands that read:
   * secret values and mounts; a context created twice is reclaimed by the cluster when idle).
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        10,
        Duration.ofMillis(100),
        Duration.ofSeconds(5),
        Duration.ofSeconds(1),
        List.of(
            Pattern.compile("^/api/2\\.0/sql/statements/?$"),
            Pattern.compile("^/api/2\\.0/(preview/)?mlflow/.*search$"),
            Pattern.compile("^/api/1\\.2/(commands/execute|contexts/create)$")));
  }

  public boolean idempotent(Request request) {
    String m = request.getMethod();
    if (m.equals("GET") || m.equals("HEAD")) return true;
    if (!m.equals("POST")) return false;
    String path = URI.create(request.getUrl()).getPath();
    return idempotentPosts.stream().anyMatch(p -> p.matcher(path).find());
  }

  public boolean retriesStatus(Request request, int status) {
    if (request.isBodyStreaming()) return false;
    return status == 429 || (SERVER_ERRORS.contains(status) && idempotent(request));
  }

  public boolean retriesFailure(Request request, Exception failure) {
    if (request.isBodyStreaming()) return false;
    return idempotent(request) || failure instanceof ConnectException;
  }

  /** Exponential backoff for attempt {@code n} (1-based), with up to 25% jitter. */
  public long backoffNanos(int attempt, double jitter) {
    long base = firstBackoff.toNanos() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, maxBackoff.toNanos());
    return (long) (capped * (1 + 0.25 * jitter));
  }
}
