package ca.gc.fsdh.bot.slackkit;

import ca.gc.fsdh.bot.platform.config.Language;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.util.List;

/**
 * One {@code /fsdh} subcommand. Implementations ack within Slack's 3 seconds: anything slow goes to
 * an executor after the ack. {@link FsdhCommand} lists them in its help, in the order given.
 */
public interface Subcommand {
  /** The word after {@code /fsdh}, lower case. */
  String name();

  /** The message key of this subcommand's line in the help. */
  default String helpKey() {
    return "help.line." + name();
  }

  Response handle(Invocation invocation) throws IOException, SlackApiException;

  /**
   * One parsed {@code /fsdh} call: who sent it, the words after the subcommand, the reader's
   * language.
   */
  record Invocation(
      SlashCommandRequest request,
      SlashCommandContext context,
      String userId,
      List<String> args,
      Language language) {}
}
