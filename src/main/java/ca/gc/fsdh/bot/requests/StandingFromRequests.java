package ca.gc.fsdh.bot.requests;

import ca.gc.fsdh.bot.reminders.WorkspaceStanding;
import java.util.List;

/**
 * What reminders say about a workspace, from its newest request: waiting, under way, done (no more
 * reminders), or rejected. A failed run is in the support team's hands (they retry it), so it reads
 * as under way; a cancelled request is as if none had been made. The same answer holds for every
 * milestone: one migration or offboarding settles them all.
 */
public final class StandingFromRequests implements WorkspaceStanding {
  private final RequestStore store;

  public StandingFromRequests(RequestStore store) {
    this.store = store;
  }

  @Override
  public Standing standingOf(String acronym, String milestoneId) {
    List<MigrationRequest> newest = store.forWorkspaces(List.of(acronym), 1);
    if (newest.isEmpty()) {
      return Standing.NONE;
    }
    return switch (newest.get(0).state()) {
      case PENDING_APPROVAL -> Standing.PENDING;
      case APPROVED, RUNNING, FAILED -> Standing.RUNNING;
      case SUCCEEDED, PARTLY_SUCCEEDED -> Standing.DONE;
      case REJECTED -> Standing.REJECTED;
      case CANCELLED -> Standing.NONE;
    };
  }
}
