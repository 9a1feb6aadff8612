package ca.gc.fsdh.bot.migration.models;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.ApiClient;
import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.core.http.Request;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MLflow's Unity Catalog model registry service ({@code UcModelRegistryService} in mlflow's {@code
 * databricks_uc_registry_service.proto}, every path under {@code /api/2.0/mlflow/unity-catalog/},
 * fields from {@code databricks_uc_registry_messages.proto}), called through the SDK's own {@link
 * ApiClient} so that sign-in, pacing and retries are the workspace client's. It is the only way to
 * create a version: the SDK's {@code modelVersions()} has no create ("Creating new model versions
 * requires use of the MLflow Python client", SDK 0.141 {@code RegisteredModelsAPI} javadoc).
 */
public final class UcModelsApi {
  private static final String BASE = "/api/2.0/mlflow/unity-catalog/";

  /** The proto's maximum page of {@code model-versions/search}. */
  private static final int VERSION_PAGE = 10_000;

  private final ApiClient api;

  public UcModelsApi(WorkspaceClient workspace) {
    this.api = workspace.apiClient();
  }

  /** A user delegation SAS for one version's folder, and when it expires (epoch ms). */
  public record Credentials(String sasToken, long expirationTime) {}

  /** The registered model, or empty when the metastore has none of that name. */
  public Optional<JsonNode> model(String name) {
    try {
      return Optional.of(
          call(get("registered-models/get").withQueryParam("name", name)).path("registered_model"));
    } catch (NotFound missing) {
      return Optional.empty();
    }
  }

  public JsonNode createModel(String name, String description, Map<String, String> tags) {
    ObjectNode body = BundleJson.MAPPER.createObjectNode().put("name", name);
    if (description != null) body.put("description", description);
    putTags(body, tags);
    return call(post("POST", "registered-models/create", body)).path("registered_model");
  }

  public void updateDescription(String name, String description) {
    call(
        post(
            "PATCH",
            "registered-models/update",
            BundleJson.MAPPER
                .createObjectNode()
                .put("name", name)
                .put("description", description)));
  }

  public void setModelTag(String name, String key, String value) {
    call(
        post(
            "POST",
            "registered-models/tags",
            BundleJson.MAPPER
                .createObjectNode()
                .put("name", name)
                .put("key", key)
                .put("value", value)));
  }

  /**
   * Every version of a model, all pages. Search answers versions without their tags (the stand-in
   * follows a public notebook's observation); {@link #version} has them.
   */
  public List<JsonNode> versions(String name) {
    var out = new ArrayList<JsonNode>();
    String token = null;
    do {
      Request r =
          get("model-versions/search")
              .withQueryParam("filter", "name='" + name.replace("'", "\\'") + "'")
              .withQueryParam("max_results", Integer.toString(VERSION_PAGE));
      if (token != null) r.withQueryParam("page_token", token);
      JsonNode page = call(r);
      page.path("model_versions").forEach(out::add);
      token = page.path("next_page_token").asText(null);
      if (token != null && token.isEmpty()) token = null;
    } while (token != null);
    return out;
  }

  public JsonNode version(String name, String version) {
    return call(get("model-versions/get")
            .withQueryParam("name", name)
            .withQueryParam("version", version))
        .path("model_version");
  }

  /** A new version, PENDING_REGISTRATION, with the {@code storage_location} its files go to. */
  public JsonNode createVersion(
      String name, String source, String description, Map<String, String> tags) {
    ObjectNode body = BundleJson.MAPPER.createObjectNode().put("name", name).put("source", source);
    if (description != null) body.put("description", description);
    putTags(body, tags);
    return call(post("POST", "model-versions/create", body)).path("model_version");
  }

  /**
   * {@code MODEL_VERSION_OPERATION_READ_WRITE} while the version is being created, else {@code
   * _READ}; the Azure form ({@code azure_user_delegation_sas.sas_token}) is the only one handled,
   * FSDH being on Azure.
   */
  public Credentials credentials(String name, String version, boolean write) {
    JsonNode c =
        call(post(
                "POST",
                "model-versions/generate-temporary-credentials",
                BundleJson.MAPPER
                    .createObjectNode()
                    .put("name", name)
                    .put("version", version)
                    .put(
                        "operation",
                        write
                            ? "MODEL_VERSION_OPERATION_READ_WRITE"
                            : "MODEL_VERSION_OPERATION_READ")))
            .path("credentials");
    String sas = c.path("azure_user_delegation_sas").path("sas_token").asText(null);
    if (sas == null) {
      throw new IllegalStateException(
          "the metastore's storage is not Azure (no azure_user_delegation_sas in the temporary"
              + " credentials; storage_mode "
              + c.path("storage_mode").asText("?")
              + ")");
    }
    // whether the token may start with '?' is not documented: strip it
    return new Credentials(
        sas.startsWith("?") ? sas.substring(1) : sas, c.path("expiration_time").asLong(0));
  }

  /** PENDING_REGISTRATION to READY: the version's files can no longer be written. */
  public JsonNode finalizeVersion(String name, String version) {
    return call(post(
            "POST",
            "model-versions/finalize",
            BundleJson.MAPPER.createObjectNode().put("name", name).put("version", version)))
        .path("model_version");
  }

  public void setVersionTag(String name, String version, String key, String value) {
    call(
        post(
            "POST",
            "model-versions/tags",
            BundleJson.MAPPER
                .createObjectNode()
                .put("name", name)
                .put("version", version)
                .put("key", key)
                .put("value", value)));
  }

  public void setAlias(String name, String alias, String version) {
    call(
        post(
            "POST",
            "registered-models/alias",
            BundleJson.MAPPER
                .createObjectNode()
                .put("name", name)
                .put("alias", alias)
                .put("version", version)));
  }

  private static Request get(String path) {
    return new Request("GET", BASE + path).withHeader("Accept", "application/json");
  }

  private Request post(String method, String path, ObjectNode body) {
    try {
      return new Request(method, BASE + path, api.serialize(body))
          .withHeader("Accept", "application/json")
          .withHeader("Content-Type", "application/json");
    } catch (IOException e) {
      throw new DatabricksException("cannot write the request body: " + e.getMessage(), e);
    }
  }

  private static void putTags(ObjectNode body, Map<String, String> tags) {
    var a = body.putArray("tags");
    tags.forEach((k, v) -> a.addObject().put("key", k).put("value", v));
  }

  private JsonNode call(Request r) {
    try (InputStream in = api.execute(r, InputStream.class)) {
      if (in == null) return BundleJson.MAPPER.createObjectNode();
      JsonNode n = BundleJson.MAPPER.readTree(in);
      return n == null || n.isMissingNode() ? BundleJson.MAPPER.createObjectNode() : n;
    } catch (IOException e) {
      throw new DatabricksException("IO error: " + e.getMessage(), e);
    }
  }
}
