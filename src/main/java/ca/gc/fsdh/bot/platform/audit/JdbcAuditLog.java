package ca.gc.fsdh.bot.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link AuditLog} in the {@code audit_log} table. Every text is cut to its column's width ({@code
 * V1__audit_log.sql}): an actor id or a detail from a forged request can neither overflow a column
 * (and lose the entry) nor grow the table without bound.
 */
public final class JdbcAuditLog implements AuditLog {
  private static final int ACTOR_LIMIT = 64;
  private static final int ACTION_LIMIT = 64;
  private static final int OUTCOME_LIMIT = 32;
  private static final int WORKSPACE_LIMIT = 10;
  private static final int DETAIL_LIMIT = 1000;
  private static final String COLUMNS = "at, actor, action, outcome, workspace, request_id, detail";
  private final DataSource dataSource;

  public JdbcAuditLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void record(AuditEntry e) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      s.setTimestamp(1, Timestamp.from(e.at()));
      s.setString(2, cut(e.actor(), ACTOR_LIMIT));
      s.setString(3, cut(e.action(), ACTION_LIMIT));
      s.setString(4, cut(e.outcome(), OUTCOME_LIMIT));
      s.setString(5, e.workspace().map(w -> cut(w, WORKSPACE_LIMIT)).orElse(null));
      if (e.requestId().isPresent()) {
        s.setLong(6, e.requestId().get());
      } else {
        s.setNull(6, Types.BIGINT);
      }
      s.setString(7, e.detail().map(d -> cut(d, DETAIL_LIMIT)).orElse(null));
      s.executeUpdate();
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot write the audit log", ex);
    }
  }

  /**
   * At most {@code limit} chars, never half of a surrogate pair (an emoji cut in two is not valid
   * text).
   */
  private static String cut(String text, int limit) {
    if (text == null || text.length() <= limit) {
      return text;
    }
    return text.substring(0, Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit);
  }

  @Override
  public List<AuditEntry> recent(int limit) {
    return query(
        "SELECT " + COLUMNS + " FROM audit_log ORDER BY id DESC LIMIT ?", s -> s.setInt(1, limit));
  }

  @Override
  public List<AuditEntry> forRequest(long requestId) {
    return query(
        "SELECT " + COLUMNS + " FROM audit_log WHERE request_id = ? ORDER BY id",
        s -> s.setLong(1, requestId));
  }

  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private List<AuditEntry> query(String sql, Binder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      List<AuditEntry> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long requestId = r.getLong("request_id");
          Optional<Long> request = r.wasNull() ? Optional.empty() : Optional.of(requestId);
          out.add(
              new AuditEntry(
                  r.getTimestamp("at").toInstant(),
                  r.getString("actor"),
                  r.getString("action"),
                  r.getString("outcome"),
                  Optional.ofNullable(r.getString("workspace")),
                  request,
                  Optional.ofNullable(r.getString("detail"))));
        }
      }
      return out;
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot read the audit log", ex);
    }
  }
}
