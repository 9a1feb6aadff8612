package ca.gc.fsdh.bot.migration.client;

import java.util.EnumMap;
import java.util.Map;

/**
 * A token bucket per endpoint group, shared by every thread of an export.
 *
 * <p>Implemented as a generic cell rate algorithm: each group keeps the theoretical time its next
 * request may start. A caller reserves its slot under the lock and sleeps outside it, so waiting
 * callers never block each other's bookkeeping. A 429 pushes the group's next slot past the
 * server's {@code Retry-After} for every thread at once, not only for the one that was refused.
 */
public final class EndpointRateLimiter {
  private final Ticker ticker;
  private final Map<RateLimitGroup, Bucket> buckets = new EnumMap<>(RateLimitGroup.class);

  public EndpointRateLimiter(RateLimits limits, Ticker ticker) {
    this.ticker = ticker;
    for (var g : RateLimitGroup.values()) {
      double rate = limits.of(g);
      long interval = rate == 0 ? 0 : (long) (1_000_000_000L / rate);
      buckets.put(g, new Bucket(interval, interval * (limits.burst() - 1)));
    }
  }

  /** Blocks until one request of the group may start. */
  public void acquire(RateLimitGroup group) throws InterruptedException {
    long wait = buckets.get(group).reserve(ticker.nanoTime());
    if (wait > 0) ticker.sleepNanos(wait);
  }

  /** No request of the group starts before {@code nanos} from now (the server said Retry-After). */
  public void pause(RateLimitGroup group, long nanos) {
    buckets.get(group).pauseUntil(ticker.nanoTime() + nanos);
  }

  private static final class Bucket {
    private final long interval;
    private final long tolerance;
    private long theoreticalArrival = Long.MIN_VALUE;

    Bucket(long interval, long tolerance) {
      this.interval = interval;
      this.tolerance = tolerance;
    }

    synchronized long reserve(long now) {
      long tat = theoreticalArrival == Long.MIN_VALUE ? now : Math.max(theoreticalArrival, now);
      long start = Math.max(now, tat - tolerance);
      theoreticalArrival = tat + interval;
      return start - now;
    }

    synchronized void pauseUntil(long time) {
      long candidate = time + tolerance;
      if (theoreticalArrival == Long.MIN_VALUE || candidate > theoreticalArrival) {
        theoreticalArrival = candidate;
      }
    }
  }
}
