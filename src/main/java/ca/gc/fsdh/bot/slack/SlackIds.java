package ca.gc.fsdh.bot.slack;

/** Every slash command, action_id and callback_id, so that handlers and views cannot drift apart. */
public final class SlackIds {
  private SlackIds() {}

  public static final String COMMAND = "/fsdh";
}
