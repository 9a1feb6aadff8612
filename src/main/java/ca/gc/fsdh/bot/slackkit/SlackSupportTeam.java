package ca.gc.fsdh.bot.slackkit;

import ca.gc.fsdh.bot.platform.config.SupportTeam;
import com.slack.api.methods.MethodsClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members of the support user group, from {@code usergroups.users.list}, kept for a minute so that
 * a burst of clicks costs one call. When Slack cannot answer, nobody is support (fail closed).
 */
public final class SlackSupportTeam implements SupportTeam {
  private static final Logger log = LoggerFactory.getLogger(SlackSupportTeam.class);
  static final Duration KEEP = Duration.ofMinutes(1);
  private final MethodsClient client;
  private final String userGroup;
  private final Clock clock;
  private volatile Set<String> members = Set.of();
  private volatile Instant fetchedAt = Instant.MIN;

  public SlackSupportTeam(MethodsClient client, String userGroup, Clock clock) {
    this.client = client;
    this.userGroup = userGroup;
    this.clock = clock;
  }

  @Override
  public boolean isMember(String slackUserId) {
    return members().contains(slackUserId);
  }

  @Override
  public Set<String> members() {
    Instant now = clock.instant();
    if (now.isBefore(fetchedAt.plus(KEEP))) {
      return members;
    }
    synchronized (this) {
      if (now.isBefore(fetchedAt.plus(KEEP))) {
        return members;
      }
      try {
        var response = client.usergroupsUsersList(r -> r.usergroup(userGroup));
        if (response.isOk()) {
          members = Set.copyOf(response.getUsers());
          fetchedAt = now;
        } else {
          log.warn("usergroups.users.list for {} failed: {}", userGroup, response.getError());
          return Set.of();
        }
      } catch (Exception e) {
        log.warn("usergroups.users.list for {} failed: {}", userGroup, e.toString());
        return Set.of();
      }
      return members;
    }
  }
}
