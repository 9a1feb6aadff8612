package ca.gc.fsdh.bot.migration.tableacls;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One row of {@code SHOW GRANTS} (legacy hive_metastore table ACLs) and the statement that
 * recreates it: {@code GRANT}, {@code DENY} (action types {@code DENIED_*}) or {@code ALTER ...
 * OWNER TO} (action type {@code OWN}).
 *
 * @param actionType a privilege as SHOW GRANTS prints it ({@code SELECT}, {@code READ_METADATA},
 *                   {@code ALL PRIVILEGES}), {@code DENIED_<privilege>} or {@code OWN}
 * @param objectType {@code CATALOG$} (as SHOW GRANTS prints the catalog) or {@code CATALOG},
 *                   DATABASE, TABLE, VIEW, FUNCTION, ANY_FILE or ANONYMOUS_FUNCTION. SHOW GRANTS
 *                   prints views as TABLE; the exporter writes VIEW for them (from SHOW VIEWS),
 *                   because {@code ALTER TABLE} is refused on a view
 * @param objectKey  the object's name as SHOW GRANTS prints it ({@code db.table}); empty for
 *                   ANY FILE, ANONYMOUS FUNCTION and the catalog
 */
public record Grant(String principal, String actionType, String objectType, String objectKey) {
  /** Privilege names are words with underscores (READ_METADATA keeps its underscore in SQL). */
  private static final Pattern PRIVILEGE = Pattern.compile("[A-Z][A-Z_]*( PRIVILEGES)?");

  /** The replayable statement; an owner of a securable that cannot have one becomes a comment. */
  public String statement() {
    String action = actionType.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    String type = type();
    if (action.equals("OWN") || action.equals("OWNER")) {
      return switch (type) {
        case "DATABASE", "TABLE", "VIEW" -> "ALTER " + type + " " + name() + " OWNER TO " + quote(principal) + ";";
        default -> "-- owner of " + securable() + ": " + principal.replace('\n', ' ') + " (set by the workspace admins, not by a statement)";
      };
    }
    boolean deny = action.startsWith("DENIED_");
    String privilege = deny ? action.substring("DENIED_".length()) : action;
    if (!PRIVILEGE.matcher(privilege).matches()) {
      throw new IllegalArgumentException("not a table ACL privilege: " + actionType);
    }
    return (deny ? "DENY " : "GRANT ") + privilege + " ON " + securable() + " TO " + quote(principal) + ";";
  }

  /** CATALOG, DATABASE, TABLE, VIEW, FUNCTION, ANY FILE or ANONYMOUS FUNCTION. */
  String type() {
    String t = objectType == null ? "TABLE" : objectType.strip().toUpperCase(Locale.ROOT).replace('_', ' ').replace("$", "");
    return t.equals("SCHEMA") ? "DATABASE" : t;
  }

  private String securable() {
    String type = type();
    return switch (type) {
      case "ANY FILE", "ANONYMOUS FUNCTION" -> type;
      case "CATALOG" -> objectKey == null || objectKey.isBlank() ? "CATALOG" : "CATALOG " + name();
      case "DATABASE", "VIEW", "FUNCTION" -> type + " " + name();
      case "TABLE" -> "TABLE " + name();
      default -> throw new IllegalArgumentException("not a table ACL securable: " + objectType);
    };
  }

  /** {@code db.t} becomes {@code `db`.`t`}; backticks inside names are doubled. */
  String name() {
    if (objectKey == null || objectKey.isBlank()) {
      throw new IllegalArgumentException(type() + " grant without an object name");
    }
    if (objectKey.startsWith("`")) return objectKey;
    var parts = objectKey.split("\\.");
    var sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) sb.append('.');
      sb.append(quote(parts[i]));
    }
    return sb.toString();
  }

  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
