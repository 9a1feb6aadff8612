package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.EnumMap;
import java.util.Map;

/**
 * One token bucket per {@link EndpointGroup}: refilled at the group's rate, holding at most one
 * second of requests, so a client that keeps under the rate is never refused and a burst above it
 * is refused with 429 at once (the real service does not queue).
 */
final class RateLimiter {
  private final Map<EndpointGroup, Bucket> buckets = new EnumMap<>(EndpointGroup.class);

  RateLimiter(FakeDatabricksOptions options) {
    for (EndpointGroup g : EndpointGroup.values()) {
      double rate = options.limitFor(g);
      if (rate > 0) {
        buckets.put(g, new Bucket(rate, System.nanoTime()));
      }
    }
  }

  /** True when the request may proceed now. */
  boolean tryAcquire(EndpointGroup group) {
    Bucket b = buckets.get(group);
    return b == null || b.tryAcquire(System.nanoTime());
  }

  private static final class Bucket {
    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long last;

    Bucket(double perSecond, long now) {
      this.ratePerNano = perSecond / 1e9;
      this.capacity = Math.max(1, perSecond);
      this.tokens = capacity;
      this.last = now;
    }

    synchronized boolean tryAcquire(long now) {
      tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
