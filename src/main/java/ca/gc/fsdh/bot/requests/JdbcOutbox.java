package ca.gc.fsdh.bot.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link Outbox} in the {@code request_outbox} table, on H2 or PostgreSQL. Claims are conditional
 * UPDATEs (one dialect for both databases; no {@code FOR UPDATE SKIP LOCKED}, which H2 lacks).
 */
public final class JdbcOutbox implements Outbox {
  static final String PENDING = "PENDING";
  private static final String POSTED = "POSTED";
  private static final String FOLDED = "FOLDED";
  private static final String FAILED = "FAILED";
  private static final String HEAD =
      "o.seq = (SELECT MIN(p.seq) FROM request_outbox p"
          + " WHERE p.request_id = o.request_id AND p.lane = o.lane AND p.status = 'PENDING')";
  private static final String FREE = "(o.claimed_until IS NULL OR o.claimed_until < ?)";

  private final Jdbc jdbc;

  public JdbcOutbox(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource, "the request outbox");
  }

  @Override
  public List<OutboxMessage> dueHeads(Instant now, int limit) {
    return query(
        "SELECT o.* FROM request_outbox o WHERE o.status = 'PENDING' AND "
            + HEAD
            + " AND o.not_before <= ? AND "
            + FREE
            + " ORDER BY o.id LIMIT ?",
        ts(now),
        ts(now),
        limit);
  }

  @Override
  public boolean claim(long id, String owner, Instant now, Instant until) {
    return update(
        "UPDATE request_outbox SET claimed_by = ?, claimed_until = ? WHERE id = ? AND status = 'PENDING'"
            + " AND (claimed_until IS NULL OR claimed_until < ?)",
        owner,
        ts(until),
        id,
        ts(now));
  }

  @Override
  public Optional<OutboxMessage> claimNext(
      long requestId, MessageKind.Lane lane, String owner, Instant now, Instant until) {
    List<OutboxMessage> head =
        query(
            "SELECT o.* FROM request_outbox o WHERE o.request_id = ? AND o.lane = ?"
                + " AND o.status = 'PENDING' AND "
                + HEAD
                + " AND o.not_before <= ? AND "
                + FREE,
            requestId,
            lane.name(),
            ts(now),
            ts(now));
    return head.stream().findFirst().filter(m -> claim(m.id(), owner, now, until));
  }

  @Override
  public List<OutboxMessage> pendingAfter(OutboxMessage message) {
    return query(
        "SELECT o.* FROM request_outbox o WHERE o.request_id = ? AND o.lane = ? AND o.status = 'PENDING'"
            + " AND o.seq > ? ORDER BY o.seq",
        message.requestId(),
        message.lane().name(),
        message.seq());
  }

  @Override
  public List<RequestState> foldedInto(OutboxMessage message) {
    List<RequestState> folded = new ArrayList<>();
    for (String[] row :
        jdbc.query(
            r -> new String[] {r.getString("kind"), r.getString("state"), r.getString("status")},
            "SELECT kind, state, status FROM request_outbox WHERE request_id = ? AND seq < ?"
                + " AND lane = 'REQUESTER' ORDER BY seq DESC",
            message.requestId(),
            message.seq())) {
      if (!FOLDED.equals(row[2]) || !MessageKind.REQUESTER_DM.name().equals(row[0])) {
        break;
      }
      folded.add(0, RequestState.valueOf(row[1]));
    }
    return folded;
  }

  @Override
  public boolean extend(long id, String owner, Instant until) {
    return update(
        "UPDATE request_outbox SET claimed_until = ? WHERE id = ? AND claimed_by = ? AND status = 'PENDING'",
        ts(until),
        id,
        owner);
  }

  @Override
  public boolean posted(long id, String owner, Instant at) {
    return update(
        "UPDATE request_outbox SET status = ?, posted_at = ?, claimed_by = NULL, claimed_until = NULL,"
            + " last_error = NULL WHERE id = ? AND claimed_by = ? AND status = 'PENDING'",
        POSTED,
        ts(at),
        id,
        owner);
  }

  @Override
  public boolean folded(long id, String owner) {
    return update(
        "UPDATE request_outbox SET status = ?, claimed_by = NULL, claimed_until = NULL"
            + " WHERE id = ? AND claimed_by = ? AND status = 'PENDING'",
        FOLDED,
        id,
        owner);
  }

  @Override
  public boolean retryAt(
      long id, String owner, Instant notBefore, boolean failedAttempt, String error) {
    return update(
        "UPDATE request_outbox SET not_before = ?, claimed_by = NULL, claimed_until = NULL, last_error = ?,"
            + " attempts = attempts + ? WHERE id = ? AND claimed_by = ? AND status = 'PENDING'",
        ts(notBefore),
        shortened(error),
        failedAttempt ? 1 : 0,
        id,
        owner);
  }

  @Override
  public boolean failed(long id, String owner, String error) {
    return update(
        "UPDATE request_outbox SET status = ?, claimed_by = NULL, claimed_until = NULL, last_error = ?,"
            + " attempts = attempts + 1 WHERE id = ? AND claimed_by = ? AND status = 'PENDING'",
        FAILED,
        shortened(error),
        id,
        owner);
  }

  private static String shortened(String error) {
    return error == null || error.length() <= 200 ? error : error.substring(0, 200);
  }

  private static Timestamp ts(Instant t) {
    return Timestamp.from(t);
  }

  private boolean update(String sql, Object... args) {
    return jdbc.update(sql, args);
  }

  private List<OutboxMessage> query(String sql, Object... args) {
    return jdbc.query(JdbcOutbox::read, sql, args);
  }

  private static OutboxMessage read(ResultSet r) throws SQLException {
    return new OutboxMessage(
        r.getLong("id"),
        r.getLong("request_id"),
        r.getInt("seq"),
        MessageKind.valueOf(r.getString("kind")),
        RequestState.valueOf(r.getString("state")),
        Optional.ofNullable(r.getString("payload")).map(StoredResultJson::read),
        r.getInt("attempts"),
        r.getTimestamp("created_at").toInstant());
  }
}
