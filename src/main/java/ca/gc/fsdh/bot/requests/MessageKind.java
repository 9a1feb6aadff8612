package ca.gc.fsdh.bot.requests;

/** What a row of the request outbox posts to Slack. */
public enum MessageKind {
  /** The direct message that tells the requester a change of state. */
  REQUESTER_DM,
  /** The request's message in the support channel, with its buttons. */
  APPROVAL_POST,
  /** That message redrawn (state, decision, plan); it always shows the request as it is now. */
  APPROVAL_UPDATE,
  /** A finished run's report, in the thread of the approval message. */
  REPORT_TO_SUPPORT,
  /** The same report (and an offboarding bundle) in the requester's direct messages. */
  REPORT_TO_REQUESTER;

  /**
   * Where a message goes: each lane keeps the order of its messages, independently of the other
   * one, so that a busy support channel (one post a second) never holds a requester's message back.
   */
  public enum Lane {
    REQUESTER,
    SUPPORT
  }

  public Lane lane() {
    return this == REQUESTER_DM || this == REPORT_TO_REQUESTER ? Lane.REQUESTER : Lane.SUPPORT;
  }
}
