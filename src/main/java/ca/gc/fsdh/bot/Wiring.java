package ca.gc.fsdh.bot;

import ca.gc.fsdh.bot.audit.JdbcAuditLog;
import ca.gc.fsdh.bot.config.Config;
import ca.gc.fsdh.bot.config.Secret;
import ca.gc.fsdh.bot.http.BotMetrics;
import ca.gc.fsdh.bot.http.HttpFront;
import ca.gc.fsdh.bot.http.SlackEndpoint;
import ca.gc.fsdh.bot.i18n.Messages;
import ca.gc.fsdh.bot.reminders.DeadlinesCommand;
import ca.gc.fsdh.bot.reminders.Reminders;
import ca.gc.fsdh.bot.reminders.RemindersCommand;
import ca.gc.fsdh.bot.reminders.WorkspaceProgress;
import ca.gc.fsdh.bot.slack.FailureReply;
import ca.gc.fsdh.bot.slack.FsdhCommand;
import ca.gc.fsdh.bot.slack.SlackAuthCheck;
import ca.gc.fsdh.bot.slack.SlackRoutes;
import ca.gc.fsdh.bot.slack.SupportGroup;
import ca.gc.fsdh.bot.store.Database;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.quartz.SchedulerException;

/** The one place where the bot's long-lived objects are built and connected. */
public final class Wiring {
  private Wiring() {}

  public static Bot wire(Config config, Clock clock) throws IOException {
    var messages = new Messages();
    var database = Database.open(config.database());
    try {
      var slackSettings = config.slack();
      var slackConfig = new SlackConfig();
      slackConfig.setMethodsEndpointUrlPrefix(slackSettings.apiUrl());
      var slack = Slack.getInstance(slackConfig);
      String botToken = slackSettings.botToken().value();
      var app = new App(AppConfig.builder()
          .slack(slack)
          .singleTeamBotToken(botToken)
          .signingSecret(slackSettings.signingSecret().map(Secret::value).orElse(null))
          .build());

      var methods = slack.methods(botToken);
      var audit = new JdbcAuditLog(database.dataSource());
      var support = new SupportGroup(methods, slackSettings.supportUserGroup());
      // Until requests exist every workspace has made none; the requests feature replaces this line.
      WorkspaceProgress progress = WorkspaceProgress.NO_REQUESTS_YET;
      var reminders = Reminders.create(database.dataSource(), config.database().isPostgres(), config.deadlines(),
          config.directory(), progress, messages, methods, clock, Reminders.SWEEP_EVERY);

      var fsdhCommand = new FsdhCommand(List.of(
          new DeadlinesCommand(reminders.deadlines, reminders.scheduler, support, audit, messages, clock),
          new RemindersCommand(reminders, support, messages)),
          messages, config.directory(), slackSettings.defaultLanguage());
      SlackRoutes.register(app, fsdhCommand);

      var metrics = new BotMetrics();
      var endpoint = slackSettings.socketMode() ? null
          : new SlackEndpoint(app, new FailureReply(messages, slackSettings.defaultLanguage()), metrics, clock);
      var checks = List.of(database, new SlackAuthCheck(slack.methods(botToken), clock));
      var http = new HttpFront(config.port(), endpoint, checks, metrics);
      return new Bot(app, http, database, reminders, slackSettings.appToken().map(Secret::value));
    } catch (IOException | RuntimeException e) {
      database.close();
      throw e;
    } catch (SchedulerException e) {
      database.close();
      throw new IllegalStateException("cannot create the reminder scheduler", e);
    }
  }
}
