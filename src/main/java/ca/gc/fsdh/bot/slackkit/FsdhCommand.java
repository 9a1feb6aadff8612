package ca.gc.fsdh.bot.slackkit;

import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.platform.i18n.Bilingual;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.platform.i18n.Mrkdwn;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Routes {@code /fsdh <subcommand> ...} to its {@link Subcommand}. An empty text or {@code help}
 * shows the help; an unknown word gets a short bilingual error and the help. Replies are ephemeral,
 * in the reader's language first (that of the first workspace they manage, else the default).
 */
public final class FsdhCommand {
  /** The one slash command; every other word is a {@link Subcommand}. */
  public static final String COMMAND = "/fsdh";

  /** Longest echo of an unknown subcommand; the rest of a 3,000-character text is not repeated. */
  private static final int ECHO_LIMIT = 40;

  private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();
  private final Messages messages;
  private final WorkspaceDirectory directory;
  private final Language defaultLanguage;

  public FsdhCommand(
      List<Subcommand> subcommands,
      Messages messages,
      WorkspaceDirectory directory,
      Language defaultLanguage) {
    for (Subcommand s : subcommands) {
      if (this.subcommands.putIfAbsent(s.name(), s) != null || s.name().equals("help")) {
        throw new IllegalArgumentException("subcommand registered twice: " + s.name());
      }
    }
    this.messages = messages;
    this.directory = directory;
    this.defaultLanguage = defaultLanguage;
  }

  public Response handle(SlashCommandRequest request, SlashCommandContext context)
      throws IOException, SlackApiException {
    String userId = request.getPayload().getUserId();
    Language language = directory.languageOf(userId, defaultLanguage);
    String text =
        request.getPayload().getText() == null ? "" : request.getPayload().getText().strip();
    List<String> words = text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
    String name = words.isEmpty() ? "help" : words.get(0).toLowerCase(Locale.ROOT);
    if (name.equals("help")) {
      return context.ack(SlackReplies.ephemeral(help(language)));
    }
    Subcommand subcommand = subcommands.get(name);
    if (subcommand == null) {
      Bilingual unknown =
          messages.both(language, "command.unknown", Mrkdwn.codeSpan(words.get(0), ECHO_LIMIT));
      return context.ack(SlackReplies.ephemeral(unknown.then(help(language))));
    }
    return subcommand.handle(
        new Subcommand.Invocation(
            request, context, userId, List.copyOf(words.subList(1, words.size())), language));
  }

  /** The help: every subcommand with what it does, in both languages. */
  public Bilingual help(Language language) {
    Bilingual help =
        messages
            .both(language, "help.title")
            .then(messages.both(language, "help.intro"))
            .then(messages.both(language, "help.line.help"));
    for (Subcommand s : subcommands.values()) {
      help = help.then(messages.both(language, s.helpKey()));
    }
    return help.then(messages.both(language, "help.footer"));
  }
}
