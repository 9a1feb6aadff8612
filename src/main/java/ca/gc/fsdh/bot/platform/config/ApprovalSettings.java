package ca.gc.fsdh.bot.platform.config;

import java.util.Optional;

/**
 * How support decides requests: separation of duties, and the nudges of a request left waiting.
 *
 * @param allowOwnDecisions false (the default): nobody decides (approves, rejects, retries) a
 *     request they made or one for a workspace they lead or administer; true, for a one-person
 *     support team: such a decision is allowed and marked in the approval message and the audit log
 * @param nudgeAfterBusinessDays a request still waiting for a decision after this many business
 *     days is nudged in its approval thread, then at most once each business day
 * @param escalateAfterBusinessDays this many business days after the first nudge, the request is
 *     escalated (once) to {@code escalateTo}
 * @param escalateTo a channel id ({@code C…}) to post the escalation in, or a user group id ({@code
 *     S…}) to mention in the support channel; empty: the support user group
 * @param finalMilestone the milestone whose days left a nudge names
 */
public record ApprovalSettings(
    boolean allowOwnDecisions,
    int nudgeAfterBusinessDays,
    int escalateAfterBusinessDays,
    Optional<String> escalateTo,
    String finalMilestone) {

  public static final int DEFAULT_NUDGE_AFTER = 1;
  public static final int DEFAULT_ESCALATE_AFTER = 1;
  public static final String DEFAULT_FINAL_MILESTONE = "final-date";

  public static final ApprovalSettings DEFAULT =
      new ApprovalSettings(
          false,
          DEFAULT_NUDGE_AFTER,
          DEFAULT_ESCALATE_AFTER,
          Optional.empty(),
          DEFAULT_FINAL_MILESTONE);

  public ApprovalSettings {
    if (nudgeAfterBusinessDays < 1 || escalateAfterBusinessDays < 1) {
      throw new IllegalArgumentException("nudge and escalation delays must be at least 1 day");
    }
  }

  /** The user group an escalation mentions, when {@code escalateTo} names one. */
  public boolean escalatesToUserGroup() {
    return escalateTo.map(t -> t.startsWith("S")).orElse(true);
  }
}
