package ca.gc.fsdh.bot.app;

import ca.gc.fsdh.bot.campaign.AuditHistory;
import ca.gc.fsdh.bot.campaign.BurnDownChart;
import ca.gc.fsdh.bot.campaign.Campaign;
import ca.gc.fsdh.bot.campaign.CampaignExport;
import ca.gc.fsdh.bot.campaign.DigestClaims;
import ca.gc.fsdh.bot.campaign.DigestSchedule;
import ca.gc.fsdh.bot.campaign.RequestHistory;
import ca.gc.fsdh.bot.campaign.slack.CampaignExportCommand;
import ca.gc.fsdh.bot.campaign.slack.CampaignHomeSection;
import ca.gc.fsdh.bot.campaign.slack.CampaignText;
import ca.gc.fsdh.bot.campaign.slack.ChartUpload;
import ca.gc.fsdh.bot.campaign.slack.DigestJob;
import ca.gc.fsdh.bot.campaign.slack.ProgressCommand;
import ca.gc.fsdh.bot.campaign.slack.WeeklyDigest;
import ca.gc.fsdh.bot.migration.client.DatabricksClients;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.platform.audit.JdbcAuditLog;
import ca.gc.fsdh.bot.platform.config.BusinessDays;
import ca.gc.fsdh.bot.platform.config.Config;
import ca.gc.fsdh.bot.platform.config.Milestone;
import ca.gc.fsdh.bot.platform.config.Secret;
import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.platform.database.HandBuiltJobs;
import ca.gc.fsdh.bot.platform.database.Quartz;
import ca.gc.fsdh.bot.platform.http.BotMetrics;
import ca.gc.fsdh.bot.platform.http.HttpFront;
import ca.gc.fsdh.bot.platform.http.ReadinessCheck;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.reminders.Reminders;
import ca.gc.fsdh.bot.reminders.WorkspaceStanding;
import ca.gc.fsdh.bot.reminders.slack.DeadlinesCommand;
import ca.gc.fsdh.bot.reminders.slack.RemindersCommand;
import ca.gc.fsdh.bot.requests.BundleRetention;
import ca.gc.fsdh.bot.requests.CoreRequestEngine;
import ca.gc.fsdh.bot.requests.DurableRuns;
import ca.gc.fsdh.bot.requests.PlanStep;
import ca.gc.fsdh.bot.requests.RequestKind;
import ca.gc.fsdh.bot.requests.RequestListener;
import ca.gc.fsdh.bot.requests.RequestService;
import ca.gc.fsdh.bot.requests.RequestStores;
import ca.gc.fsdh.bot.requests.RunWorker;
import ca.gc.fsdh.bot.requests.StandingFromRequests;
import ca.gc.fsdh.bot.requests.nudges.NudgeJob;
import ca.gc.fsdh.bot.requests.nudges.NudgeLedger;
import ca.gc.fsdh.bot.requests.nudges.Nudges;
import ca.gc.fsdh.bot.requests.nudges.WaitingRequests;
import ca.gc.fsdh.bot.requests.slack.ApprovalMessage;
import ca.gc.fsdh.bot.requests.slack.BundleDelivery;
import ca.gc.fsdh.bot.requests.slack.DecisionButtons;
import ca.gc.fsdh.bot.requests.slack.HomeTab;
import ca.gc.fsdh.bot.requests.slack.ListSubcommand;
import ca.gc.fsdh.bot.requests.slack.NudgeMessage;
import ca.gc.fsdh.bot.requests.slack.OutboxDispatcher;
import ca.gc.fsdh.bot.requests.slack.OutcomeReply;
import ca.gc.fsdh.bot.requests.slack.ProgressMessage;
import ca.gc.fsdh.bot.requests.slack.ReportPoster;
import ca.gc.fsdh.bot.requests.slack.RequestActionSubcommand;
import ca.gc.fsdh.bot.requests.slack.RequestModal;
import ca.gc.fsdh.bot.requests.slack.RequestNotifier;
import ca.gc.fsdh.bot.requests.slack.RequestSubcommand;
import ca.gc.fsdh.bot.requests.slack.RequestText;
import ca.gc.fsdh.bot.requests.slack.RunReportText;
import ca.gc.fsdh.bot.requests.slack.StatusSubcommand;
import ca.gc.fsdh.bot.requests.slack.WaitedTime;
import ca.gc.fsdh.bot.slackkit.DirectMessageChannels;
import ca.gc.fsdh.bot.slackkit.FailureReply;
import ca.gc.fsdh.bot.slackkit.FsdhCommand;
import ca.gc.fsdh.bot.slackkit.SlackAuthCheck;
import ca.gc.fsdh.bot.slackkit.SlackCalls;
import ca.gc.fsdh.bot.slackkit.SlackEndpoint;
import ca.gc.fsdh.bot.slackkit.SlackSupportTeam;
import ca.gc.fsdh.bot.slackkit.SocketModeCheck;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.MethodsConfig;
import com.slack.api.methods.metrics.MemoryMetricsDatastore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.quartz.JobKey;

/** The one place where the bot's long-lived objects are built and connected. */
public final class Wiring {
  /** Threads for the work that follows acks. */
  static final int BACKGROUND_THREADS = 4;

  /**
   * Plans computed at once: list calls against POC, minutes for a large workspace, so kept apart.
   */
  static final int PLAN_THREADS = 2;

  /** The progress message of a run is edited at most this often. */
  static final Duration PROGRESS_EVERY = Duration.ofSeconds(3);

  /**
   * Requests one instance runs at once; more wait in its queue (or are taken by another instance).
   */
  static final int PARALLEL_RUNS = 2;

  /**
   * How often the waiting requests are looked at for a nudge (each is nudged at most once a
   * business day whatever this is).
   */
  static final Duration NUDGE_SWEEP_EVERY = Duration.ofSeconds(10);

  /** How often an instance looks for runs that have no live owner. */
  static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

  /**
   * The Quartz job of the sweep that the request outbox replaced; stored by earlier versions,
   * removed at start.
   */
  private static final JobKey UNTOLD_CHANGES = JobKey.jobKey("untold-changes", "requests");

  private Wiring() {}

  public static Bot wire(Config config, Clock clock) throws Exception {
    List<AutoCloseable> resources = new ArrayList<>();
    var database = Database.open(config.database());
    resources.add(database);
    try {
      var messages = new Messages();
      var directory = config.directory();
      var slackSettings = config.slack();
      var language = slackSettings.defaultLanguage();
      var slackConfig = new SlackConfig();
      slackConfig.setMethodsEndpointUrlPrefix(slackSettings.apiUrl());
      // Its own queue for the async client (429-aware), not the JVM-wide default one.
      slackConfig.setMethodsConfig(
          MethodsConfig.builder()
              .executorName("fsdh-" + System.identityHashCode(slackConfig))
              .metricsDatastore(new MemoryMetricsDatastore(2))
              .build());
      var slack = Slack.getInstance(slackConfig);
      resources.add(slack);
      String botToken = slackSettings.botToken().value();
      var app =
          new App(
              AppConfig.builder()
                  .slack(slack)
                  .singleTeamBotToken(botToken)
                  .signingSecret(slackSettings.signingSecret().map(Secret::value).orElse(null))
                  .build());

      // Work that follows an ack (decisions, Slack answers) runs here: platform threads of its own,
      // so
      // that a burst of it never queues ahead of acks on the virtual-thread carriers of the HTTP
      // server.
      ExecutorService background =
          executor(
              resources,
              Executors.newFixedThreadPool(
                  BACKGROUND_THREADS,
                  Thread.ofPlatform().name("fsdh-background-", 0).daemon().factory()));
      ExecutorService planning =
          executor(
              resources,
              Executors.newFixedThreadPool(
                  PLAN_THREADS, Thread.ofPlatform().name("fsdh-plan-", 0).daemon().factory()));

      var audit = new JdbcAuditLog(database.dataSource());
      var stores = RequestStores.jdbc(database.dataSource());
      var requests = stores.requests();
      var text = new RequestText(messages, directory);
      var approval = new ApprovalMessage(text, language);
      String owner = "bot-" + UUID.randomUUID();
      // Every Slack message a request change causes goes through the request outbox (see
      // OutboxDispatcher).
      var slackCalls = new SlackCalls(clock, SlackCalls.PER_CHANNEL);
      var outbox =
          outbox(
              slack.methods(botToken),
              slackCalls,
              database.dataSource(),
              stores,
              text,
              approval,
              config,
              clock,
              owner,
              OutboxDispatcher.Settings.DEFAULT);
      resources.add(outbox);
      var support =
          new SlackSupportTeam(slack.methods(botToken), slackSettings.supportUserGroup(), clock);

      // One Quartz scheduler per instance (JDBC job store, clustered on PostgreSQL) for every
      // feature's jobs.
      var jobs = new HandBuiltJobs();
      var quartz =
          Quartz.create(
              database.dataSource(),
              config.database().isPostgres(),
              jobs,
              Reminders.QUARTZ_THREADS);
      resources.add(() -> quartz.shutdown(true));

      // Approved requests run through the migration core, durably (see DurableRuns).
      var engine =
          new CoreRequestEngine(
                  directory,
                  config.databricks(),
                  config.bundles(),
                  sdk -> DatabricksClients.create(sdk, RateLimits.defaults()).workspace())
              .withBlobEndpoint(config.blobEndpoint());
      ScheduledExecutorService timer =
          executor(
              resources,
              Executors.newSingleThreadScheduledExecutor(
                  Thread.ofPlatform().name("fsdh-progress").daemon().factory()));
      var progressMessage =
          new ProgressMessage(
              slack.methods(botToken),
              slackCalls,
              new RunReportText(text),
              slackSettings.supportChannel(),
              language,
              timer,
              PROGRESS_EVERY);
      var worker =
          new RunWorker(
              requests,
              stores.leases(),
              engine,
              outbox,
              progressMessage,
              clock,
              owner,
              RunWorker.LEASE);
      var execution =
          new DurableRuns(quartz, jobs, stores.leases(), worker, clock, PARALLEL_RUNS, SWEEP_EVERY);
      resources.add(execution);
      var retention =
          new BundleRetention(config.bundles().directory(), config.bundles().retention(), clock);
      jobs.register(BundleRetention.class, retention);

      var plans =
          new PlanStep(engine, requests, stores.plans(), planning, clock, planned -> outbox.wake());
      var service =
          new RequestService(
              requests,
              audit,
              directory,
              support,
              RequestListener.all(outbox, plans, execution),
              clock,
              config.approvals().allowOwnDecisions());
      var reply = new OutcomeReply(text, directory);
      var modal =
          new RequestModal(service, directory, text, reply, RequestModal.keyFileReader(), clock);

      WorkspaceStanding standings = new StandingFromRequests(requests);
      var reminders =
          Reminders.create(
              quartz,
              jobs,
              database.dataSource(),
              config.deadlines(),
              directory,
              standings,
              messages,
              slack.methods(botToken),
              clock,
              Reminders.SWEEP_EVERY);

      // Requests left waiting are nudged, then escalated (docs/approvals.md).
      var approvals = config.approvals();
      var businessDays = new BusinessDays(config.deadlines().holidays());
      var nudges =
          new Nudges(
              new WaitingRequests(database.dataSource()),
              new NudgeLedger(database.dataSource()),
              new NudgeMessage(
                  slack.methods(botToken),
                  requests,
                  text,
                  language,
                  approvals,
                  slackSettings.supportChannel(),
                  slackSettings.supportUserGroup()),
              approvals,
              businessDays,
              config.deadlines().timeZone(),
              () -> reminders.deadlines.milestone(approvals.finalMilestone()).map(Milestone::date),
              clock,
              owner);
      jobs.register(NudgeJob.class, new NudgeJob(nudges));
      // The campaign at a glance (issue 14): reads requests through its own queries.
      var requestHistory = new RequestHistory(database.dataSource());
      var campaign =
          new Campaign(directory, reminders.deadlines, requestHistory, config.campaign(), clock);
      var campaignText = new CampaignText(messages);
      var chartUpload =
          new ChartUpload(
              slack.methods(botToken),
              new BurnDownChart(messages, config.deadlines().timeZone()),
              campaignText,
              slackSettings.supportChannel());
      jobs.register(
          DigestJob.class,
          new DigestJob(
              new WeeklyDigest(
                  campaign,
                  campaignText,
                  chartUpload,
                  new DigestClaims(database.dataSource()),
                  DigestSchedule.of(config.campaign(), config.deadlines().timeZone()),
                  slack.methods(botToken),
                  slackSettings.supportChannel(),
                  language,
                  config.campaign().digest(),
                  clock,
                  owner)));

      var fsdhCommand =
          new FsdhCommand(
              List.of(
                  new RequestSubcommand(RequestKind.MIGRATE, service, modal, reply),
                  new RequestSubcommand(RequestKind.OFFBOARD, service, modal, reply),
                  new StatusSubcommand(
                      service,
                      reply,
                      text,
                      new WaitedTime(messages, businessDays, config.deadlines().timeZone(), clock)),
                  new ListSubcommand(service, text),
                  new RequestActionSubcommand(
                      RequestActionSubcommand.Action.CANCEL, service, reply, text),
                  new RequestActionSubcommand(
                      RequestActionSubcommand.Action.RETRY, service, reply, text),
                  new DeadlinesCommand(
                      reminders.deadlines, reminders.scheduler, support, audit, messages, clock),
                  new RemindersCommand(reminders, support, audit, messages, clock),
                  new ProgressCommand(campaign, campaignText, support, audit, clock),
                  new CampaignExportCommand(
                      campaign,
                      new CampaignExport(requestHistory, new AuditHistory(database.dataSource())),
                      campaignText,
                      support,
                      audit,
                      new DirectMessageChannels(
                          database.dataSource(), slack.methods(botToken), slackCalls, clock),
                      slack.methods(botToken),
                      background,
                      clock)),
              messages,
              directory,
              language);
      SlackRoutes.register(
          app,
          fsdhCommand,
          modal,
          new DecisionButtons(service, reply, text, language, background, stores.plans(), approval),
          new HomeTab(
              service,
              directory,
              config.deadlines(),
              text,
              modal,
              language,
              clock,
              background,
              List.of(new CampaignHomeSection(campaign, campaignText, chartUpload))));

      var metrics = new BotMetrics();
      var endpoint =
          slackSettings.socketMode()
              ? null
              : new SlackEndpoint(app, new FailureReply(messages, language), metrics, clock);
      // Built here (it connects only when the bot starts) so that readiness can watch its
      // connection.
      Optional<SocketModeApp> socketMode =
          slackSettings.appToken().isEmpty()
              ? Optional.empty()
              : Optional.of(new SocketModeApp(slackSettings.appToken().get().value(), app));
      List<ReadinessCheck> checks =
          new ArrayList<>(List.of(database, new SlackAuthCheck(slack.methods(botToken), clock)));
      socketMode.map(SocketModeCheck::new).ifPresent(checks::add);
      var http = new HttpFront(config.port(), endpoint, checks, metrics);
      List<Bot.Service> services =
          List.of(
              () -> quartz.deleteJob(UNTOLD_CHANGES),
              reminders::start,
              execution::start,
              () -> BundleRetention.schedule(quartz),
              () -> DigestJob.schedule(quartz, DigestJob.EVERY),
              outbox::start,
              plans::resume,
              () -> NudgeJob.schedule(quartz, NUDGE_SWEEP_EVERY));
      return new Bot(app, http, database, reminders, services, resources, socketMode);
    } catch (Exception | Error e) {
      Bot.closeAll(resources);
      throw e;
    }
  }

  /**
   * The request outbox's dispatcher and what it posts with, as one instance of the bot runs it
   * (public: tests run several instances over one database the same way).
   */
  public static OutboxDispatcher outbox(
      MethodsClient slack,
      SlackCalls calls,
      DataSource dataSource,
      RequestStores stores,
      RequestText text,
      ApprovalMessage approval,
      Config config,
      Clock clock,
      String owner,
      OutboxDispatcher.Settings settings) {
    var slackSettings = config.slack();
    var dms = new DirectMessageChannels(dataSource, slack, calls, clock);
    var reports =
        new ReportPoster(
            slack,
            calls,
            new RunReportText(text),
            config.directory(),
            slackSettings.supportChannel(),
            slackSettings.defaultLanguage(),
            new BundleDelivery(slack, text.messages(), config.bundles()),
            dms);
    var notifier =
        new RequestNotifier(
            slack,
            calls,
            stores.requests(),
            stores.plans(),
            text,
            approval,
            config.directory(),
            slackSettings.supportChannel(),
            slackSettings.defaultLanguage(),
            dms,
            reports);
    return new OutboxDispatcher(stores.outbox(), notifier, clock, owner, settings);
  }

  /**
   * An executor that, at shutdown, gets a few seconds to finish what it was given, then is
   * interrupted and waited for again: what it runs uses the database, closed after it.
   */
  private static <E extends ExecutorService> E executor(List<AutoCloseable> resources, E executor) {
    resources.add(() -> {
      executor.shutdown();
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
      }
    });
    return executor;
  }
}
