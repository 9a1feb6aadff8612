package ca.gc.fsdh.bot.migration.compute;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.spi.ExportContext;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.compute.State;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks the ids given with {@code --secrets-cluster} and {@code --sql-warehouse} before an export
 * starts, with one read each. A wrong id is a typo to tell the user in one line, not a reason to
 * stop the other types: the items that need it fail with the same reason in the report.
 */
public final class OptionCheck {
  public static final String SECRETS_CLUSTER = "--secrets-cluster";
  public static final String SQL_WAREHOUSE = "--sql-warehouse";

  private OptionCheck() {}

  /** Option name to a one-line reason; empty when every given id is usable. */
  public static Map<String, String> problems(WorkspaceClient workspace, ExportOptions options) {
    var problems = new LinkedHashMap<String, String>();
    var types = options.types();
    options
        .secretsCluster()
        .ifPresent(id -> {
          try {
            State state = workspace.clusters().get(id).getState();
            if (state != State.RUNNING) {
              problems.put(
                  SECRETS_CLUSTER,
                  SECRETS_CLUSTER
                      + " "
                      + id
                      + ": the cluster is "
                      + state
                      + "; start it (commands run only on a running cluster)");
            }
          } catch (RuntimeException e) {
            problems.put(
                SECRETS_CLUSTER,
                SECRETS_CLUSTER
                    + " "
                    + id
                    + ": no usable cluster ("
                    + ExportContext.reason(e)
                    + ")");
          }
        });
    if (types.contains(ResourceType.TABLE_ACLS)) {
      options
          .sqlWarehouse()
          .ifPresent(id -> {
            try {
              workspace.warehouses().get(id);
            } catch (RuntimeException e) {
              problems.put(
                  SQL_WAREHOUSE,
                  SQL_WAREHOUSE
                      + " "
                      + id
                      + ": no usable SQL warehouse ("
                      + ExportContext.reason(e)
                      + ")");
            }
          });
    }
    return problems;
  }
}
