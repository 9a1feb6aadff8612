package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which Unity Catalog privileges exist and where they apply (privilege model 1.0).
 *
 * <p>Names are those of SDK 0.141's {@code catalog.Privilege} enum, the only strings the service
 * returns (the SDK reads an unknown one as null: {@code READ_UNKNOWN_ENUM_VALUES_AS_NULL} in {@code
 * SerDeUtils}). Privileges may be written with spaces: "Unity Catalog accepts privileges with
 * spaces, but will automatically convert them to underscores" (terraform-provider-databricks {@code
 * permissions.go}).
 *
 * <p>Where they apply (docs.databricks.com "Unity Catalog privileges reference"): a catalog takes
 * ALL PRIVILEGES, APPLY TAG, BROWSE, CREATE SCHEMA, USE CATALOG, and every privilege of the objects
 * it contains, inherited by them (CREATE FUNCTION, CREATE TABLE, CREATE MATERIALIZED VIEW, CREATE
 * MODEL, CREATE VOLUME, EXTERNAL USE SCHEMA, READ VOLUME, REFRESH, WRITE VOLUME, EXECUTE, MANAGE,
 * MODIFY, SELECT, USE SCHEMA); a schema takes the same contained-object privileges. The table, view
 * and function rows were read only in excerpts: tables take SELECT, MODIFY, REFRESH, APPLY TAG,
 * BROWSE, MANAGE, ALL PRIVILEGES; views no MODIFY (UCX maps no legacy view privilege to MODIFY);
 * functions and models EXECUTE, APPLY TAG, MANAGE, ALL PRIVILEGES. BROWSE below catalog level is
 * accepted since ucx PR #3403 (Dec 2024) emits it for tables, views and schemas.
 *
 * <p>The legacy table-ACL names (USAGE, READ_METADATA, CREATE, CREATE_NAMED_FUNCTION,
 * MODIFY_CLASSPATH, OWN) are refused with a hint to the UC name (UCX {@code
 * hive_metastore/grants.py} translation).
 */
final class UcPrivileges {
  /** Every name of SDK 0.141's {@code Privilege}. */
  static final Set<String> SDK_NAMES =
      Set.of(
          "ACCESS",
          "ALL_PRIVILEGES",
          "APPLY_TAG",
          "BROWSE",
          "CREATE",
          "CREATE_CATALOG",
          "CREATE_CLEAN_ROOM",
          "CREATE_CONNECTION",
          "CREATE_EXTERNAL_LOCATION",
          "CREATE_EXTERNAL_TABLE",
          "CREATE_EXTERNAL_VOLUME",
          "CREATE_FOREIGN_CATALOG",
          "CREATE_FOREIGN_SECURABLE",
          "CREATE_FUNCTION",
          "CREATE_MANAGED_STORAGE",
          "CREATE_MATERIALIZED_VIEW",
          "CREATE_MODEL",
          "CREATE_PROVIDER",
          "CREATE_RECIPIENT",
          "CREATE_SCHEMA",
          "CREATE_SERVICE_CREDENTIAL",
          "CREATE_SHARE",
          "CREATE_STORAGE_CREDENTIAL",
          "CREATE_TABLE",
          "CREATE_VIEW",
          "CREATE_VOLUME",
          "EXECUTE",
          "EXECUTE_CLEAN_ROOM_TASK",
          "EXTERNAL_USE_SCHEMA",
          "MANAGE",
          "MANAGE_ALLOWLIST",
          "MODIFY",
          "MODIFY_CLEAN_ROOM",
          "READ_FILES",
          "READ_METADATA",
          "READ_PRIVATE_FILES",
          "READ_VOLUME",
          "REFRESH",
          "SELECT",
          "SET_SHARE_PERMISSION",
          "USAGE",
          "USE_CATALOG",
          "USE_CONNECTION",
          "USE_MARKETPLACE_ASSETS",
          "USE_PROVIDER",
          "USE_RECIPIENT",
          "USE_SCHEMA",
          "USE_SHARE",
          "WRITE_FILES",
          "WRITE_PRIVATE_FILES",
          "WRITE_VOLUME");

  /**
   * Legacy (hive_metastore table ACL) names, and what Unity Catalog calls the nearest thing (UCX).
   */
  private static final Map<String, String> LEGACY =
      Map.of(
          "USAGE", "USE CATALOG on a catalog, USE SCHEMA on a schema",
          "READ_METADATA", "BROWSE",
          "CREATE", "CREATE TABLE (or CREATE SCHEMA on a catalog)",
          "CREATE_NAMED_FUNCTION", "CREATE FUNCTION",
          "MODIFY_CLASSPATH", "nothing",
          "OWN", "ALTER ... OWNER TO (ownership is not a privilege)");

  private static final Set<String> CONTAINED =
      Set.of(
          "CREATE_FUNCTION",
          "CREATE_TABLE",
          "CREATE_MATERIALIZED_VIEW",
          "CREATE_MODEL",
          "CREATE_VOLUME",
          "EXTERNAL_USE_SCHEMA",
          "READ_VOLUME",
          "REFRESH",
          "WRITE_VOLUME",
          "EXECUTE",
          "MANAGE",
          "MODIFY",
          "SELECT",
          "USE_SCHEMA");

  private static final Map<UcSecurable.Type, Set<String>> APPLICABLE =
      new EnumMap<>(UcSecurable.Type.class);

  static {
    APPLICABLE.put(
        UcSecurable.Type.CATALOG,
        union(
            CONTAINED,
            Set.of("ALL_PRIVILEGES", "APPLY_TAG", "BROWSE", "CREATE_SCHEMA", "USE_CATALOG")));
    APPLICABLE.put(
        UcSecurable.Type.SCHEMA, union(CONTAINED, Set.of("ALL_PRIVILEGES", "APPLY_TAG", "BROWSE")));
    APPLICABLE.put(
        UcSecurable.Type.TABLE,
        Set.of("ALL_PRIVILEGES", "APPLY_TAG", "BROWSE", "MANAGE", "MODIFY", "REFRESH", "SELECT"));
    APPLICABLE.put(
        UcSecurable.Type.FUNCTION, Set.of("ALL_PRIVILEGES", "APPLY_TAG", "EXECUTE", "MANAGE"));
  }

  private static final Set<String> VIEW =
      Set.of("ALL_PRIVILEGES", "APPLY_TAG", "BROWSE", "MANAGE", "SELECT");

  private UcPrivileges() {}

  private static Set<String> union(Set<String> a, Set<String> b) {
    var all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** Upper case, runs of spaces as one underscore: {@code use schema} is {@code USE_SCHEMA}. */
  static String normalize(String raw) {
    return raw.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", "_");
  }

  /**
   * How SQL writes a privilege, and how the stand-in prints it in SHOW GRANTS: {@code USE SCHEMA}.
   */
  static String sql(String privilege) {
    return privilege.replace('_', ' ');
  }

  /**
   * The privilege's name if Unity Catalog takes it on {@code target} ({@code view} when the table
   * is a view); else the 400 the service answers (INVALID_PARAMETER_VALUE for a privilege that does
   * not exist: dbt-databricks' grant tests; the wording for one that does not apply is the
   * stand-in's).
   */
  static String check(String raw, UcSecurable target, boolean view) {
    String p = normalize(raw);
    if (LEGACY.containsKey(p)) {
      throw UcError.invalid(
          "Privilege "
              + sql(p)
              + " is a legacy hive_metastore privilege, not a Unity Catalog one"
              + " (Unity Catalog: "
              + LEGACY.get(p)
              + ").");
    }
    if (!SDK_NAMES.contains(p)) {
      throw UcError.invalid("Unknown privilege " + raw.strip() + ".");
    }
    Set<String> allowed = view ? VIEW : APPLICABLE.get(target.type());
    if (!allowed.contains(p)) {
      throw UcError.invalid(
          "Privilege "
              + sql(p)
              + " is not applicable to this entity ["
              + (view ? "view" : target.type().name().toLowerCase(Locale.ROOT))
              + ":"
              + target.fullName()
              + "].");
    }
    return p;
  }
}
