package ca.gc.fsdh.bot.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Every request as the campaign reads it, straight from the requests' table: read only, and apart
 * from the request domain's classes so that either can change its shape without the other.
 */
public final class RequestHistory {
  private final DataSource dataSource;

  public RequestHistory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * One request's row.
   *
   * @param state the request state's name, e.g. {@code PENDING_APPROVAL}
   * @param result the run's stored result (JSON), once it ended
   */
  public record Row(
      long id,
      String kind,
      String workspace,
      String requester,
      String state,
      Instant createdAt,
      Instant updatedAt,
      Optional<String> decidedBy,
      Optional<Instant> decidedAt,
      Optional<String> decisionReason,
      int attempt,
      Optional<String> result) {}

  /** Every request, oldest first. */
  public List<Row> all() {
    String sql =
        "SELECT id, kind, workspace, requester, state, created_at, updated_at, decided_by,"
            + " decided_at, decision_reason, attempt, result FROM migration_request ORDER BY id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      List<Row> out = new ArrayList<>();
      while (rs.next()) {
        out.add(
            new Row(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("workspace"),
                rs.getString("requester"),
                rs.getString("state"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                Optional.ofNullable(rs.getString("decided_by")),
                Optional.ofNullable(rs.getTimestamp("decided_at")).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString("decision_reason")),
                rs.getInt("attempt"),
                Optional.ofNullable(rs.getString("result"))));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("requests cannot be read for the campaign", e);
    }
  }
}
