package ca.gc.fsdh.bot.campaign;

import ca.gc.fsdh.bot.platform.audit.AuditEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** The whole audit log, oldest first, read once for an export (streamed, never held whole). */
public final class AuditHistory {
  private final DataSource dataSource;

  public AuditHistory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Hands every entry, oldest first, to {@code each}; returns how many there were. */
  public long forEach(Consumer<AuditEntry> each) {
    String sql =
        "SELECT at, actor, action, outcome, workspace, request_id, detail FROM audit_log"
            + " ORDER BY at, id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setFetchSize(500);
      long n = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long requestId = rs.getLong("request_id");
          Optional<Long> request = rs.wasNull() ? Optional.empty() : Optional.of(requestId);
          each.accept(
              new AuditEntry(
                  rs.getTimestamp("at").toInstant(),
                  rs.getString("actor"),
                  rs.getString("action"),
                  rs.getString("outcome"),
                  Optional.ofNullable(rs.getString("workspace")),
                  request,
                  Optional.ofNullable(rs.getString("detail"))));
          n++;
        }
      }
      return n;
    } catch (SQLException e) {
      throw new IllegalStateException("the audit log cannot be read for the export", e);
    }
  }

  /** Every entry, oldest first (small logs and tests). */
  public List<AuditEntry> all() {
    List<AuditEntry> out = new ArrayList<>();
    forEach(out::add);
    return out;
  }
}
