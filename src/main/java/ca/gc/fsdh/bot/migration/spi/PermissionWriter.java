package ca.gc.fsdh.bot.migration.spi;

import ca.gc.fsdh.bot.migration.mapping.Mapping;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.iam.AccessControlRequest;
import com.databricks.sdk.service.iam.PermissionLevel;
import com.databricks.sdk.service.iam.UpdateObjectPermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays the direct object permissions of one item on its new id in the target, principals
 * renamed. PATCH adds to what the target has (the importer's own CAN_MANAGE stays), and adding the
 * same grant twice changes nothing, so a rerun is harmless.
 */
public final class PermissionWriter {
  private final WorkspaceClient target;
  private final Mapping mapping;

  public PermissionWriter(WorkspaceClient target, Mapping mapping) {
    this.target = target;
    this.mapping = mapping;
  }

  /** Returns a note for the report, or null when there was nothing to apply. */
  public String apply(String objectType, String objectId, List<PermissionGrant> acl) {
    if (acl == null || acl.isEmpty() || objectId == null) return null;
    var list = new ArrayList<AccessControlRequest>();
    for (PermissionGrant a : renamed(acl, mapping)) {
      var r = new AccessControlRequest().setPermissionLevel(PermissionLevel.valueOf(a.level()));
      switch (a.principalType()) {
        case "user_name" -> r.setUserName(a.principal());
        case "group_name" -> r.setGroupName(a.principal());
        default -> r.setServicePrincipalName(a.principal());
      }
      list.add(r);
    }
    target
        .permissions()
        .update(
            new UpdateObjectPermissions()
                .setRequestObjectType(objectType)
                .setRequestObjectId(objectId)
                .setAccessControlList(list));
    return list.size() + " permission(s) applied";
  }

  public static List<PermissionGrant> renamed(List<PermissionGrant> acl, Mapping mapping) {
    if (acl == null) return List.of();
    return acl.stream()
        .map(a ->
            new PermissionGrant(
                a.principalType(),
                switch (a.principalType()) {
                  case "user_name" -> mapping.user(a.principal());
                  case "group_name" -> mapping.group(a.principal());
                  default -> mapping.servicePrincipal(a.principal());
                },
                a.level()))
        .toList();
  }
}
