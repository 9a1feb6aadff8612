package ca.gc.fsdh.bot.app;

import ca.gc.fsdh.bot.requests.RequestKind;
import ca.gc.fsdh.bot.requests.slack.DecisionButtons;
import ca.gc.fsdh.bot.requests.slack.HomeTab;
import ca.gc.fsdh.bot.requests.slack.RequestModal;
import ca.gc.fsdh.bot.requests.slack.SlackIds;
import ca.gc.fsdh.bot.slackkit.FsdhCommand;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;

/** Every route the bot answers on Slack, each a one-line delegation to a named class. */
public final class SlackRoutes {
  private SlackRoutes() {}

  public static void register(
      App app,
      FsdhCommand fsdhCommand,
      RequestModal requestModal,
      DecisionButtons decisions,
      HomeTab homeTab) {
    app.command(FsdhCommand.COMMAND, fsdhCommand::handle);
    app.viewSubmission(SlackIds.REQUEST_MODAL, requestModal::submit);
    app.blockAction(SlackIds.APPROVE, decisions::approve);
    app.blockAction(SlackIds.REJECT, decisions::reject);
    app.blockAction(SlackIds.VIEW_PLAN, decisions::viewPlan);
    app.viewSubmission(SlackIds.REJECT_MODAL, decisions::submitRejection);
    app.event(AppHomeOpenedEvent.class, homeTab::opened);
    app.blockAction(
        SlackIds.HOME_MIGRATE, (req, ctx) -> homeTab.start(req, ctx, RequestKind.MIGRATE));
    app.blockAction(
        SlackIds.HOME_OFFBOARD, (req, ctx) -> homeTab.start(req, ctx, RequestKind.OFFBOARD));
  }
}
