package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.OTHER;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/2.0/preview/scim/v2/Me}: the user the token belongs to, as a SCIM User (fields of
 * the SDK's {@code iam.User}: {@code id}, {@code userName}, {@code displayName}, {@code active},
 * {@code emails}, {@code schemas}). The migration core calls it once per workspace before a run, to
 * check the host and the token.
 */
final class ScimRoutes implements Routes {
  private final WorkspaceState state;

  ScimRoutes(WorkspaceState state) {
    this.state = state;
  }

  @Override
  public void register(Router r) {
    r.add("GET", "/api/2.0/preview/scim/v2/Me", OTHER, c -> Reply.json(me()));
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
