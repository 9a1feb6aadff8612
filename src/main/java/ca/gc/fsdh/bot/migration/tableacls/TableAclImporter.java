package ca.gc.fsdh.bot.migration.tableacls;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.compute.WarehouseSql;
import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ImportContext;
import ca.gc.fsdh.bot.migration.spi.ImportContext.Done;
import ca.gc.fsdh.bot.migration.spi.ResourceImporter;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replays table grants (GRANT, DENY, ALTER ... OWNER TO), principals renamed, on a PROD SQL
 * warehouse. Grants only add, and adding the same grant twice changes nothing, so this type always
 * merges whatever the policy. The tables themselves are data, not migrated here: a grant on a table
 * that PROD does not have fails with that reason, and a rerun after the data is moved completes it.
 */
public final class TableAclImporter implements ResourceImporter {
  @Override
  public ResourceType type() {
    return ResourceType.TABLE_ACLS;
  }

  /** The statements that recreate one securable's grants in PROD. */
  public static List<Grant> mapped(ImportContext ctx, JsonNode record) {
    List<Grant> rows =
        BundleJson.MAPPER.convertValue(record.path("rows"), new TypeReference<List<Grant>>() {});
    return rows.stream()
        .map(g ->
            new Grant(
                ctx.mapping().principal(g.principal()),
                g.actionType(),
                securable(g.objectType()),
                g.objectKey()))
        .toList();
  }

  /** SHOW GRANTS names the catalog {@code CATALOG$}; the statement needs {@code CATALOG}. */
  static String securable(String objectType) {
    return objectType != null && objectType.toUpperCase(Locale.ROOT).startsWith("CATALOG")
        ? "CATALOG"
        : objectType;
  }

  @Override
  public void importAll(ImportContext ctx) throws Exception {
    String warehouse = warehouse(ctx);
    var sql = warehouse == null ? null : new WarehouseSql(ctx.target(), warehouse);
    ctx.eachItem(
        type(),
        e -> {
          if (sql == null) {
            ctx.failed(
                type(),
                e.id(),
                "no SQL warehouse in the target to replay grants: give --target-sql-warehouse"
                    + " or map the POC warehouse (warehouses: in the mapping file)");
            return null;
          }
          var grants = mapped(ctx, e.record());
          return resuming -> replay(ctx, sql, grants);
        });
  }

  static String warehouse(ImportContext ctx) {
    return ctx.options().sqlWarehouse().orElse(null);
  }

  private Done replay(ImportContext ctx, WarehouseSql sql, List<Grant> grants)
      throws InterruptedException {
    if (ctx.dryRun())
      return Done.of(
          ImportOutcome.CREATED, null, grants.size() + " statement(s) would be replayed");
    var failures = new ArrayList<String>();
    for (Grant g : grants) {
      try {
        sql.query(g.statement());
      } catch (IllegalStateException e) {
        failures.add(e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException(
          failures.size()
              + " of "
              + grants.size()
              + " statement(s) failed (does PROD have"
              + " these databases and tables? move the data first, then rerun): "
              + String.join(" | ", failures.subList(0, Math.min(3, failures.size()))));
    }
    return Done.of(ImportOutcome.CREATED, null, grants.size() + " statement(s) replayed");
  }
}
