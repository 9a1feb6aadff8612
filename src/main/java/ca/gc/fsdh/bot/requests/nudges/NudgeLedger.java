package ca.gc.fsdh.bot.requests.nudges;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The nudges claimed and posted (table {@code request_nudge}, Flyway V13): a row per request and
 * business day, inserted before anything is posted, so that of two instances, a restart or a
 * repeated sweep, exactly one posts that day's nudge.
 */
public final class NudgeLedger {
  private final DataSource dataSource;

  public NudgeLedger(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Claims the day's nudge of a request for {@code owner}: false when someone already has it. */
  public boolean claim(
      long requestId, LocalDate day, Nudge.Kind kind, int waited, String owner, Instant now) {
    String sql =
        "INSERT INTO request_nudge (request_id, business_day, kind, status, waited_days,"
            + " claimed_by, claimed_at) VALUES (?, ?, ?, 'SENDING', ?, ?, ?) ON CONFLICT DO NOTHING";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, requestId);
      s.setDate(2, Date.valueOf(day));
      s.setString(3, kind.name());
      s.setInt(4, waited);
      s.setString(5, owner);
      s.setTimestamp(6, Timestamp.from(now));
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot claim the nudge of request " + requestId, e);
    }
  }

  /** Whether the request was escalated already (or its escalation is being posted). */
  public boolean escalated(long requestId) {
    String sql = "SELECT 1 FROM request_nudge WHERE request_id = ? AND kind = 'ESCALATION'";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, requestId);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the nudges of request " + requestId, e);
    }
  }

  public void sent(long requestId, LocalDate day, String messageTs, Instant at) {
    finish(requestId, day, "SENT", Optional.of(messageTs), Optional.empty(), Optional.of(at));
  }

  public void failed(long requestId, LocalDate day, String error) {
    finish(requestId, day, "FAILED", Optional.empty(), Optional.of(error), Optional.empty());
  }

  private void finish(
      long requestId,
      LocalDate day,
      String status,
      Optional<String> ts,
      Optional<String> error,
      Optional<Instant> at) {
    String sql =
        "UPDATE request_nudge SET status = ?, message_ts = ?, last_error = ?, sent_at = ?"
            + " WHERE request_id = ? AND business_day = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, status);
      s.setString(2, ts.orElse(null));
      s.setString(3, error.map(e -> e.length() > 200 ? e.substring(0, 200) : e).orElse(null));
      s.setTimestamp(4, at.map(Timestamp::from).orElse(null));
      s.setLong(5, requestId);
      s.setDate(6, Date.valueOf(day));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the nudge of request " + requestId, e);
    }
  }
}
