package ca.gc.fsdh.bot.requests.nudges;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One nudge to post: which request, where its approval message is, how long it has waited, and the
 * final date it is measured against.
 *
 * @param waitedBusinessDays whole business days since the request was made
 * @param finalDate the date of {@code approvals.finalMilestone} in force, if configured
 */
public record Nudge(
    Kind kind,
    long requestId,
    String supportChannel,
    String supportTs,
    Instant createdAt,
    int waitedBusinessDays,
    LocalDate today,
    Optional<LocalDate> finalDate) {

  public enum Kind {
    /** A reply in the approval message's thread. */
    NUDGE,
    /** A message to {@code approvals.escalateTo}: once a request. */
    ESCALATION
  }
}
