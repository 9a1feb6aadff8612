package ca.gc.fsdh.bot.platform.config;

import java.util.Set;

/** Who belongs to the FSDH support team: only they may approve, reject or retry requests. */
public interface SupportTeam {
  boolean isMember(String slackUserId);

  /**
   * Every member, to tell someone refused who else can decide; empty when the team cannot be listed
   * (Slack did not answer, or a team given as a bare rule).
   */
  default Set<String> members() {
    return Set.of();
  }
}
