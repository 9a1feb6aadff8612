package ca.gc.fsdh.bot.requests;

import java.time.Instant;
import java.util.Optional;

/** What is kept beside a request: the plan shown to support, and the result of its run. */
public interface PlansAndResults {
  /**
   * Stores the request's plan (JSON of a {@link PlanSummary}, or of the reason it could not be
   * made), with the update of the approval message that shows it.
   */
  void setPlan(long id, String plan, Instant now);

  Optional<String> plan(long id);

  /** The result of a finished run, as given to {@link RunLeases#finish}. */
  Optional<StoredResult> result(long id);
}
