package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The hive_metastore catalog (databases, tables, views) and its grants, denies and owners. Keys are
 * held as {@code db} and {@code db.table}, lower case; {@code SHOW GRANTS} prints them in the form
 * set with {@link #printKeys(KeyForm)}.
 */
public final class TableAclStore {
  public static final Set<String> PRIVILEGES =
      Set.of(
          "SELECT",
          "CREATE",
          "MODIFY",
          "USAGE",
          "READ_METADATA",
          "CREATE_NAMED_FUNCTION",
          "MODIFY_CLASSPATH",
          "ALL PRIVILEGES");

  /**
   * How {@code SHOW GRANTS} prints its ObjectKey column. Newer Databricks runtimes quote each part
   * ({@code `db`.`t`}), older ones print it plain ({@code db.t}) (Databricks SQL reference, SHOW
   * GRANTS: "objectKey STRING: The identifier of the object"; both forms are met in practice).
   */
  public enum KeyForm {
    BACKQUOTED,
    PLAIN
  }

  private volatile KeyForm keyForm = KeyForm.BACKQUOTED;

  /** Database to table name to "TABLE" or "VIEW". */
  private final Map<String, Map<String, String>> databases = new ConcurrentSkipListMap<>();

  private final Set<TableGrant> grants =
      new ConcurrentSkipListSet<>((a, b) ->
          (a.objectType() + a.objectKey() + a.principal() + a.actionType())
              .compareTo(b.objectType() + b.objectKey() + b.principal() + b.actionType()));
  private final Map<String, String> owners = new ConcurrentSkipListMap<>();

  public synchronized void createDatabase(String db) {
    databases.putIfAbsent(db.toLowerCase(), new ConcurrentSkipListMap<>());
  }

  public synchronized void createTable(String db, String table, boolean view) {
    createDatabase(db);
    databases.get(db.toLowerCase()).put(table.toLowerCase(), view ? "VIEW" : "TABLE");
  }

  public List<String> databases() {
    return List.copyOf(databases.keySet());
  }

  /** Table name to "TABLE" or "VIEW". */
  public Map<String, String> tables(String db) {
    var t = databases.get(db.toLowerCase());
    if (t == null) {
      throw new SqlError("SCHEMA_NOT_FOUND", "The schema " + quoted(db) + " cannot be found.");
    }
    return new TreeMap<>(t);
  }

  /** Sets how SHOW GRANTS prints object keys (back-quoted by default, as newer runtimes do). */
  public void printKeys(KeyForm form) {
    this.keyForm = Objects.requireNonNull(form, "form == null");
  }

  /** The ObjectKey column of a SHOW GRANTS row for {@code g}. */
  String printedKey(TableGrant g) {
    return printedKey(g.objectKey());
  }

  /** An object key ({@code db.t}, or a Unity Catalog full name) as SHOW GRANTS prints it. */
  String printedKey(String key) {
    return key.isEmpty() || keyForm == KeyForm.PLAIN ? key : quoted(key);
  }

  /** {@code db.t} as {@code `db`.`t`}, a back-quote in a part doubled. */
  static String quoted(String key) {
    StringBuilder sb = new StringBuilder();
    for (String part : key.split("\\.", -1)) {
      sb.append(sb.isEmpty() ? "" : ".").append('`').append(part.replace("`", "``")).append('`');
    }
    return sb.toString();
  }

  /** "TABLE" or "VIEW" for an existing {@code db.t}. */
  String kindOf(String key) {
    int dot = key.indexOf('.');
    return databases.get(key.substring(0, dot)).get(key.substring(dot + 1));
  }

  /** Checks that a securable exists; {@code objectType} as in {@link TableGrant}. */
  void requireExists(String objectType, String key) {
    switch (objectType) {
      case "DATABASE" -> tables(key);
      case "TABLE" -> {
        int dot = key.indexOf('.');
        var inDb = dot < 0 ? null : databases.get(key.substring(0, dot));
        if (inDb == null || !inDb.containsKey(key.substring(dot + 1))) {
          throw new SqlError(
              "TABLE_OR_VIEW_NOT_FOUND", "The table or view " + quoted(key) + " cannot be found.");
        }
      }
      default -> {}
    }
  }

  public void grant(
      String principal, String privilege, String objectType, String key, boolean deny) {
    requireExists(objectType, key);
    grants.add(new TableGrant(principal, (deny ? "DENIED_" : "") + privilege, objectType, key));
  }

  /** Removes grants and denies of {@code privilege} (REVOKE undoes both). */
  public void revoke(String principal, String privilege, String objectType, String key) {
    requireExists(objectType, key);
    grants.removeIf(g ->
        g.principal().equals(principal)
            && g.objectType().equals(objectType)
            && g.objectKey().equals(key)
            && (g.actionType().equals(privilege) || g.actionType().equals("DENIED_" + privilege)));
  }

  public void setOwner(String objectType, String key, String principal) {
    requireExists(objectType, key);
    owners.put(objectType + ":" + key, principal);
  }

  /** What SHOW GRANTS prints for one securable: the owner first, then grants and denies. */
  public List<TableGrant> grantsOn(String objectType, String key) {
    List<TableGrant> out = new ArrayList<>();
    String owner = owners.get(objectType + ":" + key);
    if (owner != null) {
      out.add(new TableGrant(owner, "OWN", objectType, key));
    }
    grants.stream()
        .filter(g -> g.objectType().equals(objectType) && g.objectKey().equals(key))
        .forEach(out::add);
    return out;
  }

  /** Every grant, deny and ownership, for assertions. */
  public List<TableGrant> all() {
    List<TableGrant> out = new ArrayList<>();
    owners.forEach((k, p) ->
        out.add(
            new TableGrant(
                p, "OWN", k.substring(0, k.indexOf(':')), k.substring(k.indexOf(':') + 1))));
    out.addAll(grants);
    return out;
  }

  /** A failed statement, reported in the statement's status as the real service does. */
  static final class SqlError extends RuntimeException {
    final String errorCode;

    SqlError(String errorCode, String message) {
      super(message, null, false, false);
      this.errorCode = errorCode;
    }
  }
}
