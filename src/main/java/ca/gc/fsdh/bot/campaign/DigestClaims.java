package ca.gc.fsdh.bot.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The weekly digest's claims ({@code campaign_digest}): a row inserted before the post, keyed by
 * the digest's date, so that one instance wins and no one posts it twice (as reminders claim
 * theirs).
 */
public final class DigestClaims {
  private final DataSource dataSource;

  public DigestClaims(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** True for the one caller that claimed this week's digest; false if anyone had. */
  public boolean claim(LocalDate due, String owner, Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO campaign_digest (due_date, claimed_by, claimed_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
      s.setObject(1, due);
      s.setString(2, owner);
      s.setTimestamp(3, Timestamp.from(at));
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("the digest of " + due + " cannot be claimed", e);
    }
  }

  /** Records how the claimed digest went: {@code posted} (with its chart) or {@code text-only}. */
  public void done(LocalDate due, Instant at, String outcome, Optional<String> fileId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE campaign_digest SET posted_at = ?, outcome = ?, file_id = ?"
                    + " WHERE due_date = ?")) {
      s.setTimestamp(1, Timestamp.from(at));
      s.setString(2, outcome);
      s.setString(3, fileId.orElse(null));
      s.setObject(4, due);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("the digest of " + due + " cannot be recorded", e);
    }
  }
}
