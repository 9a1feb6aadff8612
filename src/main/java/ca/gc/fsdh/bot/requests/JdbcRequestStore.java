package ca.gc.fsdh.bot.requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** {@link RequestStore} in the {@code migration_request} table, on H2 or PostgreSQL. */
public final class JdbcRequestStore implements RequestStore {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());
  private final DataSource dataSource;

  public JdbcRequestStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Saved save(NewRequest r, Instant now) {
    long id;
    String sql =
        "INSERT INTO migration_request (kind, workspace, requester, state, resource_types, options, note,"
            + " origin_key, active_workspace, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try {
      String options = JSON.writeValueAsString(r.options());
      id =
          inTransaction(c -> {
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
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new IllegalStateException("cannot save a request for " + r.workspace(), e);
      }
      Optional<MigrationRequest> replayed = findOne("origin_key = ?", r.originKey());
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
    return new Saved(
        new MigrationRequest(
            id,
            r.kind(),
            r.workspace(),
            r.requester(),
            RequestState.PENDING_APPROVAL,
            r.resourceTypes(),
            r.options(),
            r.note(),
            stored(now),
            stored(now),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0,
            Optional.empty()),
        Saved.Outcome.CREATED);
  }

  /** A time as the database keeps it (microseconds). */
  private static Instant stored(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public Optional<MigrationRequest> find(long id) {
    return findOne("id = ?", id);
  }

  @Override
  public Optional<MigrationRequest> activeFor(String workspace) {
    return findOne("active_workspace = ?", workspace);
  }

  @Override
  public List<MigrationRequest> forWorkspaces(Collection<String> workspaces, int limit) {
    if (workspaces.isEmpty()) {
      return List.of();
    }
    String marks = workspaces.stream().map(w -> "?").collect(Collectors.joining(", "));
    List<Object> args = new ArrayList<>(workspaces);
    args.add(limit);
    return query(
        "SELECT * FROM migration_request WHERE workspace IN ("
            + marks
            + ") ORDER BY id DESC LIMIT ?",
        args);
  }

  @Override
  public List<MigrationRequest> inStates(Set<RequestState> states) {
    if (states.isEmpty()) {
      return List.of();
    }
    String marks = states.stream().map(x -> "?").collect(Collectors.joining(", "));
    return query(
        "SELECT * FROM migration_request WHERE state IN (" + marks + ") ORDER BY id",
        states.stream().map(RequestState::name).map(Object.class::cast).toList());
  }

  @Override
  public boolean transition(long id, RequestState from, RequestState to, Instant now) {
    if (!from.canMoveTo(to)) {
      throw new IllegalStateException("request " + id + " cannot move from " + from + " to " + to);
    }
    String active = to.isActive() ? "workspace" : "NULL";
    String attempt = to == RequestState.RUNNING ? "attempt + 1" : "attempt";
    return change(
        id,
        to,
        now,
        Optional.empty(),
        List.of(MessageKind.REQUESTER_DM, MessageKind.APPROVAL_UPDATE),
        "UPDATE migration_request SET state = ?, updated_at = ?, active_workspace = "
            + active
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
    String active = to.isActive() ? "workspace" : "NULL";
    return change(
        id,
        to,
        now,
        Optional.empty(),
        List.of(MessageKind.REQUESTER_DM, MessageKind.APPROVAL_UPDATE),
        "UPDATE migration_request SET state = ?, updated_at = ?, decided_by = ?, decided_at = ?,"
            + " decision_reason = ?, active_workspace = "
            + active
            + " WHERE id = ? AND state = ?",
        to.name(),
        Timestamp.from(now),
        decidedBy,
        Timestamp.from(now),
        reason.orElse(null),
        id,
        RequestState.PENDING_APPROVAL.name());
  }

  /**
   * A fresh start (APPROVED becomes RUNNING) is a change the requester is told of; a takeover of a
   * stale run only changes owner, and tells nobody.
   */
  @Override
  public boolean claim(long id, String owner, Instant staleBefore, Instant now) {
    if (change(
        id,
        RequestState.RUNNING,
        now,
        Optional.empty(),
        List.of(MessageKind.REQUESTER_DM, MessageKind.APPROVAL_UPDATE),
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
    return update(
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
    return update(
        "UPDATE migration_request SET heartbeat_at = ? WHERE id = ? AND state = ? AND claimed_by = ?",
        Timestamp.from(now),
        id,
        RequestState.RUNNING.name(),
        owner);
  }

  @Override
  public boolean finish(long id, String owner, RequestState to, String result, Instant now) {
    if (!RequestState.RUNNING.canMoveTo(to)) {
      throw new IllegalStateException("request " + id + " cannot move from RUNNING to " + to);
    }
    String active = to.isActive() ? "workspace" : "NULL";
    // The final state's message comes before the report, and the approval message shows the end.
    return change(
        id,
        to,
        now,
        Optional.of(result),
        List.of(
            MessageKind.REQUESTER_DM,
            MessageKind.APPROVAL_UPDATE,
            MessageKind.REPORT_TO_SUPPORT,
            MessageKind.REPORT_TO_REQUESTER),
        "UPDATE migration_request SET state = ?, result = ?, updated_at = ?, heartbeat_at = NULL,"
            + " active_workspace = "
            + active
            + " WHERE id = ? AND state = ? AND claimed_by = ?",
        to.name(),
        result,
        Timestamp.from(now),
        id,
        RequestState.RUNNING.name(),
        owner);
  }

  @Override
  public List<MigrationRequest> claimable(Instant staleBefore) {
    return query(
        "SELECT * FROM migration_request WHERE state = ? OR (state = ? AND (heartbeat_at IS NULL"
            + " OR heartbeat_at < ?)) ORDER BY id",
        List.of(
            RequestState.APPROVED.name(),
            RequestState.RUNNING.name(),
            Timestamp.from(staleBefore)));
  }

  @Override
  public Optional<String> result(long id) {
    return column("result", id);
  }

  @Override
  public void setPlan(long id, String plan, Instant now) {
    try {
      inTransaction(c -> {
        if (execute(c, "UPDATE migration_request SET plan = ? WHERE id = ?", plan, id)) {
          OutboxRows.append(
              c, id, currentState(c, id), now, Optional.empty(), MessageKind.APPROVAL_UPDATE);
        }
        return null;
      });
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the plan of request " + id, e);
    }
  }

  @Override
  public Optional<String> plan(long id) {
    return column("plan", id);
  }

  /** One text column of one request; {@code name} is one of this class's own constants. */
  private Optional<String> column(String name, long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + name + " FROM migration_request WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the " + name + " of request " + id, e);
    }
  }

  @Override
  public void setSupportMessage(long id, String channel, String ts) {
    update(
        "UPDATE migration_request SET support_channel = ?, support_ts = ? WHERE id = ?",
        channel,
        ts,
        id);
  }

  /**
   * One state change and the Slack messages it causes, in one transaction: the conditional UPDATE
   * first (it locks the request's row, so the messages of one request are numbered one change at a
   * time), then the messages, only if it won.
   */
  private boolean change(
      long id,
      RequestState to,
      Instant now,
      Optional<String> payload,
      List<MessageKind> messages,
      String sql,
      Object... args) {
    try {
      return inTransaction(c -> {
        if (!execute(c, sql, args)) {
          return false;
        }
        OutboxRows.append(c, id, to, now, payload, messages.toArray(MessageKind[]::new));
        return true;
      });
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false; // e.g. a retry while the workspace already has another active request
      }
      throw new IllegalStateException("cannot update request " + id, e);
    }
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} in one transaction, rolled back on any failure. */
  private <T> T inTransaction(Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private static boolean execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, Arrays.asList(args));
      return s.executeUpdate() == 1;
    }
  }

  private static RequestState currentState(Connection c, long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT state FROM migration_request WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return RequestState.valueOf(r.getString(1));
      }
    }
  }

  private boolean update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, Arrays.asList(args));
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false; // e.g. a retry while the workspace already has another active request
      }
      throw new IllegalStateException("cannot update requests", e);
    }
  }

  private Optional<MigrationRequest> findOne(String where, Object arg) {
    return query("SELECT * FROM migration_request WHERE " + where, List.of(arg)).stream()
        .findFirst();
  }

  private List<MigrationRequest> query(String sql, List<Object> args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      List<MigrationRequest> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(read(r));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read requests", e);
    }
  }

  private static void bind(PreparedStatement s, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      s.setObject(i + 1, args.get(i));
    }
  }

  private static MigrationRequest read(ResultSet r) throws SQLException {
    try {
      String options = r.getString("options");
      return new MigrationRequest(
          r.getLong("id"),
          RequestKind.valueOf(r.getString("kind")),
          r.getString("workspace"),
          r.getString("requester"),
          RequestState.valueOf(r.getString("state")),
          ResourceTypes.split(r.getString("resource_types")),
          options == null ? RequestOptions.DEFAULT : JSON.readValue(options, RequestOptions.class),
          Optional.ofNullable(r.getString("note")),
          r.getTimestamp("created_at").toInstant(),
          r.getTimestamp("updated_at").toInstant(),
          Optional.ofNullable(r.getString("decided_by")),
          Optional.ofNullable(r.getTimestamp("decided_at")).map(Timestamp::toInstant),
          Optional.ofNullable(r.getString("decision_reason")),
          Optional.ofNullable(r.getString("support_channel")),
          Optional.ofNullable(r.getString("support_ts")),
          r.getInt("attempt"),
          Optional.ofNullable(r.getString("claimed_by")));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("request options are not valid JSON", e);
    }
  }
}
