package ca.gc.fsdh.bot.slackkit;

import ca.gc.fsdh.bot.platform.http.ReadinessCheck;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;

/**
 * Readiness in Socket Mode: the WebSocket to Slack is open and answers a ping. Slack sends every
 * command, click and event over it, so without it the bot hears nothing. The client's own ping
 * waits at most 3 seconds; a closed socket answers at once.
 */
public final class SocketModeCheck implements ReadinessCheck {
  private final SocketModeApp socketMode;

  public SocketModeCheck(SocketModeApp socketMode) {
    this.socketMode = socketMode;
  }

  @Override
  public String name() {
    return "slack_socket_mode";
  }

  @Override
  public boolean ready() {
    SocketModeClient client = socketMode.getClient(); // null until started
    try {
      return client != null && client.verifyConnection();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
