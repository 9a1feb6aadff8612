package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table-ACL statements of a migration on a warehouse of a Unity Catalog workspace: SHOW
 * CATALOGS / SCHEMAS / TABLES, SHOW GRANTS, GRANT, REVOKE, DENY, ALTER ... [SET] OWNER TO, CREATE
 * CATALOG / SCHEMA / TABLE / VIEW, on one-, two- or three-part names.
 *
 * <p>A name without a catalog resolves against the statement's {@code catalog} (the statement
 * execution API's "similar to USE CATALOG") or else the workspace's default catalog, and a name
 * without a schema against the statement's {@code schema} or {@code default} (docs.databricks.com
 * {@code catalogs/default}). So on a workspace whose default catalog is the workspace catalog,
 * {@code GRANT ... ON TABLE db.t} acts on {@code <workspace catalog>.db.t}, not on {@code
 * hive_metastore.db.t}.
 *
 * <p>Statements on {@code hive_metastore} objects go to the legacy {@link SqlInterpreter} with all
 * its rules (legacy privileges, DENY, back-quoted keys, TABLE vs VIEW); when the workspace has no
 * hive_metastore they fail as for any missing catalog. On Unity Catalog objects: DENY, ANY FILE and
 * ANONYMOUS FUNCTION are refused ("This statement applies only to the hive_metastore catalog",
 * learn.microsoft.com {@code security-deny}; UCX has no UC equivalent for the other two), as are
 * legacy privilege names, privileges that do not apply, principals the account does not have and
 * objects that do not exist; GRANT of a privilege already held changes nothing.
 *
 * <p>SHOW GRANTS on a UC object "displays all privileges (inherited, denied, and granted) that
 * affect the securable object" (learn.microsoft.com {@code security-show-grant}): the object's
 * grants, then its schema's and its catalog's, as {@code principal, actionType, objectType,
 * objectKey} (the reference's column names; Spark reads columns without regard to case). Action
 * types are printed as SQL writes them ({@code USE SCHEMA}; whether the service prints spaces or
 * underscores is unconfirmed: normalize before comparing), object types {@code CATALOG}, {@code
 * SCHEMA}, {@code TABLE} (views too), {@code FUNCTION}, keys in the form {@link
 * TableAclStore#printKeys} sets. Owners are not rows: ownership is not a privilege in Unity
 * Catalog; read it from the object.
 */
final class UcSqlInterpreter {
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
          + "|FUNCTION\\s+"
          + NAME
          + "|ANY\\s+FILE|ANONYMOUS\\s+FUNCTION|METASTORE|"
          + NAME
          + ")";
  private static final Pattern SHOW_CATALOGS = Pattern.compile("SHOW\\s+CATALOGS", F);
  private static final Pattern SHOW_SCHEMAS =
      Pattern.compile("SHOW\\s+(?:DATABASES|SCHEMAS)(?:\\s+(?:IN|FROM)\\s+(" + NAME + "))?", F);
  private static final Pattern SHOW_TABLES =
      Pattern.compile("SHOW\\s+(TABLES|VIEWS)(?:\\s+(?:IN|FROM)\\s+(" + NAME + "))?", F);
  private static final Pattern SHOW_GRANTS =
      Pattern.compile("SHOW\\s+GRANTS?(?:\\s+" + WHO + ")?\\s+ON\\s+" + SECURABLE, F);
  private static final Pattern GRANT =
      Pattern.compile("(GRANT|DENY)\\s+(.+?)\\s+ON\\s+" + SECURABLE + "\\s+TO\\s+" + WHO, F);
  private static final Pattern REVOKE =
      Pattern.compile("REVOKE\\s+(.+?)\\s+ON\\s+" + SECURABLE + "\\s+FROM\\s+" + WHO, F);
  private static final Pattern OWNER =
      Pattern.compile(
          "ALTER\\s+(CATALOG|DATABASE|SCHEMA|TABLE|VIEW|FUNCTION)\\s+("
              + NAME
              + ")\\s+(?:SET\\s+)?OWNER\\s+TO\\s+"
              + WHO,
          F);
  private static final Pattern CREATE_CATALOG =
      Pattern.compile("CREATE\\s+CATALOG\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME + ")(?:\\s.*)?", F);
  private static final Pattern CREATE_SCHEMA =
      Pattern.compile(
          "CREATE\\s+(?:DATABASE|SCHEMA)\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME + ")(?:\\s.*)?", F);
  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "CREATE\\s+(OR\\s+REPLACE\\s+)?(TABLE|VIEW)\\s+(IF\\s+NOT\\s+"
              + "EXISTS\\s+)?("
              + NAME
              + ")(?:\\s.*|\\(.*)?",
          F);

  /**
   * A resolved securable clause: what the statement said ({@code TABLE}, {@code VIEW}, a bare name
   * ...) and the full name.
   */
  private record Target(String said, UcSecurable securable) {}

  private final UnityCatalog uc;
  private final TableAclStore hive;
  private final SqlInterpreter legacy;

  UcSqlInterpreter(UnityCatalog uc, TableAclStore hive, SqlInterpreter legacy) {
    this.uc = uc;
    this.hive = hive;
    this.legacy = legacy;
  }

  SqlInterpreter.Table run(String statement, String catalog, String schema) {
    try {
      return dispatch(
          statement.strip().replaceAll(";\\s*$", ""),
          session(catalog, "catalog"),
          schema == null || schema.isEmpty() ? "default" : session(schema, "schema"));
    } catch (UcError e) {
      throw e.toSql();
    }
  }

  private String session(String name, String what) {
    return name == null || name.isEmpty() ? uc.defaultCatalog() : UcNames.part(name, what);
  }

  private SqlInterpreter.Table dispatch(String s, String catalog, String schema) {
    Matcher m;
    if (SHOW_CATALOGS.matcher(s).matches()) {
      return new SqlInterpreter.Table(
          List.of("catalog"), uc.catalogNames().stream().map(List::of).toList());
    }
    if ((m = SHOW_SCHEMAS.matcher(s)).matches()) {
      String c = m.group(1) == null ? catalog : single(m.group(1), "catalog");
      if (hiveCatalog(c)) {
        return legacy.run("SHOW DATABASES");
      }
      return new SqlInterpreter.Table(
          List.of("databaseName"), uc.schemaNames(c).stream().map(List::of).toList());
    }
    if ((m = SHOW_TABLES.matcher(s)).matches()) {
      List<String> sc =
          m.group(2) == null ? List.of(catalog, schema) : schemaParts(m.group(2), catalog);
      boolean views = m.group(1).equalsIgnoreCase("VIEWS");
      if (hiveCatalog(sc.get(0))) {
        return legacy.run("SHOW " + m.group(1) + " IN " + quote(sc.subList(1, 2)));
      }
      List<List<String>> rows = new ArrayList<>();
      for (UcObjects.Table t : uc.objects().tables(sc.get(0), sc.get(1))) {
        if (!views || t.view()) {
          rows.add(List.of(sc.get(1), t.name(), "false"));
        }
      }
      return new SqlInterpreter.Table(
          List.of(
              views ? "namespace" : "database", views ? "viewName" : "tableName", "isTemporary"),
          rows);
    }
    if ((m = SHOW_GRANTS.matcher(s)).matches()) {
      Target t = target(m.group(2), catalog, schema);
      if (hiveCatalog(t.securable().catalog())) {
        return legacy.run(
            "SHOW GRANTS"
                + (m.group(1) == null ? "" : " " + m.group(1))
                + " ON "
                + legacyClause(t));
      }
      return showGrants(t, m.group(1) == null ? null : uc.requirePrincipal(principal(m.group(1))));
    }
    if ((m = GRANT.matcher(s)).matches()) {
      String verb = m.group(1).toUpperCase(Locale.ROOT);
      Target t = target(m.group(3), catalog, schema);
      if (hiveCatalog(t.securable().catalog())) {
        return legacy.run(verb + " " + m.group(2) + " ON " + legacyClause(t) + " TO " + m.group(4));
      }
      if (verb.equals("DENY")) {
        throw UcError.notSupported("DENY");
      }
      return change(t, m.group(4), m.group(2), true);
    }
    if ((m = REVOKE.matcher(s)).matches()) {
      Target t = target(m.group(2), catalog, schema);
      if (hiveCatalog(t.securable().catalog())) {
        return legacy.run(
            "REVOKE " + m.group(1) + " ON " + legacyClause(t) + " FROM " + m.group(3));
      }
      return change(t, m.group(3), m.group(1), false);
    }
    if ((m = OWNER.matcher(s)).matches()) {
      Target t = target(m.group(1) + " " + m.group(2), catalog, schema);
      if (hiveCatalog(t.securable().catalog())) {
        return legacy.run("ALTER " + legacyClause(t) + " OWNER TO " + m.group(3));
      }
      checkKind(t, "ALTER " + t.said() + " ... OWNER TO");
      uc.setOwner(t.securable(), principal(m.group(3)));
      return empty();
    }
    if ((m = CREATE_CATALOG.matcher(s)).matches()) {
      String name = UcNames.part(single(m.group(2), "catalog"), "catalog");
      if (m.group(1) == null || !uc.catalogNames().contains(name)) {
        uc.objects().createCatalog(name, uc.currentUser(), null);
      }
      return empty();
    }
    if ((m = CREATE_SCHEMA.matcher(s)).matches()) {
      List<String> sc = schemaParts(m.group(2), catalog);
      if (hiveCatalog(sc.get(0))) {
        return legacy.run(
            "CREATE DATABASE "
                + (m.group(1) == null ? "" : "IF NOT EXISTS ")
                + quote(sc.subList(1, 2)));
      }
      String name = UcNames.part(sc.get(1), "schema");
      if (m.group(1) == null || !uc.schemaNames(sc.get(0)).contains(name)) {
        uc.objects().createSchema(sc.get(0), name, uc.currentUser(), null);
      }
      return empty();
    }
    if ((m = CREATE_TABLE.matcher(s)).matches()) {
      List<String> p = tableParts(m.group(4), catalog, schema);
      boolean view = m.group(2).equalsIgnoreCase("VIEW");
      if (hiveCatalog(p.get(0))) {
        return legacy.run("CREATE " + m.group(2) + " " + quote(p.subList(1, 3)));
      }
      String name = UcNames.part(p.get(2), view ? "view" : "table");
      boolean exists = uc.tableNames(p.get(0), p.get(1)).contains(name);
      if (!exists || (m.group(1) == null && m.group(3) == null)) {
        uc.objects().createTable(p.get(0), p.get(1), name, view, uc.currentUser());
      }
      return empty();
    }
    throw new TableAclStore.SqlError(
        "PARSE_SYNTAX_ERROR", "The sandbox does not support this statement: " + s);
  }

  private SqlInterpreter.Table showGrants(Target t, String principal) {
    uc.requireExists(t.securable());
    List<List<String>> rows = new ArrayList<>();
    for (UcSecurable s : t.securable().withParents()) {
      for (UcGrants.Assignment a : uc.grants().on(s)) {
        if (principal == null || principal.equals(a.principal())) {
          for (String p : a.privileges()) {
            rows.add(
                List.of(
                    a.principal(),
                    UcPrivileges.sql(p),
                    s.type().name(),
                    hive.printedKey(s.fullName())));
          }
        }
      }
    }
    return new SqlInterpreter.Table(
        List.of("principal", "actionType", "objectType", "objectKey"), rows);
  }

  private SqlInterpreter.Table change(Target t, String who, String privileges, boolean grant) {
    uc.requireExists(t.securable());
    checkKind(t, grant ? "GRANT" : "REVOKE");
    List<String> list = new ArrayList<>();
    for (String p : privileges.split(",")) {
      list.add(p.strip());
    }
    var change =
        new UnityCatalog.Change(principal(who), grant ? list : List.of(), grant ? List.of() : list);
    uc.change(t.securable(), List.of(change));
    return empty();
  }

  /**
   * {@code TABLE} on a view, or {@code VIEW} on a table, is refused as on hive_metastore (Apache
   * Spark error classes EXPECT_TABLE_NOT_VIEW and EXPECT_VIEW_NOT_TABLE); a bare name is either.
   */
  private void checkKind(Target t, String statement) {
    if (!t.said().equals("TABLE") && !t.said().equals("VIEW")) {
      return;
    }
    boolean view = uc.isView(t.securable());
    String name = TableAclStore.quoted(t.securable().fullName());
    if (t.said().equals("TABLE") && view) {
      throw new TableAclStore.SqlError(
          "EXPECT_TABLE_NOT_VIEW.USE_ALTER_VIEW",
          "'" + statement + "' expects a table but " + name + " is a view. Use VIEW instead.");
    }
    if (t.said().equals("VIEW") && !view) {
      throw new TableAclStore.SqlError(
          "EXPECT_VIEW_NOT_TABLE.USE_ALTER_TABLE",
          "'" + statement + "' expects a view but " + name + " is a table. Use TABLE instead.");
    }
  }

  /** A securable clause, its name completed with the session's catalog and schema. */
  private Target target(String clause, String catalog, String schema) {
    String[] words = clause.strip().split("\\s+", 2);
    String said = words[0].toUpperCase(Locale.ROOT);
    return switch (said) {
      case "CATALOG" -> {
        if (words.length == 1) {
          // terraform-provider-databricks #1216: "For unity catalog, please specify the catalog
          // name explicitly."
          throw UcError.invalid(
              "For unity catalog, please specify the catalog name explicitly. E.g. SHOW GRANT"
                  + " `your.address@email.com` ON CATALOG main");
        }
        String c = single(words[1], "catalog");
        yield new Target(said, UcSecurable.catalog(c));
      }
      case "DATABASE", "SCHEMA" -> {
        List<String> p = schemaParts(words[1], catalog);
        yield new Target("SCHEMA", UcSecurable.schema(p.get(0), p.get(1)));
      }
      case "TABLE", "VIEW", "FUNCTION" ->
          new Target(
              said,
              new UcSecurable(
                  said.equals("FUNCTION") ? UcSecurable.Type.FUNCTION : UcSecurable.Type.TABLE,
                  String.join(".", tableParts(words[1], catalog, schema))));
      case "ANY" -> throw UcError.notSupported("ANY FILE");
      case "ANONYMOUS" -> throw UcError.notSupported("ANONYMOUS FUNCTION");
      case "METASTORE" ->
          throw UcError.invalid("The stand-in does not model grants on the metastore.");
      default ->
          new Target(
              "",
              new UcSecurable(
                  UcSecurable.Type.TABLE,
                  String.join(".", tableParts(clause.strip(), catalog, schema))));
    };
  }

  /** The clause the legacy interpreter reads for a hive_metastore target: no catalog part. */
  private static String legacyClause(Target t) {
    List<String> p = t.securable().parts();
    return switch (t.securable().type()) {
      case CATALOG -> "CATALOG";
      case SCHEMA -> "DATABASE " + quote(p.subList(1, 2));
      case TABLE, FUNCTION -> (t.said().isEmpty() ? "" : t.said() + " ") + quote(p.subList(1, 3));
    };
  }

  private boolean hiveCatalog(String catalog) {
    if (!catalog.equals(UnityCatalog.HIVE_METASTORE)) {
      return false;
    }
    if (!uc.hasHiveMetastore()) {
      throw UcError.noCatalog(UnityCatalog.HIVE_METASTORE);
    }
    return true;
  }

  private List<String> schemaParts(String raw, String catalog) {
    List<String> p = lower(SqlInterpreter.parts(raw));
    return switch (p.size()) {
      case 1 -> List.of(catalog, p.get(0));
      case 2 -> p;
      default ->
          throw new TableAclStore.SqlError(
              "REQUIRES_SINGLE_PART_NAMESPACE",
              "A schema name has at most two parts" + " (catalog.schema): " + raw);
    };
  }

  private static List<String> tableParts(String raw, String catalog, String schema) {
    List<String> p = lower(SqlInterpreter.parts(raw));
    return switch (p.size()) {
      case 1 -> List.of(catalog, schema, p.get(0));
      case 2 -> List.of(catalog, p.get(0), p.get(1));
      case 3 -> p;
      default ->
          throw new TableAclStore.SqlError(
              "TABLE_OR_VIEW_NOT_FOUND", "The table or view " + raw + " cannot be found.");
    };
  }

  private static String single(String raw, String what) {
    List<String> p = SqlInterpreter.parts(raw);
    if (p.size() != 1) {
      throw new TableAclStore.SqlError(
          "INVALID_PARAMETER_VALUE", "A " + what + " name has one part: " + raw);
    }
    return p.getFirst().toLowerCase(Locale.ROOT);
  }

  private static List<String> lower(List<String> parts) {
    return parts.stream().map(x -> x.toLowerCase(Locale.ROOT)).toList();
  }

  private static String quote(List<String> parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      sb.append(sb.isEmpty() ? "" : ".").append('`').append(p.replace("`", "``")).append('`');
    }
    return sb.toString();
  }

  private static String principal(String raw) {
    String p = raw.strip();
    return p.startsWith("`") ? SqlInterpreter.parts(p).getFirst() : p;
  }

  private static SqlInterpreter.Table empty() {
    return new SqlInterpreter.Table(List.of(), List.of());
  }
}
