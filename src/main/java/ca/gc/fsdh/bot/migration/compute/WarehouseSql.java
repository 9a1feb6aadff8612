package ca.gc.fsdh.bot.migration.compute;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.sql.ColumnInfo;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.ResultData;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs one SQL statement on a warehouse through the statement execution API and returns its rows
 * (every chunk) as maps from lower-case column name to value.
 */
public final class WarehouseSql {
  private final WorkspaceClient workspace;
  private final String warehouseId;

  public WarehouseSql(WorkspaceClient workspace, String warehouseId) {
    this.workspace = workspace;
    this.warehouseId = warehouseId;
  }

  public List<Map<String, String>> query(String sql) throws InterruptedException {
    var api = workspace.statementExecution();
    StatementResponse r =
        api.executeStatement(
            new ExecuteStatementRequest()
                .setWarehouseId(warehouseId)
                .setStatement(sql)
                .setWaitTimeout("30s"));
    for (int i = 0; state(r) == StatementState.PENDING || state(r) == StatementState.RUNNING; i++) {
      Thread.sleep(Math.min(100L << Math.min(i, 4), 1000));
      r = api.getStatement(r.getStatementId());
    }
    if (state(r) != StatementState.SUCCEEDED) {
      var err = r.getStatus() == null ? null : r.getStatus().getError();
      throw new IllegalStateException(
          "'" + sql + "' ended " + state(r) + (err == null ? "" : ": " + err.getMessage()));
    }
    List<String> columns = new ArrayList<>();
    if (r.getManifest() != null
        && r.getManifest().getSchema() != null
        && r.getManifest().getSchema().getColumns() != null) {
      for (ColumnInfo c : r.getManifest().getSchema().getColumns())
        columns.add(c.getName().toLowerCase(Locale.ROOT));
    }
    var rows = new ArrayList<Map<String, String>>();
    ResultData chunk = r.getResult();
    while (chunk != null) {
      if (chunk.getDataArray() != null) {
        for (Collection<String> row : chunk.getDataArray()) {
          var m = new TreeMap<String, String>();
          int i = 0;
          for (String v : row) {
            m.put(i < columns.size() ? columns.get(i) : "c" + i, v);
            i++;
          }
          rows.add(m);
        }
      }
      chunk =
          chunk.getNextChunkIndex() == null
              ? null
              : api.getStatementResultChunkN(r.getStatementId(), chunk.getNextChunkIndex());
    }
    return rows;
  }

  private static StatementState state(StatementResponse r) {
    return r.getStatus() == null ? null : r.getStatus().getState();
  }
}
