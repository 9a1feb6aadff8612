package ca.gc.fsdh.bot.migration.target;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a workspace keeps its tables.
 *
 * @param metastoreId the Unity Catalog metastore assigned to the workspace; empty for a legacy
 *     (non-UC) workspace
 * @param defaultCatalog the catalog a two-part name resolves to ({@code hive_metastore} in a legacy
 *     workspace); the core never relies on it, it only proposes it as the home of mapped databases
 * @param hiveMetastore whether the legacy {@code hive_metastore} catalog exists (always in a legacy
 *     workspace; in a UC workspace unless the account disabled legacy features)
 */
public record TargetCatalogs(
    Optional<String> metastoreId, String defaultCatalog, boolean hiveMetastore) {
  public static final String HIVE_METASTORE = "hive_metastore";

  public TargetCatalogs {
    Objects.requireNonNull(metastoreId, "metastoreId == null");
    Objects.requireNonNull(defaultCatalog, "defaultCatalog == null");
    if (metastoreId.isEmpty() && !hiveMetastore) {
      throw new IllegalArgumentException("a workspace without a metastore has hive_metastore");
    }
  }

  /** A workspace without a metastore: every table is in {@code hive_metastore}. */
  public static TargetCatalogs legacy() {
    return new TargetCatalogs(Optional.empty(), HIVE_METASTORE, true);
  }

  /** A Unity Catalog workspace. */
  public static TargetCatalogs unityCatalog(
      String metastoreId, String defaultCatalog, boolean hiveMetastore) {
    return new TargetCatalogs(Optional.of(metastoreId), defaultCatalog, hiveMetastore);
  }

  /** Whether a metastore is assigned (the workspace is enabled for Unity Catalog). */
  public boolean unityCatalog() {
    return metastoreId.isPresent();
  }
}
