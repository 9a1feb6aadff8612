package ca.gc.fsdh.bot.config;

import java.util.List;
import java.util.Optional;

/**
 * One POC workspace from the directory.
 *
 * @param acronym   upper-case key, at most 10 characters
 * @param prodHost  the new PROD workspace, or empty for an offboard-only workspace
 */
public record Workspace(
    String acronym,
    String nameEn,
    String nameFr,
    String lead,
    List<String> admins,
    String leadChannel,
    Language language,
    String pocHost,
    Optional<String> prodHost) {

  public Workspace {
    admins = List.copyOf(admins);
  }

  public String name(Language language) {
    return language == Language.FR ? nameFr : nameEn;
  }

  public boolean offboardOnly() {
    return prodHost.isEmpty();
  }

  /** The lead and the admins may make requests for the workspace. */
  public boolean isManagedBy(String slackUserId) {
    return lead.equals(slackUserId) || admins.contains(slackUserId);
  }
}
