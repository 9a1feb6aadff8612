package ca.gc.fsdh.bot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.campaign.slack.CampaignText;
import ca.gc.fsdh.bot.campaign.slack.ChartUpload;
import ca.gc.fsdh.bot.campaign.slack.WeeklyDigest;
import ca.gc.fsdh.bot.platform.config.Config;
import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.platform.i18n.Messages;
import ca.gc.fsdh.bot.reminders.CurrentDeadlines;
import ca.gc.fsdh.bot.reminders.MilestoneOverrides;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.AdjustableClock;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackCall;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackFault;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The weekly digest with a controllable clock, posted by instances wired as the bot wires them
 * against the Slack stand-in: once per week across two instances on one PostgreSQL, never before
 * its time, skipped when the bot comes back too late, text alone when the chart cannot go.
 */
class WeeklyDigestTest {
  private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

  /** Monday 30 November 2026, the example configuration's digest time (Mondays at 09:00). */
  private static final Instant DUE =
      LocalDateTime.of(2026, 11, 30, 9, 0).atZone(TORONTO).toInstant();

  private final FakeSlackApi slack = SandboxConfig.slack();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
    slack.close();
  }

  private WeeklyDigest instance(DatabaseSettings db, AdjustableClock clock, String owner)
      throws Exception {
    Config config =
        SandboxConfig.load(
            SandboxConfig.environment(slack.apiUrl(), Files.createTempDirectory("fsdh-digest-")));
    Database database = Database.open(db);
    open.add(database);
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(slack.apiUrl());
    Slack client = Slack.getInstance(slackConfig);
    open.add(client);
    var methods = client.methods(SandboxConfig.BOT_TOKEN);
    var messages = new Messages();
    var text = new CampaignText(messages);
    var campaign =
        new Campaign(
            config.directory(),
            new CurrentDeadlines(config.deadlines(), new MilestoneOverrides(database.dataSource())),
            new RequestHistory(database.dataSource()),
            config.campaign(),
            clock);
    return new WeeklyDigest(
        campaign,
        text,
        new ChartUpload(
            methods, new BurnDownChart(messages, TORONTO), text, SandboxConfig.SUPPORT_CHANNEL),
        new DigestClaims(database.dataSource()),
        DigestSchedule.of(config.campaign(), TORONTO),
        methods,
        SandboxConfig.SUPPORT_CHANNEL,
        Language.EN,
        true,
        clock,
        owner);
  }

  /** Every instance runs the check from four threads at once; how many posted. */
  private static long runEverywhere(WeeklyDigest... instances) throws Exception {
    var pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> runs = new ArrayList<>();
      for (WeeklyDigest d : instances) {
        for (int i = 0; i < 4; i++) {
          runs.add(d::runIfDue);
        }
      }
      long posted = 0;
      for (Future<Boolean> f : pool.invokeAll(runs)) {
        posted += f.get() ? 1 : 0;
      }
      return posted;
    } finally {
      pool.shutdownNow();
    }
  }

  private List<SlackCall> digests() {
    return slack.calls("files.completeUploadExternal");
  }

  @Test
  void twoInstancesOnOnePostgresPostEachWeeksDigestOnceAndNeverBeforeItsTime() throws Exception {
    DatabaseSettings db = TestDatabases.postgres();
    var clock = new AdjustableClock(DUE.minusSeconds(60));
    WeeklyDigest a = instance(db, clock, "bot-a");
    WeeklyDigest b = instance(db, clock, "bot-b");

    assertThat(runEverywhere(a, b)).isZero();
    assertThat(digests()).isEmpty();

    clock.set(DUE.plusSeconds(30));
    assertThat(runEverywhere(a, b)).isEqualTo(1);
    assertThat(digests()).hasSize(1);
    SlackCall done = digests().getFirst();
    assertThat(done.param("channel_id")).isEqualTo(SandboxConfig.SUPPORT_CHANNEL);
    assertThat(done.param("initial_comment"))
        .contains(
            "*Weekly campaign digest*",
            "• Not started: 3",
            "*At risk* (3)",
            "*Résumé hebdomadaire de la campagne*");
    var file =
        slack.files().values().stream()
            .filter(f -> SandboxConfig.SUPPORT_CHANNEL.equals(f.channel()))
            .findFirst()
            .orElseThrow();
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(file.bytes()));
    assertThat(png.getWidth()).isEqualTo(BurnDownChart.WIDTH);
    assertThat(file.altText()).startsWith("Burn-down chart: 3 of 3 workspaces remain today.");

    clock.set(DUE.plus(Duration.ofHours(5)));
    assertThat(runEverywhere(a, b)).isZero();
    clock.set(DUE.plus(Duration.ofDays(7)).minusSeconds(1));
    assertThat(runEverywhere(a, b)).isZero();
    clock.set(DUE.plus(Duration.ofDays(7)));
    assertThat(runEverywhere(a, b)).isEqualTo(1);
    assertThat(digests()).hasSize(2);
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aDigestMissedForMoreThanADayIsSkippedAndARestartWithinItPostsItOnce(TestDatabases.Kind kind)
      throws Exception {
    DatabaseSettings db = kind.fresh();
    var clock = new AdjustableClock(DUE.plus(DigestSchedule.GRACE).plusSeconds(1));
    assertThat(instance(db, clock, "bot-a").runIfDue()).isFalse();
    assertThat(digests()).isEmpty();

    clock.set(DUE.plus(Duration.ofDays(7)).plus(Duration.ofHours(3)));
    assertThat(instance(db, clock, "bot-a").runIfDue()).isTrue();
    // The same instance restarted (a new owner) finds the week claimed.
    assertThat(instance(db, clock, "bot-a-restarted").runIfDue()).isFalse();
    assertThat(digests()).hasSize(1);
  }

  @Test
  void whenTheChartCannotBeUploadedTheTextGoesAlone() throws Exception {
    var clock = new AdjustableClock(DUE.plusSeconds(5));
    WeeklyDigest d = instance(TestDatabases.h2(), clock, "bot-a");
    slack.inject(new SlackFault("files.getUploadURLExternal", 500, 0, 20));
    assertThat(d.runIfDue()).isTrue();
    assertThat(digests()).isEmpty();
    assertThat(slack.messages(SandboxConfig.SUPPORT_CHANNEL))
        .singleElement()
        .satisfies(m -> assertThat(m.path("text").asText()).contains("*Weekly campaign digest*"));
  }
}
