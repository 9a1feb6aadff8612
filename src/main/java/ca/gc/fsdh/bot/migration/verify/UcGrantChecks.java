package ca.gc.fsdh.bot.migration.verify;

import ca.gc.fsdh.bot.migration.tableacls.Grant;
import ca.gc.fsdh.bot.migration.tableacls.UcSchemas;
import ca.gc.fsdh.bot.migration.tableacls.UcTranslation;
import ca.gc.fsdh.bot.migration.tableacls.UcTranslation.Reason;
import ca.gc.fsdh.bot.migration.tableacls.UcTranslation.Translated;
import ca.gc.fsdh.bot.migration.tableacls.UcTranslation.UcGrant;
import ca.gc.fsdh.bot.migration.tableacls.UcTranslation.UcOwner;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.catalog.EffectivePrivilege;
import com.databricks.sdk.service.catalog.EffectivePrivilegeAssignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Table ACLs compared in Unity Catalog terms: each exported grant, principal renamed and translated
 * as the import translates it, must be a <em>direct</em> grant on its UC securable ({@code GET
 * .../effective-privilege-assignments}: a row with {@code inherited_from_*} set comes from the
 * schema or catalog and is told apart), and each owner the securable's owner. A grant that cannot
 * carry over (no UC equivalent, a workspace-local group, a securable missing in PROD) is listed as
 * such, not as a difference: the plan and the import report named it already.
 */
final class UcGrantChecks {
  private final WorkspaceClient target;
  private final UcSchemas schemas;
  private final Set<String> localGroups;

  UcGrantChecks(WorkspaceClient target, UcSchemas schemas, Set<String> localGroups) {
    this.target = target;
    this.schemas = schemas;
    this.localGroups = localGroups;
  }

  /** A privilege as found on a securable: direct, or inherited from where. */
  private record Found(boolean direct, String inheritedFrom) {}

  ItemCheck check(String id, List<Grant> renamed) {
    List<Translated> all = UcTranslation.translate(renamed, schemas);
    var diffs = new ArrayList<String>();
    var notCarried = new ArrayList<String>();
    Map<List<String>, Map<String, Map<String, Found>>> cache = new HashMap<>();
    for (Translated t : all) {
      if (t.notCarried() != null) {
        notCarried.add(t.notCarried().line());
        continue;
      }
      String local = local(t);
      if (local != null) {
        notCarried.add(
            new UcTranslation.NotCarried(t.source(), Reason.WORKSPACE_LOCAL_PRINCIPAL).line());
        continue;
      }
      for (UcGrant u : t.grants()) {
        var key = List.of(u.securableType(), u.fullName());
        var onIt = cache.computeIfAbsent(key, k -> effective(k.get(0), k.get(1)));
        if (onIt == null) {
          notCarried.add(
              new UcTranslation.NotCarried(t.source(), Reason.MISSING_IN_TARGET, u.fullName())
                  .line());
          break;
        }
        Found f =
            onIt.getOrDefault(u.principal().toLowerCase(Locale.ROOT), Map.of())
                .get(u.privilege().name());
        String what =
            u.privilege().name().replace('_', ' ')
                + " for "
                + u.principal()
                + " on "
                + u.securableType()
                + " "
                + u.fullName()
                + " (from "
                + UcTranslation.describe(t.source())
                + ")";
        if (f == null) {
          diffs.add(what + " is missing");
        } else if (!f.direct()) {
          diffs.add(what + " is only inherited from " + f.inheritedFrom());
        }
      }
      UcOwner o = t.owner();
      if (o != null) {
        String owner = owner(o.securableType(), o.fullName());
        if (owner == null) {
          notCarried.add(
              new UcTranslation.NotCarried(o.source(), Reason.MISSING_IN_TARGET, o.fullName())
                  .line());
        } else if (!owner.equalsIgnoreCase(o.principal())) {
          diffs.add(
              "owner of "
                  + o.securableType()
                  + " "
                  + o.fullName()
                  + " is "
                  + owner
                  + ", not "
                  + o.principal());
        }
      }
    }
    String where = "Unity Catalog";
    if (!diffs.isEmpty()) return ItemCheck.of("tableacls", id, where, diffs);
    if (notCarried.isEmpty()) return ItemCheck.of("tableacls", id, where, List.of());
    return new ItemCheck(
        "tableacls",
        id,
        where,
        ItemCheck.Status.PARTLY_CHECKED,
        notCarried.stream().map(l -> "not carried over (reported at import): " + l).toList());
  }

  /** The principal of a translated grant when it is a workspace-local group, else null. */
  private String local(Translated t) {
    String p =
        !t.grants().isEmpty()
            ? t.grants().getFirst().principal()
            : t.owner() == null ? null : t.owner().principal();
    return p != null && localGroups.contains(p.toLowerCase(Locale.ROOT)) ? p : null;
  }

  /** principal → privilege → found, or null when the securable does not exist. */
  private Map<String, Map<String, Found>> effective(String type, String name) {
    var out = new HashMap<String, Map<String, Found>>();
    try {
      for (EffectivePrivilegeAssignment a : target.grants().listEffective(type, name)) {
        if (a.getPrincipal() == null || a.getPrivileges() == null) continue;
        var mine =
            out.computeIfAbsent(a.getPrincipal().toLowerCase(Locale.ROOT), k -> new HashMap<>());
        for (EffectivePrivilege p : a.getPrivileges()) {
          if (p.getPrivilege() == null) continue;
          boolean direct = p.getInheritedFromName() == null || p.getInheritedFromName().isEmpty();
          Found f =
              new Found(
                  direct,
                  direct ? null : p.getInheritedFromType() + " " + p.getInheritedFromName());
          mine.merge(p.getPrivilege().name(), f, (x, y) -> x.direct() ? x : y);
        }
      }
    } catch (NotFound e) {
      return null;
    }
    return out;
  }

  private String owner(String type, String name) {
    try {
      return switch (type) {
        case "catalog" -> target.catalogs().get(name).getOwner();
        case "schema" -> target.schemas().get(name).getOwner();
        default -> target.tables().get(name).getOwner();
      };
    } catch (NotFound e) {
      return null;
    }
  }
}
