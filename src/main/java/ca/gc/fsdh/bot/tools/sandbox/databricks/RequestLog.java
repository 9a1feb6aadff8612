package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what reached a {@link FakeDatabricks}, per {@link EndpointGroup}: every request received
 * (including refused ones), those refused with 429, and those failed on purpose. Benchmarks divide
 * {@link #received} by the group's limit to get the rate-limit bound of a run.
 */
public final class RequestLog {
  private final Map<EndpointGroup, LongAdder> received = counters();
  private final Map<EndpointGroup, LongAdder> throttled = counters();
  private final Map<EndpointGroup, LongAdder> faulted = counters();

  private static Map<EndpointGroup, LongAdder> counters() {
    Map<EndpointGroup, LongAdder> m = new EnumMap<>(EndpointGroup.class);
    for (EndpointGroup g : EndpointGroup.values()) {
      m.put(g, new LongAdder());
    }
    return m;
  }

  void countReceived(EndpointGroup g) {
    received.get(g).increment();
  }

  void countThrottled(EndpointGroup g) {
    throttled.get(g).increment();
  }

  void countFaulted(EndpointGroup g) {
    faulted.get(g).increment();
  }

  /** Requests of this group received, whatever the answer. */
  public long received(EndpointGroup g) {
    return received.get(g).sum();
  }

  /** Requests of this group answered 429. */
  public long throttled(EndpointGroup g) {
    return throttled.get(g).sum();
  }

  /** Requests of this group failed on purpose (500, 503 or dropped). */
  public long faulted(EndpointGroup g) {
    return faulted.get(g).sum();
  }

  /** Requests handled normally: received minus throttled minus faulted. */
  public long served(EndpointGroup g) {
    return received(g) - throttled(g) - faulted(g);
  }

  public long totalReceived() {
    return received.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public long totalThrottled() {
    return throttled.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** A snapshot of {@link #received} for the groups that saw at least one request. */
  public Map<EndpointGroup, Long> receivedByGroup() {
    Map<EndpointGroup, Long> m = new EnumMap<>(EndpointGroup.class);
    received.forEach((g, n) -> {
      if (n.sum() > 0) {
        m.put(g, n.sum());
      }
    });
    return m;
  }

  public void reset() {
    received.values().forEach(LongAdder::reset);
    throttled.values().forEach(LongAdder::reset);
    faulted.values().forEach(LongAdder::reset);
  }
}
