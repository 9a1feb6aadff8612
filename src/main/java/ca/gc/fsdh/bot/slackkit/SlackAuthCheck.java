package ca.gc.fsdh.bot.slackkit;

import ca.gc.fsdh.bot.platform.http.ReadinessCheck;
import com.slack.api.methods.MethodsClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness: Slack accepts the bot token ({@code auth.test}). The answer is kept for a minute so
 * that a probe every few seconds does not spend Slack's rate limit.
 */
public final class SlackAuthCheck implements ReadinessCheck {
  private static final Logger log = LoggerFactory.getLogger(SlackAuthCheck.class);
  private static final Duration KEEP = Duration.ofMinutes(1);
  private final MethodsClient client;
  private final Clock clock;
  private volatile Instant checkedAt = Instant.MIN;
  private volatile boolean lastResult;

  public SlackAuthCheck(MethodsClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public boolean ready() {
    Instant now = clock.instant();
    if (now.isBefore(checkedAt.plus(KEEP))) {
      return lastResult;
    }
    boolean ok;
    try {
      var response = client.authTest(r -> r);
      ok = response.isOk();
      if (!ok) {
        log.warn("Slack auth.test refused the bot token: {}", response.getError());
      }
    } catch (Exception e) {
      log.warn("Slack auth.test failed: {}", e.toString());
      ok = false;
    }
    lastResult = ok;
    checkedAt = now;
    return ok;
  }
}
