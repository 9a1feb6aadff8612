package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.SECRETS_READ;
import static ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup.SECRETS_WRITE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.TreeMap;

/**
 * {@code /api/2.0/secrets/*}: scopes (Databricks- and Azure Key Vault-backed), secrets and ACLs.
 * {@code secrets/get} refuses, as the real service does outside a notebook: values are read through
 * command execution ({@link CommandRoutes}).
 */
final class SecretsRoutes implements Routes {
  private final SecretStore store;
  private final String currentUser;

  SecretsRoutes(WorkspaceState state) {
    this.store = state.secrets();
    this.currentUser = state.currentUser();
  }

  @Override
  public void register(Router r) {
    String base = "/api/2.0/secrets/";
    r.add("POST", base + "scopes/create", SECRETS_WRITE, this::createScope);
    r.add(
        "POST",
        base + "scopes/delete",
        SECRETS_WRITE,
        c -> {
          store.deleteScope(c.required("scope"));
          return Reply.ok();
        });
    r.add("GET", base + "scopes/list", SECRETS_READ, c -> listScopes());
    r.add("GET", base + "list", SECRETS_READ, this::listSecrets);
    r.add("POST", base + "put", SECRETS_WRITE, this::put);
    r.add(
        "POST",
        base + "delete",
        SECRETS_WRITE,
        c -> {
          store.delete(c.required("scope"), c.required("key"));
          return Reply.ok();
        });
    r.add(
        "GET",
        base + "get",
        SECRETS_READ,
        c -> {
          throw ApiError.badRequest(
              "Secret values can only be read from a notebook or a job, with "
                  + "dbutils.secrets.get; this API does not return them.");
        });
    r.add("GET", base + "acls/list", SECRETS_READ, this::listAcls);
    r.add("GET", base + "acls/get", SECRETS_READ, this::getAcl);
    r.add(
        "POST",
        base + "acls/put",
        SECRETS_WRITE,
        c -> {
          store.putAcl(c.required("scope"), c.required("principal"), c.required("permission"));
          return Reply.ok();
        });
    r.add(
        "POST",
        base + "acls/delete",
        SECRETS_WRITE,
        c -> {
          store.deleteAcl(c.required("scope"), c.required("principal"));
          return Reply.ok();
        });
  }

  private Reply createScope(ApiCall call) {
    String name = call.required("scope");
    String backend =
        call.param("scope_backend_type") == null
            ? SecretScope.DATABRICKS
            : call.param("scope_backend_type");
    SecretScope scope;
    if (backend.equals(SecretScope.AZURE_KEYVAULT)) {
      JsonNode kv = call.json().path("backend_azure_keyvault");
      if (kv.path("resource_id").asText("").isEmpty() || kv.path("dns_name").asText("").isEmpty()) {
        throw ApiError.invalid(
            "An AZURE_KEYVAULT scope needs backend_azure_keyvault.resource_id and dns_name.");
      }
      scope =
          new SecretScope(
              name, backend, kv.path("resource_id").asText(), kv.path("dns_name").asText());
    } else if (backend.equals(SecretScope.DATABRICKS)) {
      scope = new SecretScope(name, backend, null, null);
    } else {
      throw ApiError.invalid("Invalid scope_backend_type " + backend + ".");
    }
    String initial = call.param("initial_manage_principal");
    if (initial != null && !initial.equals("users")) {
      throw ApiError.invalid("initial_manage_principal can only be users.");
    }
    store.createScope(scope, initial != null ? initial : currentUser);
    return Reply.ok();
  }

  private Reply listScopes() {
    ObjectNode body = Json.object();
    if (!store.scopes().isEmpty()) {
      ArrayNode scopes = body.putArray("scopes");
      for (SecretScope s : store.scopes()) {
        ObjectNode n = scopes.addObject().put("name", s.name()).put("backend_type", s.backend());
        if (s.keyVaultBacked()) {
          n.putObject("keyvault_metadata")
              .put("resource_id", s.keyVaultResourceId())
              .put("dns_name", s.keyVaultDnsName());
        }
      }
    }
    return Reply.json(body);
  }

  private Reply listSecrets(ApiCall call) {
    var secrets = new TreeMap<>(store.listFromApi(call.required("scope")));
    ObjectNode body = Json.object();
    if (!secrets.isEmpty()) {
      ArrayNode list = body.putArray("secrets");
      secrets.forEach(
          (k, s) -> list.addObject().put("key", k).put("last_updated_timestamp", s.lastUpdated()));
    }
    return Reply.json(body);
  }

  private Reply put(ApiCall call) {
    String scope = call.required("scope");
    String key = call.required("key");
    JsonNode body = call.json();
    boolean hasString = body.hasNonNull("string_value");
    boolean hasBytes = body.hasNonNull("bytes_value");
    if (hasString == hasBytes) {
      throw ApiError.invalid("Exactly one of string_value and bytes_value must be given.");
    }
    byte[] value;
    try {
      value =
          hasString
              ? body.get("string_value").asText().getBytes(StandardCharsets.UTF_8)
              : Base64.getDecoder().decode(body.get("bytes_value").asText());
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("bytes_value is not valid base64.");
    }
    store.putFromApi(scope, key, value);
    return Reply.ok();
  }

  private Reply listAcls(ApiCall call) {
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("items");
    store
        .acls(call.required("scope"))
        .forEach((p, perm) -> items.addObject().put("principal", p).put("permission", perm));
    return Reply.json(body);
  }

  private Reply getAcl(ApiCall call) {
    String scope = call.required("scope");
    String principal = call.required("principal");
    String perm = store.acls(scope).get(principal);
    if (perm == null) {
      throw ApiError.notFound("No ACL for " + principal + " on scope " + scope + ".");
    }
    return Reply.json(Json.object().put("principal", principal).put("permission", perm));
  }
}
