package ca.gc.fsdh.bot.migration.tableacls;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each POC database lands in a Unity Catalog PROD: the {@code catalog.schema} the mapping
 * names for it ({@code databases:} in the mapping file, or the workspace's {@code databases} in the
 * bot's configuration), else the PROD default catalog under the database's own name. Unity Catalog
 * "stores all object names as lowercase" (docs.databricks.com {@code sql-ref-names}), so names are
 * lower-cased.
 */
public final class UcSchemas {
  private final String defaultCatalog;
  private final Map<String, List<String>> mapped = new HashMap<>();

  /**
   * @throws IllegalArgumentException when a mapped target is not {@code catalog.schema}
   */
  public UcSchemas(String defaultCatalog, Map<String, String> databases) {
    this.defaultCatalog = defaultCatalog.toLowerCase(Locale.ROOT);
    databases.forEach((db, target) -> {
      List<String> parts = Grant.parts(target);
      if (parts.size() != 2)
        throw new IllegalArgumentException(
            "database " + db + " maps to " + target + ": give catalog.schema");
      mapped.put(
          db.toLowerCase(Locale.ROOT),
          parts.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList());
    });
  }

  /** {@code [catalog, schema]} of a POC database. */
  public List<String> of(String database) {
    String db = database.toLowerCase(Locale.ROOT);
    return mapped.getOrDefault(db, List.of(defaultCatalog, db));
  }

  /** The catalog a catalog-wide legacy grant ({@code USAGE ON CATALOG}) applies to. */
  public String defaultCatalog() {
    return defaultCatalog;
  }

  /** {@code a.b.c} from its parts (Unity Catalog full names are written without quotes). */
  public static String fullName(List<String> parts) {
    return String.join(".", parts);
  }
}
