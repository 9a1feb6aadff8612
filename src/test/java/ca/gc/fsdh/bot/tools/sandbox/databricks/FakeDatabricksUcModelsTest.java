package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.fsdh.bot.testing.MutableClock;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.InvalidParameterValue;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.core.error.platform.ResourceAlreadyExists;
import com.databricks.sdk.core.error.platform.ResourceDoesNotExist;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.service.catalog.CreateRegisteredModelRequest;
import com.databricks.sdk.service.catalog.GetRegisteredModelRequest;
import com.databricks.sdk.service.catalog.ListModelVersionsRequest;
import com.databricks.sdk.service.catalog.ListRegisteredModelsRequest;
import com.databricks.sdk.service.catalog.ModelVersionInfo;
import com.databricks.sdk.service.catalog.ModelVersionInfoStatus;
import com.databricks.sdk.service.catalog.PermissionsChange;
import com.databricks.sdk.service.catalog.Privilege;
import com.databricks.sdk.service.catalog.RegisteredModelAlias;
import com.databricks.sdk.service.catalog.RegisteredModelInfo;
import com.databricks.sdk.service.catalog.SetRegisteredModelAliasRequest;
import com.databricks.sdk.service.catalog.UpdateModelVersionRequest;
import com.databricks.sdk.service.catalog.UpdatePermissions;
import com.databricks.sdk.service.catalog.UpdateRegisteredModelRequest;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unity Catalog registered models: MLflow's UC endpoints through the SDK's ApiClient, the SDK's
 * model APIs, and the version files through the blob endpoint with plain java.net.http.
 */
class FakeDatabricksUcModelsTest {
  private static final String BASE = "/api/2.0/mlflow/unity-catalog/";
  private static final String MODEL = "fsdh_prod.ml.prevision_debit";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private FakeDatabricks server;
  private WorkspaceClient client;

  @BeforeEach
  void start() {
    server = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build());
    server
        .state()
        .unityCatalog()
        .clock(clock)
        .enable(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE, "fsdh_prod")
        .addGroup("analystes")
        .addWorkspaceGroup("stagiaires");
    server.state().unityCatalog().createSchema("fsdh_prod", "ml", WorkspaceState.CURRENT_USER);
    client = SdkClients.workspace(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode call(String method, String path, ObjectNode body) {
    try {
      boolean query = method.equals("GET") || method.equals("DELETE");
      Request r =
          body == null || query
              ? new Request(method, BASE + path)
              : new Request(method, BASE + path, JSON.writeValueAsString(body))
                  .withHeader("Content-Type", "application/json");
      if (body != null && query) {
        body.properties().forEach(e -> r.withQueryParam(e.getKey(), e.getValue().asText()));
      }
      try (var in = client.apiClient().execute(r, InputStream.class)) {
        return JSON.readTree(in);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode body(String... kv) {
    ObjectNode n = JSON.createObjectNode();
    for (int i = 0; i < kv.length; i += 2) {
      n.put(kv[i], kv[i + 1]);
    }
    return n;
  }

  private JsonNode createVersion(String model) {
    return call(
            "POST",
            "model-versions/create",
            body(
                "name",
                model,
                "source",
                "models:/prevision-debit-rivieres/1",
                "run_id",
                "abc123",
                "description",
                "Version 1"))
        .get("model_version");
  }

  private String sas(String model, String version, String operation) {
    JsonNode c =
        call(
                "POST",
                "model-versions/generate-temporary-credentials",
                body("name", model, "version", version, "operation", operation))
            .get("credentials");
    return c.get("azure_user_delegation_sas").get("sas_token").asText();
  }

  private HttpResponse<String> put(String url, byte[] bytes, String blobType) throws Exception {
    var b =
        HttpRequest.newBuilder(URI.create(url))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .header("x-ms-version", "2021-08-06")
            .header(
                "x-ms-date",
                DateTimeFormatter.RFC_1123_DATE_TIME
                    .withZone(ZoneOffset.UTC)
                    .format(Instant.now()));
    if (blobType != null) {
      b.header("x-ms-blob-type", blobType);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private String url(String location, String file, String sas) {
    return server.blobStorage().urlOf(location + "/" + file) + (sas == null ? "" : "?" + sas);
  }

  private static String blockId(int i) {
    return Base64.getEncoder()
        .encodeToString(String.format("block-%06d", i).getBytes(StandardCharsets.US_ASCII));
  }

  private static DatabricksError error(Throwable t) {
    return (DatabricksError) t;
  }

  @Test
  void aVersionIsCreatedUploadedFinalizedAndReadBackByteForByte() throws Exception {
    JsonNode model =
        call(
                "POST",
                "registered-models/create",
                body("name", "FSDH_PROD.ml.Prevision_Debit", "description", "Débit des rivières"))
            .get("registered_model");
    assertThat(model.get("name").asText()).isEqualTo(MODEL);

    JsonNode v1 = createVersion(MODEL);
    assertThat(v1.get("version").asText()).isEqualTo("1");
    assertThat(v1.get("status").asText()).isEqualTo("PENDING_REGISTRATION");
    String location = v1.get("storage_location").asText();
    assertThat(location)
        .matches("abfss://metastore@fsdhprodmetastore\\.dfs\\.core\\.windows\\.net/.+/versions/.+");

    JsonNode credentials =
        call(
                "POST",
                "model-versions/generate-temporary-credentials",
                body(
                    "name",
                    MODEL,
                    "version",
                    "1",
                    "operation",
                    "MODEL_VERSION_OPERATION_READ_WRITE"))
            .get("credentials");
    assertThat(credentials.get("storage_mode").asText()).isEqualTo("CUSTOMER_HOSTED");
    assertThat(credentials.get("expiration_time").asLong()).isGreaterThan(clock.millis());
    String sas = credentials.get("azure_user_delegation_sas").get("sas_token").asText();

    byte[] mlmodel =
        "artifact_path: model\nflavors:\n  python_function: {}\n".getBytes(StandardCharsets.UTF_8);
    assertThat(put(url(location, "MLmodel", sas), mlmodel, "BlockBlob").statusCode())
        .isEqualTo(201);
    byte[] weights = new byte[300_000];
    new Random(7).nextBytes(weights);
    String pkl = url(location, "data/model.pkl", sas);
    assertThat(
            put(
                    pkl
                        + "&comp=block&blockid="
                        + URLEncoder.encode(blockId(1), StandardCharsets.UTF_8),
                    Arrays.copyOfRange(weights, 0, 100_000),
                    null)
                .statusCode())
        .isEqualTo(201);
    assertThat(
            put(
                    pkl
                        + "&comp=block&blockid="
                        + URLEncoder.encode(blockId(2), StandardCharsets.UTF_8),
                    Arrays.copyOfRange(weights, 100_000, weights.length),
                    null)
                .statusCode())
        .isEqualTo(201);
    String list =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList><Uncommitted>"
            + blockId(1)
            + "</Uncommitted><Latest>"
            + blockId(2)
            + "</Latest></BlockList>";
    assertThat(
            put(pkl + "&comp=blocklist", list.getBytes(StandardCharsets.UTF_8), null).statusCode())
        .isEqualTo(201);

    JsonNode ready =
        call("POST", "model-versions/finalize", body("name", MODEL, "version", "1"))
            .get("model_version");
    assertThat(ready.get("status").asText()).isEqualTo("READY");

    String read = sas(MODEL, "1", "MODEL_VERSION_OPERATION_READ");
    assertThat(get(url(location, "MLmodel", read)).body()).isEqualTo(mlmodel);
    HttpResponse<byte[]> back = get(url(location, "data/model.pkl", read));
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body()).isEqualTo(weights);
    assertThat(server.state().unityCatalog().blobs().list(location))
        .containsExactly("MLmodel", "data/model.pkl");

    HttpResponse<String> late =
        put(url(location, "MLmodel", sas), "changed".getBytes(StandardCharsets.UTF_8), "BlockBlob");
    assertThat(late.statusCode()).isEqualTo(403);
    assertThat(late.headers().firstValue("x-ms-error-code"))
        .contains("AuthorizationPermissionMismatch");
    assertThat(server.state().unityCatalog().blobs().read(location + "/MLmodel")).contains(mlmodel);
    assertThatThrownBy(() -> sas(MODEL, "1", "MODEL_VERSION_OPERATION_READ_WRITE"))
        .isInstanceOf(InvalidParameterValue.class)
        .hasMessageContaining("only be written at creation time");

    assertThat(createVersion(MODEL).get("version").asText()).isEqualTo("2");
    ModelVersionInfo info = client.modelVersions().get(MODEL, 1L);
    assertThat(info.getStatus()).isEqualTo(ModelVersionInfoStatus.READY);
    assertThat(info.getStorageLocation()).isEqualTo(location);
    assertThat(
            StreamSupport.stream(
                    client
                        .modelVersions()
                        .list(new ListModelVersionsRequest().setFullName(MODEL))
                        .spliterator(),
                    false)
                .map(ModelVersionInfo::getStatus)
                .toList())
        .containsExactly(ModelVersionInfoStatus.READY, ModelVersionInfoStatus.PENDING_REGISTRATION);
  }

  @Test
  void theBlobEndpointRefusesWhatAzureRefuses() throws Exception {
    call("POST", "registered-models/create", body("name", MODEL));
    String v1 = createVersion(MODEL).get("storage_location").asText();
    String v2 = createVersion(MODEL).get("storage_location").asText();
    String sas = sas(MODEL, "1", "MODEL_VERSION_OPERATION_READ_WRITE");
    byte[] bytes = {1, 2, 3};

    HttpResponse<String> none = put(url(v1, "MLmodel", null), bytes, "BlockBlob");
    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(none.body()).contains("<Code>AuthenticationFailed</Code>");
    assertThat(put(url(v2, "MLmodel", sas), bytes, "BlockBlob").statusCode())
        .as("another version's folder")
        .isEqualTo(403);
    assertThat(
            put(url(v1, "MLmodel", sas.replaceAll("sp=racwl", "sp=racwld")), bytes, "BlockBlob")
                .statusCode())
        .as("a changed field")
        .isEqualTo(403);
    HttpResponse<String> noType = put(url(v1, "MLmodel", sas), bytes, null);
    assertThat(noType.statusCode()).isEqualTo(400);
    assertThat(noType.headers().firstValue("x-ms-error-code")).contains("MissingRequiredHeader");
    assertThat(put(url(v1, "MLmodel", sas), bytes, "AppendBlob").statusCode()).isEqualTo(400);
    HttpResponse<String> badBlock =
        put(url(v1, "x", sas) + "&comp=block&blockid=%25%25", bytes, null);
    assertThat(badBlock.statusCode()).isEqualTo(400);
    assertThat(badBlock.headers().firstValue("x-ms-error-code")).contains("InvalidBlockId");
    String listOfMissing = "<BlockList><Latest>" + blockId(9) + "</Latest></BlockList>";
    assertThat(
            put(
                    url(v1, "x", sas) + "&comp=blocklist",
                    listOfMissing.getBytes(StandardCharsets.UTF_8),
                    null)
                .headers()
                .firstValue("x-ms-error-code"))
        .contains("InvalidBlockList");

    String readOnly = sas(MODEL, "1", "MODEL_VERSION_OPERATION_READ");
    HttpResponse<String> mismatch = put(url(v1, "MLmodel", readOnly), bytes, "BlockBlob");
    assertThat(mismatch.statusCode()).isEqualTo(403);
    assertThat(mismatch.headers().firstValue("x-ms-error-code"))
        .contains("AuthorizationPermissionMismatch");
    assertThat(get(url(v1, "absent", readOnly)).statusCode()).isEqualTo(404);

    assertThat(put(url(v1, "MLmodel", sas), bytes, "BlockBlob").statusCode()).isEqualTo(201);
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    HttpResponse<String> expired = put(url(v1, "MLmodel", sas), bytes, "BlockBlob");
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(expired.body()).contains("Signature not valid in the specified time frame");
  }

  @Test
  void modelNamesAreThreeLevelValidNamesInAnExistingUnityCatalogSchema() {
    assertThatThrownBy(() -> call("POST", "registered-models/create", body("name", "ml.prevision")))
        .isInstanceOf(InvalidParameterValue.class)
        .hasMessageContaining("specify all three levels");
    assertThatThrownBy(() ->
            call(
                "POST",
                "registered-models/create",
                body("name", "fsdh_prod.ml.classification especes")))
        .isInstanceOf(InvalidParameterValue.class);
    assertThatThrownBy(
            () -> call("POST", "registered-models/create", body("name", "fsdh_prod.nulle.m")))
        .isInstanceOf(NotFound.class)
        .satisfies(e -> assertThat(error(e).getErrorCode()).isEqualTo("SCHEMA_DOES_NOT_EXIST"));
    assertThatThrownBy(
            () -> call("POST", "registered-models/create", body("name", "x".repeat(256) + ".ml.m")))
        .isInstanceOf(InvalidParameterValue.class);
    call("POST", "registered-models/create", body("name", MODEL));
    assertThatThrownBy(
            () -> call("POST", "registered-models/create", body("name", MODEL.toUpperCase())))
        .isInstanceOf(ResourceAlreadyExists.class);
    assertThatThrownBy(
            () -> call("GET", "registered-models/get", body("name", "fsdh_prod.ml.absent")))
        .isInstanceOf(ResourceDoesNotExist.class);
    assertThatThrownBy(() -> call("GET", "model-versions/get", body("name", MODEL, "version", "9")))
        .isInstanceOf(ResourceDoesNotExist.class);
  }

  @Test
  void aliasesTagsAndDescriptionsReadBackThroughBothApis() {
    call("POST", "registered-models/create", body("name", MODEL, "description", "Débit"));
    createVersion(MODEL);
    createVersion(MODEL);
    call(
        "POST",
        "registered-models/alias",
        body("name", MODEL, "alias", "Champion", "version", "2"));
    RegisteredModelAlias moved =
        client
            .registeredModels()
            .setAlias(
                new SetRegisteredModelAliasRequest()
                    .setFullName(MODEL)
                    .setAlias("Challenger")
                    .setVersionNum(1L));
    assertThat(moved.getVersionNum()).isEqualTo(1L);
    assertThat(client.modelVersions().getByAlias(MODEL, "Champion").getVersion()).isEqualTo(2L);
    assertThat(client.registeredModels().get(MODEL).getAliases())
        .as("only with include_aliases")
        .isNullOrEmpty();
    RegisteredModelInfo info =
        client
            .registeredModels()
            .get(new GetRegisteredModelRequest().setFullName(MODEL).setIncludeAliases(true));
    assertThat(info.getAliases())
        .extracting(RegisteredModelAlias::getAliasName, RegisteredModelAlias::getVersionNum)
        .containsExactlyInAnyOrder(Tuple.tuple("Champion", 2L), Tuple.tuple("Challenger", 1L));
    assertThat(info.getComment()).isEqualTo("Débit");
    assertThatThrownBy(() ->
            call(
                "POST",
                "registered-models/alias",
                body("name", MODEL, "alias", "latest", "version", "1")))
        .isInstanceOf(InvalidParameterValue.class);
    assertThatThrownBy(() ->
            call(
                "POST",
                "registered-models/alias",
                body("name", MODEL, "alias", "v2", "version", "1")))
        .isInstanceOf(InvalidParameterValue.class);
    client.registeredModels().deleteAlias(MODEL, "Challenger");
    assertThatThrownBy(() -> client.modelVersions().getByAlias(MODEL, "Challenger"))
        .isInstanceOf(NotFound.class);

    call(
        "POST",
        "model-versions/tags",
        body("name", MODEL, "version", "1", "key", "jeu-de-donnees", "value", "2024-Q1"));
    call(
        "POST", "registered-models/tags", body("name", MODEL, "key", "équipe", "value", "analyse"));
    assertThat(
            call("GET", "model-versions/get", body("name", MODEL, "version", "1"))
                .get("model_version")
                .get("tags"))
        .hasSize(1);
    JsonNode found = call("GET", "model-versions/search", body("filter", "name='" + MODEL + "'"));
    assertThat(found.get("model_versions"))
        .hasSize(2)
        .allSatisfy(v -> assertThat(v.get("tags")).isNull());
    assertThat(
            call("GET", "registered-models/get", body("name", MODEL))
                .get("registered_model")
                .get("tags")
                .get(0)
                .get("key")
                .asText())
        .isEqualTo("équipe");
    assertThatThrownBy(
            () -> call("GET", "model-versions/search", body("filter", "name like '%debit'")))
        .isInstanceOf(InvalidParameterValue.class)
        .hasMessageContaining("Unsupported filter query");
    assertThat(call("GET", "registered-models/search", body()).get("registered_models")).hasSize(1);
    assertThat(
            StreamSupport.stream(
                    client
                        .registeredModels()
                        .list(
                            new ListRegisteredModelsRequest()
                                .setCatalogName("fsdh_prod")
                                .setSchemaName("ml"))
                        .spliterator(),
                    false)
                .map(RegisteredModelInfo::getFullName))
        .containsExactly(MODEL);
  }

  @Test
  void modelGrantsAreFunctionGrantsAndOwnersAreAccountPrincipals() {
    SampleCompute.seed(server.state().compute(), server.state().currentUser());
    call("POST", "registered-models/create", body("name", MODEL));
    client
        .grants()
        .update(
            new UpdatePermissions()
                .setSecurableType("function")
                .setFullName(MODEL)
                .setChanges(
                    List.of(
                        new PermissionsChange()
                            .setPrincipal("analystes")
                            .setAdd(List.of(Privilege.EXECUTE)))));
    assertThat(server.state().unityCatalog().grantsOn("FUNCTION", MODEL))
        .containsEntry("analystes", List.of("EXECUTE"));
    assertThatThrownBy(() ->
            client
                .grants()
                .update(
                    new UpdatePermissions()
                        .setSecurableType("function")
                        .setFullName(MODEL)
                        .setChanges(
                            List.of(
                                new PermissionsChange()
                                    .setPrincipal("analystes")
                                    .setAdd(List.of(Privilege.SELECT))))))
        .isInstanceOf(InvalidParameterValue.class);
    var r =
        client
            .statementExecution()
            .executeStatement(
                new ExecuteStatementRequest()
                    .setWarehouseId(SampleWorkspace.WAREHOUSE_ID)
                    .setStatement("GRANT APPLY TAG ON FUNCTION " + MODEL + " TO analystes"));
    assertThat(r.getStatus().getError()).isNull();
    assertThat(server.state().unityCatalog().grantsOn("function", MODEL))
        .containsEntry("analystes", List.of("APPLY_TAG", "EXECUTE"));
    var shown =
        client
            .statementExecution()
            .executeStatement(
                new ExecuteStatementRequest()
                    .setWarehouseId(SampleWorkspace.WAREHOUSE_ID)
                    .setStatement("SHOW GRANTS ON FUNCTION " + MODEL));
    assertThat(shown.getResult().getDataArray())
        .containsExactly(
            List.of("analystes", "APPLY TAG", "FUNCTION", "`fsdh_prod`.`ml`.`prevision_debit`"),
            List.of("analystes", "EXECUTE", "FUNCTION", "`fsdh_prod`.`ml`.`prevision_debit`"));
    assertThat(
            client
                .registeredModels()
                .update(new UpdateRegisteredModelRequest().setFullName(MODEL).setOwner("analystes"))
                .getOwner())
        .isEqualTo("analystes");
    assertThatThrownBy(() ->
            client
                .registeredModels()
                .update(
                    new UpdateRegisteredModelRequest().setFullName(MODEL).setOwner("stagiaires")))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void updatesDeletesAndTheRestOfBothSurfacesActOnOneRegistry() {
    call("POST", "registered-models/create", body("name", MODEL));
    createVersion(MODEL);
    String location = createVersion(MODEL).get("storage_location").asText();
    call(
        "PATCH",
        "registered-models/update",
        body("name", MODEL, "description", "Nouvelle description"));
    assertThat(client.registeredModels().get(MODEL).getComment()).isEqualTo("Nouvelle description");
    call(
        "PATCH", "model-versions/update", body("name", MODEL, "version", "2", "description", "v2"));
    assertThat(client.modelVersions().get(MODEL, 2L).getComment()).isEqualTo("v2");
    client
        .modelVersions()
        .update(new UpdateModelVersionRequest().setFullName(MODEL).setVersion(1L).setComment("v1"));
    assertThat(
            call("GET", "model-versions/get", body("name", MODEL, "version", "1"))
                .get("model_version")
                .get("description")
                .asText())
        .isEqualTo("v1");
    assertThat(
            call("GET", "model-versions/get-download-uri", body("name", MODEL, "version", "2"))
                .get("artifact_uri")
                .asText())
        .isEqualTo(location);

    call(
        "POST",
        "registered-models/alias",
        body("name", MODEL, "alias", "champion", "version", "2"));
    assertThat(
            call("GET", "registered-models/alias", body("name", MODEL, "alias", "champion"))
                .get("model_version")
                .get("version")
                .asText())
        .isEqualTo("2");
    call("DELETE", "registered-models/alias", body("name", MODEL, "alias", "champion"));
    assertThatThrownBy(
            () -> call("GET", "registered-models/alias", body("name", MODEL, "alias", "champion")))
        .isInstanceOf(ResourceDoesNotExist.class);

    call("POST", "registered-models/tags", body("name", MODEL, "key", "k", "value", "v"));
    call("DELETE", "registered-models/tags", body("name", MODEL, "key", "k"));
    call(
        "POST",
        "model-versions/tags",
        body("name", MODEL, "version", "1", "key", "k", "value", "v"));
    call("DELETE", "model-versions/tags", body("name", MODEL, "version", "1", "key", "k"));
    assertThat(
            call("GET", "registered-models/get", body("name", MODEL))
                .get("registered_model")
                .get("tags"))
        .isEmpty();
    assertThat(
            call("GET", "model-versions/get", body("name", MODEL, "version", "1"))
                .get("model_version")
                .get("tags"))
        .isEmpty();

    call(
        "POST",
        "registered-models/alias",
        body("name", MODEL, "alias", "challenger", "version", "2"));
    call("DELETE", "model-versions/delete", body("name", MODEL, "version", "2"));
    assertThatThrownBy(() -> client.modelVersions().get(MODEL, 2L)).isInstanceOf(NotFound.class);
    assertThat(
            client
                .registeredModels()
                .get(new GetRegisteredModelRequest().setFullName(MODEL).setIncludeAliases(true))
                .getAliases())
        .as("an alias goes with its version")
        .isNullOrEmpty();
    assertThat(createVersion(MODEL).get("version").asText())
        .as("a number is never given twice")
        .isEqualTo("3");
    client.modelVersions().delete(MODEL, 3L);

    client
        .grants()
        .update(
            new UpdatePermissions()
                .setSecurableType("function")
                .setFullName(MODEL)
                .setChanges(
                    List.of(
                        new PermissionsChange()
                            .setPrincipal("analystes")
                            .setAdd(List.of(Privilege.EXECUTE)))));
    call("DELETE", "registered-models/delete", body("name", MODEL));
    assertThatThrownBy(() -> client.registeredModels().get(MODEL)).isInstanceOf(NotFound.class);

    RegisteredModelInfo created =
        client
            .registeredModels()
            .create(
                new CreateRegisteredModelRequest()
                    .setCatalogName("fsdh_prod")
                    .setSchemaName("ml")
                    .setName("Prevision_Debit"));
    assertThat(created.getFullName()).isEqualTo(MODEL);
    assertThat(server.state().unityCatalog().grantsOn("function", MODEL))
        .as("a new model has no old grants")
        .isEmpty();
    client.registeredModels().delete(MODEL);
    assertThat(server.state().unityCatalog().modelVersions()).isEmpty();
  }

  @Test
  void withSignatureChecksOnAVersionWithoutSignatureFailsToRegister() throws Exception {
    server.state().unityCatalog().checkSignatures(true);
    call("POST", "registered-models/create", body("name", MODEL));
    for (String mlmodel :
        new String[] {
          "flavors: {}\n", "flavors: {}\nsignature:\n  inputs: '[]'\n  outputs: '[]'\n"
        }) {
      JsonNode v = createVersion(MODEL);
      String sas = sas(MODEL, v.get("version").asText(), "MODEL_VERSION_OPERATION_READ_WRITE");
      put(
          url(v.get("storage_location").asText(), "MLmodel", sas),
          mlmodel.getBytes(StandardCharsets.UTF_8),
          "BlockBlob");
    }
    assertThatThrownBy(
            () -> call("POST", "model-versions/finalize", body("name", MODEL, "version", "1")))
        .isInstanceOf(InvalidParameterValue.class)
        .hasMessageContaining("signature");
    assertThat(client.modelVersions().get(MODEL, 1L).getStatus())
        .isEqualTo(ModelVersionInfoStatus.FAILED_REGISTRATION);
    assertThat(
            call("POST", "model-versions/finalize", body("name", MODEL, "version", "2"))
                .get("model_version")
                .get("status")
                .asText())
        .isEqualTo("READY");
  }

  @Test
  void aWorkspaceWithoutMetastoreHasNoUnityCatalogRegistry() {
    server.state().unityCatalog().enable(UnityCatalog.Mode.NONE, "fsdh_prod");
    assertThatThrownBy(() -> call("POST", "registered-models/create", body("name", MODEL)))
        .isInstanceOf(NotFound.class)
        .satisfies(e -> assertThat(error(e).getErrorCode()).isEqualTo("METASTORE_DOES_NOT_EXIST"));
  }
}
