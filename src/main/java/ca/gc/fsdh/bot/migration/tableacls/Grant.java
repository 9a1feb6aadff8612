package ca.gc.fsdh.bot.migration.tableacls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One row of {@code SHOW GRANTS} (legacy hive_metastore table ACLs) and the statement that
 * recreates it: {@code GRANT}, {@code DENY} (action types {@code DENIED_*}) or {@code ALTER ...
 * OWNER TO} (action type {@code OWN}).
 *
 * @param actionType a privilege as SHOW GRANTS prints it ({@code SELECT}, {@code READ_METADATA},
 *     {@code ALL PRIVILEGES}), {@code DENIED_<privilege>} or {@code OWN}
 * @param objectType {@code CATALOG$} (as SHOW GRANTS prints the catalog) or {@code CATALOG},
 *     DATABASE, TABLE, VIEW, FUNCTION, ANY_FILE or ANONYMOUS_FUNCTION. SHOW GRANTS prints views as
 *     TABLE; the exporter writes VIEW for them (from SHOW VIEWS), because {@code ALTER TABLE} is
 *     refused on a view
 * @param objectKey the object's name: {@code `db`.`table`} (the exporter writes each part
 *     back-quoted), or plain {@code db.table} as older runtimes print it and older bundles hold it;
 *     empty for ANY FILE, ANONYMOUS FUNCTION and the catalog
 */
public record Grant(String principal, String actionType, String objectType, String objectKey) {
  /** Privilege names are words with underscores (READ_METADATA keeps its underscore in SQL). */
  private static final Pattern PRIVILEGE = Pattern.compile("[A-Z][A-Z_]*( PRIVILEGES)?");

  /** The legacy metastore's catalog: every legacy name is qualified with it. */
  public static final String HIVE_METASTORE = "hive_metastore";

  /**
   * The replayable statement on {@code hive_metastore}, every name qualified with the catalog
   * ({@code `hive_metastore`.`db`.`t`}), so that it acts on the legacy metastore whatever the
   * warehouse's default catalog is; an owner of a securable that cannot have one becomes a comment.
   */
  public String statement() {
    String action = actionType.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    String type = type();
    if (action.equals("OWN") || action.equals("OWNER")) {
      return switch (type) {
        case "DATABASE", "TABLE", "VIEW" ->
            "ALTER " + type + " " + qualifiedName() + " OWNER TO " + quote(principal) + ";";
        default ->
            "-- owner of "
                + securable()
                + ": "
                + principal.replace('\n', ' ')
                + " (set by the workspace admins, not by a statement)";
      };
    }
    boolean deny = action.startsWith("DENIED_");
    String privilege = deny ? action.substring("DENIED_".length()) : action;
    if (!PRIVILEGE.matcher(privilege).matches()) {
      throw new IllegalArgumentException("not a table ACL privilege: " + actionType);
    }
    return (deny ? "DENY " : "GRANT ")
        + privilege
        + " ON "
        + securable()
        + " TO "
        + quote(principal)
        + ";";
  }

  /** CATALOG, DATABASE, TABLE, VIEW, FUNCTION, ANY FILE or ANONYMOUS FUNCTION. */
  public String type() {
    String t =
        objectType == null
            ? "TABLE"
            : objectType.strip().toUpperCase(Locale.ROOT).replace('_', ' ').replace("$", "");
    return t.equals("SCHEMA") ? "DATABASE" : t;
  }

  private String securable() {
    String type = type();
    return switch (type) {
      case "ANY FILE", "ANONYMOUS FUNCTION" -> type;
      case "CATALOG" -> "CATALOG " + quote(HIVE_METASTORE);
      case "DATABASE", "VIEW", "FUNCTION", "TABLE" -> type + " " + qualifiedName();
      default -> throw new IllegalArgumentException("not a table ACL securable: " + objectType);
    };
  }

  /**
   * The key's parts in {@code hive_metastore}, quoted: {@code `hive_metastore`.`db`.`t`}; for a
   * function, table or view whose key names no database, {@code default}'s, as the legacy metastore
   * reads it.
   */
  public String qualifiedName() {
    List<String> p = localParts();
    var sb = new StringBuilder(quote(HIVE_METASTORE));
    if (!type().equals("DATABASE") && p.size() == 1) sb.append('.').append(quote("default"));
    for (String part : p) sb.append('.').append(quote(part));
    return sb.toString();
  }

  /** The key's parts without a leading {@code hive_metastore}: {@code [db]} or {@code [db, t]}. */
  public List<String> localParts() {
    if (objectKey == null || objectKey.isBlank()) {
      throw new IllegalArgumentException(type() + " grant without an object name");
    }
    List<String> p = parts(objectKey);
    int max = type().equals("DATABASE") ? 1 : 2;
    return p.size() == max + 1 && p.getFirst().equalsIgnoreCase(HIVE_METASTORE)
        ? p.subList(1, p.size())
        : p;
  }

  /** The key's parts, quoted: {@code db.t} and {@code `db`.`t`} both become {@code `db`.`t`}. */
  public String name() {
    if (objectKey == null || objectKey.isBlank()) {
      throw new IllegalArgumentException(type() + " grant without an object name");
    }
    var sb = new StringBuilder();
    for (String part : parts(objectKey)) sb.append(sb.isEmpty() ? "" : ".").append(quote(part));
    return sb.toString();
  }

  /**
   * The parts of an object key as SHOW GRANTS prints it: newer runtimes quote each part ({@code
   * `db`.`t`}, a back-quote inside written twice), older ones print it plain ({@code db.t};
   * hive_metastore names are letters, digits and underscores, so a dot there always separates).
   */
  public static List<String> parts(String key) {
    String s = key.strip();
    var out = new ArrayList<String>();
    int i = 0;
    while (i <= s.length()) {
      var part = new StringBuilder();
      if (i < s.length() && s.charAt(i) == '`') {
        int j = i + 1;
        for (; ; j++) {
          if (j >= s.length())
            throw new IllegalArgumentException("unclosed back-quote in object key " + key);
          if (s.charAt(j) != '`') {
            part.append(s.charAt(j));
          } else if (j + 1 < s.length() && s.charAt(j + 1) == '`') {
            part.append('`');
            j++;
          } else {
            break;
          }
        }
        i = j + 1;
        if (i < s.length() && s.charAt(i) != '.')
          throw new IllegalArgumentException("malformed object key " + key);
      } else {
        int dot = s.indexOf('.', i);
        int end = dot < 0 ? s.length() : dot;
        part.append(s, i, end);
        i = end;
      }
      if (part.isEmpty()) throw new IllegalArgumentException("empty part in object key " + key);
      out.add(part.toString());
      i++; // past the dot (or past the end)
    }
    return out;
  }

  /**
   * The same grant with its key written as {@link #name()} writes it (each part back-quoted),
   * without a leading {@code hive_metastore}: the bundle keeps legacy keys as SHOW GRANTS prints
   * them on a workspace without Unity Catalog.
   */
  public Grant withQuotedKey() {
    if (objectKey == null || objectKey.isBlank()) return this;
    var sb = new StringBuilder();
    for (String part : localParts()) sb.append(sb.isEmpty() ? "" : ".").append(quote(part));
    return new Grant(principal, actionType, objectType, sb.toString());
  }

  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
