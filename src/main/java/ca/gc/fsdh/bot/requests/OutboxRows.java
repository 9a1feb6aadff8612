package ca.gc.fsdh.bot.requests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Appends a change's messages to the request outbox, on the connection (and in the transaction) of
 * the change itself. The caller holds the request's row lock, so numbering is one change at a time.
 */
final class OutboxRows {
  private OutboxRows() {}

  static void append(
      Connection c,
      long requestId,
      RequestState state,
      Instant now,
      Optional<StoredResult> result,
      MessageKind... kinds)
      throws SQLException {
    int seq;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT COALESCE(MAX(seq), 0) FROM request_outbox WHERE request_id = ?")) {
      s.setLong(1, requestId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        seq = r.getInt(1);
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO request_outbox (request_id, seq, kind, lane, state,"
                + " payload, status, created_at, not_before) VALUES (?, ?, ?, ?, ?, ?, '"
                + JdbcOutbox.PENDING
                + "', ?, ?)")) {
      for (MessageKind kind : kinds) {
        s.setLong(1, requestId);
        s.setInt(2, ++seq);
        s.setString(3, kind.name());
        s.setString(4, kind.lane().name());
        s.setString(5, state.name());
        s.setString(
            6,
            kind == MessageKind.REPORT_TO_SUPPORT || kind == MessageKind.REPORT_TO_REQUESTER
                ? result.map(StoredResultJson::write).orElse(null)
                : null);
        s.setTimestamp(7, Timestamp.from(now));
        s.setTimestamp(8, Timestamp.from(now));
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}
