package ca.gc.fsdh.bot.requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** {@link RequestStore} in the {@code migration_request} table, on H2 or PostgreSQL. */
public final class JdbcRequestStore implements RequestStore {
  private final RequestTable table;

  public JdbcRequestStore(DataSource dataSource) {
    this.table = new RequestTable(dataSource);
  }

  @Override
  public Saved save(NewRequest r, Instant now) {
    long id;
    String sql =
        "INSERT INTO migration_request (kind, workspace, requester, state, resource_types, options, note,"
            + " origin_key, active_workspace, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try {
      String options = RequestTable.JSON.writeValueAsString(r.options());
      id =
          table.jdbc.inTransaction(c -> {
            long created;
            try (PreparedStatement s = c.prepareStatement(sql, new String[] {"id"})) {
              s.setString(1, r.kind().name());
              s.setString(2, r.workspace());
              s.setString(3, r.requester());
              s.setString(4, RequestState.PENDING_APPROVAL.name());
              s.setString(5, ResourceTypes.join(r.resourceTypes()));
              s.setString(6, options);
              s.setString(7, r.note().orElse(null));
              s.setString(8, r.originKey());
              s.setString(9, r.workspace());
              s.setTimestamp(10, Timestamp.from(now));
              s.setTimestamp(11, Timestamp.from(now));
              s.executeUpdate();
              try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                created = keys.getLong(1);
              }
            }
            OutboxRows.append(
                c,
                created,
                RequestState.PENDING_APPROVAL,
                now,
                Optional.empty(),
                MessageKind.APPROVAL_POST,
                MessageKind.REQUESTER_DM);
            return created;
          });
    } catch (SQLException e) {
      if (!Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new IllegalStateException("cannot save a request for " + r.workspace(), e);
      }
      Optional<MigrationRequest> replayed = table.findOne("origin_key = ?", r.originKey());
      if (replayed.isPresent()) {
        return new Saved(replayed.get(), Saved.Outcome.REPLAYED);
      }
      return activeFor(r.workspace())
          .map(a -> new Saved(a, Saved.Outcome.WORKSPACE_BUSY))
          .orElseThrow(() ->
              new IllegalStateException("request for " + r.workspace() + " refused twice", e));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    // What was just written, without reading it back (a save is on the path to a Slack ack).
    return new Saved(MigrationRequest.saved(id, r.ask(), stored(now)), Saved.Outcome.CREATED);
  }

  /** A time as the database keeps it (microseconds). */
  private static Instant stored(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public Optional<MigrationRequest> find(long id) {
    return table.findOne("id = ?", id);
  }

  @Override
  public Optional<MigrationRequest> activeFor(String workspace) {
    return table.findOne("active_workspace = ?", workspace);
  }

  @Override
  public List<MigrationRequest> forWorkspaces(Collection<String> workspaces, int limit) {
    if (workspaces.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(workspaces);
    args.add(limit);
    return table.select(
        "workspace IN (" + marks(workspaces) + ") ORDER BY id DESC LIMIT ?", args.toArray());
  }

  @Override
  public List<MigrationRequest> inStates(Set<RequestState> states) {
    if (states.isEmpty()) {
      return List.of();
    }
    return table.select(
        "state IN (" + marks(states) + ") ORDER BY id",
        states.stream().map(RequestState::name).toArray());
  }

  private static String marks(Collection<?> values) {
    return values.stream().map(v -> "?").collect(Collectors.joining(", "));
  }

  @Override
  public boolean transition(long id, RequestState from, RequestState to, Instant now) {
    if (!from.canMoveTo(to)) {
      throw new IllegalStateException("request " + id + " cannot move from " + from + " to " + to);
    }
    String attempt = to == RequestState.RUNNING ? "attempt + 1" : "attempt";
    return table.stateChange(
        id,
        to,
        now,
        "UPDATE migration_request SET state = ?, updated_at = ?, "
            + RequestTable.activeWorkspace(to)
            + ", attempt = "
            + attempt
            + " WHERE id = ? AND state = ?",
        to.name(),
        Timestamp.from(now),
        id,
        from.name());
  }

  @Override
  public boolean decide(
      long id, RequestState to, String decidedBy, Optional<String> reason, Instant now) {
    if (to != RequestState.APPROVED && to != RequestState.REJECTED) {
      throw new IllegalArgumentException("a decision approves or rejects, not " + to);
    }
    return table.stateChange(
        id,
        to,
        now,
        "UPDATE migration_request SET state = ?, updated_at = ?, decided_by = ?, decided_at = ?,"
            + " decision_reason = ?, "
            + RequestTable.activeWorkspace(to)
            + " WHERE id = ? AND state = ?",
        to.name(),
        Timestamp.from(now),
        decidedBy,
        Timestamp.from(now),
        reason.orElse(null),
        id,
        RequestState.PENDING_APPROVAL.name());
  }

  @Override
  public void setSupportMessage(long id, String channel, String ts) {
    table.jdbc.update(
        "UPDATE migration_request SET support_channel = ?, support_ts = ? WHERE id = ?",
        channel,
        ts,
        id);
  }
}
