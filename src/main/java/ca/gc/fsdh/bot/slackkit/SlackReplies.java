package ca.gc.fsdh.bot.slackkit;

import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;

/** The shapes of the bot's direct replies to a slash command. */
public final class SlackReplies {
  private SlackReplies() {}

  /** Visible only to the person who typed the command. */
  public static SlashCommandResponse ephemeral(Bilingual message) {
    return SlashCommandResponse.builder()
        .responseType("ephemeral")
        .text(message.mrkdwn())
        .blocks(BilingualBlocks.of(message))
        .build();
  }
}
