package ca.gc.fsdh.bot.requests;

import java.util.List;
import java.util.Map;

/**
 * What a request will move, computed from the POC workspace before anyone decides: counts per type,
 * total size, what cannot be exported and why, what could not be read (the counts leave it out),
 * what must be recreated by hand, and the time the rate limits allow. Stored as JSON with the
 * request.
 */
public record PlanSummary(
    Map<String, Long> counts,
    long bytes,
    List<String> cannotExport,
    List<String> unread,
    List<String> manual,
    double estimatedSeconds) {
  public PlanSummary {
    counts = Map.copyOf(counts);
    cannotExport = List.copyOf(cannotExport);
    unread = List.copyOf(unread);
    manual = List.copyOf(manual);
  }
}
