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
        PreparedStatement s = c.prepareStatement("SELECT milestone_id, milestone_date FROM milestone_override");
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

  public void set(String milestoneId, LocalDate date, String changedBy, Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "INSERT INTO milestone_override (milestone_id, milestone_date, changed_by, changed_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (milestone_id) DO UPDATE SET milestone_date = EXCLUDED.milestone_date, "
                + "changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at")) {
      s.setString(1, milestoneId);
      s.setDate(2, Date.valueOf(date));
      s.setString(3, changedBy);
      s.setTimestamp(4, Timestamp.from(at));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot save the date of milestone " + milestoneId, e);
    }
  }
}
