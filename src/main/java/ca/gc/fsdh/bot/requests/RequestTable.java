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
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code migration_request} table as its three stores share it ({@link JdbcRequestStore},
 * {@link JdbcRunLeases}, {@link JdbcPlansAndResults}): its one row mapper, and a change of state
 * written with the Slack messages it causes.
 */
final class RequestTable {
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());
  final Jdbc jdbc;

  RequestTable(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource, "requests");
  }

  List<MigrationRequest> select(String where, Object... args) {
    return jdbc.query(RequestTable::read, "SELECT * FROM migration_request WHERE " + where, args);
  }

  Optional<MigrationRequest> findOne(String where, Object arg) {
    return select(where, arg).stream().findFirst();
  }

  /**
   * One state change and the Slack messages it causes, in one transaction: the conditional UPDATE
   * first (it locks the request's row, so the messages of one request are numbered one change at a
   * time), then the messages, only if it won.
   */
  boolean change(
      long id,
      RequestState to,
      Instant now,
      Optional<StoredResult> payload,
      List<MessageKind> messages,
      String sql,
      Object... args) {
    try {
      return jdbc.inTransaction(c -> {
        if (!Jdbc.execute(c, sql, args)) {
          return false;
        }
        OutboxRows.append(c, id, to, now, payload, messages.toArray(MessageKind[]::new));
        return true;
      });
    } catch (SQLException e) {
      if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false; // e.g. a retry while the workspace already has another active request
      }
      throw new IllegalStateException("cannot update request " + id, e);
    }
  }

  /** A change of state the requester and the approval message are told of. */
  boolean stateChange(long id, RequestState to, Instant now, String sql, Object... args) {
    return change(
        id,
        to,
        now,
        Optional.empty(),
        List.of(MessageKind.REQUESTER_DM, MessageKind.APPROVAL_UPDATE),
        sql,
        args);
  }

  /** SQL that keeps the workspace's one active request ({@code active_workspace}) in step. */
  static String activeWorkspace(RequestState to) {
    return "active_workspace = " + (to.isActive() ? "workspace" : "NULL");
  }

  static RequestState currentState(Connection c, long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT state FROM migration_request WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return RequestState.valueOf(r.getString(1));
      }
    }
  }

  /** One text column of one request; {@code name} is one of the stores' own constants. */
  Optional<String> column(String name, long id) {
    return jdbc
        .query(
            r -> Optional.ofNullable(r.getString(1)),
            "SELECT " + name + " FROM migration_request WHERE id = ?",
            id)
        .stream()
        .findFirst()
        .flatMap(o -> o);
  }

  static MigrationRequest read(ResultSet r) throws SQLException {
    try {
      String options = r.getString("options");
      var ask =
          new MigrationRequest.Ask(
              RequestKind.valueOf(r.getString("kind")),
              r.getString("workspace"),
              r.getString("requester"),
              ResourceTypes.split(r.getString("resource_types")),
              options == null
                  ? RequestOptions.DEFAULT
                  : JSON.readValue(options, RequestOptions.class),
              Optional.ofNullable(r.getString("note")));
      Timestamp decidedAt = r.getTimestamp("decided_at");
      String supportTs = r.getString("support_ts");
      return new MigrationRequest(
          r.getLong("id"),
          ask,
          RequestState.valueOf(r.getString("state")),
          r.getTimestamp("created_at").toInstant(),
          r.getTimestamp("updated_at").toInstant(),
          decidedAt == null
              ? Optional.empty()
              : Optional.of(
                  new MigrationRequest.Decision(
                      r.getString("decided_by"),
                      decidedAt.toInstant(),
                      Optional.ofNullable(r.getString("decision_reason")))),
          supportTs == null
              ? Optional.empty()
              : Optional.of(
                  new MigrationRequest.SupportMessage(r.getString("support_channel"), supportTs)),
          new MigrationRequest.Run(
              r.getInt("attempt"), Optional.ofNullable(r.getString("claimed_by"))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("request options are not valid JSON", e);
    }
  }
}
