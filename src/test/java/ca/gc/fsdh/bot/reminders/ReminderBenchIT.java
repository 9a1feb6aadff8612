package ca.gc.fsdh.bot.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.Milestone;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.AdjustableClock;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import ch.qos.logback.classic.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminders benchmark (not part of the default build: {@code *IT} classes are excluded). Run:
 * {@code mvn -B -q test -Dtest=ReminderBenchIT [-Dbench.workspaces=2000] [-Dbench.rate=200]}.
 *
 * <p>2,000 workspaces; every offset of one milestone due at once (the reminders missed during a
 * long stop, plus the one due now); two bot instances, each with its Quartz scheduler and courier,
 * on one real PostgreSQL, posting over HTTP to the Slack stand-in. Prints planning time, delivery
 * time against the pacing bound, duplicates and losses. It checks correctness only; the figures are
 * printed.
 */
@Tag("bench")
class ReminderBenchIT {
  private static final LocalDate MILESTONE = LocalDate.of(2025, 11, 28);

  @Test
  void twoThousandWorkspacesEveryOffsetDueTwoInstancesOnePostgres() throws Exception {
    int workspaces = Integer.getInteger("bench.workspaces", 2000);
    double rate = Double.parseDouble(System.getProperty("bench.rate", "200"));
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.WARN);
    List<Integer> offsets = List.of(30, 14, 7, 3, 1, 0);
    var deadlines =
        new Deadlines(
            ReminderFixture.TORONTO,
            LocalTime.of(9, 30),
            offsets,
            Set.of(),
            List.of(new Milestone("final-date", MILESTONE, "Final date", "Date limite")),
            rate);
    WorkspaceDirectory directory = ReminderFixture.directory(workspaces);
    DatabaseSettings db = TestDatabases.postgres();
    var clock =
        new AdjustableClock(
            MILESTONE.minusDays(40).atTime(9, 0).atZone(ReminderFixture.TORONTO).toInstant());
    try (FakeSlackApi slack = SandboxConfig.slack();
        Database poolA = Database.open(db);
        Database poolB = Database.open(db)) {
      var progress = new ReminderFixture.Standings();
      Reminders a =
          ReminderFixture.instance(db, poolA, deadlines, directory, progress, slack, clock);
      Reminders b =
          ReminderFixture.instance(db, poolB, deadlines, directory, progress, slack, clock);
      try (a;
          b) {
        a.start();
        b.start();

        // Re-planning after a date change, 2,000 workspaces in the directory.
        long t = System.nanoTime();
        a.deadlines.change("final-date", MILESTONE.plusDays(7), "bench", clock.instant());
        var moved = a.scheduler.plan();
        a.deadlines.change("final-date", MILESTONE, "bench", clock.instant());
        var back = a.scheduler.plan();
        Duration replan = Duration.ofNanos(System.nanoTime() - t);

        // Jump to the milestone's own reminder: the five earlier offsets are now missed, the last
        // is due.
        clock.set(
            MILESTONE.atTime(9, 30).atZone(ReminderFixture.TORONTO).toInstant().minusMillis(200));
        long start = System.nanoTime();
        a.scheduler.plan();
        int expected = workspaces * offsets.size();
        long enqueuedAt = 0;
        while (finalRows(poolA) < expected) {
          if (enqueuedAt == 0 && rows(poolA) == expected) {
            enqueuedAt = System.nanoTime();
          }
          if (Duration.ofNanos(System.nanoTime() - start).toMinutes() > 15) {
            break;
          }
          Thread.sleep(100);
        }
        Duration delivery = Duration.ofNanos(System.nanoTime() - start);
        Thread.sleep(2000); // a late duplicate would show here

        int posts = slack.calls("chat.postMessage").size();
        int sent = count(poolA, "SELECT count(*) FROM reminder_delivery WHERE status = 'SENT'");
        int distinctTs =
            count(
                poolA,
                "SELECT count(DISTINCT message_ts) FROM reminder_delivery WHERE status = 'SENT'");
        double boundSeconds = Math.max(expected / rate, (offsets.size() - 1) * 1.0);
        double ratio = delivery.toMillis() / 1000.0 / boundSeconds;
        System.out.printf(
            "reminders bench: %d workspaces x %d offsets = %d reminders, 2 instances, PostgreSQL, rate %.0f/s%n",
            workspaces, offsets.size(), expected, rate);
        System.out.printf(
            "re-planning after a date change (twice, %d workspaces): %d ms (moved %d, then %d)%n",
            workspaces, replan.toMillis(), moved.moved(), back.moved());
        System.out.printf(
            "fan-out enqueue of %d rows: %d ms%n",
            expected, enqueuedAt == 0 ? -1 : Duration.ofNanos(enqueuedAt - start).toMillis());
        System.out.printf(
            "delivery: %.1f s; pacing bound %.1f s (%d / %.0f per s); ratio %.3f (target <= 1.1)%n",
            delivery.toMillis() / 1000.0, boundSeconds, expected, rate, ratio);
        System.out.printf(
            "posted %d, SENT rows %d, duplicates %d, losses %d%n",
            posts, sent, posts - distinctTs, expected - sent);
        System.out.printf(
            "shortest gap between two posts to one channel: %d ms (limit 1000)%n",
            minChannelGapMillis(poolA));
        assertThat(posts - distinctTs).as("duplicates").isZero();
        assertThat(expected - sent).as("losses").isZero();
      }
    }
  }

  private static int rows(Database db) throws Exception {
    return count(db, "SELECT count(*) FROM reminder_delivery");
  }

  private static int finalRows(Database db) throws Exception {
    return count(
        db, "SELECT count(*) FROM reminder_delivery WHERE status NOT IN ('PENDING', 'SENDING')");
  }

  private static long minChannelGapMillis(Database db) throws Exception {
    return count(
        db,
        "SELECT CAST(min(EXTRACT(EPOCH FROM gap) * 1000) AS INTEGER) FROM ("
            + "SELECT sent_at - lag(sent_at) OVER (PARTITION BY channel ORDER BY sent_at) AS gap FROM reminder_delivery"
            + " WHERE status = 'SENT') g WHERE gap IS NOT NULL");
  }

  private static int count(Database db, String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    }
  }
}
