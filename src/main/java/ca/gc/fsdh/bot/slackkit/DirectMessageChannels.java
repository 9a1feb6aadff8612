package ca.gc.fsdh.bot.slackkit;

import com.slack.api.methods.MethodsClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Each person's direct-message channel with the bot, opened once ({@code conversations.open}, Tier
 * 3) and kept in {@code slack_dm_channel}, so that every instance and every restart reuses it.
 */
public final class DirectMessageChannels {
  private final DataSource dataSource;
  private final MethodsClient slack;
  private final SlackCalls calls;
  private final Clock clock;
  private final Map<String, String> known = new ConcurrentHashMap<>();

  public DirectMessageChannels(
      DataSource dataSource, MethodsClient slack, SlackCalls calls, Clock clock) {
    this.dataSource = dataSource;
    this.slack = slack;
    this.calls = calls;
    this.clock = clock;
  }

  public String of(String userId) throws SlackCallFailed {
    String channel = known.get(userId);
    if (channel != null) {
      return channel;
    }
    Optional<String> stored = stored(userId);
    if (stored.isEmpty()) {
      var opened =
          calls.call(
              "conversations.open",
              userId,
              () -> slack.conversationsOpen(r -> r.users(List.of(userId))));
      keep(userId, opened.getChannel().getId());
      stored = stored(userId); // another instance may have kept it first: the same channel
    }
    known.put(userId, stored.orElseThrow());
    return stored.get();
  }

  /** Slack no longer knows the channel: open it again next time. */
  public void forget(String userId) {
    known.remove(userId);
    run("DELETE FROM slack_dm_channel WHERE user_id = ?", userId);
  }

  private Optional<String> stored(String userId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT channel_id FROM slack_dm_channel WHERE user_id = ?")) {
      s.setString(1, userId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read direct-message channels", e);
    }
  }

  private void keep(String userId, String channel) {
    run(
        "INSERT INTO slack_dm_channel (user_id, channel_id, opened_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        userId,
        channel,
        Timestamp.from(clock.instant()));
  }

  private void run(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store a direct-message channel", e);
    }
  }
}
