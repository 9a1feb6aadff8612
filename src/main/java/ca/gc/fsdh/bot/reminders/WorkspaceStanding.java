package ca.gc.fsdh.bot.reminders;

/**
 * Where a workspace stands for one milestone, as reminders need to know it. The requests feature
 * implements this once request states exist; until then {@link #NO_REQUESTS_YET} answers for all.
 */
@FunctionalInterface
public interface WorkspaceStanding {
  /** Nothing is known: every workspace has made no request. */
  WorkspaceStanding NO_REQUESTS_YET = (acronym, milestoneId) -> Standing.NONE;

  Standing standingOf(String acronym, String milestoneId);

  /** A workspace's state, as a reminder words it. */
  enum Standing {
    /** No request yet. */
    NONE,
    /** A request waits for the support team's approval. */
    PENDING,
    /** Approved and under way. */
    RUNNING,
    /** Migrated or offboarded: no more reminders for the milestone. */
    DONE,
    /** The last request was rejected. */
    REJECTED
  }
}
