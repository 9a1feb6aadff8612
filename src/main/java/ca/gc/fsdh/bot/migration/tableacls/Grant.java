package ca.gc.fsdh.bot.migration.tableacls;

import java.util.Locale;

/**
 * One row of {@code SHOW GRANTS} (legacy hive_metastore table ACLs) and the statement that
 * recreates it: {@code GRANT}, {@code DENY} (action types {@code DENIED_*}) or {@code ALTER ...
 * OWNER TO} (action type {@code OWN}).
 *
 * @param objectType CATALOG, DATABASE, TABLE, VIEW, FUNCTION, ANY_FILE or ANONYMOUS_FUNCTION
 * @param objectKey  the object's name as SHOW GRANTS prints it ({@code db.table}); empty for
 *                   ANY FILE, ANONYMOUS FUNCTION and the catalog
 */
public record Grant(String principal, String actionType, String objectType, String objectKey) {

  public String statement() {
    String action = actionType.toUpperCase(Locale.ROOT).replace('_', ' ').trim();
    String on = securable();
    if (action.equals("OWN") || action.equals("OWNER")) {
      return "ALTER " + ownerKeyword() + " " + name() + " OWNER TO " + quote(principal) + ";";
    }
    if (action.startsWith("DENIED ")) {
      return "DENY " + action.substring("DENIED ".length()) + " ON " + on + " TO " + quote(principal) + ";";
    }
    return "GRANT " + action + " ON " + on + " TO " + quote(principal) + ";";
  }

  private String type() {
    return objectType.toUpperCase(Locale.ROOT).replace('_', ' ').trim();
  }

  private String securable() {
    return switch (type()) {
      case "ANY FILE", "ANONYMOUS FUNCTION" -> type();
      case "CATALOG" -> objectKey == null || objectKey.isBlank() ? "CATALOG" : "CATALOG " + name();
      case "DATABASE", "SCHEMA" -> "DATABASE " + name();
      case "VIEW" -> "VIEW " + name();
      case "FUNCTION" -> "FUNCTION " + name();
      default -> "TABLE " + name();
    };
  }

  private String ownerKeyword() {
    return switch (type()) {
      case "DATABASE", "SCHEMA" -> "DATABASE";
      case "VIEW" -> "VIEW";
      case "CATALOG" -> "CATALOG";
      default -> "TABLE";
    };
  }

  /** {@code db.t} becomes {@code `db`.`t`}; backticks inside names are doubled. */
  String name() {
    if (objectKey == null || objectKey.isBlank()) return "";
    String key = objectKey.startsWith("`") ? objectKey : null;
    if (key != null) return key;
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
