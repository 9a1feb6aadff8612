package ca.gc.fsdh.bot.migration.target;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.iam.Group;
import com.databricks.sdk.service.iam.ListGroupsRequest;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The groups a workspace has only locally: Unity Catalog names account-level principals only, so a
 * grant to one of these cannot carry over (terraform-provider-databricks #1773, #2237: "grants
 * requires account-level group"). The workspace's SCIM API tells them apart by {@code
 * meta.resourceType}: {@code WorkspaceGroup} for a local group, {@code Group} for an account group
 * assigned to the workspace (UCX's group migration reads it the same way).
 */
public final class WorkspaceLocalGroups {
  private WorkspaceLocalGroups() {}

  /** The local groups' display names, lower case (principal names match without case). */
  public static Set<String> read(WorkspaceClient workspace) {
    var out = new TreeSet<String>();
    for (Group g :
        workspace.groups().list(new ListGroupsRequest().setAttributes("id,displayName,meta"))) {
      if (g.getMeta() != null
          && "WorkspaceGroup".equals(g.getMeta().getResourceType())
          && g.getDisplayName() != null) {
        out.add(g.getDisplayName().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }
}
