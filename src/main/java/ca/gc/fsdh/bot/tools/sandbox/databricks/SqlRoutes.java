package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.SQL_STATEMENTS;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL statement execution ({@code /api/2.0/sql/statements}) on a warehouse of the workspace.
 * Statements finish at once; results come inline as JSON_ARRAY (every column a string). A failed
 * statement is a 200 whose status is FAILED, as in the real service.
 */
final class SqlRoutes implements Routes {
  private static final String PREFIX = "/api/2.0/sql/statements/";
  private final WorkspaceState state;
  private final SqlInterpreter interpreter;
  private final UcSqlInterpreter unityCatalog;
  private final Map<String, ObjectNode> statements = new ConcurrentHashMap<>();

  SqlRoutes(WorkspaceState state) {
    this.state = state;
    this.interpreter = new SqlInterpreter(state.tables());
    this.unityCatalog = new UcSqlInterpreter(state.unityCatalog(), state.tables(), interpreter);
  }

  @Override
  public void register(Router r) {
    r.add("POST", "/api/2.0/sql/statements", SQL_STATEMENTS, this::execute);
    r.add("POST", "/api/2.0/sql/statements/", SQL_STATEMENTS, this::execute);
    r.addPrefix(
        "GET",
        PREFIX,
        SQL_STATEMENTS,
        c -> {
          String id = c.path().substring(PREFIX.length());
          ObjectNode s = statements.get(id);
          if (s == null) {
            throw ApiError.notFound("Statement " + id + " does not exist.");
          }
          return Reply.json(s);
        });
    r.addPrefix(
        "POST", PREFIX, SQL_STATEMENTS, c -> Reply.ok()); // cancel: statements are already done
  }

  private Reply execute(ApiCall call) {
    String warehouse = call.required("warehouse_id");
    if (state.compute().warehouse(warehouse).isEmpty()) {
      throw ApiError.notFound("Warehouse " + warehouse + " does not exist.");
    }
    String format = call.param("format");
    if (format != null && !format.equals("JSON_ARRAY")) {
      throw ApiError.invalid("The sandbox answers in JSON_ARRAY only; got " + format + ".");
    }
    String id = UUID.randomUUID().toString();
    ObjectNode response = Json.object().put("statement_id", id);
    try {
      // a UC warehouse resolves names against the statement's catalog and schema, else the default
      // catalog
      SqlInterpreter.Table table =
          state.unityCatalog().enabled()
              ? unityCatalog.run(
                  call.required("statement"), call.param("catalog"), call.param("schema"))
              : interpreter.run(call.required("statement"));
      response.putObject("status").put("state", "SUCCEEDED");
      response.set("manifest", manifest(table));
      ObjectNode result =
          response
              .putObject("result")
              .put("chunk_index", 0)
              .put("row_offset", 0)
              .put("row_count", table.rows().size());
      if (!table.columns().isEmpty()) {
        ArrayNode data = result.putArray("data_array");
        for (List<String> row : table.rows()) {
          ArrayNode r = data.addArray();
          row.forEach(r::add);
        }
      }
    } catch (TableAclStore.SqlError e) {
      response
          .putObject("status")
          .put("state", "FAILED")
          .putObject("error")
          .put("error_code", e.errorCode)
          .put("message", "[" + e.errorCode + "] " + e.getMessage());
    }
    statements.put(id, response);
    return Reply.json(response);
  }

  private static ObjectNode manifest(SqlInterpreter.Table table) {
    ObjectNode m =
        Json.object()
            .put("format", "JSON_ARRAY")
            .put("total_chunk_count", 1)
            .put("total_row_count", table.rows().size())
            .put("truncated", false);
    ObjectNode schema = m.putObject("schema").put("column_count", table.columns().size());
    ArrayNode cols = schema.putArray("columns");
    for (int i = 0; i < table.columns().size(); i++) {
      cols.addObject()
          .put("name", table.columns().get(i))
          .put("type_text", "STRING")
          .put("type_name", "STRING")
          .put("position", i);
    }
    m.putArray("chunks")
        .addObject()
        .put("chunk_index", 0)
        .put("row_offset", 0)
        .put("row_count", table.rows().size());
    return m;
  }
}
