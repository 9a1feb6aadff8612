package ca.gc.fsdh.bot.requests.slack;

import ca.gc.fsdh.bot.app.Wiring;
import ca.gc.fsdh.bot.migration.client.WorkspaceHost;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.platform.audit.JdbcAuditLog;
import ca.gc.fsdh.bot.platform.config.Config;
import ca.gc.fsdh.bot.platform.config.ConfigLoader;
import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.requests.JdbcRequestStore;
import ca.gc.fsdh.bot.requests.JdbcRunLeases;
import ca.gc.fsdh.bot.requests.NewRequest;
import ca.gc.fsdh.bot.requests.RequestEngine;
import ca.gc.fsdh.bot.requests.RequestFixtures;
import ca.gc.fsdh.bot.requests.RequestKind;
import ca.gc.fsdh.bot.requests.RequestOptions;
import ca.gc.fsdh.bot.requests.RequestService;
import ca.gc.fsdh.bot.requests.RequestState;
import ca.gc.fsdh.bot.requests.RequestStores;
import ca.gc.fsdh.bot.requests.RunReport;
import ca.gc.fsdh.bot.requests.RunWorker;
import ca.gc.fsdh.bot.slackkit.SlackCalls;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bot instance's request side over a shared database, built as {@link Wiring} builds it: its
 * own connection pool, the request store, service and worker, and the request outbox's dispatcher
 * posting to the Slack stand-in through the real Slack client. Runs use an engine that returns a
 * clean report.
 */
final class RequestsInstance implements AutoCloseable {
  static final int WORKSPACES = 20;

  /**
   * Claims last a minute as in production; the dispatcher looks at the outbox more often than it
   * does there.
   */
  static final OutboxDispatcher.Settings SETTINGS =
      new OutboxDispatcher.Settings(
          8, Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofSeconds(10));

  /**
   * Posts to one channel are paced, but faster than Slack's second: 20 approval messages would take
   * 20 s.
   */
  static final Duration PER_CHANNEL = Duration.ofMillis(50);

  private static final RunReport CLEAN = RequestFixtures.cleanReport(2);

  final Database db;
  final JdbcRequestStore store;
  final RequestService service;
  final RunWorker worker;
  final OutboxDispatcher outbox;
  private final Slack slackClient;

  RequestsInstance(
      DatabaseSettings database,
      FakeSlackApi slack,
      Path dir,
      Clock clock,
      String owner,
      OutboxDispatcher.Settings settings,
      UnaryOperator<MethodsClient> client) {
    db = Database.open(database);
    Config config = config(slack, dir);
    var slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(slack.apiUrl());
    slackClient = Slack.getInstance(slackConfig);
    MethodsClient methods = client.apply(slackClient.methods(SandboxConfig.BOT_TOKEN));
    store = new JdbcRequestStore(db.dataSource());
    var text = new RequestText(new Messages(), config.directory());
    outbox =
        Wiring.outbox(
            methods,
            new SlackCalls(clock, PER_CHANNEL),
            db.dataSource(),
            RequestStores.jdbc(db.dataSource()),
            text,
            new ApprovalMessage(text, Language.EN),
            config,
            clock,
            owner,
            settings);
    service =
        new RequestService(
            store,
            new JdbcAuditLog(db.dataSource()),
            config.directory(),
            user -> user.startsWith("U0SUPPORT"),
            outbox,
            clock);
    RequestEngine engine = (request, progress) -> CLEAN;
    worker =
        new RunWorker(
            store,
            new JdbcRunLeases(db.dataSource()),
            engine,
            outbox,
            RunWorker.ProgressReporter.NONE,
            clock,
            owner,
            RunWorker.LEASE);
    outbox.start();
  }

  static String lead(int n) {
    return String.format("U0L%06d", n);
  }

  static String acronym(int n) {
    return String.format("W%06d", n);
  }

  long create(int n) {
    return service
        .create(
            new NewRequest(
                RequestKind.MIGRATE,
                acronym(n),
                lead(n),
                ResourceType.ALL,
                RequestOptions.DEFAULT,
                Optional.empty(),
                "trigger-" + n))
        .request()
        .orElseThrow()
        .id();
  }

  /** Approves the request and runs it to its end (SUCCEEDED). */
  void approveAndRun(long id) {
    service.approve(id, "U0SUPPORT1");
    worker.run(id);
  }

  /** Messages of the request outbox not posted yet (pending). */
  int waiting() {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT COUNT(*) FROM request_outbox WHERE status = 'PENDING'")) {
      r.next();
      return r.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether the first message waiting in the request's requester lane was tried, failed, and is
   * back in the outbox (no post of it is on its way to Slack).
   */
  boolean requesterLaneFailedAndWaits(long requestId) {
    String sql =
        "SELECT COUNT(*) FROM request_outbox o WHERE o.request_id = ? AND o.lane = 'REQUESTER'"
            + " AND o.status = 'PENDING' AND o.attempts > 0 AND o.claimed_by IS NULL AND o.seq = (SELECT MIN(p.seq)"
            + " FROM request_outbox p WHERE p.request_id = o.request_id AND p.lane = o.lane AND p.status = 'PENDING')";
    try (Connection c = db.dataSource().getConnection();
        var s = c.prepareStatement(sql)) {
      s.setLong(1, requestId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1) == 1;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Stops as a killed process does: its connections go first, so nothing it does afterwards is
   * stored.
   */
  void kill() throws Exception {
    db.close();
    outbox.close();
    slackClient.close();
  }

  @Override
  public void close() {
    outbox.close();
    db.close();
    try {
      slackClient.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("could not close the Slack client", e);
    }
  }

  /** The example configuration with {@link #WORKSPACES} generated workspaces, one lead each. */
  static Config config(FakeSlackApi slack, Path dir) {
    String example = SandboxConfig.exampleYaml();
    StringBuilder yaml =
        new StringBuilder(example.substring(0, example.indexOf("workspaces:")))
            .append("workspaces:\n");
    for (int n = 1; n <= WORKSPACES; n++) {
      yaml.append("  - {acronym: ")
          .append(acronym(n))
          .append(", nameEn: Test ")
          .append(n)
          .append(", nameFr: Essai ")
          .append(n)
          .append(", lead: ")
          .append(lead(n))
          .append(", leadChannel: C0L")
          .append(String.format("%06d", n))
          .append(", pocHost: 'http://127.0.0.1:9', prodHost: 'http://127.0.0.1:9'}\n");
    }
    yaml.append(example.substring(example.indexOf("deadlines:")));
    return new ConfigLoader(SandboxConfig.environment(slack.apiUrl(), dir), WorkspaceHost::problem)
        .parse(yaml.toString(), "test.yml");
  }

  /**
   * What one requester read in their direct messages, in order: each state told, and REPORT for a
   * report.
   */
  static List<String> toldTo(FakeSlackApi slack, String user) {
    return told(slack.messages("D" + user).stream().map(m -> m.path("text").asText()).toList());
  }

  /** What these direct messages tell, in order: each state told, and REPORT for a report. */
  static List<String> told(List<String> directMessages) {
    var messages = new Messages();
    Pattern stateMessage =
        Pattern.compile(
            "^Your request #\\d+ \\(.*?\\) is now \\*([^*]+)\\*"
                + "(?: \\(since my last message: (.+?)\\))?\\.",
            Pattern.MULTILINE);
    List<String> told = new ArrayList<>();
    for (String text : directMessages) {
      Matcher state = stateMessage.matcher(text);
      if (state.find()) {
        String[] labels =
            state.group(2) == null ? new String[] {state.group(1)} : state.group(2).split(" → ");
        for (String label : labels) {
          told.add(stateOf(messages, label));
        }
      } else if (text.startsWith("*Request #")) {
        told.add("REPORT");
      } else {
        told.add("UNEXPECTED: " + text);
      }
    }
    return told;
  }

  private static String stateOf(Messages messages, String label) {
    for (RequestState s : RequestState.values()) {
      if (messages.text(Language.EN, s.messageKey()).equals(label)) {
        return s.name();
      }
    }
    return "UNKNOWN STATE: " + label;
  }
}
