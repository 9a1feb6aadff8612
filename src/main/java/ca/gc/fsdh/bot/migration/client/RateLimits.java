package ca.gc.fsdh.bot.migration.client;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Requests per second allowed for each endpoint group, with a burst size. Defaults follow the
 * limits Databricks publishes per workspace (DESIGN.md §4); groups without a published figure get a
 * conservative 30/s.
 */
public record RateLimits(Map<EndpointGroup, Double> perSecond, int burst) {
  public RateLimits {
    Objects.requireNonNull(perSecond, "perSecond == null");
    perSecond = Map.copyOf(perSecond);
    if (burst < 1) throw new IllegalArgumentException("burst must be at least 1: " + burst);
    perSecond.forEach((g, r) -> {
      if (r <= 0) throw new IllegalArgumentException("rate of " + g + " must be positive: " + r);
    });
  }

  public static RateLimits defaults() {
    var m = new EnumMap<EndpointGroup, Double>(EndpointGroup.class);
    for (var g : EndpointGroup.values()) m.put(g, 30.0);
    m.put(EndpointGroup.WORKSPACE_EXPORT, 60.0);
    m.put(EndpointGroup.WORKSPACE_READ, 60.0);
    m.put(EndpointGroup.WORKSPACE_IMPORT, 30.0);
    m.put(EndpointGroup.JOBS_WRITE, 20.0);
    m.put(EndpointGroup.PERMISSIONS_WRITE, 30.0);
    m.put(EndpointGroup.DBFS, 30.0);
    m.put(EndpointGroup.MLFLOW, 120.0);
    m.put(EndpointGroup.MLFLOW_SEARCH, 7.0);
    return new RateLimits(m, 1);
  }

  public double of(EndpointGroup group) {
    return perSecond.getOrDefault(group, 30.0);
  }

  /** The same limits with one group changed. */
  public RateLimits with(EndpointGroup group, double rate) {
    var m = new EnumMap<EndpointGroup, Double>(EndpointGroup.class);
    m.putAll(perSecond);
    m.put(group, rate);
    return new RateLimits(m, burst);
  }

  public RateLimits withBurst(int newBurst) {
    return new RateLimits(perSecond, newBurst);
  }
}
