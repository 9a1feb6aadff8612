package ca.gc.fsdh.bot.reminders;

import static ca.gc.fsdh.bot.reminders.ReminderFixture.FINAL;
import static ca.gc.fsdh.bot.reminders.ReminderFixture.TORONTO;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.Language;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.reminders.WorkspaceStanding.Standing;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.AdjustableClock;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import ca.gc.fsdh.bot.tools.sandbox.slack.SlackFault;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reminders through real Quartz (JDBC job store), the real Slack SDK and the Slack stand-in over
 * HTTP, on H2 and on PostgreSQL, with the clock set just before the reminder is due.
 */
class ReminderDeliveryOverHttpTest {
  private static final Instant SEVEN_DAYS_BEFORE =
      ZonedDateTime.of(2025, 11, 21, 9, 30, 0, 0, TORONTO).toInstant();
  private FakeSlackApi slack;
  private Database db;
  private Reminders reminders;

  @AfterEach
  void stop() throws Exception {
    if (reminders != null) {
      reminders.close();
    }
    if (db != null) {
      db.close();
    }
    if (slack != null) {
      slack.close();
    }
  }

  private Reminders start(
      TestDatabases.Kind kind,
      Deadlines deadlines,
      WorkspaceDirectory directory,
      WorkspaceStanding standings,
      AdjustableClock clock)
      throws Exception {
    slack = SandboxConfig.slack();
    var settings = kind.fresh();
    db = Database.open(settings);
    reminders =
        ReminderFixture.instance(settings, db, deadlines, directory, standings, slack, clock);
    // A slot already due when planned is not planned: the time is set after the set-up, just before
    // the start.
    clock.set(SEVEN_DAYS_BEFORE.minusSeconds(2));
    return reminders.start();
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void eachWorkspaceGetsItsTailoredReminderInItsLeadChannelAtTheLocalReminderTime(
      TestDatabases.Kind kind) throws Exception {
    var clock = new AdjustableClock(SEVEN_DAYS_BEFORE.minusSeconds(2));
    var directory =
        new WorkspaceDirectory(
            List.of(
                ReminderFixture.workspace("OCEAN", Language.EN, false),
                ReminderFixture.workspace("FORET", Language.FR, false),
                ReminderFixture.workspace("ARCTIC", Language.EN, true),
                ReminderFixture.workspace("DONE", Language.EN, false),
                ReminderFixture.workspace("WAIT", Language.FR, false)));
    var standings = new ReminderFixture.Standings();
    standings.byAcronym.put("DONE", Standing.DONE);
    standings.byAcronym.put("WAIT", Standing.PENDING);
    start(kind, ReminderFixture.deadlines(FINAL, 50), directory, standings, clock);

    // Wait for the stored outcome, not for the posts: a post lands before its row is marked SENT.
    Await.until(
        Duration.ofSeconds(20),
        "four reminders recorded as sent",
        () -> reminders.deliveries.counts().getOrDefault(DeliveryStatus.SENT, 0) == 4);
    assertThat(slack.calls("chat.postMessage")).hasSize(4);
    assertThat(slack.messages("C0OCEAN")).hasSize(1);
    assertThat(slack.messages("C0DONE")).isEmpty();

    String ocean = slack.messages("C0OCEAN").getFirst().path("text").asText();
    assertThat(ocean)
        .startsWith(":alarm_clock: *OCEAN — OCEAN science*")
        .contains(
            "Friday, November 28, 2025 (in 7 days)",
            "`/fsdh migrate OCEAN`",
            "vendredi 28 novembre 2025 (dans 7 jours)");
    assertThat(ocean.indexOf("Final date")).isLessThan(ocean.indexOf("Date limite"));

    String foret = slack.messages("C0FORET").getFirst().path("text").asText();
    assertThat(foret.indexOf("Date limite")).isLessThan(foret.indexOf("Final date"));

    assertThat(slack.messages("C0ARCTIC").getFirst().path("text").asText())
        .contains(
            "must be offboarded", "`/fsdh offboard ARCTIC`", "doit faire l’objet d’un retrait")
        .doesNotContain("/fsdh migrate");
    assertThat(slack.messages("C0WAIT").getFirst().path("text").asText())
        .contains("attend l’approbation", "waiting for the approval");

    for (Instant sent : sentTimes()) {
      var local = sent.atZone(TORONTO);
      assertThat(local.toLocalDate()).isEqualTo(LocalDate.of(2025, 11, 21));
      assertThat(local.toLocalTime()).isBetween(LocalTime.of(9, 30), LocalTime.of(9, 30, 10));
    }
    assertThat(reminders.deliveries.counts())
        .containsEntry(DeliveryStatus.SENT, 4)
        .containsEntry(DeliveryStatus.SKIPPED, 1);
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void a429WaitsForRetryAfterAndA503IsRetriedLaterWithoutLossOrDuplicate(TestDatabases.Kind kind)
      throws Exception {
    var clock = new AdjustableClock(SEVEN_DAYS_BEFORE.minusSeconds(2));
    slack = null;
    var directory = ReminderFixture.directory(3);
    var slackApi = SandboxConfig.slack();
    slackApi.inject(SlackFault.rateLimited("chat.postMessage", 2, 1));
    slackApi.inject(SlackFault.serverError("chat.postMessage", 503, 1));
    slack = slackApi;
    var settings = kind.fresh();
    db = Database.open(settings);
    reminders =
        ReminderFixture.instance(
            settings,
            db,
            ReminderFixture.deadlines(FINAL, 50),
            directory,
            new ReminderFixture.Standings(),
            slackApi,
            clock);
    clock.set(SEVEN_DAYS_BEFORE.minusSeconds(2));
    reminders.start();

    Await.until(
        Duration.ofSeconds(30),
        "three reminders posted",
        () -> reminders.deliveries.counts().getOrDefault(DeliveryStatus.SENT, 0) == 3);
    assertThat(List.of("C0W0", "C0W1", "C0W2"))
        .allSatisfy(channel -> assertThat(slack.messages(channel)).hasSize(1));
    assertThat(slack.calls("chat.postMessage")).hasSize(5); // 3 delivered + the 429 + the 503
    assertThat(attemptsTotal()).isEqualTo(5);
  }

  private List<Instant> sentTimes() throws Exception {
    try (Connection c = db.dataSource().getConnection();
        ResultSet r =
            c.createStatement()
                .executeQuery("SELECT sent_at FROM reminder_delivery WHERE status = 'SENT'")) {
      var out = new ArrayList<Instant>();
      while (r.next()) {
        out.add(r.getTimestamp(1).toInstant());
      }
      return out;
    }
  }

  private int attemptsTotal() throws Exception {
    try (Connection c = db.dataSource().getConnection();
        ResultSet r =
            c.createStatement().executeQuery("SELECT sum(attempts) FROM reminder_delivery")) {
      r.next();
      return r.getInt(1);
    }
  }
}
