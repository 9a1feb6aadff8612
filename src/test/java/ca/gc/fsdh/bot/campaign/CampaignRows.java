package ca.gc.fsdh.bot.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Requests written straight into the requests' table, in the states a campaign test needs (the
 * request lifecycle is tested over HTTP elsewhere; here only its stored outcome matters).
 */
final class CampaignRows {
  private final DataSource dataSource;

  CampaignRows(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A request of {@code workspace} in {@code state}, made at {@code created}, last changed at. */
  long request(
      String kind,
      String workspace,
      String requester,
      String state,
      Instant created,
      Instant updated,
      String decidedBy,
      String result)
      throws SQLException {
    boolean active =
        state.equals("PENDING_APPROVAL") || state.equals("APPROVED") || state.equals("RUNNING");
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO migration_request (kind, workspace, requester, state, resource_types,"
                    + " active_workspace, created_at, updated_at, decided_by, decided_at, result)"
                    + " VALUES (?, ?, ?, ?, 'NOTEBOOKS', ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
      s.setString(1, kind);
      s.setString(2, workspace);
      s.setString(3, requester);
      s.setString(4, state);
      if (active) {
        s.setString(5, workspace);
      } else {
        s.setNull(5, Types.VARCHAR);
      }
      s.setTimestamp(6, Timestamp.from(created));
      s.setTimestamp(7, Timestamp.from(updated));
      s.setString(8, decidedBy);
      s.setTimestamp(9, decidedBy == null ? null : Timestamp.from(updated));
      s.setString(10, result);
      s.executeUpdate();
      try (var keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }
}
