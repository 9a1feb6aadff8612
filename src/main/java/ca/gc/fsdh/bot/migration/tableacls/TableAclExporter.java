package ca.gc.fsdh.bot.migration.tableacls;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.FileRef;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.compute.OptionCheck;
import ca.gc.fsdh.bot.migration.compute.WarehouseSql;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExportContext;
import ca.gc.fsdh.bot.migration.spi.ResourceExporter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Exports legacy table ACLs as replayable SQL: one item per database ({@code tableacls/<db>.sql},
 * the database's grants then each table's and view's), plus one for the catalog-wide securables
 * ({@code tableacls/_global.sql}: CATALOG, ANY FILE, ANONYMOUS FUNCTION). Statements run on the SQL
 * warehouse given with {@code --sql-warehouse}, every name qualified with {@code hive_metastore}.
 */
public final class TableAclExporter implements ResourceExporter {
  public static final String GLOBAL = "_global";

  /**
   * Every statement names its catalog: on a workspace enabled for Unity Catalog a name without one
   * resolves to the workspace's default catalog, not to the legacy metastore.
   */
  private static final String HMS = Grant.quote(Grant.HIVE_METASTORE);

  @Override
  public ResourceType type() {
    return ResourceType.TABLE_ACLS;
  }

  @Override
  public void export(ExportContext ctx) throws Exception {
    var warehouse = ctx.options().sqlWarehouse();
    if (warehouse.isEmpty() || ctx.optionProblem(OptionCheck.SQL_WAREHOUSE).isPresent()) {
      // without a usable warehouse nothing can be read: one failed item says why, a rerun with it
      // retries
      ctx.record(
          JournalEntry.failed(
              type(),
              GLOBAL,
              warehouse.isEmpty()
                  ? "no SQL warehouse given (--sql-warehouse; in the bot, the workspace's sqlWarehouse): grants were not read"
                  : ctx.optionProblem(OptionCheck.SQL_WAREHOUSE).get() + ": grants were not read"));
      return;
    }
    var sql = new WarehouseSql(ctx.workspace(), warehouse.get());
    try (var loop = ctx.loop(type())) {
      loop.item(GLOBAL, () -> global(sql, ctx));
      List<Map<String, String>> databases;
      try {
        databases = sql.query("SHOW DATABASES IN " + HMS);
        ctx.listed(type(), "databases");
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) throw e;
        ctx.listingFailed(type(), "databases", e);
        databases = List.of();
      }
      for (Map<String, String> row : databases) {
        String db = first(row, "databasename", "namespace", "database_name", "c0");
        loop.item(db, () -> database(sql, ctx, db));
      }
      loop.finish();
    }
  }

  private JournalEntry global(WarehouseSql sql, ExportContext ctx) throws Exception {
    return write(ctx, GLOBAL, globalRows(sql), 0);
  }

  private static List<Grant> globalRows(WarehouseSql sql) throws InterruptedException {
    var grants = new ArrayList<Grant>();
    grants.addAll(grants(sql, "SHOW GRANTS ON CATALOG " + HMS, "CATALOG", "", Set.of()));
    grants.addAll(grants(sql, "SHOW GRANTS ON ANY FILE", "ANY_FILE", "", Set.of()));
    grants.addAll(
        grants(sql, "SHOW GRANTS ON ANONYMOUS FUNCTION", "ANONYMOUS_FUNCTION", "", Set.of()));
    return grants;
  }

  /** The database's grants, then each table's and view's; SHOW VIEWS tells which are views. */
  private JournalEntry database(WarehouseSql sql, ExportContext ctx, String db) throws Exception {
    var rows = new ArrayList<Grant>();
    int tables = databaseRows(sql, db, rows);
    return write(ctx, db, rows, tables);
  }

  /** Adds one database's grants to {@code grants}; returns its number of tables and views. */
  private static int databaseRows(WarehouseSql sql, String db, List<Grant> grants)
      throws InterruptedException {
    Set<List<String>> views = new HashSet<>();
    for (Map<String, String> row : sql.query("SHOW VIEWS IN " + HMS + "." + Grant.quote(db))) {
      String view = first(row, "viewname", "view_name", "tablename", "c1");
      if (view != null) views.add(lower(List.of(db, view)));
    }
    grants.addAll(
        grants(
            sql,
            "SHOW GRANTS ON DATABASE " + HMS + "." + Grant.quote(db),
            "DATABASE",
            Grant.quote(db),
            views));
    int tables = 0;
    for (Map<String, String> row : sql.query("SHOW TABLES IN " + HMS + "." + Grant.quote(db))) {
      if ("true".equalsIgnoreCase(row.get("istemporary"))) continue;
      String table = first(row, "tablename", "table_name", "c1");
      String key = Grant.quote(db) + "." + Grant.quote(table);
      tables++;
      String kind = views.contains(lower(List.of(db, table))) ? "VIEW" : "TABLE";
      grants.addAll(
          grants(sql, "SHOW GRANTS ON " + kind + " " + HMS + "." + key, kind, key, views));
    }
    return tables;
  }

  /**
   * Every legacy grant of the workspace, read as the export reads it (for the plan, which lists
   * what will not carry over before anything moves).
   */
  public static List<Grant> readAll(WarehouseSql sql) throws InterruptedException {
    var all = new ArrayList<>(globalRows(sql));
    for (Map<String, String> row : sql.query("SHOW DATABASES IN " + HMS)) {
      databaseRows(sql, first(row, "databasename", "namespace", "database_name", "c0"), all);
    }
    return all;
  }

  private JournalEntry write(ExportContext ctx, String id, List<Grant> grants, int tables)
      throws Exception {
    var sb =
        new StringBuilder("-- Table ACLs of ")
            .append(
                id.equals(GLOBAL)
                    ? "the catalog, ANY FILE and ANONYMOUS FUNCTION"
                    : "database " + id)
            .append(", exported by fsdh-bot. Replay on a table-ACL cluster or SQL warehouse.\n");
    for (Grant g : grants)
      sb.append(g.statement()).append('\n'); // a row that cannot be replayed fails the item
    FileRef file =
        ctx.bundle()
            .write(
                "tableacls/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + ".sql",
                sb.toString().getBytes(StandardCharsets.UTF_8));
    var record =
        BundleJson.MAPPER
            .createObjectNode()
            .put("securable", id)
            .put("tables", tables)
            .put("grants", grants.size());
    record.set("rows", BundleJson.MAPPER.valueToTree(grants));
    return JournalEntry.exported(type(), id, List.of(file), record);
  }

  /**
   * The rows of one SHOW GRANTS; a TABLE row whose key is a view becomes a VIEW row. Keys are
   * compared and written by their parts, whether SHOW GRANTS printed them back-quoted or plain, and
   * written back-quoted.
   */
  private static List<Grant> grants(
      WarehouseSql sql,
      String statement,
      String defaultType,
      String defaultKey,
      Set<List<String>> views)
      throws InterruptedException {
    var out = new ArrayList<Grant>();
    for (Map<String, String> row : sql.query(statement)) {
      String principal = first(row, "principal", "c0");
      String action = first(row, "actiontype", "action_type", "c1");
      String type = first(row, "objecttype", "object_type", "c2");
      String key = first(row, "objectkey", "object_key", "c3");
      if (principal == null || action == null) continue;
      String k = key == null ? defaultKey : key;
      String t = type == null ? defaultType : type;
      if (t.equalsIgnoreCase("TABLE") && !k.isBlank() && views.contains(lower(Grant.parts(k))))
        t = "VIEW";
      out.add(new Grant(principal, action, t, k).withQuotedKey());
    }
    return out;
  }

  /** hive_metastore names are case-insensitive. */
  private static List<String> lower(List<String> parts) {
    return parts.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
  }

  private static String first(Map<String, String> row, String... names) {
    for (String n : names) {
      String v = row.get(n);
      if (v != null) return v;
    }
    return null;
  }
}
