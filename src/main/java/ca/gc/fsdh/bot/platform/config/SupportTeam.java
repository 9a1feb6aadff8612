package ca.gc.fsdh.bot.platform.config;

/** Who belongs to the FSDH support team: only they may approve, reject or retry requests. */
public interface SupportTeam {
  boolean isMember(String slackUserId);
}
