package ca.gc.fsdh.bot.migration.tableacls;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.compute.WarehouseSql;
import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExportContext;
import ca.gc.fsdh.bot.migration.spi.ImportContext;
import ca.gc.fsdh.bot.migration.spi.ImportContext.Done;
import ca.gc.fsdh.bot.migration.spi.ResourceImporter;
import ca.gc.fsdh.bot.migration.spi.TableAclTarget;
import ca.gc.fsdh.bot.migration.target.TargetCatalogs;
import ca.gc.fsdh.bot.migration.target.TargetCatalogsReader;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replays table grants, principals renamed, where the import's {@link TableAclTarget} says: into
 * PROD's {@code hive_metastore} as legacy SQL (GRANT, DENY, ALTER ... OWNER TO, every name
 * qualified) on a PROD SQL warehouse, or into Unity Catalog, translated ({@link UcTranslation}) and
 * replayed through the grants API ({@link UcGrantReplay}), each POC database in the {@code
 * catalog.schema} the mapping gives it ({@link UcSchemas}). AUTO takes Unity Catalog when PROD has
 * a metastore. Grants only add, and adding the same grant twice changes nothing, so this type
 * always merges whatever the policy.
 *
 * <p>The tables themselves are data, not migrated here. Into hive_metastore, a grant on a table
 * that PROD does not have fails with that reason, and a rerun after the data is moved completes it.
 * Into Unity Catalog, a grant that cannot carry over (no UC equivalent, a workspace-local group, a
 * table missing in the target schema) is reported, one note per grant starting with {@link
 * #NOT_CARRIED}, with what to do instead; the item is done.
 */
public final class TableAclImporter implements ResourceImporter {
  /** Prefix of a report note naming a grant that does not carry over into Unity Catalog. */
  public static final String NOT_CARRIED = UcGrantReplay.NOT_CARRIED;

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
    TargetCatalogs prod;
    TableAclTarget mode;
    UcSchemas schemas;
    try {
      prod = TargetCatalogsReader.read(ctx.target());
      mode = ctx.options().tableAclTarget().resolve(prod);
      schemas = new UcSchemas(prod.defaultCatalog(), ctx.mapping().file().databases());
    } catch (RuntimeException e) {
      String reason = "table ACL target: " + ExportContext.reason(e);
      ctx.eachItem(
          type(),
          i -> {
            ctx.failed(type(), i.id(), reason);
            return null;
          });
      return;
    }
    if (mode == TableAclTarget.UNITY_CATALOG) {
      intoUnityCatalog(ctx, schemas);
      return;
    }
    intoHiveMetastore(ctx, prod.unityCatalog());
  }

  private void intoUnityCatalog(ImportContext ctx, UcSchemas schemas) throws Exception {
    var replay = new UcGrantReplay(ctx.target());
    ctx.eachItem(
        type(),
        e -> {
          var translated = UcTranslation.translate(mapped(ctx, e.record()), schemas);
          return resuming -> done(replay.replay(translated, ctx.dryRun()), ctx.dryRun());
        });
  }

  private static Done done(UcGrantReplay.Result r, boolean dryRun) {
    var notes = new ArrayList<String>();
    notes.add(
        (dryRun ? "would add " : "Unity Catalog: added ")
            + r.added()
            + " privilege(s), "
            + (dryRun ? "would set " : "set ")
            + r.owners()
            + " owner(s), "
            + r.alreadyThere()
            + " already there, "
            + r.notCarried().size()
            + " grant(s) not carried over");
    for (var nc : r.notCarried()) notes.add(NOT_CARRIED + nc.line());
    return new Done(ImportOutcome.CREATED, null, notes);
  }

  /**
   * On a Unity Catalog workspace, ANY FILE and ANONYMOUS FUNCTION are refused even on the legacy
   * side ({@code [UC_COMMAND_NOT_SUPPORTED]}, as the stand-in models it; UCX has no equivalent for
   * them either): they are reported per grant instead of failing the item.
   */
  public static boolean notOnUnityCatalog(Grant g) {
    String t = g.type();
    return t.equals("ANY FILE") || t.equals("ANONYMOUS FUNCTION");
  }

  private void intoHiveMetastore(ImportContext ctx, boolean unityCatalog) throws Exception {
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
          return resuming -> replay(ctx, sql, grants, unityCatalog);
        });
  }

  static String warehouse(ImportContext ctx) {
    return ctx.options().sqlWarehouse().orElse(null);
  }

  private Done replay(ImportContext ctx, WarehouseSql sql, List<Grant> all, boolean unityCatalog)
      throws InterruptedException {
    var notes = new ArrayList<String>();
    var grants = new ArrayList<Grant>();
    for (Grant g : all) {
      if (unityCatalog && notOnUnityCatalog(g)) {
        notes.add(
            NOT_CARRIED
                + new UcTranslation.NotCarried(
                        g,
                        g.type().equals("ANY FILE")
                            ? UcTranslation.Reason.ANY_FILE
                            : UcTranslation.Reason.ANONYMOUS_FUNCTION)
                    .line());
      } else {
        grants.add(g);
      }
    }
    if (ctx.dryRun()) {
      notes.addFirst(grants.size() + " statement(s) would be replayed");
      return new Done(ImportOutcome.CREATED, null, notes);
    }
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
    notes.addFirst(grants.size() + " statement(s) replayed");
    return new Done(ImportOutcome.CREATED, null, notes);
  }
}
