package ca.gc.fsdh.bot.platform.config;

import java.util.Optional;

/**
 * How the bot reaches Slack, and who supports the migration.
 *
 * @param apiUrl base URL of the Web API, ending in {@code /api/}
 * @param appToken set: Socket Mode; empty: HTTP on {@code /slack/events}
 * @param supportChannel channel id where requests are posted for approval
 * @param supportUserGroup user group id whose members may approve, reject and retry
 * @param defaultLanguage language read first by people who lead no workspace
 */
public record SlackSettings(
    Secret botToken,
    Optional<Secret> signingSecret,
    Optional<Secret> appToken,
    String apiUrl,
    String supportChannel,
    String supportUserGroup,
    Language defaultLanguage) {

  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  public boolean socketMode() {
    return appToken.isPresent();
  }
}
