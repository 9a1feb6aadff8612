package ca.gc.fsdh.bot.sandbox.databricks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the table ACL statements of a migration against a {@link TableAclStore}: SHOW DATABASES,
 * SHOW TABLES / VIEWS IN db, SHOW GRANTS [principal] ON ..., GRANT / DENY / REVOKE ... ON ...,
 * ALTER ... OWNER TO ..., and CREATE DATABASE / TABLE / VIEW (to prepare a target).
 */
final class SqlInterpreter {
  /** Column names and rows of a result; no columns for a statement without output. */
  record Table(List<String> columns, List<List<String>> rows) {}

  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final String SECURABLE = "(CATALOG(?:\\s+\\S+)?|(?:DATABASE|SCHEMA)\\s+\\S+|TABLE\\s+\\S+|VIEW\\s+\\S+"
      + "|ANY\\s+FILE|ANONYMOUS\\s+FUNCTION|\\S+)";
  private static final Pattern SHOW_DBS = Pattern.compile("SHOW\\s+(DATABASES|SCHEMAS)", F);
  private static final Pattern SHOW_TABLES = Pattern.compile("SHOW\\s+(TABLES|VIEWS)\\s+(?:IN|FROM)\\s+(\\S+)", F);
  private static final Pattern SHOW_GRANTS = Pattern.compile("SHOW\\s+GRANTS?(?:\\s+(`[^`]+`|\\S+))?\\s+ON\\s+" + SECURABLE, F);
  private static final Pattern GRANT = Pattern.compile("(GRANT|DENY)\\s+(.+?)\\s+ON\\s+" + SECURABLE + "\\s+TO\\s+(`[^`]+`|\\S+)", F);
  private static final Pattern REVOKE = Pattern.compile("REVOKE\\s+(.+?)\\s+ON\\s+" + SECURABLE + "\\s+FROM\\s+(`[^`]+`|\\S+)", F);
  private static final Pattern OWNER = Pattern.compile("ALTER\\s+(DATABASE|SCHEMA|TABLE|VIEW)\\s+(\\S+)\\s+OWNER\\s+TO\\s+(`[^`]+`|\\S+)", F);
  private static final Pattern CREATE_DB = Pattern.compile("CREATE\\s+(?:DATABASE|SCHEMA)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\S+)", F);
  private static final Pattern CREATE_TABLE = Pattern.compile("CREATE\\s+(?:OR\\s+REPLACE\\s+)?(TABLE|VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([^\\s(]+).*", F);

  private final TableAclStore store;

  SqlInterpreter(TableAclStore store) {
    this.store = store;
  }

  Table run(String statement) {
    String s = statement.strip().replaceAll(";\\s*$", "");
    Matcher m;
    if (SHOW_DBS.matcher(s).matches()) {
      return new Table(List.of("databaseName"), store.databases().stream().map(List::of).toList());
    }
    if ((m = SHOW_TABLES.matcher(s)).matches()) {
      boolean views = m.group(1).equalsIgnoreCase("VIEWS");
      String db = name(m.group(2));
      List<List<String>> rows = new ArrayList<>();
      store.tables(db).forEach((t, kind) -> {
        if (!views || kind.equals("VIEW")) {
          rows.add(List.of(db, t, "false"));
        }
      });
      return new Table(List.of(views ? "namespace" : "database", views ? "viewName" : "tableName", "isTemporary"), rows);
    }
    if ((m = SHOW_GRANTS.matcher(s)).matches()) {
      String[] target = securable(m.group(2));
      store.requireExists(target[0], target[1]);
      String principal = m.group(1) == null ? null : principal(m.group(1));
      List<List<String>> rows = new ArrayList<>();
      for (TableGrant g : store.grantsOn(target[0], target[1])) {
        if (principal == null || principal.equals(g.principal())) {
          rows.add(List.of(g.principal(), g.actionType(), g.objectType(), g.objectKey()));
        }
      }
      return new Table(List.of("Principal", "ActionType", "ObjectType", "ObjectKey"), rows);
    }
    if ((m = GRANT.matcher(s)).matches()) {
      String[] target = securable(m.group(3));
      for (String p : privileges(m.group(2))) {
        store.grant(principal(m.group(4)), p, target[0], target[1], m.group(1).equalsIgnoreCase("DENY"));
      }
      return empty();
    }
    if ((m = REVOKE.matcher(s)).matches()) {
      String[] target = securable(m.group(2));
      for (String p : privileges(m.group(1))) {
        store.revoke(principal(m.group(3)), p, target[0], target[1]);
      }
      return empty();
    }
    if ((m = OWNER.matcher(s)).matches()) {
      String[] target = securable(m.group(1) + " " + m.group(2));
      store.setOwner(target[0], target[1], principal(m.group(3)));
      return empty();
    }
    if ((m = CREATE_DB.matcher(s)).matches()) {
      store.createDatabase(name(m.group(1)));
      return empty();
    }
    if ((m = CREATE_TABLE.matcher(s)).matches()) {
      String full = name(m.group(2));
      int dot = full.indexOf('.');
      store.createTable(dot < 0 ? "default" : full.substring(0, dot), full.substring(dot + 1),
          m.group(1).equalsIgnoreCase("VIEW"));
      return empty();
    }
    throw new TableAclStore.SqlError("PARSE_SYNTAX_ERROR", "The sandbox does not support this statement: " + s);
  }

  private static Table empty() {
    return new Table(List.of(), List.of());
  }

  private static List<String> privileges(String list) {
    List<String> out = new ArrayList<>();
    for (String p : list.split(",")) {
      String priv = p.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
      if (!TableAclStore.PRIVILEGES.contains(priv)) {
        throw new TableAclStore.SqlError("INVALID_PARAMETER_VALUE", "Unknown privilege " + p.strip() + ".");
      }
      out.add(priv);
    }
    return out;
  }

  /** [objectType, objectKey] of a securable clause; a bare name is a table. */
  private static String[] securable(String clause) {
    String[] parts = clause.strip().split("\\s+", 2);
    String kind = parts[0].toUpperCase(Locale.ROOT);
    return switch (kind) {
      case "CATALOG" -> new String[] {"CATALOG$", ""};
      case "DATABASE", "SCHEMA" -> new String[] {"DATABASE", name(parts[1])};
      case "TABLE", "VIEW" -> new String[] {"TABLE", qualified(name(parts[1]))};
      case "ANY" -> new String[] {"ANY_FILE", ""};
      case "ANONYMOUS" -> new String[] {"ANONYMOUS_FUNCTION", ""};
      default -> new String[] {"TABLE", qualified(name(clause.strip()))};
    };
  }

  private static String qualified(String table) {
    return table.contains(".") ? table : "default." + table;
  }

  /** A database, table or view name: case-insensitive in the metastore. */
  private static String name(String raw) {
    return raw.replace("`", "").strip().toLowerCase(Locale.ROOT);
  }

  private static String principal(String raw) {
    return raw.replace("`", "").strip();
  }
}
