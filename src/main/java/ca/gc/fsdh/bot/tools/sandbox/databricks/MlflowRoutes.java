package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.MLFLOW;
import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.MLFLOW_SEARCH;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workspace model registry as the SDK's {@code modelRegistry()} calls it: {@code
 * /api/2.0/mlflow/registered-models/*}, {@code model-versions/*} and the Databricks variants
 * ({@code databricks/registered-models/get}, {@code databricks/model-versions/transition-stage}).
 * Searches accept {@code name='x'} and {@code name LIKE '%x%'} filters and page with tokens.
 */
final class MlflowRoutes implements Routes {
  private static final Pattern EQUALS = Pattern.compile("\\s*name\\s*=\\s*['\"](.*)['\"]\\s*");
  private static final Pattern LIKE =
      Pattern.compile("\\s*name\\s+(I?LIKE)\\s+['\"](.*)['\"]\\s*", Pattern.CASE_INSENSITIVE);

  private final ModelRegistryStore store;
  private final String user;

  MlflowRoutes(WorkspaceState state) {
    this.store = state.models();
    this.user = state.currentUser();
  }

  @Override
  public void register(Router r) {
    String base = "/api/2.0/mlflow/";
    r.add("POST", base + "registered-models/create", MLFLOW, this::createModel);
    r.add(
        "GET",
        base + "registered-models/get",
        MLFLOW,
        c -> Reply.json(wrap("registered_model", model(store.require(c.required("name")), false))));
    r.add(
        "GET",
        base + "databricks/registered-models/get",
        MLFLOW,
        c ->
            Reply.json(
                wrap(
                    "registered_model_databricks",
                    model(store.require(c.required("name")), true))));
    r.add("GET", base + "registered-models/search", MLFLOW_SEARCH, this::searchModels);
    r.add("GET", base + "registered-models/list", MLFLOW_SEARCH, this::searchModels);
    r.add(
        "POST",
        base + "registered-models/set-tag",
        MLFLOW,
        c -> {
          store.setModelTag(c.required("name"), c.required("key"), c.required("value"));
          return Reply.ok();
        });
    r.add("POST", base + "registered-models/get-latest-versions", MLFLOW, this::latest);
    r.add("POST", base + "model-versions/create", MLFLOW, this::createVersion);
    r.add(
        "GET",
        base + "model-versions/get",
        MLFLOW,
        c ->
            Reply.json(
                wrap(
                    "model_version",
                    version(
                        store.requireVersion(c.required("name"), c.required("version")), false))));
    r.add("GET", base + "model-versions/search", MLFLOW_SEARCH, this::searchVersions);
    r.add(
        "POST",
        base + "model-versions/set-tag",
        MLFLOW,
        c -> {
          store.update(
              c.required("name"),
              c.required("version"),
              null,
              c.required("key"),
              c.required("value"));
          return Reply.ok();
        });
    r.add(
        "PATCH",
        base + "model-versions/update",
        MLFLOW,
        c ->
            Reply.json(
                wrap(
                    "model_version",
                    version(
                        store.update(
                            c.required("name"),
                            c.required("version"),
                            c.param("description"),
                            null,
                            null),
                        false))));
    r.add(
        "POST",
        base + "databricks/model-versions/transition-stage",
        MLFLOW,
        c ->
            Reply.json(
                wrap(
                    "model_version_databricks",
                    version(
                        store.transition(
                            c.required("name"),
                            c.required("version"),
                            c.required("stage"),
                            c.flag("archive_existing_versions")),
                        true))));
    r.add(
        "GET",
        base + "model-versions/get-download-uri",
        MLFLOW,
        c ->
            Reply.json(
                Json.object()
                    .put(
                        "artifact_uri",
                        store
                            .requireVersion(c.required("name"), c.required("version"))
                            .storageLocation())));
  }

  private static ObjectNode wrap(String field, ObjectNode value) {
    ObjectNode n = Json.object();
    n.set(field, value);
    return n;
  }

  private ObjectNode model(RegisteredModel m, boolean databricks) {
    ObjectNode n =
        Json.object()
            .put("name", m.name())
            .put("creation_timestamp", m.created())
            .put("last_updated_timestamp", m.updated())
            .put("user_id", m.userId());
    if (m.description() != null) {
      n.put("description", m.description());
    }
    tags(n, m.tags());
    ArrayNode latest = n.putArray("latest_versions");
    store.latest(m.name(), List.of()).forEach(v -> latest.add(version(v, databricks)));
    if (databricks) {
      n.put("id", m.id()).put("permission_level", "CAN_MANAGE");
    }
    return n;
  }

  private static ObjectNode version(ModelVersion v, boolean databricks) {
    ObjectNode n =
        Json.object()
            .put("name", v.name())
            .put("version", v.version())
            .put("current_stage", v.stage())
            .put("creation_timestamp", v.created())
            .put("last_updated_timestamp", v.updated())
            .put("user_id", v.userId())
            .put("status", "READY");
    if (v.source() != null) {
      n.put("source", v.source());
    }
    if (v.runId() != null) {
      n.put("run_id", v.runId());
    }
    if (v.description() != null) {
      n.put("description", v.description());
    }
    tags(n, v.tags());
    if (databricks) {
      n.put("permission_level", "CAN_MANAGE");
    }
    return n;
  }

  private static void tags(ObjectNode n, Map<String, String> tags) {
    if (!tags.isEmpty()) {
      ArrayNode a = n.putArray("tags");
      tags.forEach((k, v) -> a.addObject().put("key", k).put("value", v));
    }
  }

  private static Map<String, String> tags(JsonNode body) {
    Map<String, String> tags = new LinkedHashMap<>();
    body.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
    return tags;
  }

  private Reply createModel(ApiCall call) {
    RegisteredModel m =
        store.createModel(
            call.required("name"), call.param("description"), user, tags(call.json()));
    return Reply.json(wrap("registered_model", model(m, false)));
  }

  private Reply createVersion(ApiCall call) {
    ModelVersion v =
        store.createVersion(
            call.required("name"),
            call.required("source"),
            call.param("run_id"),
            call.param("description"),
            user,
            tags(call.json()));
    return Reply.json(wrap("model_version", version(v, false)));
  }

  private Reply latest(ApiCall call) {
    store.require(call.required("name"));
    List<String> stages = new ArrayList<>();
    call.json().path("stages").forEach(s -> stages.add(s.asText()));
    ObjectNode body = Json.object();
    ArrayNode vs = body.putArray("model_versions");
    store.latest(call.required("name"), stages).forEach(v -> vs.add(version(v, false)));
    return Reply.json(body);
  }

  private Reply searchModels(ApiCall call) {
    Predicate<String> byName = nameFilter(call.param("filter"));
    List<ObjectNode> all = new ArrayList<>();
    store.models().stream()
        .filter(m -> byName.test(m.name()))
        .forEach(m -> all.add(model(m, false)));
    return page(call, all, "registered_models", 100, 1000);
  }

  private Reply searchVersions(ApiCall call) {
    Predicate<String> byName = nameFilter(call.param("filter"));
    List<ObjectNode> all = new ArrayList<>();
    for (RegisteredModel m : store.models()) {
      if (byName.test(m.name())) {
        store.versions(m.name()).forEach(v -> all.add(version(v, false)));
      }
    }
    return page(call, all, "model_versions", 10_000, 10_000);
  }

  private static Reply page(
      ApiCall call, List<ObjectNode> all, String field, int defaultMax, int limit) {
    int max = call.intParam("max_results", defaultMax);
    if (max < 1 || max > limit) {
      throw ApiError.invalid("max_results must be between 1 and " + limit + ".");
    }
    int offset = (int) PageToken.decodeLong(call.param("page_token"), 0);
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray(field);
    all.stream().skip(offset).limit(max).forEach(items::add);
    if (offset + max < all.size()) {
      body.put("next_page_token", PageToken.encode(Integer.toString(offset + max)));
    }
    return Reply.json(body);
  }

  private static Predicate<String> nameFilter(String filter) {
    if (filter == null || filter.isBlank()) {
      return n -> true;
    }
    Matcher m = EQUALS.matcher(filter);
    if (m.matches()) {
      String name = m.group(1);
      return name::equals;
    }
    m = LIKE.matcher(filter);
    if (m.matches()) {
      boolean ci = m.group(1).equalsIgnoreCase("ILIKE");
      String regex =
          (ci ? "(?i)" : "")
              + Pattern.quote(m.group(2)).replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q");
      Pattern p = Pattern.compile(regex);
      return n -> p.matcher(n).matches();
    }
    throw ApiError.invalid(
        "The sandbox supports name = '...' and name LIKE '...' filters only; got " + filter);
  }
}
