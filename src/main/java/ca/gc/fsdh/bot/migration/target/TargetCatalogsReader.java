package ca.gc.fsdh.bot.migration.target;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.catalog.CatalogInfo;
import com.databricks.sdk.service.catalog.ListCatalogsRequest;
import com.databricks.sdk.service.catalog.MetastoreAssignment;

/** Reads {@link TargetCatalogs} from a workspace through the SDK. */
public final class TargetCatalogsReader {
  private TargetCatalogsReader() {}

  /**
   * The workspace's metastore assignment ({@code GET
   * /api/2.1/unity-catalog/current-metastore-assignment}) and, for a UC workspace, whether {@code
   * hive_metastore} is among its catalogs.
   *
   * <p>No metastore is answered with 404 {@code METASTORE_DOES_NOT_EXIST}, "No metastore assigned
   * for the current workspace." (terraform-provider-databricks #1632, #2061): a legacy workspace.
   * {@code hive_metastore} is looked up with {@code catalogs().list}, not {@code get}: the docs
   * only say it is "surfaced in Unity Catalog interfaces", not that {@code get} answers it. A
   * workspace whose assignment names no default catalog resolves two-part names to {@code
   * hive_metastore} (docs.databricks.com {@code catalogs/default}: workspaces not auto-enabled kept
   * it as default).
   *
   * @throws IllegalStateException when a metastore is assigned but neither a default catalog nor
   *     {@code hive_metastore} exists, so no catalog can be proposed
   */
  public static TargetCatalogs read(WorkspaceClient workspace) {
    MetastoreAssignment assignment;
    try {
      assignment = workspace.metastores().current();
    } catch (NotFound e) {
      return TargetCatalogs.legacy();
    }
    if (assignment == null || assignment.getMetastoreId() == null) return TargetCatalogs.legacy();
    boolean hive = false;
    for (CatalogInfo c : workspace.catalogs().list(new ListCatalogsRequest())) {
      if (TargetCatalogs.HIVE_METASTORE.equalsIgnoreCase(c.getName())) {
        hive = true;
        break;
      }
    }
    String defaultCatalog = assignment.getDefaultCatalogName();
    if (defaultCatalog == null || defaultCatalog.isBlank()) {
      if (!hive) {
        throw new IllegalStateException(
            "PROD has metastore "
                + assignment.getMetastoreId()
                + " but no default catalog and no hive_metastore: map each database to a"
                + " catalog.schema (databases: in the mapping file)");
      }
      defaultCatalog = TargetCatalogs.HIVE_METASTORE;
    }
    return TargetCatalogs.unityCatalog(assignment.getMetastoreId(), defaultCatalog, hive);
  }
}
