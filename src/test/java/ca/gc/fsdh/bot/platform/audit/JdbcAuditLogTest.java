package ca.gc.fsdh.bot.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.testing.TestDatabases;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcAuditLogTest {
  private static final Instant T0 = Instant.parse("2025-11-03T14:00:00Z");

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void recordsEntriesAndReadsThemBackPerRequestAndNewestFirst(TestDatabases.Kind kind) {
    try (Database db = Database.open(kind.fresh())) {
      var log = new JdbcAuditLog(db.dataSource());
      log.record(
          new AuditEntry(
              T0,
              "U0ADALOVE",
              "request.create",
              "ok",
              Optional.of("OCEAN"),
              Optional.of(7L),
              Optional.of("migrate")));
      log.record(
          new AuditEntry(
              T0.plusSeconds(60),
              "U0MARIECU",
              "request.approve",
              "refused",
              Optional.of("OCEAN"),
              Optional.of(7L),
              Optional.of("not in the support group")));
      log.record(
          new AuditEntry(
              T0.plusSeconds(120),
              "system",
              "reminders.plan",
              "ok",
              Optional.empty(),
              Optional.empty(),
              Optional.empty()));

      assertThat(log.forRequest(7L))
          .extracting(AuditEntry::action)
          .containsExactly("request.create", "request.approve");
      assertThat(log.forRequest(8L)).isEmpty();
      var recent = log.recent(2);
      assertThat(recent)
          .extracting(AuditEntry::action)
          .containsExactly("reminders.plan", "request.approve");
      assertThat(recent.get(0).requestId()).isEmpty();
      assertThat(recent.get(0).workspace()).isEmpty();
      assertThat(recent.get(1).at().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(T0.plusSeconds(60));
      assertThat(recent.get(1).detail()).contains("not in the support group");
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void cutsAnOverlongDetailInsteadOfFailing(TestDatabases.Kind kind) {
    try (Database db = Database.open(kind.fresh())) {
      var log = new JdbcAuditLog(db.dataSource());
      log.record(
          new AuditEntry(
              T0,
              "U0ADALOVE",
              "request.create",
              "ok",
              Optional.empty(),
              Optional.of(1L),
              Optional.of("x".repeat(5000))));
      assertThat(log.forRequest(1L).get(0).detail().orElseThrow()).hasSize(1000);
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void cutsEveryTextToItsColumnSoThatAForgedActorCannotLoseTheEntry(TestDatabases.Kind kind) {
    try (Database db = Database.open(kind.fresh())) {
      var log = new JdbcAuditLog(db.dataSource());
      String actor =
          "U" + "9".repeat(62) + "\uD83D\uDE00" + "9".repeat(500); // an emoji across the 64th char
      log.record(
          new AuditEntry(
              T0,
              actor,
              "request." + "a".repeat(100),
              "refused" + "!".repeat(50),
              Optional.of("OCEAN-TOO-LONG-ACRONYM"),
              Optional.of(2L),
              Optional.of("d".repeat(5000))));
      AuditEntry row = log.forRequest(2L).get(0);
      assertThat(row.actor()).isEqualTo("U" + "9".repeat(62));
      assertThat(row.action()).hasSize(64).startsWith("request.aaa");
      assertThat(row.outcome()).hasSize(32).startsWith("refused!");
      assertThat(row.workspace()).contains("OCEAN-TOO-");
      assertThat(row.detail().orElseThrow()).hasSize(1000);
    }
  }
}
