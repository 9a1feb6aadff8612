package ca.gc.fsdh.bot.migration.spi;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.iam.AccessControlResponse;
import com.databricks.sdk.service.iam.ObjectPermissions;
import com.databricks.sdk.service.iam.Permission;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the object permissions of one object ({@code /api/2.0/permissions/{type}/{id}}) and keeps
 * only the direct ones: inherited entries come back by themselves once the parent is imported.
 */
public final class PermissionReader {
  private final WorkspaceClient workspace;
  private final boolean enabled;

  public PermissionReader(WorkspaceClient workspace, boolean enabled) {
    this.workspace = workspace;
    this.enabled = enabled;
  }

  public PermissionReader(ExportContext ctx) {
    this(ctx.workspace(), ctx.options().permissions());
  }

  /**
   * @param objectType {@code notebooks}, {@code directories}, {@code files}, {@code repos}, {@code
   *     jobs}, {@code registered-models}
   */
  public List<PermissionGrant> direct(String objectType, String objectId) {
    if (!enabled) return null; // null, not empty: "not read" must not look like "no grants"
    return direct(workspace.permissions().get(objectType, objectId));
  }

  static List<PermissionGrant> direct(ObjectPermissions permissions) {
    var out = new ArrayList<PermissionGrant>();
    if (permissions == null || permissions.getAccessControlList() == null) return out;
    for (AccessControlResponse acl : permissions.getAccessControlList()) {
      if (acl.getAllPermissions() == null) continue;
      String type;
      String principal;
      if (acl.getUserName() != null) {
        type = "user_name";
        principal = acl.getUserName();
      } else if (acl.getGroupName() != null) {
        type = "group_name";
        principal = acl.getGroupName();
      } else if (acl.getServicePrincipalName() != null) {
        type = "service_principal_name";
        principal = acl.getServicePrincipalName();
      } else {
        continue;
      }
      for (Permission p : acl.getAllPermissions()) {
        if (Boolean.TRUE.equals(p.getInherited()) || p.getPermissionLevel() == null) continue;
        out.add(new PermissionGrant(type, principal, p.getPermissionLevel().toString()));
      }
    }
    return out;
  }
}
