package ca.gc.fsdh.bot.reminders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Hands out send slots shared by every bot instance through {@code reminder_pace}: at most one
 * message per second per channel, and at most the configured rate over all channels. Each
 * reservation is one short transaction that locks the global row, then the channel's row (always in
 * that order).
 */
public final class SendPacer {
  static final long CHANNEL_INTERVAL_MICROS = 1_000_000;
  private static final String GLOBAL = "global";
  private final DataSource dataSource;
  private final long globalIntervalMicros;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  public SendPacer(DataSource dataSource, double ratePerSecond) {
    this.dataSource = dataSource;
    this.globalIntervalMicros = Math.round(1_000_000 / ratePerSecond);
  }

  /**
   * A slot: either reserved (post at {@code at}) or refused because the channel is busy until
   * {@code at} (nothing reserved: take another message meanwhile).
   */
  public record Slot(boolean reserved, Instant at) {}

  public Slot reserve(String channel, Instant now) {
    long nowMicros = micros(now);
    try (Connection c = dataSource.getConnection()) {
      ensure(c, GLOBAL);
      ensure(c, channel);
      c.setAutoCommit(false);
      try {
        long global = lock(c, GLOBAL);
        long channelNext = lock(c, channel);
        long slot = Math.max(nowMicros, global);
        if (channelNext > slot) {
          c.rollback();
          return new Slot(false, instant(channelNext));
        }
        set(c, GLOBAL, slot + globalIntervalMicros);
        set(c, channel, slot + CHANNEL_INTERVAL_MICROS);
        c.commit();
        return new Slot(true, instant(slot));
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reserve a send slot", e);
    }
  }

  /** After a 429: nothing goes out before {@code until}, on any instance. */
  public void holdAll(Instant until) {
    try (Connection c = dataSource.getConnection()) {
      ensure(c, GLOBAL);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE reminder_pace SET next_at_micros = ? WHERE pace_key = ? AND next_at_micros < ?")) {
        s.setLong(1, micros(until));
        s.setString(2, GLOBAL);
        s.setLong(3, micros(until));
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot hold the send slots", e);
    }
  }

  /** Creates the key's row the first time this instance meets it. */
  private void ensure(Connection c, String key) throws SQLException {
    if (known.contains(key)) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO reminder_pace (pace_key, next_at_micros) VALUES (?, 0) ON CONFLICT DO NOTHING")) {
      s.setString(1, key);
      s.executeUpdate();
    }
    known.add(key);
  }

  private static long lock(Connection c, String key) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT next_at_micros FROM reminder_pace WHERE pace_key = ? FOR UPDATE")) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static void set(Connection c, String key, long micros) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("UPDATE reminder_pace SET next_at_micros = ? WHERE pace_key = ?")) {
      s.setLong(1, micros);
      s.setString(2, key);
      s.executeUpdate();
    }
  }

  private static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  private static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
