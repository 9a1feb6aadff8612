package ca.gc.fsdh.bot.requests.nudges;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The requests waiting for a decision whose approval message is posted, read from the request table
 * (its own query: the request stores are not this package's).
 */
public final class WaitingRequests {
  /** One waiting request, as a nudge needs it. */
  public record Waiting(long id, Instant createdAt, String supportChannel, String supportTs) {}

  private final DataSource dataSource;

  public WaitingRequests(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Oldest first. */
  public List<Waiting> all() {
    String sql =
        "SELECT id, created_at, support_channel, support_ts FROM migration_request "
            + "WHERE state = 'PENDING_APPROVAL' AND support_ts IS NOT NULL ORDER BY created_at, id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      List<Waiting> found = new ArrayList<>();
      while (r.next()) {
        found.add(
            new Waiting(
                r.getLong("id"),
                r.getTimestamp("created_at").toInstant(),
                r.getString("support_channel"),
                r.getString("support_ts")));
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the requests waiting for a decision", e);
    }
  }
}
