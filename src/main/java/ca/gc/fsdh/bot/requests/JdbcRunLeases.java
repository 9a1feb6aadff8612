package ca.gc.fsdh.bot.requests;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link RunLeases} in the {@code migration_request} table (owner and heartbeat columns). */
public final class JdbcRunLeases implements RunLeases {
  private final RequestTable table;

  public JdbcRunLeases(DataSource dataSource) {
    this.table = new RequestTable(dataSource);
  }

  /**
   * A fresh start (APPROVED becomes RUNNING) is a change the requester is told of; a takeover of a
   * stale run only changes owner, and tells nobody.
   */
  @Override
  public boolean claim(long id, String owner, Instant staleBefore, Instant now) {
    if (table.stateChange(
        id,
        RequestState.RUNNING,
        now,
        "UPDATE migration_request SET state = ?, claimed_by = ?, heartbeat_at = ?, updated_at = ?, attempt = attempt + 1"
            + " WHERE id = ? AND state = ?",
        RequestState.RUNNING.name(),
        owner,
        Timestamp.from(now),
        Timestamp.from(now),
        id,
        RequestState.APPROVED.name())) {
      return true;
    }
    return table.jdbc.update(
        "UPDATE migration_request SET claimed_by = ?, heartbeat_at = ?, updated_at = ?"
            + " WHERE id = ? AND state = ? AND (heartbeat_at IS NULL OR heartbeat_at < ?)",
        owner,
        Timestamp.from(now),
        Timestamp.from(now),
        id,
        RequestState.RUNNING.name(),
        Timestamp.from(staleBefore));
  }

  @Override
  public boolean heartbeat(long id, String owner, Instant now) {
    return table.jdbc.update(
        "UPDATE migration_request SET heartbeat_at = ? WHERE id = ? AND state = ? AND claimed_by = ?",
        Timestamp.from(now),
        id,
        RequestState.RUNNING.name(),
        owner);
  }

  @Override
  public boolean finish(long id, String owner, RequestState to, StoredResult result, Instant now) {
    if (!RequestState.RUNNING.canMoveTo(to)) {
      throw new IllegalStateException("request " + id + " cannot move from RUNNING to " + to);
    }
    // The final state's message comes before the report, and the approval message shows the end.
    return table.change(
        id,
        to,
        now,
        Optional.of(result),
        List.of(
            MessageKind.REQUESTER_DM,
            MessageKind.APPROVAL_UPDATE,
            MessageKind.REPORT_TO_SUPPORT,
            MessageKind.REPORT_TO_REQUESTER),
        "UPDATE migration_request SET state = ?, result = ?, updated_at = ?, heartbeat_at = NULL, "
            + RequestTable.activeWorkspace(to)
            + " WHERE id = ? AND state = ? AND claimed_by = ?",
        to.name(),
        StoredResultJson.write(result),
        Timestamp.from(now),
        id,
        RequestState.RUNNING.name(),
        owner);
  }

  @Override
  public List<MigrationRequest> claimable(Instant staleBefore) {
    return table.select(
        "state = ? OR (state = ? AND (heartbeat_at IS NULL OR heartbeat_at < ?)) ORDER BY id",
        RequestState.APPROVED.name(),
        RequestState.RUNNING.name(),
        Timestamp.from(staleBefore));
  }
}
