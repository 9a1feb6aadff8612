package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.OTHER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Unity Catalog grants over REST, as the SDK's {@code grants()} calls them (SDK 0.141 {@code
 * GrantsImpl}): {@code GET/PATCH /api/2.1/unity-catalog/permissions/{type}/{full_name}} (direct
 * grants only), {@code GET .../effective-permissions/{type}/{full_name}} (inherited ones too, each
 * with {@code inherited_from_type} / {@code inherited_from_name}: "Includes inherited permissions
 * from any parent securables"), and their paginated forms {@code privilege-assignments} and {@code
 * effective-privilege-assignments}.
 *
 * <p>A PATCH is a list of {@code {principal, add, remove}} changes: all are checked before any is
 * applied (principal an account principal, privilege a UC one that applies to the securable, the
 * securable existing), re-adding a privilege already held changes nothing, and the answer lists the
 * direct grants after the change unless {@code omit_permissions_in_response}. Securables in {@code
 * hive_metastore} are refused: legacy table ACLs are SQL-only (Terraform keeps {@code
 * databricks_sql_permissions}, which runs SQL, beside {@code databricks_grants} for UC).
 */
final class UcGrantsRoutes implements Routes {
  private static final String BASE = "/api/2.1/unity-catalog/";
  private final UnityCatalog uc;

  UcGrantsRoutes(WorkspaceState state) {
    this.uc = state.unityCatalog();
  }

  @Override
  public void register(Router r) {
    r.addPrefix(
        "GET",
        BASE + "permissions/",
        OTHER,
        guard(c -> {
          UcSecurable s = securable(c, "permissions/");
          return Reply.json(
              UcPage.of(
                  c,
                  "max_results",
                  direct(s, c.param("principal")),
                  "privilege_assignments",
                  a -> a,
                  uc));
        }));
    r.addPrefix(
        "GET",
        BASE + "privilege-assignments/",
        OTHER,
        guard(c -> {
          UcSecurable s = securable(c, "privilege-assignments/");
          return Reply.json(
              UcPage.of(
                  c,
                  "page_size",
                  direct(s, c.param("principal")),
                  "privilege_assignments",
                  a -> a,
                  uc));
        }));
    r.addPrefix(
        "GET",
        BASE + "effective-permissions/",
        OTHER,
        guard(c -> {
          UcSecurable s = securable(c, "effective-permissions/");
          return Reply.json(
              UcPage.of(
                  c,
                  "max_results",
                  effective(s, c.param("principal")),
                  "privilege_assignments",
                  a -> a,
                  uc));
        }));
    r.addPrefix(
        "GET",
        BASE + "effective-privilege-assignments/",
        OTHER,
        guard(c -> {
          UcSecurable s = securable(c, "effective-privilege-assignments/");
          return Reply.json(
              UcPage.of(
                  c,
                  "page_size",
                  effective(s, c.param("principal")),
                  "effective_privilege_assignments",
                  a -> a,
                  uc));
        }));
    r.addPrefix("PATCH", BASE + "permissions/", OTHER, guard(this::update));
  }

  private Router.Handler guard(Router.Handler h) {
    return UcGuard.guarded(uc, h);
  }

  /** {@code {type}/{full_name}} after {@code prefix}. */
  private UcSecurable securable(ApiCall c, String prefix) {
    String rest = c.path().substring((BASE + prefix).length());
    int slash = rest.indexOf('/');
    if (slash < 0) {
      throw UcError.invalid("Expected /" + prefix + "{securable_type}/{full_name}.");
    }
    UcSecurable s = UcSecurable.of(rest.substring(0, slash), rest.substring(slash + 1));
    uc.requireUnityCatalogObject(s);
    uc.requireExists(s);
    return s;
  }

  private List<JsonNode> direct(UcSecurable s, String principal) {
    List<JsonNode> out = new ArrayList<>();
    for (UcGrants.Assignment a : uc.grants().on(s)) {
      if (principal == null || a.principal().equalsIgnoreCase(principal)) {
        ObjectNode n = Json.object().put("principal", a.principal());
        a.privileges().forEach(n.putArray("privileges")::add);
        out.add(n);
      }
    }
    return out;
  }

  /**
   * Direct and inherited privileges by principal; an inherited one names the parent it comes from.
   */
  private List<JsonNode> effective(UcSecurable s, String principal) {
    Map<String, ArrayNode> byPrincipal = new TreeMap<>();
    for (UcSecurable from : s.withParents()) {
      for (UcGrants.Assignment a : uc.grants().on(from)) {
        if (principal != null && !a.principal().equalsIgnoreCase(principal)) {
          continue;
        }
        ArrayNode privileges = byPrincipal.computeIfAbsent(a.principal(), k -> Json.array());
        for (String p : a.privileges()) {
          ObjectNode e = privileges.addObject().put("privilege", p);
          if (!from.equals(s)) {
            e.put("inherited_from_type", from.type().name())
                .put("inherited_from_name", from.fullName());
          }
        }
      }
    }
    List<JsonNode> out = new ArrayList<>();
    byPrincipal.forEach((p, privileges) -> {
      ObjectNode n = Json.object().put("principal", p);
      n.set("privileges", privileges);
      out.add(n);
    });
    return out;
  }

  private Reply update(ApiCall c) {
    UcSecurable s = securable(c, "permissions/");
    List<UnityCatalog.Change> changes = new ArrayList<>();
    for (JsonNode ch : c.json().path("changes")) {
      String principal = ch.path("principal").asText(null);
      if (principal == null || principal.isEmpty()) {
        throw UcError.invalid("Every change needs a principal.");
      }
      changes.add(
          new UnityCatalog.Change(principal, texts(ch.path("add")), texts(ch.path("remove"))));
    }
    uc.change(s, changes);
    ObjectNode body = Json.object();
    if (!c.json().path("omit_permissions_in_response").asBoolean(false)) {
      ArrayNode a = body.putArray("privilege_assignments");
      direct(s, null).forEach(a::add);
    }
    return Reply.json(body);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
