package ca.gc.fsdh.bot.migration.plan;

import ca.gc.fsdh.bot.migration.compute.WarehouseSql;
import ca.gc.fsdh.bot.migration.mapping.Mapping;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.spi.ExportContext;
import ca.gc.fsdh.bot.migration.spi.TableAclTarget;
import ca.gc.fsdh.bot.migration.tableacls.Grant;
import ca.gc.fsdh.bot.migration.tableacls.TableAclExporter;
import ca.gc.fsdh.bot.migration.tableacls.TableAclImporter;
import ca.gc.fsdh.bot.migration.tableacls.UcSchemas;
import ca.gc.fsdh.bot.migration.tableacls.UcTranslation;
import ca.gc.fsdh.bot.migration.tableacls.UcTranslation.Reason;
import ca.gc.fsdh.bot.migration.target.TargetCatalogs;
import ca.gc.fsdh.bot.migration.target.TargetCatalogsReader;
import ca.gc.fsdh.bot.migration.target.WorkspaceLocalGroups;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.NotFound;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The table-ACL part of a plan that knows its PROD: reads PROD's metastore assignment, default
 * catalog and hive_metastore, resolves the target as the import will, reads the POC's grants on its
 * warehouse, and lists before approval every grant that will not carry over: no Unity Catalog
 * equivalent (DENY, ANY FILE, ANONYMOUS FUNCTION, privileges UCX does not map), grants to groups
 * PROD has only locally (SCIM {@code meta.resourceType: WorkspaceGroup}), and grants on tables or
 * schemas missing in the target schema. Reads only.
 */
public final class TableAclPlanner {
  private final WorkspaceClient poc;
  private final WorkspaceClient prod;

  public TableAclPlanner(WorkspaceClient poc, WorkspaceClient prod) {
    this.poc = poc;
    this.prod = prod;
  }

  /**
   * @param pocWarehouse the POC warehouse that reads grants (none: only the target is told)
   * @param mapping principal renames and {@code databases:}
   */
  public TableAclLanding plan(
      TableAclTarget choice, Optional<String> pocWarehouse, MappingFile mapping)
      throws InterruptedException {
    TargetCatalogs target;
    TableAclTarget mode;
    try {
      target = TargetCatalogsReader.read(prod);
      mode = choice.resolve(target);
    } catch (RuntimeException e) {
      return new TableAclLanding(
          choice.word(), "?", false, 0, List.of(), "PROD not read: " + ExportContext.reason(e));
    }
    boolean uc = mode == TableAclTarget.UNITY_CATALOG;
    String catalog = uc ? target.defaultCatalog().toLowerCase(Locale.ROOT) : Grant.HIVE_METASTORE;
    if (pocWarehouse.isEmpty()) {
      return new TableAclLanding(
          mode.word(),
          catalog,
          target.hiveMetastore(),
          0,
          List.of(),
          "no POC SQL warehouse: grants not read, so none is listed here");
    }
    List<Grant> rows;
    try {
      var names = new Mapping(mapping, null, null);
      rows =
          TableAclExporter.readAll(new WarehouseSql(poc, pocWarehouse.get())).stream()
              .map(g ->
                  new Grant(
                      names.principal(g.principal()),
                      g.actionType(),
                      g.objectType(),
                      g.objectKey()))
              .toList();
    } catch (RuntimeException e) {
      return new TableAclLanding(
          mode.word(),
          catalog,
          target.hiveMetastore(),
          0,
          List.of(),
          "POC grants not read: " + ExportContext.reason(e));
    }
    var out = new ArrayList<TableAclLanding.NotCarried>();
    if (!uc) {
      if (target.unityCatalog()) {
        for (Grant g : rows) {
          if (TableAclImporter.notOnUnityCatalog(g))
            out.add(
                line(
                    new UcTranslation.NotCarried(
                        g,
                        g.type().equals("ANY FILE")
                            ? Reason.ANY_FILE
                            : Reason.ANONYMOUS_FUNCTION)));
        }
      }
      return new TableAclLanding(
          mode.word(), catalog, target.hiveMetastore(), rows.size(), out, null);
    }
    var schemas = new UcSchemas(target.defaultCatalog(), mapping.databases());
    Set<String> local = WorkspaceLocalGroups.read(prod);
    Map<List<String>, Boolean> exists = new HashMap<>();
    for (var t : UcTranslation.translate(rows, schemas)) {
      if (t.notCarried() != null) {
        out.add(line(t.notCarried()));
        continue;
      }
      String principal =
          t.owner() != null ? t.owner().principal() : t.grants().getFirst().principal();
      if (local.contains(principal.toLowerCase(Locale.ROOT))) {
        out.add(line(new UcTranslation.NotCarried(t.source(), Reason.WORKSPACE_LOCAL_PRINCIPAL)));
        continue;
      }
      String type =
          t.owner() != null ? t.owner().securableType() : t.grants().getFirst().securableType();
      String name = t.owner() != null ? t.owner().fullName() : t.grants().getFirst().fullName();
      if (!exists.computeIfAbsent(List.of(type, name), k -> exists(type, name)))
        out.add(line(new UcTranslation.NotCarried(t.source(), Reason.MISSING_IN_TARGET, name)));
    }
    return new TableAclLanding(
        mode.word(), catalog, target.hiveMetastore(), rows.size(), out, null);
  }

  private boolean exists(String type, String name) {
    try {
      switch (type) {
        case "catalog" -> prod.catalogs().get(name);
        case "schema" -> prod.schemas().get(name);
        case "table" -> {
          return Boolean.TRUE.equals(prod.tables().exists(name).getTableExists());
        }
        default -> {
          return true;
        }
      }
      return true;
    } catch (NotFound e) {
      return false;
    }
  }

  private static TableAclLanding.NotCarried line(UcTranslation.NotCarried n) {
    return new TableAclLanding.NotCarried(
        UcTranslation.describe(n.grant()), n.reason().name(), n.line());
  }
}
