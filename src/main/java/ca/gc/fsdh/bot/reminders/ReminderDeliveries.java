package ca.gc.fsdh.bot.reminders;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code reminder_delivery} table: the queue of due reminders and the record that each went out
 * at most once. A row is inserted before anything is posted (its key refuses a second one), and
 * moved to {@link DeliveryStatus#SENDING} by one conditional UPDATE before each post, so that two
 * bot instances never post the same row.
 */
public final class ReminderDeliveries {
  private static final String COLUMNS =
      "workspace, milestone_id, offset_days, milestone_date, channel, status, attempts, due_at";
  private static final String KEY =
      "workspace = ? AND milestone_id = ? AND offset_days = ? AND milestone_date = ?";
  private static final int CANDIDATES = 16;
  private final DataSource dataSource;

  public ReminderDeliveries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts the rows that are not there yet; returns how many were new. */
  public int enqueue(List<Delivery> rows, Instant now) {
    String sql =
        "INSERT INTO reminder_delivery ("
            + COLUMNS
            + ", next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?) "
            + "ON CONFLICT DO NOTHING";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      c.setAutoCommit(false);
      for (Delivery d : rows) {
        s.setString(1, d.workspace());
        s.setString(2, d.milestoneId());
        s.setInt(3, d.offsetDays());
        s.setDate(4, Date.valueOf(d.milestoneDate()));
        s.setString(5, d.channel());
        s.setString(6, d.status().name());
        s.setTimestamp(7, Timestamp.from(d.dueAt()));
        s.setTimestamp(8, Timestamp.from(now));
        s.addBatch();
      }
      int added = 0;
      for (int n : s.executeBatch()) {
        added += n > 0 || n == Statement.SUCCESS_NO_INFO ? 1 : 0;
      }
      c.commit();
      return added;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot enqueue " + rows.size() + " reminders", e);
    }
  }

  /** Claims the next due row for {@code owner}: PENDING → SENDING. Empty when nothing is due. */
  public Optional<Delivery> claimNext(String owner, Instant now) {
    // Oldest first, then the earliest offset of every workspace before anyone's next one, so that
    // consecutive posts go to different channels.
    String pick =
        "SELECT "
            + COLUMNS
            + " FROM reminder_delivery WHERE status = 'PENDING' AND next_attempt_at <= ? "
            + "ORDER BY next_attempt_at, offset_days DESC, milestone_id, workspace LIMIT "
            + CANDIDATES;
    String claim =
        "UPDATE reminder_delivery SET status = 'SENDING', claimed_by = ?, claimed_at = ? WHERE "
            + KEY
            + " AND status = 'PENDING'";
    try (Connection c = dataSource.getConnection()) {
      while (true) {
        List<Delivery> candidates = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(pick)) {
          s.setTimestamp(1, Timestamp.from(now));
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              candidates.add(read(r));
            }
          }
        }
        if (candidates.isEmpty()) {
          return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement(claim)) {
          for (Delivery d : candidates) {
            s.setString(1, owner);
            s.setTimestamp(2, Timestamp.from(now));
            bindKey(s, 3, d);
            if (s.executeUpdate() == 1) {
              return Optional.of(d);
            }
          }
        }
        // Another instance took every candidate first: look again.
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot claim a reminder", e);
    }
  }

  /** The earliest next attempt of a PENDING row, if any. */
  public Optional<Instant> nextAttempt() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT min(next_attempt_at) FROM reminder_delivery WHERE status = 'PENDING'");
        ResultSet r = s.executeQuery()) {
      r.next();
      Timestamp t = r.getTimestamp(1);
      return Optional.ofNullable(t).map(Timestamp::toInstant);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the reminder queue", e);
    }
  }

  public void sent(Delivery d, String owner, String messageTs, Instant at) {
    update(
        d,
        owner,
        "status = 'SENT', sent_at = ?, message_ts = ?, attempts = attempts + 1",
        s -> {
          s.setTimestamp(1, Timestamp.from(at));
          s.setString(2, messageTs);
        },
        2);
  }

  /**
   * Back to PENDING, for another attempt at {@code next}; counts as an attempt when {@code failed}.
   */
  public void retryLater(Delivery d, String owner, Instant next, boolean failed, String error) {
    update(
        d,
        owner,
        "status = 'PENDING', next_attempt_at = ?, last_error = ?, claimed_by = NULL, claimed_at = NULL"
            + (failed ? ", attempts = attempts + 1" : ""),
        s -> {
          s.setTimestamp(1, Timestamp.from(next));
          s.setString(2, clip(error));
        },
        2);
  }

  /** A final status other than SENT (SKIPPED, DROPPED, FAILED). */
  public void finish(Delivery d, String owner, DeliveryStatus status, String reason) {
    update(
        d,
        owner,
        "status = ?, last_error = ?",
        s -> {
          s.setString(1, status.name());
          s.setString(2, clip(reason));
        },
        2);
  }

  /** Rows left SENDING since before {@code claimedBefore}: their poster stopped mid-post. */
  public int markUnconfirmed(Instant claimedBefore) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE reminder_delivery SET status = 'UNCONFIRMED' "
                    + "WHERE status = 'SENDING' AND claimed_at < ?")) {
      s.setTimestamp(1, Timestamp.from(claimedBefore));
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot sweep unconfirmed reminders", e);
    }
  }

  public Map<DeliveryStatus, Integer> counts() {
    Map<DeliveryStatus, Integer> out = new EnumMap<>(DeliveryStatus.class);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT status, count(*) FROM reminder_delivery GROUP BY status");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.put(DeliveryStatus.valueOf(r.getString(1)), r.getInt(2));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count reminders", e);
    }
  }

  /** Rows not yet final (PENDING or SENDING), soonest first. */
  public List<Delivery> unfinished(int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM reminder_delivery "
                    + "WHERE status IN ('PENDING', 'SENDING', 'UNCONFIRMED') ORDER BY next_attempt_at, workspace LIMIT ?")) {
      s.setInt(1, limit);
      List<Delivery> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(read(r));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the reminder queue", e);
    }
  }

  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  /** Changes a row this owner holds (status SENDING, claimed by it); nothing if it lost the row. */
  private void update(Delivery d, String owner, String set, Binder binder, int used) {
    String sql =
        "UPDATE reminder_delivery SET "
            + set
            + " WHERE "
            + KEY
            + " AND status = 'SENDING' AND claimed_by = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      bindKey(s, used + 1, d);
      s.setString(used + 5, owner);
      if (s.executeUpdate() != 1) {
        throw new IllegalStateException(
            "reminder " + d.describe() + " is no longer held by " + owner);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record reminder " + d.describe(), e);
    }
  }

  private static void bindKey(PreparedStatement s, int first, Delivery d) throws SQLException {
    s.setString(first, d.workspace());
    s.setString(first + 1, d.milestoneId());
    s.setInt(first + 2, d.offsetDays());
    s.setDate(first + 3, Date.valueOf(d.milestoneDate()));
  }

  private static Delivery read(ResultSet r) throws SQLException {
    return new Delivery(
        r.getString("workspace"),
        r.getString("milestone_id"),
        r.getInt("offset_days"),
        r.getDate("milestone_date").toLocalDate(),
        r.getString("channel"),
        DeliveryStatus.valueOf(r.getString("status")),
        r.getInt("attempts"),
        r.getTimestamp("due_at").toInstant());
  }

  private static String clip(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 199) + "…";
  }
}
