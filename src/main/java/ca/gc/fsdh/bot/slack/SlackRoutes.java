package ca.gc.fsdh.bot.slack;

import com.slack.api.bolt.App;

/** Every route the bot answers on Slack, each a one-line delegation to a named class. */
public final class SlackRoutes {
  private SlackRoutes() {}

  public static void register(App app, FsdhCommand fsdhCommand) {
    app.command(SlackIds.COMMAND, fsdhCommand::handle);
  }
}
