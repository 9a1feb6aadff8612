package ca.gc.fsdh.bot.slack;

import com.slack.api.methods.MethodsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who belongs to the support user group, asked of Slack ({@code usergroups.users.list}) at each
 * check, so that a person removed from the group loses the right at once. A failed lookup refuses.
 */
public final class SupportGroup {
  private static final Logger log = LoggerFactory.getLogger(SupportGroup.class);
  private final MethodsClient slack;
  private final String userGroupId;

  public SupportGroup(MethodsClient slack, String userGroupId) {
    this.slack = slack;
    this.userGroupId = userGroupId;
  }

  public boolean isMember(String userId) {
    try {
      var response = slack.usergroupsUsersList(r -> r.usergroup(userGroupId));
      if (!response.isOk()) {
        log.warn("usergroups.users.list for {} failed: {}", userGroupId, response.getError());
        return false;
      }
      return response.getUsers() != null && response.getUsers().contains(userId);
    } catch (Exception e) {
      log.warn("usergroups.users.list for {} failed: {}", userGroupId, e.toString());
      return false;
    }
  }
}
