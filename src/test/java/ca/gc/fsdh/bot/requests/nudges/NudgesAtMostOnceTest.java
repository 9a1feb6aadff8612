package ca.gc.fsdh.bot.requests.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.platform.config.ApprovalSettings;
import ca.gc.fsdh.bot.platform.config.BusinessDays;
import ca.gc.fsdh.bot.platform.config.Config;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.requests.JdbcRequestStore;
import ca.gc.fsdh.bot.requests.NewRequest;
import ca.gc.fsdh.bot.requests.RequestKind;
import ca.gc.fsdh.bot.requests.RequestOptions;
import ca.gc.fsdh.bot.requests.slack.NudgeMessage;
import ca.gc.fsdh.bot.requests.slack.RequestText;
import ca.gc.fsdh.bot.testing.MutableClock;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two bot instances (two sweepers, each with its own owner id) on one real PostgreSQL, posting over
 * HTTP to one Slack stand-in, sweeping at the same moment again and again, then a third started
 * later (a restart): each waiting request gets one nudge per business day, and one escalation.
 */
class NudgesAtMostOnceTest {
  private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

  /** A Monday, 10:00 in Toronto. */
  private static final Instant MADE = Instant.parse("2026-11-02T15:00:00Z");

  private FakeSlackApi slack;
  private Slack client;
  private Database db;
  private Config config;
  private MutableClock clock;
  private long requestId;

  @BeforeEach
  void setUp() throws Exception {
    slack = SandboxConfig.slack();
    config = SandboxConfig.load(SandboxConfig.environment(slack.apiUrl(), Path.of("/tmp")));
    db = Database.open(TestDatabases.postgres());
    clock = new MutableClock(MADE);
    var store = new JdbcRequestStore(db.dataSource());
    requestId =
        store
            .save(
                new NewRequest(
                    RequestKind.MIGRATE,
                    "OCEAN",
                    "U0ADALOVE",
                    ResourceType.ALL,
                    RequestOptions.DEFAULT,
                    Optional.empty(),
                    "trigger-1"),
                MADE)
            .request()
            .id();
    // the approval message, as the outbox posts it
    String ts = post(SandboxConfig.SUPPORT_CHANNEL);
    store.setSupportMessage(requestId, SandboxConfig.SUPPORT_CHANNEL, ts);
    slack.clearCalls();
  }

  private String post(String channel) throws Exception {
    var config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    client = Slack.getInstance(config);
    return client
        .methods(SandboxConfig.BOT_TOKEN)
        .chatPostMessage(m -> m.channel(channel).text("approval message"))
        .getTs();
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
    client.close();
    slack.close();
  }

  private Nudges instance(String owner) {
    var text = new RequestText(new Messages(), config.directory());
    return new Nudges(
        new WaitingRequests(db.dataSource()),
        new NudgeLedger(db.dataSource()),
        new NudgeMessage(
            client.methods(SandboxConfig.BOT_TOKEN),
            new JdbcRequestStore(db.dataSource()),
            text,
            Language.EN,
            ApprovalSettings.DEFAULT,
            SandboxConfig.SUPPORT_CHANNEL,
            SandboxConfig.SUPPORT_GROUP),
        ApprovalSettings.DEFAULT,
        new BusinessDays(config.deadlines().holidays()),
        TORONTO,
        () -> Optional.of(LocalDate.of(2026, 11, 30)),
        clock,
        owner);
  }

  /** Both instances sweep {@code rounds} times each, all at once; returns how many they posted. */
  private int sweepTogether(Nudges a, Nudges b, int rounds) throws Exception {
    var pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> sweeps = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        sweeps.add(a::sweep);
        sweeps.add(b::sweep);
      }
      int posted = 0;
      for (Future<Integer> f : pool.invokeAll(sweeps)) {
        posted += f.get();
      }
      return posted;
    } finally {
      pool.shutdown();
    }
  }

  private List<String> posts() {
    return slack.calls("chat.postMessage").stream()
        .map(c -> c.param("channel") + " " + c.param("thread_ts") + " " + c.param("text"))
        .toList();
  }

  @Test
  void eachBusinessDayOneNudgeThenOneEscalationAcrossInstancesAndRestarts() throws Exception {
    Nudges a = instance("bot-a");
    Nudges b = instance("bot-b");

    assertThat(sweepTogether(a, b, 5)).as("before one business day: nothing").isZero();
    clock.advance(Duration.ofHours(23).plusMinutes(59));
    assertThat(sweepTogether(a, b, 5)).as("a minute before one business day").isZero();

    clock.advance(Duration.ofMinutes(2)); // Tuesday 10:01
    assertThat(sweepTogether(a, b, 10)).isEqualTo(1);
    assertThat(posts()).hasSize(1);
    assertThat(posts().get(0))
        .startsWith(SandboxConfig.SUPPORT_CHANNEL + " ")
        .contains("has waited 1 business day for a decision")
        .contains("27 days are left before the final date (2026-11-30)");
    String threadTs = slack.calls("chat.postMessage").get(0).param("thread_ts");
    assertThat(threadTs).isNotNull();

    // a restart later that day: a new instance, a new owner id
    clock.advance(Duration.ofHours(3));
    assertThat(instance("bot-c").sweep()).as("after a restart, the same day").isZero();

    clock.advance(Duration.ofHours(21)); // Wednesday 10:01: escalation, once
    assertThat(sweepTogether(a, b, 10)).isEqualTo(1);
    assertThat(posts()).hasSize(2);
    assertThat(posts().get(1))
        .startsWith(SandboxConfig.SUPPORT_CHANNEL + " null ")
        .contains("<!subteam^" + SandboxConfig.SUPPORT_GROUP + ">")
        .contains("has waited 2 business days");

    clock.advance(Duration.ofDays(1)); // Thursday: a nudge again, not a second escalation
    assertThat(sweepTogether(a, b, 10)).isEqualTo(1);
    assertThat(posts().get(2)).contains(threadTs).doesNotContain("subteam");

    clock.advance(Duration.ofDays(2)); // Saturday: nothing
    assertThat(sweepTogether(a, b, 5)).isZero();
    assertThat(posts()).hasSize(3);
  }
}
