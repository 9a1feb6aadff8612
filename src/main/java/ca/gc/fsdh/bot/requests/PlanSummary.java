package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.migration.plan.TableAclLanding;
import java.util.List;
import java.util.Map;

/**
 * What a request will move, computed from the POC workspace before anyone decides: counts per type,
 * total size, what cannot be exported and why, what could not be read (the counts leave it out),
 * what must be recreated by hand, and the time the rate limits allow; for a migration, where table
 * ACLs land in PROD and every grant that will not carry over ({@code tableAcls}, the core's {@code
 * TableAclLanding}; null without a PROD). Stored as JSON with the request.
 */
public record PlanSummary(
    Map<String, Long> counts,
    long bytes,
    List<String> cannotExport,
    List<String> unread,
    List<String> manual,
    double estimatedSeconds,
    TableAclLanding tableAcls) {
  /** A plan made without PROD. */
  public PlanSummary(
      Map<String, Long> counts,
      long bytes,
      List<String> cannotExport,
      List<String> unread,
      List<String> manual,
      double estimatedSeconds) {
    this(counts, bytes, cannotExport, unread, manual, estimatedSeconds, null);
  }

  public PlanSummary {
    counts = Map.copyOf(counts);
    cannotExport = List.copyOf(cannotExport);
    unread = List.copyOf(unread);
    manual = List.copyOf(manual);
  }
}
