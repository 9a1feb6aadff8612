package ca.gc.fsdh.bot.slackkit;

import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What a person sees when something failed on our side: an apology and a reference from the log.
 */
public final class FailureReply {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Messages messages;
  private final Language defaultLanguage;

  public FailureReply(Messages messages, Language defaultLanguage) {
    this.messages = messages;
    this.defaultLanguage = defaultLanguage;
  }

  /** A short random id that ties the apology to its log line. */
  public static String newReference() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  public SlashCommandResponse slashCommandReply(String reference) {
    return SlackReplies.ephemeral(messages.both(defaultLanguage, "error.internal", reference));
  }
}
