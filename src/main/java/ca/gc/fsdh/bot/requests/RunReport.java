package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a finished run tells the requester: counts per type, each failure with its reason, what must
 * be recreated by hand with its configuration, the verification result (migrate), and where the
 * bundle is (offboard). Stored as JSON with the request.
 *
 * @param failures the first failed items, {@code type: item: reason}, never secret values
 * @param manual what cannot move, one line each with its configuration summary
 * @param mismatches differences found by verification; empty and {@code verified} true when clean
 * @param bundle the offboarding bundle's file, once packaged
 */
public record RunReport(
    Map<ResourceType, TypeProgress> counts,
    List<String> failures,
    List<String> manual,
    boolean verified,
    List<String> mismatches,
    Optional<String> bundle,
    Optional<Long> bundleBytes) {

  public RunReport {
    counts = Map.copyOf(counts);
    failures = List.copyOf(failures);
    manual = List.copyOf(manual);
    mismatches = List.copyOf(mismatches);
  }

  public long failed() {
    return counts.values().stream().mapToLong(TypeProgress::failed).sum();
  }

  /**
   * SUCCEEDED when nothing failed and verification (if any) is clean, PARTLY_SUCCEEDED otherwise.
   */
  public RequestState outcome() {
    return failed() == 0 && mismatches.isEmpty()
        ? RequestState.SUCCEEDED
        : RequestState.PARTLY_SUCCEEDED;
  }
}
