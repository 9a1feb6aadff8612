package ca.gc.fsdh.bot.reminders;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Milestone dates changed by support ({@code milestone_override}); they outlive restarts. */
public final class MilestoneOverrides {
  private final DataSource dataSource;

  public MilestoneOverrides(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Map<String, LocalDate> all() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT milestone_id, milestone_date FROM milestone_override");
        ResultSet r = s.executeQuery()) {
      Map<String, LocalDate> out = new LinkedHashMap<>();
      while (r.next()) {
        out.put(r.getString(1), r.getDate(2).toLocalDate());
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read milestone overrides", e);
    }
  }

  /**
   * Saves the date: an UPDATE, else an INSERT (H2 has no ON CONFLICT DO UPDATE; MERGE needs
   * PostgreSQL 15).
   */
  public void set(String milestoneId, LocalDate date, String changedBy, Instant at) {
    try (Connection c = dataSource.getConnection()) {
      for (String sql :
          new String[] {
            "UPDATE milestone_override SET milestone_date = ?, changed_by = ?, changed_at = ? WHERE milestone_id = ?",
            "INSERT INTO milestone_override (milestone_date, changed_by, changed_at, milestone_id) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING"
          }) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.setDate(1, Date.valueOf(date));
          s.setString(2, changedBy);
          s.setTimestamp(3, Timestamp.from(at));
          s.setString(4, milestoneId);
          if (s.executeUpdate() == 1) {
            return;
          }
        }
      }
      set(milestoneId, date, changedBy, at); // inserted by someone else in between: update it
    } catch (SQLException e) {
      throw new IllegalStateException("cannot save the date of milestone " + milestoneId, e);
    }
  }
}
