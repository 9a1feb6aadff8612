package ca.gc.fsdh.bot.reminders;

import static ca.gc.fsdh.bot.reminders.ReminderFixture.FINAL;
import static ca.gc.fsdh.bot.reminders.ReminderFixture.TORONTO;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.platform.config.Deadlines;
import ca.gc.fsdh.bot.platform.config.WorkspaceDirectory;
import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.testing.TestDatabases;
import ca.gc.fsdh.bot.tools.sandbox.AdjustableClock;
import ca.gc.fsdh.bot.tools.sandbox.SandboxConfig;
import ca.gc.fsdh.bot.tools.sandbox.slack.FakeSlackApi;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Restarts, two instances on one PostgreSQL, downtime and date changes: each reminder once, or not
 * at all.
 */
class ReminderExactlyOnceTest {
  private static final Instant DUE_7 =
      ZonedDateTime.of(2025, 11, 21, 9, 30, 0, 0, TORONTO).toInstant();
  private final FakeSlackApi slack = SandboxConfig.slack();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
    slack.close();
  }

  private Reminders instance(
      DatabaseSettings db, Deadlines deadlines, WorkspaceDirectory directory, AdjustableClock clock)
      throws Exception {
    Database pool = Database.open(db);
    open.add(pool);
    Reminders r =
        ReminderFixture.instance(
            db, pool, deadlines, directory, new ReminderFixture.Standings(), slack, clock);
    open.add(r);
    return r;
  }

  private Map<String, Long> postsPerChannel() {
    return slack.calls("chat.postMessage").stream()
        .collect(Collectors.groupingBy(c -> c.param("channel"), Collectors.counting()));
  }

  @Test
  void twoInstancesOnOnePostgresPostEachReminderOnce() throws Exception {
    DatabaseSettings db = TestDatabases.postgres();
    var directory = ReminderFixture.directory(60);
    var deadlines = ReminderFixture.deadlines(FINAL, 40);
    var clock = new AdjustableClock(DUE_7.minusSeconds(3));
    Reminders a = instance(db, deadlines, directory, clock);
    Reminders b = instance(db, deadlines, directory, clock);
    clock.set(
        DUE_7.minusSeconds(3)); // after the set-up, which may take seconds on a loaded machine
    a.start();
    b.start();

    Await.until(
        Duration.ofSeconds(40), "60 reminders", () -> slack.calls("chat.postMessage").size() >= 60);
    // a post lands before its row is marked SENT: wait for the stored outcome too
    Await.until(
        Duration.ofSeconds(20),
        "60 reminders recorded as sent",
        () -> a.deliveries.counts().getOrDefault(DeliveryStatus.SENT, 0) == 60);
    Thread.sleep(1500); // let a late duplicate show itself, if any
    assertThat(postsPerChannel())
        .hasSize(60)
        .allSatisfy((channel, n) -> assertThat(n).as(channel).isEqualTo(1));
    assertThat(a.deliveries.counts()).containsExactlyEntriesOf(Map.of(DeliveryStatus.SENT, 60));
    assertThat(b.deliveries.counts()).isEqualTo(a.deliveries.counts());
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aRestartInTheMiddleOfAFanOutNeitherRepeatsNorLosesAReminder(TestDatabases.Kind kind)
      throws Exception {
    DatabaseSettings db = kind.fresh();
    var directory = ReminderFixture.directory(24);
    var deadlines = ReminderFixture.deadlines(FINAL, 8); // three seconds of posting
    var clock = new AdjustableClock(DUE_7.minusSeconds(2));
    Reminders first = instance(db, deadlines, directory, clock);
    // A slot already due when planned is not planned: set the time after the set-up, just before
    // the start.
    clock.set(DUE_7.minusSeconds(2));
    first.start();
    Await.until(
        Duration.ofSeconds(20),
        "the fan-out to start",
        () -> slack.calls("chat.postMessage").size() >= 6);
    first.close();
    int beforeRestart = slack.calls("chat.postMessage").size();
    assertThat(beforeRestart).isBetween(6, 23);

    instance(db, deadlines, directory, clock).start();
    Await.until(
        Duration.ofSeconds(30),
        "the rest of the fan-out",
        () -> slack.calls("chat.postMessage").size() >= 24);
    Thread.sleep(1500);
    assertThat(postsPerChannel())
        .hasSize(24)
        .allSatisfy((channel, n) -> assertThat(n).as(channel).isEqualTo(1));
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aReminderMissedWhileDownGoesOutOnceAtRestartIfItsMilestoneHasNotPassed(
      TestDatabases.Kind kind) throws Exception {
    DatabaseSettings db = kind.fresh();
    var directory = ReminderFixture.directory(3);
    var deadlines = ReminderFixture.deadlines(FINAL, 20);
    var clock = new AdjustableClock(DUE_7.minus(Duration.ofHours(1)));
    instance(db, deadlines, directory, clock)
        .start()
        .close(); // planned, then down before it was due
    clock.set(DUE_7.plus(Duration.ofHours(3))); // back the same day, three hours late
    instance(db, deadlines, directory, clock).start();
    Await.until(
        Duration.ofSeconds(20),
        "the missed reminders",
        () -> slack.calls("chat.postMessage").size() >= 3);
    Thread.sleep(1500);
    assertThat(postsPerChannel())
        .containsOnlyKeys("C0W0", "C0W1", "C0W2")
        .allSatisfy((c, n) -> assertThat(n).isEqualTo(1));
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aReminderMissedUntilItsMilestonePassedIsDroppedAndRecorded(TestDatabases.Kind kind)
      throws Exception {
    DatabaseSettings db = kind.fresh();
    var directory = ReminderFixture.directory(3);
    var deadlines = ReminderFixture.deadlines(FINAL, 20);
    var clock = new AdjustableClock(DUE_7.minus(Duration.ofHours(1)));
    instance(db, deadlines, directory, clock).start().close();
    clock.set(FINAL.plusDays(2).atTime(10, 0).atZone(TORONTO).toInstant());
    Reminders late = instance(db, deadlines, directory, clock).start();
    Await.until(
        Duration.ofSeconds(20),
        "the dropped rows",
        () -> late.deliveries.counts().getOrDefault(DeliveryStatus.DROPPED, 0) >= 3);
    assertThat(slack.calls("chat.postMessage")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aChangedDateIsReplannedAndNothingIsSentForTheOldDate(TestDatabases.Kind kind)
      throws Exception {
    DatabaseSettings db = kind.fresh();
    var directory = ReminderFixture.directory(2);
    var clock = new AdjustableClock(DUE_7.minusSeconds(3));
    Reminders r = instance(db, ReminderFixture.deadlines(FINAL, 20), directory, clock);
    clock.set(DUE_7.minusSeconds(3));
    r.start();
    var later = FINAL.plusDays(10); // Monday, December 8
    r.deadlines.change("final-date", later, "U0SUPPORT1", clock.instant());
    var result = r.scheduler.plan();
    assertThat(result.moved())
        .isEqualTo(4); // 7, 3, 1 and 0 days before; 30 and 14 had gone already
    assertThat(result.added()).isEqualTo(1); // 14 days before December 8 is still ahead
    Thread.sleep(4000); // past the old due time
    assertThat(slack.calls("chat.postMessage")).isEmpty();
    assertThat(r.scheduler.upcoming()).allMatch(s -> s.milestoneDate().equals(later));

    clock.set(
        DUE_7
            .plus(Duration.ofDays(10))
            .minusSeconds(2)); // Monday, December 1: the new 7-day reminder
    r.scheduler.plan();
    Await.until(
        Duration.ofSeconds(20),
        "the new date's reminders",
        () -> slack.calls("chat.postMessage").size() >= 2);
    assertThat(slack.calls("chat.postMessage"))
        .extracting(c -> c.param("text"))
        .allMatch(
            t -> t.contains("Monday, December 8, 2025 (in 7 days)") && !t.contains("November 28"));
  }

  @Test
  void rowsAPosterAbandonedMidPostAreMarkedUnconfirmedNeverResent() throws Exception {
    DatabaseSettings db = TestDatabases.h2();
    var clock = new AdjustableClock(DUE_7);
    Reminders r =
        instance(db, ReminderFixture.deadlines(FINAL, 20), ReminderFixture.directory(1), clock);
    var row = new Delivery("W0", "final-date", 7, FINAL, "C0W0", DeliveryStatus.PENDING, 0, DUE_7);
    r.deliveries.enqueue(List.of(row), DUE_7);
    assertThat(r.deliveries.claimNext("dead-instance", DUE_7)).isPresent();
    // The sweep passes "now - ABANDONED": a claim just made is not abandoned, an old one is.
    assertThat(r.deliveries.markUnconfirmed(DUE_7.minusSeconds(1))).isZero();
    assertThat(r.deliveries.markUnconfirmed(DUE_7.plusSeconds(1))).isEqualTo(1);
    r.courier.deliverPending();
    assertThat(slack.calls("chat.postMessage")).isEmpty();
    assertThat(r.deliveries.counts())
        .containsExactlyEntriesOf(Map.of(DeliveryStatus.UNCONFIRMED, 1));
  }
}
