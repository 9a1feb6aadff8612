package ca.gc.fsdh.bot.requests;

import java.time.Instant;
import java.util.List;

/**
 * Who runs an approved request: a claim is a lease kept alive by heartbeats, so that of several
 * instances exactly one runs a request, and another takes over a run whose instance died. Starting
 * and ending a run are changes of state, written with their Slack messages (see {@link
 * RequestStore}).
 */
public interface RunLeases {
  /**
   * Claims a request to run it: APPROVED becomes RUNNING, or a RUNNING request whose heartbeat is
   * older than {@code staleBefore} (its instance died) changes owner. True only for the one winner.
   */
  boolean claim(long id, String owner, Instant staleBefore, Instant now);

  /** The owner says it is still running the request; false when it lost the claim. */
  boolean heartbeat(long id, String owner, Instant now);

  /**
   * The owner ends its run: RUNNING becomes {@code to}, with its result, and the messages that
   * report it; false if it lost the claim.
   */
  boolean finish(long id, String owner, RequestState to, StoredResult result, Instant now);

  /**
   * Requests that should be running but have no live owner: APPROVED, or RUNNING with a stale
   * heartbeat.
   */
  List<MigrationRequest> claimable(Instant staleBefore);
}
