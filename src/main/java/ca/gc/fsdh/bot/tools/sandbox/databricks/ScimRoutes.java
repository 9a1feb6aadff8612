package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.OTHER;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/2.0/preview/scim/v2/Me}: the user the token belongs to, as a SCIM User (fields of
 * the SDK's {@code iam.User}: {@code id}, {@code userName}, {@code displayName}, {@code active},
 * {@code emails}, {@code schemas}). The migration core calls it once per workspace before a run, to
 * check the host and the token.
 *
 * <p>{@code GET /api/2.0/preview/scim/v2/Groups}: the workspace's groups as SCIM Groups ({@code
 * id}, {@code displayName}, {@code meta.resourceType}), paged by {@code startIndex} (1-based) and
 * {@code count} in a ListResponse ({@code totalResults}, {@code itemsPerPage}, {@code startIndex},
 * {@code Resources}; SDK {@code ListGroupsResponse}). {@code meta.resourceType} is {@code
 * WorkspaceGroup} for a workspace-local group and {@code Group} for an account group (UCX's group
 * migration tells them apart this way). In Unity Catalog mode the account groups are the
 * metastore's; without a metastore the workspace has the local groups named in its table grants.
 */
final class ScimRoutes implements Routes {
  private final WorkspaceState state;

  ScimRoutes(WorkspaceState state) {
    this.state = state;
  }

  @Override
  public void register(Router r) {
    r.add("GET", "/api/2.0/preview/scim/v2/Me", OTHER, c -> Reply.json(me()));
    r.add("GET", "/api/2.0/preview/scim/v2/Groups", OTHER, this::groups);
  }

  private Reply groups(ApiCall c) {
    var all = new java.util.TreeMap<String, String>();
    UnityCatalog uc = state.unityCatalog();
    if (uc.enabled()) {
      uc.accountPrincipals()
          .forEach((name, kind) -> {
            if (kind == UnityCatalog.PrincipalKind.GROUP) all.put(name, "Group");
          });
      uc.workspaceGroups().forEach(g -> all.put(g, "WorkspaceGroup"));
    } else {
      state.tables().all().stream()
          .map(TableGrant::principal)
          .filter(p -> !p.contains("@"))
          .forEach(p -> all.put(p, "WorkspaceGroup"));
    }
    long start = Math.max(1, number(c, "startIndex", 1));
    long count = Math.max(0, number(c, "count", 10000));
    var list = new java.util.ArrayList<>(all.entrySet());
    ObjectNode out = Json.object().put("totalResults", list.size()).put("startIndex", start);
    var resources = out.putArray("Resources");
    for (long i = start - 1; i < list.size() && i < start - 1 + count; i++) {
      var e = list.get((int) i);
      ObjectNode g = resources.addObject();
      g.put("id", Integer.toString(Math.abs(e.getKey().hashCode())));
      g.put("displayName", e.getKey());
      g.putObject("meta").put("resourceType", e.getValue());
      g.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
    }
    out.put("itemsPerPage", resources.size());
    out.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
    return Reply.json(out);
  }

  private static long number(ApiCall c, String name, long otherwise) {
    String v = c.param(name);
    try {
      return v == null ? otherwise : Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiError.invalid("Invalid " + name + ": " + v);
    }
  }

  private ObjectNode me() {
    String user = state.currentUser();
    ObjectNode n =
        Json.object()
            .put("id", "1000000000000001")
            .put("userName", user)
            .put("displayName", user.substring(0, user.indexOf('@')))
            .put("active", true);
    n.putArray("emails").addObject().put("value", user).put("type", "work").put("primary", true);
    n.putArray("schemas")
        .add("urn:ietf:params:scim:schemas:core:2.0:User")
        .add("urn:ietf:params:scim:schemas:extension:workspace:2.0:User");
    return n;
  }
}
