package ca.gc.fsdh.bot.requests;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a request is. States only move forward: PENDING_APPROVAL → APPROVED → RUNNING → SUCCEEDED |
 * PARTLY_SUCCEEDED | FAILED, or from PENDING_APPROVAL to REJECTED or CANCELLED. Support may retry a
 * FAILED or PARTLY_SUCCEEDED run, which sends it back to APPROVED; the run then resumes from the
 * migration core's journal.
 */
public enum RequestState {
  PENDING_APPROVAL,
  APPROVED,
  RUNNING,
  SUCCEEDED,
  PARTLY_SUCCEEDED,
  FAILED,
  REJECTED,
  CANCELLED;

  private static final Set<RequestState> ENDED =
      EnumSet.of(SUCCEEDED, PARTLY_SUCCEEDED, FAILED, REJECTED, CANCELLED);

  /** True until the request has ended; a workspace has at most one active request. */
  public boolean isActive() {
    return !ENDED.contains(this);
  }

  public boolean canMoveTo(RequestState next) {
    return switch (this) {
      case PENDING_APPROVAL -> next == APPROVED || next == REJECTED || next == CANCELLED;
      case APPROVED -> next == RUNNING;
      // RUNNING → APPROVED: a crashed run handed back to the scheduler, to resume from its journal.
      case RUNNING ->
          next == SUCCEEDED || next == PARTLY_SUCCEEDED || next == FAILED || next == APPROVED;
      case PARTLY_SUCCEEDED, FAILED -> next == APPROVED;
      case SUCCEEDED, REJECTED, CANCELLED -> false;
    };
  }

  public String messageKey() {
    return "request.state." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
