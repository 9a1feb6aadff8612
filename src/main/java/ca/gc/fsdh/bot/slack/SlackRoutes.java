package ca.gc.fsdh.bot.slack;

import com.slack.api.bolt.App;

/** Every route the bot answers on Slack, each a one-line delegation to a named class. */
public final class SlackRoutes {
  private SlackRoutes() {}

  public static void register(App app, FsdhCommand fsdhCommand, RequestModal requestModal, DecisionButtons decisions) {
    app.command(SlackIds.COMMAND, fsdhCommand::handle);
    app.viewSubmission(SlackIds.REQUEST_MODAL, requestModal::submit);
    app.blockAction(SlackIds.APPROVE, decisions::approve);
    app.blockAction(SlackIds.REJECT, decisions::reject);
    app.viewSubmission(SlackIds.REJECT_MODAL, decisions::submitRejection);
  }
}
