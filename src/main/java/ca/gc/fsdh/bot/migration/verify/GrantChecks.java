package ca.gc.fsdh.bot.migration.verify;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.compute.WarehouseSql;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.TableAclTarget;
import ca.gc.fsdh.bot.migration.tableacls.Grant;
import ca.gc.fsdh.bot.migration.tableacls.TableAclImporter;
import ca.gc.fsdh.bot.migration.tableacls.UcSchemas;
import ca.gc.fsdh.bot.migration.tableacls.UcTranslation;
import ca.gc.fsdh.bot.migration.target.TargetCatalogs;
import ca.gc.fsdh.bot.migration.target.TargetCatalogsReader;
import ca.gc.fsdh.bot.migration.target.WorkspaceLocalGroups;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Table ACLs: into hive_metastore, every exported grant, principal renamed, is in the target's
 * {@code SHOW GRANTS} (names qualified); into Unity Catalog, see {@link UcGrantChecks}. The target
 * is the one the import resolved: the options' choice, AUTO from what PROD has.
 */
final class GrantChecks implements Verifier.TypeCheck {
  private UcGrantChecks unityCatalog;
  private boolean unityCatalogWorkspace;

  @Override
  public ResourceType type() {
    return ResourceType.TABLE_ACLS;
  }

  @Override
  public void prepare(Verifier.Run run) {
    TargetCatalogs prod = TargetCatalogsReader.read(run.target());
    unityCatalogWorkspace = prod.unityCatalog();
    if (run.options().tableAclTarget().resolve(prod) == TableAclTarget.UNITY_CATALOG) {
      unityCatalog =
          new UcGrantChecks(
              run.target(),
              new UcSchemas(prod.defaultCatalog(), run.mapping().file().databases()),
              WorkspaceLocalGroups.read(run.target()));
    }
  }

  @Override
  public void check(Verifier.Run run, JournalEntry e) {
    if (unityCatalog != null) {
      run.check(
          "tableacls",
          e.id(),
          "Unity Catalog",
          () -> {
            List<Grant> rows =
                BundleJson.MAPPER.convertValue(
                    e.record().path("rows"), new TypeReference<List<Grant>>() {});
            return unityCatalog.check(
                e.id(),
                rows.stream()
                    .map(g ->
                        new Grant(
                            run.mapping().principal(g.principal()),
                            g.actionType(),
                            g.objectType(),
                            g.objectKey()))
                    .toList());
          });
      return;
    }
    run.check(
        "tableacls",
        e.id(),
        e.id(),
        () -> {
          if (run.options().sqlWarehouse().isEmpty()) {
            return new ItemCheck(
                "tableacls",
                e.id(),
                e.id(),
                ItemCheck.Status.PARTLY_CHECKED,
                List.of("no SQL warehouse given: grants not compared"));
          }
          var sql = new WarehouseSql(run.target(), run.options().sqlWarehouse().get());
          List<Grant> rows =
              BundleJson.MAPPER.convertValue(
                  e.record().path("rows"), new TypeReference<List<Grant>>() {});
          Map<String, List<Grant>> bySecurable = new LinkedHashMap<>();
          var notCarried = new ArrayList<String>();
          for (Grant g : rows) {
            if (unityCatalogWorkspace && TableAclImporter.notOnUnityCatalog(g)) {
              notCarried.add("not carried over (reported at import): " + UcTranslation.describe(g));
              continue;
            }
            bySecurable.computeIfAbsent(show(g), k -> new ArrayList<>()).add(g);
          }
          var diffs = new ArrayList<String>();
          for (var s : bySecurable.entrySet()) {
            Set<String> actual = new HashSet<>();
            for (Map<String, String> r : sql.query(s.getKey())) {
              actual.add(key(first(r, "principal", "c0"), first(r, "actiontype", "c1")));
            }
            for (Grant g : s.getValue()) {
              String p = run.mapping().principal(g.principal());
              if (!actual.contains(key(p, g.actionType())))
                diffs.add(
                    g.actionType()
                        + " for "
                        + p
                        + " on "
                        + g.objectType()
                        + " "
                        + g.objectKey()
                        + " is missing");
            }
          }
          if (diffs.isEmpty() && !notCarried.isEmpty())
            return new ItemCheck(
                "tableacls", e.id(), e.id(), ItemCheck.Status.PARTLY_CHECKED, notCarried);
          return ItemCheck.of("tableacls", e.id(), e.id(), diffs);
        });
  }

  private static String key(String principal, String action) {
    return (principal + "|" + action).toLowerCase(Locale.ROOT);
  }

  private static String first(Map<String, String> row, String... names) {
    for (String n : names) if (row.get(n) != null) return row.get(n);
    return null;
  }

  /**
   * The SHOW GRANTS statement for one grant's securable. The key is re-quoted from its parts, so a
   * key printed back-quoted ({@code `db`.`t`}) is not quoted a second time.
   */
  static String show(Grant g) {
    String type = g.objectType().toUpperCase(Locale.ROOT);
    if (type.startsWith("CATALOG"))
      return "SHOW GRANTS ON CATALOG " + "`" + Grant.HIVE_METASTORE + "`";
    if (type.equals("ANY_FILE") || type.equals("ANY FILE")) return "SHOW GRANTS ON ANY FILE";
    if (type.startsWith("ANONYMOUS")) return "SHOW GRANTS ON ANONYMOUS FUNCTION";
    String kind =
        switch (type) {
          case "DATABASE", "SCHEMA" -> "DATABASE ";
          case "VIEW" -> "VIEW ";
          default -> "TABLE ";
        };
    return "SHOW GRANTS ON " + kind + g.qualifiedName();
  }
}
