package ca.gc.fsdh.bot.requests.nudges;

/** Posts a nudge (implemented over Slack in {@code requests/slack}). */
public interface NudgePoster {
  /**
   * @return the posted message's timestamp
   * @throws Exception when it was not posted; the nudge of that day is not tried again
   */
  String post(Nudge nudge) throws Exception;
}
