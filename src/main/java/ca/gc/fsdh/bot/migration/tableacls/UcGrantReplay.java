package ca.gc.fsdh.bot.migration.tableacls;

import ca.gc.fsdh.bot.migration.tableacls.UcTranslation.NotCarried;
import ca.gc.fsdh.bot.migration.tableacls.UcTranslation.Reason;
import ca.gc.fsdh.bot.migration.tableacls.UcTranslation.Translated;
import ca.gc.fsdh.bot.migration.tableacls.UcTranslation.UcGrant;
import ca.gc.fsdh.bot.migration.tableacls.UcTranslation.UcOwner;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.catalog.PermissionsChange;
import com.databricks.sdk.service.catalog.Privilege;
import com.databricks.sdk.service.catalog.PrivilegeAssignment;
import com.databricks.sdk.service.catalog.UpdateCatalog;
import com.databricks.sdk.service.catalog.UpdatePermissions;
import com.databricks.sdk.service.catalog.UpdateSchema;
import com.databricks.sdk.service.catalog.UpdateTableRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Replays translated grants into Unity Catalog through the SDK's grants API ({@code PATCH
 * /api/2.1/unity-catalog/permissions/{type}/{name}}), owners through the securable's update ({@code
 * owner}).
 *
 * <p>Why the API and not SQL {@code GRANT}: it needs no warehouse, takes the privileges as the
 * SDK's {@code Privilege} names, reads back direct grants only (SQL's SHOW GRANTS mixes in
 * inherited ones), and answers typed errors ({@code PRINCIPAL_DOES_NOT_EXIST}, {@code NotFound})
 * that tell a grant that cannot carry over from a failure. UCX copies UC grants the same way
 * ({@code table_move.py}).
 *
 * <p>Idempotent: each securable's direct grants are read first and only missing privileges are
 * added, one change per principal (a PATCH is refused whole when one principal is unknown); an
 * owner already in place is left alone. Owners come last, so that the caller keeps the right to
 * grant until the end.
 */
final class UcGrantReplay {
  /** Prefix of a report note naming a grant that does not carry over. */
  static final String NOT_CARRIED = "not carried over: ";

  private final WorkspaceClient ws;

  UcGrantReplay(WorkspaceClient ws) {
    this.ws = ws;
  }

  /** What one item's replay did. */
  record Result(int added, int owners, int alreadyThere, List<NotCarried> notCarried) {}

  Result replay(List<Translated> all, boolean dryRun) {
    var notCarried = new ArrayList<NotCarried>();
    var seen = new HashSet<Grant>();
    for (Translated t : all) {
      if (t.notCarried() != null) {
        notCarried.add(t.notCarried());
        seen.add(t.source());
      }
    }
    Map<List<String>, Map<String, Set<Privilege>>> wanted = new LinkedHashMap<>();
    Map<UcGrant, Grant> sourceOf = new HashMap<>();
    for (Translated t : all) {
      for (UcGrant u : t.grants()) {
        wanted
            .computeIfAbsent(List.of(u.securableType(), u.fullName()), k -> new LinkedHashMap<>())
            .computeIfAbsent(u.principal(), k -> EnumSet.noneOf(Privilege.class))
            .add(u.privilege());
        sourceOf.putIfAbsent(u, t.source());
      }
    }
    int added = 0;
    int already = 0;
    Set<List<String>> missing = new HashSet<>();
    for (var e : wanted.entrySet()) {
      String type = e.getKey().get(0);
      String name = e.getKey().get(1);
      if (!exists(type, name)) {
        missing.add(e.getKey());
        continue;
      }
      Map<String, Set<Privilege>> current = direct(type, name);
      for (var p : e.getValue().entrySet()) {
        var add = EnumSet.copyOf(p.getValue());
        add.removeAll(current.getOrDefault(p.getKey().toLowerCase(Locale.ROOT), Set.of()));
        already += p.getValue().size() - add.size();
        if (add.isEmpty()) continue;
        if (dryRun) {
          added += add.size();
          continue;
        }
        try {
          ws.grants()
              .update(
                  new UpdatePermissions()
                      .setSecurableType(type)
                      .setFullName(name)
                      .setChanges(
                          List.of(
                              new PermissionsChange()
                                  .setPrincipal(p.getKey())
                                  .setAdd(new ArrayList<>(add))))
                      .setOmitPermissionsInResponse(true));
          added += add.size();
        } catch (DatabricksError err) {
          Reason r = notCarried(err);
          if (r == null) throw err;
          for (Privilege priv : add) {
            Grant src = sourceOf.get(new UcGrant(type, name, p.getKey(), priv));
            if (src != null && seen.add(src))
              notCarried.add(new NotCarried(src, r, detail(r, err)));
          }
        }
      }
    }
    for (Translated t : all) {
      for (UcGrant u : t.grants()) {
        if (missing.contains(List.of(u.securableType(), u.fullName())) && seen.add(t.source()))
          notCarried.add(new NotCarried(t.source(), Reason.MISSING_IN_TARGET, u.fullName()));
      }
    }
    int owners = 0;
    for (Translated t : all) {
      UcOwner o = t.owner();
      if (o == null) continue;
      if (!exists(o.securableType(), o.fullName())) {
        notCarried.add(new NotCarried(o.source(), Reason.MISSING_IN_TARGET, o.fullName()));
        continue;
      }
      if (o.principal().equalsIgnoreCase(owner(o.securableType(), o.fullName()))) {
        already++;
        continue;
      }
      if (dryRun) {
        owners++;
        continue;
      }
      try {
        setOwner(o);
        owners++;
      } catch (DatabricksError err) {
        Reason r = notCarried(err);
        if (r == null) throw err;
        notCarried.add(new NotCarried(o.source(), r, detail(r, err)));
      }
    }
    return new Result(added, owners, already, notCarried);
  }

  /** A refusal that rerunning cannot fix becomes a reported grant; anything else is a failure. */
  private static Reason notCarried(DatabricksError e) {
    String code = e.getErrorCode() == null ? "" : e.getErrorCode();
    if (code.equals("PRINCIPAL_DOES_NOT_EXIST")) return Reason.WORKSPACE_LOCAL_PRINCIPAL;
    if (code.endsWith("_DOES_NOT_EXIST") && !code.equals("METASTORE_DOES_NOT_EXIST"))
      return Reason.MISSING_IN_TARGET;
    if (code.equals("INVALID_PARAMETER_VALUE") && e.getStatusCode() == 400)
      return Reason.REFUSED_BY_TARGET;
    return null;
  }

  private static String detail(Reason r, DatabricksError e) {
    return r == Reason.REFUSED_BY_TARGET ? e.getMessage() : null;
  }

  boolean exists(String type, String name) {
    try {
      switch (type) {
        case "catalog" -> ws.catalogs().get(name);
        case "schema" -> ws.schemas().get(name);
        case "table" -> {
          return Boolean.TRUE.equals(ws.tables().exists(name).getTableExists());
        }
        default -> {
          return true; // functions: the grant itself says whether it exists
        }
      }
      return true;
    } catch (NotFound e) {
      return false;
    }
  }

  /** The securable's direct grants, by principal in lower case. */
  Map<String, Set<Privilege>> direct(String type, String name) {
    var out = new HashMap<String, Set<Privilege>>();
    for (PrivilegeAssignment a : ws.grants().list(type, name)) {
      if (a.getPrincipal() == null || a.getPrivileges() == null) continue;
      out.computeIfAbsent(
              a.getPrincipal().toLowerCase(Locale.ROOT), k -> EnumSet.noneOf(Privilege.class))
          .addAll(a.getPrivileges().stream().filter(p -> p != null).toList());
    }
    return out;
  }

  String owner(String type, String name) {
    return switch (type) {
      case "catalog" -> ws.catalogs().get(name).getOwner();
      case "schema" -> ws.schemas().get(name).getOwner();
      default -> ws.tables().get(name).getOwner();
    };
  }

  private void setOwner(UcOwner o) {
    switch (o.securableType()) {
      case "catalog" ->
          ws.catalogs().update(new UpdateCatalog().setName(o.fullName()).setOwner(o.principal()));
      case "schema" ->
          ws.schemas().update(new UpdateSchema().setFullName(o.fullName()).setOwner(o.principal()));
      default ->
          ws.tables()
              .update(new UpdateTableRequest().setFullName(o.fullName()).setOwner(o.principal()));
    }
  }
}
