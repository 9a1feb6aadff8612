package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.COMMAND_EXECUTION;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Command execution 1.2 ({@code /api/1.2/contexts/*}, {@code /api/1.2/commands/*}) on a RUNNING
 * cluster. Commands finish at once; {@link CommandInterpreter} decides what they print.
 */
final class CommandRoutes implements Routes {
  private record Context(String clusterId, String language) {}

  private final WorkspaceState state;
  private final CommandInterpreter interpreter;
  private final Map<String, Context> contexts = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> commands = new ConcurrentHashMap<>();

  CommandRoutes(WorkspaceState state) {
    this.state = state;
    this.interpreter = new CommandInterpreter(state);
  }

  @Override
  public void register(Router r) {
    r.add("POST", "/api/1.2/contexts/create", COMMAND_EXECUTION, this::createContext);
    r.add(
        "GET",
        "/api/1.2/contexts/status",
        COMMAND_EXECUTION,
        c -> {
          context(c);
          return Reply.json(
              Json.object().put("id", c.required("contextId")).put("status", "Running"));
        });
    r.add(
        "POST",
        "/api/1.2/contexts/destroy",
        COMMAND_EXECUTION,
        c -> {
          context(c);
          contexts.remove(c.required("contextId"));
          return Reply.json(Json.object().put("id", c.required("contextId")));
        });
    r.add("POST", "/api/1.2/commands/execute", COMMAND_EXECUTION, this::execute);
    r.add(
        "GET",
        "/api/1.2/commands/status",
        COMMAND_EXECUTION,
        c -> {
          ObjectNode status = commands.get(c.required("commandId"));
          if (status == null) {
            throw ApiError.notFound("Command " + c.param("commandId") + " does not exist.");
          }
          return Reply.json(status);
        });
    r.add("POST", "/api/1.2/commands/cancel", COMMAND_EXECUTION, c -> Reply.ok());
  }

  private Reply createContext(ApiCall call) {
    String clusterId = call.required("clusterId");
    ObjectNode cluster =
        state
            .compute()
            .cluster(clusterId)
            .orElseThrow(() -> ApiError.invalid("Cluster " + clusterId + " does not exist"));
    if (!"RUNNING".equals(cluster.path("state").asText())) {
      throw new ApiError(
          400,
          "INVALID_STATE",
          "Cluster "
              + clusterId
              + " is "
              + cluster.path("state").asText()
              + "; start it before creating an execution context.");
    }
    String id = UUID.randomUUID().toString();
    contexts.put(
        id,
        new Context(clusterId, call.param("language") == null ? "python" : call.param("language")));
    return Reply.json(Json.object().put("id", id));
  }

  private Context context(ApiCall call) {
    Context ctx = contexts.get(call.required("contextId"));
    if (ctx == null || !ctx.clusterId().equals(call.required("clusterId"))) {
      throw ApiError.invalid(
          "Context "
              + call.param("contextId")
              + " does not exist on cluster "
              + call.param("clusterId")
              + ".");
    }
    return ctx;
  }

  private Reply execute(ApiCall call) {
    Context ctx = context(call);
    String language = call.param("language") == null ? ctx.language() : call.param("language");
    String id = UUID.randomUUID().toString();
    ObjectNode status = Json.object().put("id", id).put("status", "Finished");
    ObjectNode results = status.putObject("results");
    if (!language.equalsIgnoreCase("python")) {
      results
          .put("resultType", "error")
          .put("summary", "Unsupported language")
          .put("cause", "The sandbox runs Python commands only; got " + language + ".");
    } else {
      var result = interpreter.run(call.required("command"));
      if (result.error()) {
        results
            .put("resultType", "error")
            .put("summary", result.cause().split(":")[0])
            .put("cause", result.cause());
      } else {
        results.put("resultType", "text").put("data", result.output());
      }
    }
    commands.put(id, status);
    return Reply.json(Json.object().put("id", id));
  }
}
