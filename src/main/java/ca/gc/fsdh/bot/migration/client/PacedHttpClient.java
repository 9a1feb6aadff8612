package ca.gc.fsdh.bot.migration.client;

import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The SDK's {@link HttpClient}, paced per endpoint group and retried by {@link RetryPolicy}.
 *
 * <p>The SDK's own retry loop only covers 429, 501, 503 and I/O errors, and its {@code
 * setRateLimit} is never read, so the SDK is configured with retries off and this wrapper is the
 * one place that decides whether a request is sent again.
 */
public final class PacedHttpClient implements HttpClient {
  private final HttpClient delegate;
  private final EndpointRateLimiter limiter;
  private final RetryPolicy policy;
  private final Ticker ticker;
  private final LongAdder retries = new LongAdder();
  private final LongAdder throttled = new LongAdder();

  public PacedHttpClient(
      HttpClient delegate, EndpointRateLimiter limiter, RetryPolicy policy, Ticker ticker) {
    this.delegate = delegate;
    this.limiter = limiter;
    this.policy = policy;
    this.ticker = ticker;
  }

  @Override
  public Response execute(Request request) throws IOException {
    RateLimitGroup group =
        RateLimitGroup.of(request.getMethod(), URI.create(request.getUrl()).getPath());
    for (int attempt = 1; ; attempt++) {
      pace(group);
      Response response;
      try {
        response = delegate.execute(request);
      } catch (IOException | RuntimeException e) {
        if (attempt >= policy.maxAttempts() || !policy.retriesFailure(request, e)) throw e;
        retries.increment();
        sleep(policy.backoffNanos(attempt, ThreadLocalRandom.current().nextDouble()));
        continue;
      }
      int status = response.getStatusCode();
      if (attempt >= policy.maxAttempts() || !policy.retriesStatus(request, status)) {
        return response;
      }
      discard(response);
      retries.increment();
      if (status == 429) {
        throttled.increment();
        limiter.pause(group, retryAfterNanos(response));
      } else {
        sleep(policy.backoffNanos(attempt, ThreadLocalRandom.current().nextDouble()));
      }
    }
  }

  /** Requests sent again (for any reason) since this client was built. */
  public long retries() {
    return retries.sum();
  }

  /** 429 answers seen since this client was built. */
  public long throttled() {
    return throttled.sum();
  }

  private void pace(RateLimitGroup group) throws InterruptedIOException {
    try {
      limiter.acquire(group);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a " + group + " slot");
    }
  }

  private void sleep(long nanos) throws InterruptedIOException {
    try {
      ticker.sleepNanos(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted during backoff");
    }
  }

  long retryAfterNanos(Response response) {
    List<String> values = response.getHeaders("Retry-After");
    if (values != null) {
      for (String v : values) {
        try {
          return (long) (Double.parseDouble(v.trim()) * 1e9);
        } catch (NumberFormatException notSeconds) {
          try {
            var at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return Math.max(0, Duration.between(ZonedDateTime.now(), at).toNanos());
          } catch (RuntimeException ignored) {
            // an unreadable header falls back to the default below
          }
        }
      }
    }
    return policy.defaultRetryAfter().toNanos();
  }

  /** Releases the connection of a response that will not be returned to the SDK. */
  private static void discard(Response response) {
    try (InputStream body = response.getBody()) {
      if (body != null) body.transferTo(OutputStream.nullOutputStream());
    } catch (IOException ignored) {
      // the connection is dropped instead of reused; nothing else to do
    }
  }
}
