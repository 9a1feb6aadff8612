package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.List;

/**
 * A refusal of the Unity Catalog stand-in, said the way each surface says it: as REST error JSON
 * ({@link #toApi()}: HTTP status and {@code error_code}) or as a failed SQL statement ({@link
 * #toSql()}: a Databricks error class in brackets).
 *
 * <p>REST codes are the platform's (SDK 0.141 {@code service.apps.ErrorCode}: {@code
 * CATALOG_DOES_NOT_EXIST}, {@code SCHEMA_DOES_NOT_EXIST}, {@code TABLE_DOES_NOT_EXIST}, {@code
 * PRINCIPAL_DOES_NOT_EXIST}, {@code METASTORE_DOES_NOT_EXIST} ...). 404 for the {@code
 * *_DOES_NOT_EXIST} family: seen for a catalog in public fixtures ({@code "Catalog c does not
 * exist."}) and for {@code metastore_summary} (terraform-provider-databricks #2061); the same
 * status for schemas, tables and principals is the convention, unconfirmed. SQL error classes are
 * the ones Databricks prints ({@code [NO_SUCH_CATALOG_EXCEPTION] Catalog 'main' was not found.},
 * {@code [SCHEMA_NOT_FOUND]}, {@code [TABLE_OR_VIEW_NOT_FOUND]}, {@code
 * [UC_COMMAND_NOT_SUPPORTED.WITHOUT_RECOMMENDATION] The command(s): ... are not supported in Unity
 * Catalog.}, all quoted in public issue threads and projects).
 */
final class UcError extends RuntimeException {
  private final int status;
  private final String restCode;
  private final String sqlClass;
  private final String sqlMessage;

  private UcError(
      int status, String restCode, String restMessage, String sqlClass, String sqlMessage) {
    super(restMessage, null, false, false);
    this.status = status;
    this.restCode = restCode;
    this.sqlClass = sqlClass;
    this.sqlMessage = sqlMessage;
  }

  ApiError toApi() {
    return new ApiError(status, restCode, getMessage());
  }

  TableAclStore.SqlError toSql() {
    return new TableAclStore.SqlError(sqlClass, sqlMessage);
  }

  String restCode() {
    return restCode;
  }

  /**
   * A workspace without a metastore: the answer of {@code current-metastore-assignment} and of
   * every UC endpoint (body quoted in databricks-sdk-java's {@code
   * ApiErrorBodyDeserializationSuite}; 404 in terraform-provider-databricks #2061).
   */
  static UcError noMetastore() {
    String m = "No metastore assigned for the current workspace.";
    return new UcError(404, "METASTORE_DOES_NOT_EXIST", m, "NO_SUCH_CATALOG_EXCEPTION", m);
  }

  static UcError noCatalog(String catalog) {
    return new UcError(
        404,
        "CATALOG_DOES_NOT_EXIST",
        "Catalog '" + catalog + "' does not exist.",
        "NO_SUCH_CATALOG_EXCEPTION",
        "Catalog '"
            + catalog
            + "' was not found. Please verify the catalog name and then"
            + " retry the query or command again. SQLSTATE: 42704");
  }

  static UcError noSchema(String catalog, String schema) {
    return new UcError(
        404,
        "SCHEMA_DOES_NOT_EXIST",
        "Schema '" + catalog + "." + schema + "' does not exist.",
        "SCHEMA_NOT_FOUND",
        "The schema "
            + TableAclStore.quoted(catalog + "." + schema)
            + " cannot be found. Verify the"
            + " spelling and correctness of the schema and catalog. SQLSTATE: 42704");
  }

  static UcError noTable(String fullName) {
    return new UcError(
        404,
        "TABLE_DOES_NOT_EXIST",
        "Table '" + fullName + "' does not exist.",
        "TABLE_OR_VIEW_NOT_FOUND",
        "The table or view "
            + TableAclStore.quoted(fullName)
            + " cannot be found. Verify the"
            + " spelling and correctness of the schema and catalog. SQLSTATE: 42P01");
  }

  /** A registered model (a FUNCTION securable) or one of its versions or aliases. */
  static UcError noResource(String what) {
    return new UcError(
        404,
        "RESOURCE_DOES_NOT_EXIST",
        what + " does not exist.",
        "ROUTINE_NOT_FOUND",
        what + " cannot be found. SQLSTATE: 42883");
  }

  /**
   * A principal Unity Catalog does not know: it resolves account-level users, service principals
   * and groups only, so a workspace-local group is refused too (terraform-provider-databricks
   * #1773, #2237, #4680: "Could not find principal with name X"; code PRINCIPAL_DOES_NOT_EXIST in
   * dbt-databricks' grant tests).
   */
  static UcError noPrincipal(String principal) {
    String m = "Could not find principal with name " + principal + ".";
    return new UcError(404, "PRINCIPAL_DOES_NOT_EXIST", m, "PRINCIPAL_DOES_NOT_EXIST", m);
  }

  static UcError invalid(String message) {
    return new UcError(400, "INVALID_PARAMETER_VALUE", message, "INVALID_PARAMETER_VALUE", message);
  }

  /** Something Unity Catalog does not do at all (DENY, ANY FILE, ANONYMOUS FUNCTION). */
  static UcError notSupported(String command) {
    return new UcError(
        400,
        "INVALID_PARAMETER_VALUE",
        command + " is not supported in Unity Catalog.",
        "UC_COMMAND_NOT_SUPPORTED.WITHOUT_RECOMMENDATION",
        "The command(s): " + command + " are not supported in Unity Catalog. SQLSTATE: 0AKUC");
  }

  static UcError exists(String kind, List<String> parts) {
    String name = String.join(".", parts);
    String sqlClass =
        switch (kind) {
          case "CATALOG" -> "CATALOG_ALREADY_EXISTS";
          case "SCHEMA" -> "SCHEMA_ALREADY_EXISTS";
          case "TABLE" -> "TABLE_OR_VIEW_ALREADY_EXISTS";
          default -> "RESOURCE_ALREADY_EXISTS";
        };
    String restCode =
        kind.equals("FUNCTION") ? "RESOURCE_ALREADY_EXISTS" : kind + "_ALREADY_EXISTS";
    String label =
        kind.equals("FUNCTION")
            ? "Registered model"
            : kind.charAt(0) + kind.substring(1).toLowerCase();
    return new UcError(
        409,
        restCode,
        label + " '" + name + "' already exists.",
        sqlClass,
        "Cannot create "
            + kind.toLowerCase()
            + " "
            + TableAclStore.quoted(name)
            + " because it already exists.");
  }
}
