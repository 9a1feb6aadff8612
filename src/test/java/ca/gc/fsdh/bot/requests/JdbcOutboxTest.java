package ca.gc.fsdh.bot.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.fsdh.bot.platform.config.DatabaseSettings;
import ca.gc.fsdh.bot.platform.database.Database;
import ca.gc.fsdh.bot.requests.RequestFixtures.Stores;
import ca.gc.fsdh.bot.testing.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request outbox in the database: each change writes its messages in its own transaction, and
 * the messages of a request's lane are claimed one at a time, in order, by one owner at a time.
 */
class JdbcOutboxTest {
  private static final Instant T0 = Instant.parse("2025-11-03T14:00:00Z");

  /** The request's messages as stored: "seq kind state status", in order. */
  private static List<String> rows(Database db, long requestId) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT seq, kind, state, status, payload FROM request_outbox WHERE request_id = ? ORDER BY seq")) {
      s.setLong(1, requestId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(
              r.getInt(1)
                  + " "
                  + r.getString(2)
                  + " "
                  + r.getString(3)
                  + " "
                  + r.getString(4)
                  + (r.getString(5) == null ? "" : " " + r.getString(5)));
        }
      }
    }
    return rows;
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void everyChangeWritesItsMessagesAndAChangeThatLosesWritesNone(TestDatabases.Kind kind)
      throws Exception {
    try (var stores = Stores.open(kind.fresh())) {
      var store = stores.requests();
      long id = stores.pending("OCEAN", T0).id();
      stores.plans().setPlan(id, "{}", T0);
      assertThat(store.decide(id, RequestState.APPROVED, "U0SUPPORT1", Optional.empty(), T0))
          .isTrue();
      assertThat(store.decide(id, RequestState.REJECTED, "U0SUPPORT2", Optional.of("no"), T0))
          .isFalse();
      assertThat(stores.leases().claim(id, "node-a", T0.minusSeconds(120), T0)).isTrue();
      assertThat(stores.leases().claim(id, "node-b", T0.plusSeconds(60), T0.plusSeconds(180)))
          .as("a takeover")
          .isTrue();
      assertThat(
              stores
                  .leases()
                  .finish(id, "node-a", RequestState.SUCCEEDED, StoredResult.failed("old"), T0))
          .as("the old owner")
          .isFalse();
      assertThat(
              stores
                  .leases()
                  .finish(id, "node-b", RequestState.SUCCEEDED, StoredResult.failed("r"), T0))
          .isTrue();

      assertThat(rows(stores.db(), id))
          .containsExactly(
              "1 APPROVAL_POST PENDING_APPROVAL PENDING",
              "2 REQUESTER_DM PENDING_APPROVAL PENDING",
              "3 APPROVAL_UPDATE PENDING_APPROVAL PENDING", // the plan
              "4 REQUESTER_DM APPROVED PENDING",
              "5 APPROVAL_UPDATE APPROVED PENDING",
              "6 REQUESTER_DM RUNNING PENDING", // the takeover tells nobody
              "7 APPROVAL_UPDATE RUNNING PENDING",
              "8 REQUESTER_DM SUCCEEDED PENDING",
              "9 APPROVAL_UPDATE SUCCEEDED PENDING",
              "10 REPORT_TO_SUPPORT SUCCEEDED PENDING {\"error\":\"r\"}",
              "11 REPORT_TO_REQUESTER SUCCEEDED PENDING {\"error\":\"r\"}");
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aChangeWhoseMessagesCannotBeWrittenIsNotMadeEither(TestDatabases.Kind kind)
      throws Exception {
    try (var stores = Stores.open(kind.fresh())) {
      var store = stores.requests();
      long id = stores.pending("OCEAN", T0).id();
      try (Connection c = stores.db().dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute("DROP TABLE request_outbox");
      }
      assertThatThrownBy(
              () -> store.decide(id, RequestState.APPROVED, "U0SUPPORT1", Optional.empty(), T0))
          .isInstanceOf(IllegalStateException.class);
      assertThat(store.find(id).orElseThrow().state()).isEqualTo(RequestState.PENDING_APPROVAL);
      assertThat(store.find(id).orElseThrow().decision()).isEmpty();
      assertThatThrownBy(() -> store.save(RequestFixtures.migrate("ARCTIC"), T0))
          .isInstanceOf(IllegalStateException.class);
      assertThat(store.activeFor("ARCTIC")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void onlyTheHeadOfALaneIsClaimedByOneOwnerAndTheNextFollowsOnceItIsPosted(
      TestDatabases.Kind kind) {
    try (var stores = Stores.open(kind.fresh())) {
      var outbox = stores.on().outbox();
      long id = stores.approved("OCEAN", T0).id();
      Instant until = T0.plusSeconds(60);

      List<OutboxMessage> heads = outbox.dueHeads(T0, 10);
      assertThat(heads).extracting(OutboxMessage::seq).containsExactly(1, 2); // one per lane
      OutboxMessage post = heads.get(0);
      assertThat(outbox.claim(post.id(), "a", T0, until)).isTrue();
      assertThat(outbox.claim(post.id(), "b", T0, until)).as("claimed already").isFalse();
      assertThat(outbox.claimNext(id, MessageKind.Lane.SUPPORT, "b", T0, until))
          .as("its lane waits")
          .isEmpty();
      assertThat(outbox.dueHeads(T0, 10)).extracting(OutboxMessage::seq).containsExactly(2);

      assertThat(outbox.posted(post.id(), "b", T0)).as("not b's").isFalse();
      assertThat(outbox.posted(post.id(), "a", T0)).isTrue();
      assertThat(outbox.claimNext(id, MessageKind.Lane.SUPPORT, "b", T0, until))
          .map(OutboxMessage::seq)
          .contains(4);

      OutboxMessage dm =
          outbox.claimNext(id, MessageKind.Lane.REQUESTER, "a", T0, until).orElseThrow();
      assertThat(outbox.pendingAfter(dm))
          .extracting(OutboxMessage::kind, OutboxMessage::state)
          .containsExactly(Tuple.tuple(MessageKind.REQUESTER_DM, RequestState.APPROVED));
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void anExpiredClaimIsTakenOverAndItsFormerOwnerCanNoLongerMarkIt(TestDatabases.Kind kind) {
    try (var stores = Stores.open(kind.fresh())) {
      var outbox = stores.on().outbox();
      stores.pending("OCEAN", T0);
      OutboxMessage head = outbox.dueHeads(T0, 1).get(0);
      assertThat(outbox.claim(head.id(), "a", T0, T0.plusSeconds(60))).isTrue();
      assertThat(outbox.dueHeads(T0.plusSeconds(59), 10))
          .extracting(OutboxMessage::id)
          .doesNotContain(head.id());
      Instant later = T0.plusSeconds(61);
      assertThat(outbox.dueHeads(later, 10)).extracting(OutboxMessage::id).contains(head.id());
      assertThat(outbox.claim(head.id(), "b", later, later.plusSeconds(60))).isTrue();
      assertThat(outbox.posted(head.id(), "a", later)).isFalse();
      assertThat(outbox.extend(head.id(), "a", later.plusSeconds(600))).isFalse();
      assertThat(outbox.posted(head.id(), "b", later)).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aMessageToTryAgainIsDueOnlyFromItsTimeAndAFailedOneNeverAgain(TestDatabases.Kind kind) {
    try (var stores = Stores.open(kind.fresh())) {
      var outbox = stores.on().outbox();
      long id = stores.pending("OCEAN", T0).id();
      OutboxMessage post = outbox.dueHeads(T0, 1).get(0);
      outbox.claim(post.id(), "a", T0, T0.plusSeconds(60));
      assertThat(
              outbox.retryAt(
                  post.id(), "a", T0.plusSeconds(10), true, "chat.postMessage: HTTP 503"))
          .isTrue();
      assertThat(outbox.dueHeads(T0.plusSeconds(9), 10))
          .extracting(OutboxMessage::id)
          .doesNotContain(post.id());
      OutboxMessage again =
          outbox.dueHeads(T0.plusSeconds(10), 10).stream()
              .filter(m -> m.id() == post.id())
              .findFirst()
              .orElseThrow();
      assertThat(again.attempts()).isEqualTo(1);

      outbox.claim(post.id(), "a", T0.plusSeconds(10), T0.plusSeconds(70));
      assertThat(outbox.failed(post.id(), "a", "chat.postMessage: channel_not_found")).isTrue();
      assertThat(outbox.dueHeads(T0.plusSeconds(100), 10))
          .extracting(OutboxMessage::id)
          .doesNotContain(post.id());
      assertThat(
              outbox.claimNext(
                  id, MessageKind.Lane.SUPPORT, "a", T0.plusSeconds(100), T0.plusSeconds(160)))
          .as("nothing else in that lane")
          .isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void aStateMessageTellsTheStatesFoldedIntoItSinceTheRequestersLastMessage(
      TestDatabases.Kind kind) {
    try (var stores = Stores.open(kind.fresh())) {
      var outbox = stores.on().outbox();
      long id = stores.approved("OCEAN", T0).id();
      stores.leases().claim(id, "run", T0, T0);
      stores.leases().finish(id, "run", RequestState.FAILED, StoredResult.NONE, T0);
      stores.requests().transition(id, RequestState.FAILED, RequestState.APPROVED, T0); // a retry
      Instant until = T0.plusSeconds(60);
      // the requester's lane: DM pending, DM approved, DM running, DM failed, report, DM approved
      List<OutboxMessage> lane = new ArrayList<>();
      for (OutboxMessage m =
              outbox.claimNext(id, MessageKind.Lane.REQUESTER, "a", T0, until).orElse(null);
          m != null;
          m = outbox.claimNext(id, MessageKind.Lane.REQUESTER, "a", T0, until).orElse(null)) {
        lane.add(m);
        boolean fold = m.foldsInto(outbox.pendingAfter(m));
        assertThat(fold ? outbox.folded(m.id(), "a") : outbox.posted(m.id(), "a", T0)).isTrue();
      }
      assertThat(lane)
          .extracting(OutboxMessage::kind)
          .containsExactly(
              MessageKind.REQUESTER_DM,
              MessageKind.REQUESTER_DM,
              MessageKind.REQUESTER_DM,
              MessageKind.REQUESTER_DM,
              MessageKind.REPORT_TO_REQUESTER,
              MessageKind.REQUESTER_DM);
      assertThat(outbox.foldedInto(lane.get(3)))
          .as("failed, told with what came before it")
          .containsExactly(
              RequestState.PENDING_APPROVAL, RequestState.APPROVED, RequestState.RUNNING);
      assertThat(outbox.foldedInto(lane.get(5))).as("after the report: nothing folded").isEmpty();
    }
  }

  /**
   * What the untold-changes sweep (V5, V6) left untold or unposted is queued once by V12, in order.
   */
  @ParameterizedTest
  @MethodSource("ca.gc.fsdh.bot.testing.TestDatabases#both")
  void theUpgradeQueuesWhatTheOldSweepHadNotToldYet(TestDatabases.Kind kind) throws Exception {
    DatabaseSettings settings = kind.fresh();
    var hikari = new HikariDataSource();
    hikari.setJdbcUrl(settings.url());
    settings.user().ifPresent(hikari::setUsername);
    settings.password().ifPresent(p -> hikari.setPassword(p.value()));
    try (hikari) {
      Flyway.configure()
          .dataSource(hikari)
          .locations("classpath:db/migration")
          .target("6")
          .load()
          .migrate();
      try (Connection c = hikari.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO migration_request (id, kind, workspace, requester, state, resource_types, created_at, updated_at,"
                      + " support_ts, result, notified_at, reported_at) VALUES (?, 'MIGRATE', ?, 'U0ADALOVE', ?, 'notebooks',"
                      + " ?, ?, ?, ?, ?, ?)")) {
        Timestamp t = Timestamp.from(T0);
        Timestamp before = Timestamp.from(T0.minusSeconds(5));
        Object[][] requests = {
          {1L, "TOLD", "APPROVED", "1.1", null, t, null}, // told: nothing to queue
          {
            2L, "UNTOLD", "APPROVED", "2.1", null, before, null
          }, // untold, its approval message posted
          {
            3L, "NEVER", "PENDING_APPROVAL", null, null, null, null
          }, // never told: its approval message too
          {4L, "UNREPORTED", "FAILED", "4.1", "{\"error\":\"x\"}", t, before}
        }; // told, report not posted
        for (Object[] r : requests) {
          s.setLong(1, (Long) r[0]);
          s.setString(2, (String) r[1]);
          s.setString(3, (String) r[2]);
          s.setTimestamp(4, t);
          s.setTimestamp(5, t);
          s.setString(6, (String) r[3]);
          s.setString(7, (String) r[4]);
          s.setTimestamp(8, (Timestamp) r[5]);
          s.setTimestamp(9, (Timestamp) r[6]);
          s.executeUpdate();
        }
      }
    }
    try (Database db = Database.open(settings)) {
      assertThat(rows(db, 1)).isEmpty();
      assertThat(rows(db, 2))
          .containsExactly("1 APPROVAL_UPDATE APPROVED PENDING", "2 REQUESTER_DM APPROVED PENDING");
      assertThat(rows(db, 3))
          .containsExactly(
              "1 APPROVAL_POST PENDING_APPROVAL PENDING",
              "2 REQUESTER_DM PENDING_APPROVAL PENDING");
      assertThat(rows(db, 4))
          .containsExactly(
              "3 REPORT_TO_SUPPORT FAILED PENDING {\"error\":\"x\"}",
              "4 REPORT_TO_REQUESTER FAILED PENDING {\"error\":\"x\"}");
    }
  }
}
