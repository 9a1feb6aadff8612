package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.PERMISSIONS_READ;
import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.PERMISSIONS_WRITE;

import com.databricks.sdk.service.workspace.ObjectType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Object permissions ({@code /api/2.0/permissions/{type}/{id}}): GET, PUT, PATCH and
 * permissionLevels. GET includes inherited entries, as the real API does: those of every folder
 * above a workspace object, and {@code admins} CAN_MANAGE from the root of each object kind. A
 * migration must drop them (the {@code inherited} flag) and map ids to the target's.
 */
final class PermissionsRoutes implements Routes {
  private static final String PREFIX = "/api/2.0/permissions/";
  private static final List<String> WORKSPACE_LEVELS =
      List.of("CAN_READ", "CAN_RUN", "CAN_EDIT", "CAN_MANAGE");
  private static final Map<String, List<String>> LEVELS =
      Map.of(
          "notebooks",
          WORKSPACE_LEVELS,
          "directories",
          WORKSPACE_LEVELS,
          "files",
          WORKSPACE_LEVELS,
          "repos",
          WORKSPACE_LEVELS,
          "jobs",
          List.of("CAN_VIEW", "CAN_MANAGE_RUN", "IS_OWNER", "CAN_MANAGE"),
          "registered-models",
          List.of(
              "CAN_READ",
              "CAN_EDIT",
              "CAN_MANAGE_STAGING_VERSIONS",
              "CAN_MANAGE_PRODUCTION_VERSIONS",
              "CAN_MANAGE"),
          "clusters",
          List.of("CAN_ATTACH_TO", "CAN_RESTART", "CAN_MANAGE"),
          "instance-pools",
          List.of("CAN_ATTACH_TO", "CAN_MANAGE"),
          "cluster-policies",
          List.of("CAN_USE"),
          "warehouses",
          List.of("CAN_VIEW", "CAN_MONITOR", "CAN_USE", "IS_OWNER", "CAN_MANAGE"));
  private static final Map<String, String> SINGULAR =
      Map.of(
          "notebooks",
          "notebook",
          "directories",
          "directory",
          "files",
          "file",
          "repos",
          "repo",
          "jobs",
          "job",
          "registered-models",
          "registered-model",
          "clusters",
          "cluster",
          "instance-pools",
          "instance-pool",
          "cluster-policies",
          "cluster-policy",
          "warehouses",
          "warehouses");

  private final WorkspaceState state;

  PermissionsRoutes(WorkspaceState state) {
    this.state = state;
  }

  @Override
  public void register(Router r) {
    r.addPrefix("GET", PREFIX, PERMISSIONS_READ, this::get);
    r.addPrefix("PUT", PREFIX, PERMISSIONS_WRITE, c -> write(c, true));
    r.addPrefix("PATCH", PREFIX, PERMISSIONS_WRITE, c -> write(c, false));
  }

  private record Target(String type, String id) {}

  private Target target(ApiCall call) {
    String[] parts = call.path().substring(PREFIX.length()).split("/");
    if (parts.length < 2 || !LEVELS.containsKey(parts[0])) {
      throw ApiError.invalid("Unsupported object type in " + call.path() + ".");
    }
    Target t = new Target(parts[0], parts[1]);
    if (!exists(t)) {
      throw ApiError.notFound(SINGULAR.get(t.type()) + " " + t.id() + " does not exist.");
    }
    return t;
  }

  private boolean exists(Target t) {
    return switch (t.type()) {
      case "notebooks", "directories", "files", "repos" -> workspaceObject(t) != null;
      case "jobs" -> parseLong(t.id()) != null && state.jobs().get(parseLong(t.id())).isPresent();
      case "registered-models" -> state.models().modelById(t.id()).isPresent();
      case "clusters" -> state.compute().cluster(t.id()).isPresent();
      case "instance-pools" -> state.compute().pool(t.id()).isPresent();
      case "cluster-policies" -> state.compute().policy(t.id()).isPresent();
      default -> state.compute().warehouse(t.id()).isPresent();
    };
  }

  private WorkspaceObject workspaceObject(Target t) {
    Long id = parseLong(t.id());
    if (id == null) {
      return null;
    }
    ObjectType expected =
        switch (t.type()) {
          case "notebooks" -> ObjectType.NOTEBOOK;
          case "directories" -> ObjectType.DIRECTORY;
          case "files" -> ObjectType.FILE;
          default -> ObjectType.REPO;
        };
    return state.workspace().byId(id).filter(o -> o.type() == expected).orElse(null);
  }

  private static Long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Reply get(ApiCall call) {
    Target t = target(call);
    if (call.path().endsWith("/permissionLevels")) {
      ObjectNode body = Json.object();
      ArrayNode levels = body.putArray("permission_levels");
      LEVELS.get(t.type()).forEach(l -> levels.addObject().put("permission_level", l));
      return Reply.json(body);
    }
    return Reply.json(describe(t));
  }

  private ObjectNode describe(Target t) {
    Map<String, ObjectNode> byPrincipal = new LinkedHashMap<>();
    for (AclEntry e : state.permissions().direct(t.type(), t.id())) {
      entry(byPrincipal, e).addObject().put("permission_level", e.level()).put("inherited", false);
    }
    for (Inherited i : inherited(t)) {
      ObjectNode p =
          entry(byPrincipal, i.entry())
              .addObject()
              .put("permission_level", i.entry().level())
              .put("inherited", true);
      p.putArray("inherited_from_object").add(i.from());
    }
    ObjectNode body =
        Json.object()
            .put("object_id", "/" + t.type() + "/" + t.id())
            .put("object_type", SINGULAR.get(t.type()));
    ArrayNode acl = body.putArray("access_control_list");
    byPrincipal.values().forEach(acl::add);
    return body;
  }

  private record Inherited(AclEntry entry, String from) {}

  private List<Inherited> inherited(Target t) {
    List<Inherited> out = new ArrayList<>();
    WorkspaceObject o =
        switch (t.type()) {
          case "notebooks", "directories", "files", "repos" -> workspaceObject(t);
          default -> null;
        };
    if (o != null) {
      String parent = o.path().equals("/") ? null : o.parent();
      while (parent != null) {
        WorkspaceObject dir = state.workspace().get(parent).orElse(null);
        if (dir != null && dir.id() != 0) {
          for (AclEntry e : state.permissions().direct("directories", Long.toString(dir.id()))) {
            out.add(new Inherited(e, "/directories/" + dir.id()));
          }
        }
        parent = parent.equals("/") ? null : WorkspaceTree.parentOf(parent);
      }
      out.add(new Inherited(AclEntry.group("admins", "CAN_MANAGE"), "/directories/"));
    } else {
      out.add(new Inherited(AclEntry.group("admins", "CAN_MANAGE"), "/" + t.type() + "/"));
    }
    return out;
  }

  private static ArrayNode entry(Map<String, ObjectNode> byPrincipal, AclEntry e) {
    ObjectNode n =
        byPrincipal.computeIfAbsent(
            e.principalField() + ":" + e.principal(),
            k -> Json.object().put(e.principalField(), e.principal()));
    return n.has("all_permissions")
        ? (ArrayNode) n.get("all_permissions")
        : n.putArray("all_permissions");
  }

  private Reply write(ApiCall call, boolean replace) {
    Target t = target(call);
    List<AclEntry> entries = new ArrayList<>();
    for (JsonNode a : call.json().path("access_control_list")) {
      entries.add(parse(a, t.type()));
    }
    if (replace) {
      if (t.type().equals("jobs")
          && entries.stream().noneMatch(e -> e.level().equals("IS_OWNER"))) {
        state.permissions().direct(t.type(), t.id()).stream()
            .filter(e -> e.level().equals("IS_OWNER"))
            .forEach(entries::add); // a job always keeps an owner
      }
      state.permissions().set(t.type(), t.id(), entries);
    } else {
      state.permissions().update(t.type(), t.id(), entries);
    }
    return Reply.json(describe(t));
  }

  static AclEntry parse(JsonNode a, String type) {
    String level = a.path("permission_level").asText("");
    if (!LEVELS.get(type).contains(level)) {
      throw ApiError.invalid(
          "Permission level "
              + level
              + " is not valid for "
              + type
              + "; expected one of "
              + LEVELS.get(type)
              + ".");
    }
    for (String field : List.of("user_name", "group_name", "service_principal_name")) {
      if (a.hasNonNull(field)) {
        return new AclEntry(field, a.get(field).asText(), level);
      }
    }
    throw ApiError.invalid(
        "Each access control entry needs user_name, group_name or service_principal_name.");
  }
}
