package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the table ACL statements of a migration against a {@link TableAclStore}: SHOW DATABASES,
 * SHOW TABLES / VIEWS IN db, SHOW GRANTS [principal] ON ..., GRANT / DENY / REVOKE ... ON ...,
 * ALTER ... OWNER TO ..., and CREATE DATABASE / TABLE / VIEW (to prepare a target).
 *
 * <p>Names are read as Spark SQL reads identifiers: parts separated by dots, each plain or
 * back-quoted, a back-quote inside a back-quoted part written twice (Databricks SQL reference,
 * "Identifiers"). Nothing is stripped: {@code ```db```} names a schema called {@code `db`}, which
 * does not exist, as on the real service.
 *
 * <p>A name may start with the catalog {@code hive_metastore}: compute that is not Unity Catalog
 * "use[s] hive_metastore as the default catalog" (docs.databricks.com {@code catalogs/default}), so
 * {@code hive_metastore.db.t} and {@code db.t} name the same table, and {@code CATALOG
 * hive_metastore} the catalog. Any other catalog does not exist ({@code
 * [NO_SUCH_CATALOG_EXCEPTION]}, the error class a UC warehouse gives for a missing catalog; the
 * legacy service's exact answer is unconfirmed).
 */
final class SqlInterpreter {
  /** Column names and rows of a result; no columns for a statement without output. */
  record Table(List<String> columns, List<List<String>> rows) {}

  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final String PART = "(?:`(?:[^`]|``)*`|[^\\s`.,;()]+)";
  private static final String NAME = PART + "(?:\\." + PART + ")*";
  private static final String WHO = "(`(?:[^`]|``)*`|\\S+)";
  private static final String SECURABLE =
      "(CATALOG(?:\\s+"
          + NAME
          + ")?|(?:DATABASE|SCHEMA)\\s+"
          + NAME
          + "|TABLE\\s+"
          + NAME
          + "|VIEW\\s+"
          + NAME
          + "|ANY\\s+FILE|ANONYMOUS\\s+FUNCTION|"
          + NAME
          + ")";
  private static final Pattern SHOW_DBS =
      Pattern.compile("SHOW\\s+(DATABASES|SCHEMAS)(?:\\s+(?:IN|FROM)\\s+(" + NAME + "))?", F);
  private static final Pattern SHOW_TABLES =
      Pattern.compile("SHOW\\s+(TABLES|VIEWS)\\s+(?:IN|FROM)\\s+(" + NAME + ")", F);
  private static final Pattern SHOW_GRANTS =
      Pattern.compile("SHOW\\s+GRANTS?(?:\\s+" + WHO + ")?\\s+ON\\s+" + SECURABLE, F);
  private static final Pattern GRANT =
      Pattern.compile("(GRANT|DENY)\\s+(.+?)\\s+ON\\s+" + SECURABLE + "\\s+TO\\s+" + WHO, F);
  private static final Pattern REVOKE =
      Pattern.compile("REVOKE\\s+(.+?)\\s+ON\\s+" + SECURABLE + "\\s+FROM\\s+" + WHO, F);
  private static final Pattern OWNER =
      Pattern.compile(
          "ALTER\\s+(DATABASE|SCHEMA|TABLE|VIEW)\\s+(" + NAME + ")\\s+OWNER\\s+TO\\s+" + WHO, F);
  private static final Pattern CREATE_DB =
      Pattern.compile(
          "CREATE\\s+(?:DATABASE|SCHEMA)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME + ")", F);
  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "CREATE\\s+(?:OR\\s+REPLACE\\s+)?(TABLE|VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?("
              + NAME
              + ")(?:\\s.*|\\(.*)?",
          F);

  /**
   * Hive metastore names: letters, digits and underscores (Databricks error
   * INVALID_SCHEMA_OR_RELATION_NAME).
   */
  private static final Pattern HMS_NAME = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  private final TableAclStore store;

  SqlInterpreter(TableAclStore store) {
    this.store = store;
  }

  Table run(String statement) {
    String s = statement.strip().replaceAll(";\\s*$", "");
    Matcher m;
    if ((m = SHOW_DBS.matcher(s)).matches()) {
      if (m.group(2) != null) catalog(m.group(2));
      return new Table(List.of("databaseName"), store.databases().stream().map(List::of).toList());
    }
    if ((m = SHOW_TABLES.matcher(s)).matches()) {
      boolean views = m.group(1).equalsIgnoreCase("VIEWS");
      String db = database(m.group(2));
      List<List<String>> rows = new ArrayList<>();
      store
          .tables(db)
          .forEach((t, kind) -> {
            if (!views || kind.equals("VIEW")) {
              rows.add(List.of(db, t, "false"));
            }
          });
      return new Table(
          List.of(
              views ? "namespace" : "database", views ? "viewName" : "tableName", "isTemporary"),
          rows);
    }
    if ((m = SHOW_GRANTS.matcher(s)).matches()) {
      String[] target = securable(m.group(2));
      store.requireExists(target[0], target[1]);
      String principal = m.group(1) == null ? null : principal(m.group(1));
      List<List<String>> rows = new ArrayList<>();
      for (TableGrant g : store.grantsOn(target[0], target[1])) {
        if (principal == null || principal.equals(g.principal())) {
          rows.add(List.of(g.principal(), g.actionType(), g.objectType(), store.printedKey(g)));
        }
      }
      return new Table(List.of("Principal", "ActionType", "ObjectType", "ObjectKey"), rows);
    }
    if ((m = GRANT.matcher(s)).matches()) {
      String verb = m.group(1).toUpperCase(Locale.ROOT);
      String[] target = securable(m.group(3));
      checkKind(verb, m.group(3), target);
      for (String p : privileges(m.group(2))) {
        store.grant(principal(m.group(4)), p, target[0], target[1], verb.equals("DENY"));
      }
      return empty();
    }
    if ((m = REVOKE.matcher(s)).matches()) {
      String[] target = securable(m.group(2));
      checkKind("REVOKE", m.group(2), target);
      for (String p : privileges(m.group(1))) {
        store.revoke(principal(m.group(3)), p, target[0], target[1]);
      }
      return empty();
    }
    if ((m = OWNER.matcher(s)).matches()) {
      String clause = m.group(1) + " " + m.group(2);
      String[] target = securable(clause);
      checkKind("ALTER " + m.group(1).toUpperCase(Locale.ROOT) + " ... OWNER TO", clause, target);
      store.setOwner(target[0], target[1], principal(m.group(3)));
      return empty();
    }
    if ((m = CREATE_DB.matcher(s)).matches()) {
      store.createDatabase(validName(single(m.group(1))));
      return empty();
    }
    if ((m = CREATE_TABLE.matcher(s)).matches()) {
      List<String> parts = local(parts(m.group(2)), 2);
      if (parts.size() > 2) {
        throw new TableAclStore.SqlError(
            "REQUIRES_SINGLE_PART_NAMESPACE",
            "hive_metastore names have at most two parts: " + m.group(2));
      }
      String db = parts.size() == 1 ? "default" : validName(parts.get(0));
      store.createTable(db, validName(parts.getLast()), m.group(1).equalsIgnoreCase("VIEW"));
      return empty();
    }
    throw new TableAclStore.SqlError(
        "PARSE_SYNTAX_ERROR", "The sandbox does not support this statement: " + s);
  }

  /**
   * GRANT, DENY, REVOKE and ALTER ... OWNER TO name the kind of what they act on: {@code TABLE} on
   * a view, or {@code VIEW} on a table, is refused (Apache Spark error classes
   * EXPECT_TABLE_NOT_VIEW and EXPECT_VIEW_NOT_TABLE; Databricks refuses {@code ALTER TABLE} on a
   * view). A bare name ({@code GRANT ... ON db.x}) is either.
   */
  private void checkKind(String statement, String clause, String[] target) {
    if (!target[0].equals("TABLE")) {
      return;
    }
    String said = clause.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    if (!said.equals("TABLE") && !said.equals("VIEW")) {
      return;
    }
    store.requireExists(target[0], target[1]);
    String kind = store.kindOf(target[1]);
    if (!kind.equals(said)) {
      String name = TableAclStore.quoted(target[1]);
      throw said.equals("TABLE")
          ? new TableAclStore.SqlError(
              "EXPECT_TABLE_NOT_VIEW.USE_ALTER_VIEW",
              "'" + statement + "' expects a table but " + name + " is a view. Use VIEW instead.")
          : new TableAclStore.SqlError(
              "EXPECT_VIEW_NOT_TABLE.USE_ALTER_TABLE",
              "'" + statement + "' expects a view but " + name + " is a table. Use TABLE instead.");
    }
  }

  private static Table empty() {
    return new Table(List.of(), List.of());
  }

  private static List<String> privileges(String list) {
    List<String> out = new ArrayList<>();
    for (String p : list.split(",")) {
      String priv = p.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
      if (!TableAclStore.PRIVILEGES.contains(priv)) {
        throw new TableAclStore.SqlError(
            "INVALID_PARAMETER_VALUE", "Unknown privilege " + p.strip() + ".");
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
      case "CATALOG" -> {
        if (parts.length > 1) catalog(parts[1]);
        yield new String[] {"CATALOG$", ""};
      }
      case "DATABASE", "SCHEMA" -> new String[] {"DATABASE", database(parts[1])};
      case "TABLE", "VIEW" -> new String[] {"TABLE", table(parts[1])};
      case "ANY" -> new String[] {"ANY_FILE", ""};
      case "ANONYMOUS" -> new String[] {"ANONYMOUS_FUNCTION", ""};
      default -> new String[] {"TABLE", table(clause.strip())};
    };
  }

  /** A database name: one part, case-insensitive in the metastore. */
  private static String database(String raw) {
    return single(raw).toLowerCase(Locale.ROOT);
  }

  private static String single(String raw) {
    List<String> parts = local(parts(raw), 1);
    if (parts.size() != 1) {
      throw new TableAclStore.SqlError(
          "REQUIRES_SINGLE_PART_NAMESPACE", "A schema name has one part: " + raw);
    }
    return parts.getFirst();
  }

  /**
   * {@code db.t} (or {@code t} in {@code default}), lower case: the store's key of a table or view.
   */
  private static String table(String raw) {
    List<String> parts = local(parts(raw), 2);
    if (parts.size() > 2) {
      throw new TableAclStore.SqlError(
          "TABLE_OR_VIEW_NOT_FOUND", "The table or view " + raw + " cannot be found.");
    }
    String db = parts.size() == 1 ? "default" : parts.get(0);
    return (db + "." + parts.getLast()).toLowerCase(Locale.ROOT);
  }

  /**
   * The name's parts without a leading {@code hive_metastore}, when it has one part more than
   * {@code max}; another catalog there does not exist.
   */
  private static List<String> local(List<String> parts, int max) {
    if (parts.size() <= max) return parts;
    if (parts.size() == max + 1) {
      catalog(parts.getFirst());
      return parts.subList(1, parts.size());
    }
    return parts;
  }

  /** The only catalog of a workspace without Unity Catalog is {@code hive_metastore}. */
  private static void catalog(String raw) {
    List<String> parts = parts(raw);
    if (parts.size() != 1 || !parts.getFirst().equalsIgnoreCase("hive_metastore")) {
      throw new TableAclStore.SqlError(
          "NO_SUCH_CATALOG_EXCEPTION", "Catalog '" + raw.strip() + "' was not found.");
    }
  }

  private static String validName(String name) {
    if (!HMS_NAME.matcher(name).matches()) {
      throw new TableAclStore.SqlError(
          "INVALID_SCHEMA_OR_RELATION_NAME",
          "`"
              + name
              + "` is not a valid name for tables/schemas."
              + " Valid names only contain alphabet characters, numbers and _.");
    }
    return name;
  }

  /**
   * The parts of a dotted identifier; a back-quoted part keeps everything inside, {@code ``} being
   * one back-quote.
   */
  static List<String> parts(String raw) {
    String s = raw.strip();
    List<String> out = new ArrayList<>();
    int i = 0;
    while (true) {
      StringBuilder part = new StringBuilder();
      if (i < s.length() && s.charAt(i) == '`') {
        i++;
        while (true) {
          if (i >= s.length()) {
            throw new TableAclStore.SqlError("PARSE_SYNTAX_ERROR", "Unclosed back-quote in " + raw);
          }
          char c = s.charAt(i++);
          if (c != '`') {
            part.append(c);
          } else if (i < s.length() && s.charAt(i) == '`') {
            part.append('`');
            i++;
          } else {
            break;
          }
        }
      } else {
        while (i < s.length() && s.charAt(i) != '.') {
          char c = s.charAt(i++);
          if (c == '`' || Character.isWhitespace(c)) {
            throw new TableAclStore.SqlError(
                "PARSE_SYNTAX_ERROR", "Syntax error in the name " + raw);
          }
          part.append(c);
        }
      }
      if (part.isEmpty()) {
        throw new TableAclStore.SqlError("PARSE_SYNTAX_ERROR", "Empty name part in " + raw);
      }
      out.add(part.toString());
      if (i >= s.length()) {
        return out;
      }
      if (s.charAt(i) != '.') {
        throw new TableAclStore.SqlError("PARSE_SYNTAX_ERROR", "Syntax error in the name " + raw);
      }
      i++;
    }
  }

  private static String principal(String raw) {
    String p = raw.strip();
    return p.startsWith("`") ? single(p) : p;
  }
}
