package ca.gc.fsdh.bot.migration.tableacls;

import com.databricks.sdk.service.catalog.Privilege;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Legacy table ACLs in Unity Catalog terms, following the mapping Databricks' UCX applies
 * (databrickslabs/ucx {@code hive_metastore/grants.py}, {@code Grant.uc_grant_sql}): a pair of
 * object kind and legacy action has one UC equivalent or none, and none is reported per grant,
 * never dropped.
 *
 * <table>
 *   <tr><th>legacy</th><th>Unity Catalog</th></tr>
 *   <tr><td>TABLE SELECT, MODIFY, ALL PRIVILEGES</td><td>the same on the table</td></tr>
 *   <tr><td>TABLE / VIEW READ_METADATA</td><td>BROWSE (ucx PR #3403)</td></tr>
 *   <tr><td>VIEW SELECT</td><td>SELECT</td></tr>
 *   <tr><td>TABLE / VIEW / DATABASE OWN</td><td>the object's owner</td></tr>
 *   <tr><td>DATABASE USAGE</td><td>USE SCHEMA, and USE CATALOG on its catalog</td></tr>
 *   <tr><td>DATABASE CREATE</td><td>CREATE TABLE</td></tr>
 *   <tr><td>DATABASE CREATE_NAMED_FUNCTION</td><td>CREATE FUNCTION</td></tr>
 *   <tr><td>DATABASE SELECT, MODIFY / READ_METADATA</td><td>the same / BROWSE on the schema</td></tr>
 *   <tr><td>FUNCTION SELECT</td><td>EXECUTE</td></tr>
 *   <tr><td>CATALOG USAGE</td><td>USE CATALOG on PROD's default catalog</td></tr>
 * </table>
 *
 * <p>Two choices differ from UCX, both because PROD's catalog is shared by many workspaces: a
 * legacy catalog's owner does not become the PROD catalog's owner, and catalog-wide SELECT / MODIFY
 * / CREATE / READ_METADATA are not granted on the whole PROD catalog.
 */
public final class UcTranslation {
  private UcTranslation() {}

  /** Why a legacy grant does not carry over; each has its own advice in the report. */
  public enum Reason {
    /** Unity Catalog has no DENY. */
    DENY,
    /** Unity Catalog has no ANY FILE securable. */
    ANY_FILE,
    /** Unity Catalog has no ANONYMOUS FUNCTION securable. */
    ANONYMOUS_FUNCTION,
    /** The privilege has no Unity Catalog equivalent on this kind of object. */
    NO_UC_EQUIVALENT,
    /** A catalog-wide grant would apply to PROD's whole shared catalog. */
    CATALOG_WIDE,
    /** The PROD catalog's owner is set by its administrators. */
    CATALOG_OWNER,
    /** The principal is a workspace-local group, which Unity Catalog cannot name. */
    WORKSPACE_LOCAL_PRINCIPAL,
    /** The table, view or schema is not in PROD's catalog. */
    MISSING_IN_TARGET,
    /** PROD refused the translated privilege (its message is in the detail). */
    REFUSED_BY_TARGET;

    /** What the report says, in English (Slack words it in both languages from the name). */
    public String text() {
      return switch (this) {
        case DENY ->
            "Unity Catalog has no DENY (access is closed unless granted); make sure no grant on"
                + " the schema or catalog gives this access back";
        case ANY_FILE ->
            "Unity Catalog has no ANY FILE; grant READ FILES / WRITE FILES on an external"
                + " location or a volume instead";
        case ANONYMOUS_FUNCTION ->
            "Unity Catalog has no ANONYMOUS FUNCTION; register the function in a schema and"
                + " grant EXECUTE on it";
        case NO_UC_EQUIVALENT ->
            "no Unity Catalog privilege matches it on this object; grant the UC privileges it"
                + " needs by hand";
        case CATALOG_WIDE ->
            "a catalog-wide grant would cover PROD's whole shared catalog; grant it on each"
                + " schema instead";
        case CATALOG_OWNER ->
            "PROD's catalog is shared: its owner is set by the metastore administrators";
        case WORKSPACE_LOCAL_PRINCIPAL ->
            "Unity Catalog names account-level principals only; map it to an account group"
                + " (principals: in the mapping file) or have it created in the account, then"
                + " import again";
        case MISSING_IN_TARGET ->
            "not in PROD's catalog; move the data first, then import table ACLs again";
        case REFUSED_BY_TARGET -> "PROD refused the translated privilege";
      };
    }
  }

  /** One Unity Catalog privilege for one principal on one securable. */
  public record UcGrant(
      String securableType, String fullName, String principal, Privilege privilege) {}

  /** A new owner for one securable. */
  public record UcOwner(String securableType, String fullName, String principal, Grant source) {}

  /** A legacy grant that does not carry over, and why. */
  public record NotCarried(Grant grant, Reason reason, String detail) {
    public NotCarried(Grant grant, Reason reason) {
      this(grant, reason, null);
    }

    /** One line for the report: the legacy grant, the reason and what to do instead. */
    public String line() {
      return describe(grant) + ": " + reason.text() + (detail == null ? "" : " (" + detail + ")");
    }
  }

  /** A translated legacy grant: what it becomes, or why it does not carry over. */
  public record Translated(
      Grant source, List<UcGrant> grants, UcOwner owner, NotCarried notCarried) {}

  /**
   * The Unity Catalog equivalents of legacy grants (principals already mapped), in order; the
   * grants of one POC database land in the catalog and schema {@code schemas} give it.
   */
  public static List<Translated> translate(List<Grant> rows, UcSchemas schemas) {
    var out = new ArrayList<Translated>();
    for (Grant g : rows) out.add(translate(g, schemas));
    return out;
  }

  static Translated translate(Grant g, UcSchemas schemas) {
    String action = g.actionType().strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    String type = g.type();
    if (action.startsWith("DENIED_")) return not(g, Reason.DENY);
    if (type.equals("ANY FILE")) return not(g, Reason.ANY_FILE);
    if (type.equals("ANONYMOUS FUNCTION")) return not(g, Reason.ANONYMOUS_FUNCTION);
    boolean own = action.equals("OWN") || action.equals("OWNER");
    String p = g.principal();
    switch (type) {
      case "CATALOG" -> {
        if (own) return not(g, Reason.CATALOG_OWNER);
        if (action.equals("USAGE"))
          return grants(
              g, new UcGrant("catalog", schemas.defaultCatalog(), p, Privilege.USE_CATALOG));
        return not(g, Reason.CATALOG_WIDE);
      }
      case "DATABASE" -> {
        List<String> cs = schemas.of(g.localParts().getFirst());
        String schema = UcSchemas.fullName(cs);
        if (own) return owner(g, new UcOwner("schema", schema, p, g));
        return switch (action) {
          case "USAGE" ->
              grants(
                  g,
                  new UcGrant("schema", schema, p, Privilege.USE_SCHEMA),
                  new UcGrant("catalog", cs.getFirst(), p, Privilege.USE_CATALOG));
          case "CREATE" -> grants(g, new UcGrant("schema", schema, p, Privilege.CREATE_TABLE));
          case "CREATE_NAMED_FUNCTION" ->
              grants(g, new UcGrant("schema", schema, p, Privilege.CREATE_FUNCTION));
          case "SELECT" -> grants(g, new UcGrant("schema", schema, p, Privilege.SELECT));
          case "MODIFY" -> grants(g, new UcGrant("schema", schema, p, Privilege.MODIFY));
          case "READ_METADATA" -> grants(g, new UcGrant("schema", schema, p, Privilege.BROWSE));
          default -> not(g, Reason.NO_UC_EQUIVALENT);
        };
      }
      case "TABLE", "VIEW", "FUNCTION" -> {
        List<String> local = g.localParts();
        String db = local.size() == 1 ? "default" : local.getFirst();
        var full = new ArrayList<>(schemas.of(db));
        full.add(local.getLast().toLowerCase(Locale.ROOT));
        String name = UcSchemas.fullName(full);
        if (type.equals("FUNCTION")) {
          return action.equals("SELECT")
              ? grants(g, new UcGrant("function", name, p, Privilege.EXECUTE))
              : not(g, Reason.NO_UC_EQUIVALENT);
        }
        boolean view = type.equals("VIEW");
        if (own) return owner(g, new UcOwner("table", name, p, g));
        Privilege priv =
            switch (action) {
              case "SELECT" -> Privilege.SELECT;
              case "READ_METADATA" -> Privilege.BROWSE;
              case "MODIFY" -> view ? null : Privilege.MODIFY;
              case "ALL PRIVILEGES" -> view ? null : Privilege.ALL_PRIVILEGES;
              default -> null;
            };
        return priv == null
            ? not(g, Reason.NO_UC_EQUIVALENT)
            : grants(g, new UcGrant("table", name, p, priv));
      }
      default -> {
        return not(g, Reason.NO_UC_EQUIVALENT);
      }
    }
  }

  /** A legacy grant as the report names it: {@code SELECT on TABLE `db`.`t` to p}. */
  public static String describe(Grant g) {
    String key = g.objectKey() == null || g.objectKey().isBlank() ? "" : " " + g.name();
    return g.actionType() + " on " + g.type() + key + " to " + g.principal();
  }

  /** The distinct securables of translated grants and owners, in order. */
  public static Set<List<String>> securables(List<Translated> all) {
    var out = new LinkedHashSet<List<String>>();
    for (Translated t : all) {
      for (UcGrant u : t.grants()) out.add(List.of(u.securableType(), u.fullName()));
      if (t.owner() != null) out.add(List.of(t.owner().securableType(), t.owner().fullName()));
    }
    return out;
  }

  private static Translated not(Grant g, Reason r) {
    return new Translated(g, List.of(), null, new NotCarried(g, r));
  }

  private static Translated grants(Grant g, UcGrant... u) {
    return new Translated(g, List.of(u), null, null);
  }

  private static Translated owner(Grant g, UcOwner o) {
    return new Translated(g, List.of(), o, null);
  }
}
