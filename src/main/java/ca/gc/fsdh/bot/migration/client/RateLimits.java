package ca.gc.fsdh.bot.migration.client;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Requests per second allowed for each endpoint group (0: not paced), with a burst size. */
public record RateLimits(Map<RateLimitGroup, Double> perSecond, int burst) {
  public RateLimits {
    Objects.requireNonNull(perSecond, "perSecond == null");
    perSecond = Map.copyOf(perSecond);
    if (burst < 1) throw new IllegalArgumentException("burst must be at least 1: " + burst);
    perSecond.forEach((g, r) -> {
      if (r < 0) throw new IllegalArgumentException("rate of " + g + " must not be negative: " + r);
    });
  }

  /** The defaults of {@link RateLimitGroup}, one request at a time (no burst). */
  public static RateLimits defaults() {
    var m = new EnumMap<RateLimitGroup, Double>(RateLimitGroup.class);
    for (var g : RateLimitGroup.values()) m.put(g, g.defaultPerSecond());
    return new RateLimits(m, 1);
  }

  /** Requests per second of a group; 0 means not paced. */
  public double of(RateLimitGroup group) {
    return perSecond.getOrDefault(group, group.defaultPerSecond());
  }

  /** The same limits with one group changed. */
  public RateLimits with(RateLimitGroup group, double rate) {
    var m = new EnumMap<RateLimitGroup, Double>(RateLimitGroup.class);
    m.putAll(perSecond);
    m.put(group, rate);
    return new RateLimits(m, burst);
  }

  public RateLimits withBurst(int newBurst) {
    return new RateLimits(perSecond, newBurst);
  }
}
