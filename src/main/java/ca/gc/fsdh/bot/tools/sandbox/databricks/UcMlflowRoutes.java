package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.MLFLOW;
import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.MLFLOW_SEARCH;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MLflow's Unity Catalog model registry service ({@code UcModelRegistryService} in mlflow's {@code
 * databricks_uc_registry_service.proto}: every path under {@code /api/2.0/mlflow/unity-catalog/},
 * fields from {@code databricks_uc_registry_messages.proto}). It is how versions are created: the
 * SDK's {@code modelVersions()} cannot ("Creating new model versions requires use of the MLflow
 * Python client", {@code RegisteredModelsAPI} javadoc). The flow: {@code model-versions/create}
 * (PENDING_REGISTRATION, with a {@code storage_location}) → {@code generate-temporary-credentials}
 * (a user delegation SAS for that folder) → upload to the blob endpoint → {@code finalize} (READY).
 *
 * <p>Model names are three-level and lower case; {@code model-versions/search} takes only {@code
 * name='catalog.schema.model'} ("Must be a single boolean condition, with string values wrapped in
 * single quotes", proto; other filters get the server's "Unsupported filter query" quoted in a
 * public notebook, which also saw search answer versions without their tags: the stand-in leaves
 * tags out of search results too; {@code get} has them).
 */
final class UcMlflowRoutes implements Routes {
  private static final String BASE = "/api/2.0/mlflow/unity-catalog/";
  private static final Pattern NAME_FILTER = Pattern.compile("\\s*name\\s*=\\s*'([^']*)'\\s*");
  private final UnityCatalog uc;
  private final UcModelRegistry models;

  UcMlflowRoutes(WorkspaceState state) {
    this.uc = state.unityCatalog();
    this.models = uc.models();
  }

  @Override
  public void register(Router r) {
    r.add(
        "POST",
        BASE + "registered-models/create",
        MLFLOW,
        guard(c ->
            wrap(
                "registered_model",
                model(
                    uc.createModel(c.required("name"), c.param("description"), tags(c.json()))))));
    r.add(
        "GET",
        BASE + "registered-models/get",
        MLFLOW,
        guard(c -> wrap("registered_model", model(models.require(name(c))))));
    r.add(
        "PATCH",
        BASE + "registered-models/update",
        MLFLOW,
        guard(c -> {
          if (c.param("new_name") != null) {
            throw UcError.invalid("The stand-in does not rename registered models (new_name).");
          }
          return wrap(
              "registered_model",
              model(
                  models.update(
                      name(c), c.param("description"), null, uc.currentUser(), uc.now())));
        }));
    r.add(
        "DELETE",
        BASE + "registered-models/delete",
        MLFLOW,
        guard(c -> {
          String name = name(c);
          models.delete(name);
          uc.grants().forget(new UcSecurable(UcSecurable.Type.FUNCTION, name));
          return Reply.ok();
        }));
    r.add("GET", BASE + "registered-models/search", MLFLOW_SEARCH, guard(this::searchModels));
    r.add(
        "POST",
        BASE + "registered-models/alias",
        MLFLOW,
        guard(c -> {
          models.setAlias(name(c), c.required("alias"), number(c));
          return Reply.ok();
        }));
    r.add(
        "DELETE",
        BASE + "registered-models/alias",
        MLFLOW,
        guard(c -> {
          models.deleteAlias(name(c), c.required("alias"));
          return Reply.ok();
        }));
    r.add(
        "GET",
        BASE + "registered-models/alias",
        MLFLOW,
        guard(c ->
            wrap("model_version", version(models.byAlias(name(c), c.required("alias")), true))));
    r.add(
        "POST",
        BASE + "registered-models/tags",
        MLFLOW,
        guard(c -> {
          models.setModelTag(name(c), c.required("key"), c.param("value"));
          return Reply.ok();
        }));
    r.add(
        "DELETE",
        BASE + "registered-models/tags",
        MLFLOW,
        guard(c -> {
          models.deleteModelTag(name(c), c.required("key"));
          return Reply.ok();
        }));
    r.add(
        "POST",
        BASE + "model-versions/create",
        MLFLOW,
        guard(c ->
            wrap(
                "model_version",
                version(
                    models.createVersion(
                        name(c),
                        c.required("source"),
                        c.param("run_id"),
                        c.param("run_tracking_server_id"),
                        c.param("description"),
                        tags(c.json()),
                        uc.currentUser(),
                        uc.now()),
                    true))));
    r.add(
        "GET",
        BASE + "model-versions/get",
        MLFLOW,
        guard(c -> wrap("model_version", version(models.version(name(c), number(c)), true))));
    r.add(
        "PATCH",
        BASE + "model-versions/update",
        MLFLOW,
        guard(c ->
            wrap(
                "model_version",
                version(
                    models.updateVersion(
                        name(c), number(c), c.param("description"), uc.currentUser(), uc.now()),
                    true))));
    r.add(
        "DELETE",
        BASE + "model-versions/delete",
        MLFLOW,
        guard(c -> {
          models.deleteVersion(name(c), number(c));
          return Reply.ok();
        }));
    r.add("GET", BASE + "model-versions/search", MLFLOW_SEARCH, guard(this::searchVersions));
    r.add(
        "POST",
        BASE + "model-versions/generate-temporary-credentials",
        MLFLOW,
        guard(this::credentials));
    r.add(
        "GET",
        BASE + "model-versions/get-download-uri",
        MLFLOW,
        guard(c ->
            Reply.json(
                Json.object()
                    .put("artifact_uri", models.version(name(c), number(c)).storageLocation()))));
    r.add(
        "POST",
        BASE + "model-versions/finalize",
        MLFLOW,
        guard(c -> wrap("model_version", version(uc.finalizeVersion(name(c), number(c)), true))));
    r.add(
        "POST",
        BASE + "model-versions/tags",
        MLFLOW,
        guard(c -> {
          models.setVersionTag(
              name(c), number(c), c.required("key"), c.param("value"), uc.currentUser(), uc.now());
          return Reply.ok();
        }));
    r.add(
        "DELETE",
        BASE + "model-versions/tags",
        MLFLOW,
        guard(c -> {
          models.deleteVersionTag(
              name(c), number(c), c.required("key"), uc.currentUser(), uc.now());
          return Reply.ok();
        }));
  }

  private Router.Handler guard(Router.Handler h) {
    return UcGuard.guarded(uc, h);
  }

  private String name(ApiCall c) {
    return uc.modelName(c.required("name"));
  }

  private static long number(ApiCall c) {
    String v = c.required("version");
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw UcError.invalid("Parameter 'version' must be an integer, got '" + v + "'.");
    }
  }

  private static Reply wrap(String field, ObjectNode value) {
    ObjectNode n = Json.object();
    n.set(field, value);
    return Reply.json(n);
  }

  private Reply credentials(ApiCall c) {
    UnityCatalog.Credentials cr = uc.credentials(name(c), number(c), c.param("operation"));
    ObjectNode credentials = Json.object();
    credentials.putObject("azure_user_delegation_sas").put("sas_token", cr.sasToken());
    credentials.put("expiration_time", cr.expirationTime()).put("storage_mode", "CUSTOMER_HOSTED");
    ObjectNode body = Json.object();
    body.set("credentials", credentials);
    return Reply.json(body);
  }

  private Reply searchModels(ApiCall c) {
    List<JsonNode> all = new ArrayList<>();
    models.models().forEach(m -> all.add(model(m)));
    return page(c, all, "registered_models", 100, 1000);
  }

  private Reply searchVersions(ApiCall c) {
    String filter = c.param("filter");
    Matcher m = NAME_FILTER.matcher(filter == null ? "" : filter);
    if (!m.matches()) {
      throw UcError.invalid(
          "Unsupported filter query : `"
              + filter
              + "`. Please specify your filter parameter in the"
              + " format `name = 'model_name'`");
    }
    String name = uc.modelName(m.group(1));
    models.require(name);
    List<JsonNode> all = new ArrayList<>();
    models.versions(name).forEach(v -> all.add(version(v, false)));
    return page(c, all, "model_versions", 10_000, 10_000);
  }

  /** MLflow's search paging: {@code max_results} with the proto's default and maximum. */
  private static Reply page(
      ApiCall c, List<JsonNode> all, String field, int defaultMax, int limit) {
    int max = c.intParam("max_results", defaultMax);
    if (max < 1 || max > limit) {
      throw UcError.invalid("max_results must be between 1 and " + limit + ".");
    }
    int offset = (int) PageToken.decodeLong(c.param("page_token"), 0);
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray(field);
    all.stream().skip(offset).limit(max).forEach(items::add);
    if (offset + max < all.size()) {
      body.put("next_page_token", PageToken.encode(Integer.toString(offset + max)));
    }
    return Reply.json(body);
  }

  private ObjectNode model(UcModelRegistry.Model m) {
    ObjectNode n =
        Json.object()
            .put("name", m.fullName())
            .put("creation_timestamp", m.createdAt())
            .put("last_updated_timestamp", m.updatedAt())
            .put("user_id", m.createdBy());
    if (m.description() != null) {
      n.put("description", m.description());
    }
    ArrayNode aliases = n.putArray("aliases");
    m.aliases()
        .forEach((a, v) -> aliases.addObject().put("alias", a).put("version", Long.toString(v)));
    putTags(n, m.tags());
    return n;
  }

  private ObjectNode version(UcModelRegistry.Version v, boolean withTags) {
    ObjectNode n =
        Json.object()
            .put("name", v.model())
            .put("version", Long.toString(v.version()))
            .put("creation_timestamp", v.createdAt())
            .put("last_updated_timestamp", v.updatedAt())
            .put("user_id", v.createdBy())
            .put("source", v.source())
            .put("status", v.status().name())
            .put("storage_location", v.storageLocation());
    if (v.description() != null) {
      n.put("description", v.description());
    }
    if (v.runId() != null) {
      n.put("run_id", v.runId());
    }
    if (v.runTrackingServerId() != null) {
      n.put("run_tracking_server_id", v.runTrackingServerId());
    }
    ArrayNode aliases = n.putArray("aliases");
    models
        .aliasesOf(v)
        .forEach(
            a -> aliases.addObject().put("alias", a).put("version", Long.toString(v.version())));
    if (withTags) {
      putTags(n, v.tags());
    }
    return n;
  }

  private static void putTags(ObjectNode n, Map<String, String> tags) {
    ArrayNode a = n.putArray("tags");
    tags.forEach((k, v) -> a.addObject().put("key", k).put("value", v));
  }

  private static Map<String, String> tags(JsonNode body) {
    Map<String, String> tags = new TreeMap<>();
    body.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText("")));
    return tags;
  }
}
