package ca.gc.fsdh.bot.reminders;

/** Where one reminder stands in {@code reminder_delivery}. */
public enum DeliveryStatus {
  /** Due: to be posted at its next attempt time. */
  PENDING,
  /** Claimed by one bot instance, which is posting it now. */
  SENDING,
  SENT,
  /** Not posted: the workspace was done, left the directory, or the date changed. */
  SKIPPED,
  /** Not posted: its milestone had passed (missed while the bot was down). */
  DROPPED,
  /**
   * Slack refused it for good (e.g. the bot is not in the channel), or too many failed attempts.
   */
  FAILED,
  /** The instance posting it stopped mid-post: never re-posted, since it may have gone out. */
  UNCONFIRMED;

  public boolean isFinal() {
    return this != PENDING && this != SENDING;
  }
}
