package ca.gc.fsdh.bot.tools.sandbox.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.ResourceAlreadyExists;
import com.databricks.sdk.service.compute.Command;
import com.databricks.sdk.service.compute.CommandStatusResponse;
import com.databricks.sdk.service.compute.CreateContext;
import com.databricks.sdk.service.compute.DestroyContext;
import com.databricks.sdk.service.compute.Language;
import com.databricks.sdk.service.compute.ResultType;
import com.databricks.sdk.service.workspace.AclItem;
import com.databricks.sdk.service.workspace.AclPermission;
import com.databricks.sdk.service.workspace.AzureKeyVaultSecretScopeMetadata;
import com.databricks.sdk.service.workspace.CreateScope;
import com.databricks.sdk.service.workspace.PutAcl;
import com.databricks.sdk.service.workspace.PutSecret;
import com.databricks.sdk.service.workspace.ScopeBackendType;
import com.databricks.sdk.service.workspace.SecretMetadata;
import com.databricks.sdk.service.workspace.SecretScope;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secret scopes, keys and ACLs over REST; values only through command execution, encoded. */
class FakeDatabricksSecretsTest extends SmallSampleTest {
  private static String run(String python) throws Exception {
    var exec = client.commandExecution();
    String context =
        exec.create(
                new CreateContext()
                    .setClusterId(SampleWorkspace.MIGRATION_CLUSTER_ID)
                    .setLanguage(Language.PYTHON))
            .get(Duration.ofSeconds(10))
            .getId();
    try {
      CommandStatusResponse status =
          exec.execute(
                  new Command()
                      .setClusterId(SampleWorkspace.MIGRATION_CLUSTER_ID)
                      .setContextId(context)
                      .setLanguage(Language.PYTHON)
                      .setCommand(python))
              .get(Duration.ofSeconds(10));
      if (status.getResults().getResultType() == ResultType.ERROR) {
        return "ERROR " + status.getResults().getCause();
      }
      return (String) status.getResults().getData();
    } finally {
      exec.destroy(
          new DestroyContext()
              .setClusterId(SampleWorkspace.MIGRATION_CLUSTER_ID)
              .setContextId(context));
    }
  }

  @Test
  void scopesListBothBackendsWithKeyVaultMetadata() {
    List<SecretScope> scopes = all(client.secrets().listScopes());
    assertThat(scopes)
        .extracting(SecretScope::getName)
        .contains("projet-hydro", "api-meteo", "bd-oracle", "datahub");
    SecretScope kv =
        scopes.stream().filter(s -> s.getName().equals("datahub")).findFirst().orElseThrow();
    assertThat(kv.getBackendType()).isEqualTo(ScopeBackendType.AZURE_KEYVAULT);
    assertThat(kv.getKeyvaultMetadata().getDnsName())
        .isEqualTo("https://fsdh-poc-kv.vault.azure.net/");
    assertThat(all(client.secrets().listSecrets("projet-hydro")))
        .extracting(SecretMetadata::getKey)
        .hasSize(4);
    assertThat(all(client.secrets().listAcls("projet-hydro")))
        .extracting(AclItem::getPermission)
        .contains(AclPermission.MANAGE, AclPermission.READ);
  }

  @Test
  void secretValuesAreNotReadableOverRest() {
    assertThatThrownBy(() -> client.secrets().getSecret("projet-hydro", "jeton-api"))
        .isInstanceOfSatisfying(
            DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
  }

  @Test
  void keyVaultScopesRefuseWritesAndScopesCanBeRecreatedWithTheirVault() {
    assertThatThrownBy(() ->
            client
                .secrets()
                .putSecret(new PutSecret().setScope("datahub").setKey("x").setStringValue("y")))
        .isInstanceOf(DatabricksError.class);
    client
        .secrets()
        .createScope(
            new CreateScope()
                .setScope("coffre-copie")
                .setScopeBackendType(ScopeBackendType.AZURE_KEYVAULT)
                .setBackendAzureKeyvault(
                    new AzureKeyVaultSecretScopeMetadata()
                        .setResourceId("/subscriptions/x/vaults/v")
                        .setDnsName("https://v.vault.azure.net/")));
    assertThat(server.state().secrets().scope("coffre-copie").orElseThrow().keyVaultBacked())
        .isTrue();
    assertThatThrownBy(
            () -> client.secrets().createScope(new CreateScope().setScope("coffre-copie")))
        .isInstanceOf(ResourceAlreadyExists.class);
  }

  @Test
  void putSecretAndAclsRoundTrip() {
    client.secrets().createScope(new CreateScope().setScope("copie-hydro"));
    client
        .secrets()
        .putSecret(new PutSecret().setScope("copie-hydro").setKey("k").setStringValue("valeur é"));
    client
        .secrets()
        .putSecret(
            new PutSecret()
                .setScope("copie-hydro")
                .setKey("b")
                .setBytesValue(Base64.getEncoder().encodeToString(new byte[] {0, 1, (byte) 255})));
    client
        .secrets()
        .putAcl(
            new PutAcl()
                .setScope("copie-hydro")
                .setPrincipal("analystes")
                .setPermission(AclPermission.WRITE));
    assertThat(server.state().secrets().value("copie-hydro", "k"))
        .hasValueSatisfying(
            v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("valeur é"));
    assertThat(server.state().secrets().value("copie-hydro", "b"))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(0, 1, 255));
    assertThat(client.secrets().getAcl("copie-hydro", "analystes").getPermission())
        .isEqualTo(AclPermission.WRITE);
  }

  @Test
  void getBytesPrintsTheExactBytesOfAWholeScopeWhileGetDecodesThemAsUtf8LikeARealCluster()
      throws Exception {
    Map<String, String> exact =
        new ObjectMapper()
            .readValue(
                run("""
                import base64, json
                scope = "projet-hydro"
                print(json.dumps({s.key: base64.b64encode(dbutils.secrets.getBytes(scope=scope, key=s.key)).decode("ascii") for s in dbutils.secrets.list(scope)}))
                """)
                    .strip(),
                new TypeReference<Map<String, String>>() {});
    Map<String, String> viaStr =
        new ObjectMapper()
            .readValue(
                run("""
                import base64, json
                scope = "projet-hydro"
                print(json.dumps({s.key: base64.b64encode(dbutils.secrets.get(scope=scope, key=s.key).encode("utf-8")).decode("ascii") for s in dbutils.secrets.list(scope)}))
                """)
                    .strip(),
                new TypeReference<Map<String, String>>() {});
    assertThat(exact).hasSize(4).containsOnlyKeys(viaStr.keySet());
    int damaged = 0;
    for (String key : exact.keySet()) {
      byte[] stored = server.state().secrets().value("projet-hydro", key).orElseThrow();
      assertThat(Base64.getDecoder().decode(exact.get(key))).as(key).isEqualTo(stored);
      byte[] decoded = Base64.getDecoder().decode(viaStr.get(key));
      if (isUtf8(stored)) {
        assertThat(decoded).as(key).isEqualTo(stored);
      } else {
        // the sample's binary value: str() replaced its invalid bytes with U+FFFD (EF BF BD)
        assertThat(decoded)
            .as(key)
            .isNotEqualTo(stored)
            .isEqualTo(new String(stored, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        assertThat(new String(decoded, StandardCharsets.UTF_8)).contains("\uFFFD");
        damaged++;
      }
    }
    assertThat(damaged).as("the sample holds a binary value").isEqualTo(1);
    assertThat(
            run(
                "import base64, json\nprint(json.dumps({s.key: base64.b64encode(dbutils.secrets.getBytes('projet-hydro', s.key)"
                    + ".encode('utf-8')).decode('ascii') for s in dbutils.secrets.list('projet-hydro')}))"))
        .startsWith("ERROR")
        .contains("'bytes' object has no attribute 'encode'");
  }

  private static boolean isUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Test
  void aScopeTakesAtMostAThousandSecretsOverRest() {
    client.secrets().createScope(new CreateScope().setScope("mille-cles"));
    assertThatThrownBy(() ->
            client
                .secrets()
                .putSecret(
                    new PutSecret().setScope("mille-cles").setKey("a@b").setStringValue("v")))
        .isInstanceOfSatisfying(
            DatabricksError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("INVALID_PARAMETER_VALUE"));
    for (int i = 0; i < SecretStore.MAX_SECRETS_PER_SCOPE; i++) {
      server.state().secrets().putFromApi("mille-cles", "k" + i, new byte[] {1});
    }
    assertThatThrownBy(() ->
            client
                .secrets()
                .putSecret(
                    new PutSecret().setScope("mille-cles").setKey("k1000").setStringValue("v")))
        .isInstanceOfSatisfying(
            DatabricksError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("RESOURCE_LIMIT_EXCEEDED"));
    // overwriting an existing key is fine
    client
        .secrets()
        .putSecret(new PutSecret().setScope("mille-cles").setKey("k0").setStringValue("v"));
  }

  @Test
  void aVaultThatRefusesListingAnswers403WhileItsAclsStayReadable() {
    client
        .secrets()
        .createScope(
            new CreateScope()
                .setScope("coffre-ferme")
                .setScopeBackendType(ScopeBackendType.AZURE_KEYVAULT)
                .setBackendAzureKeyvault(
                    new AzureKeyVaultSecretScopeMetadata()
                        .setResourceId("/subscriptions/x/vaults/f")
                        .setDnsName("https://f.vault.azure.net/")));
    server.state().secrets().refuseVaultListing("coffre-ferme");
    assertThatThrownBy(() -> all(client.secrets().listSecrets("coffre-ferme")))
        .isInstanceOfSatisfying(
            DatabricksError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("PERMISSION_DENIED"));
    assertThat(all(client.secrets().listAcls("coffre-ferme"))).isNotEmpty();
  }

  @Test
  void commandPrintsOneValueBase64AndPlainValuesAreRedacted() throws Exception {
    byte[] value = server.state().secrets().value("api-meteo", "jeton-api").orElseThrow();
    assertThat(
            run("import base64\nprint(base64.b64encode(dbutils.secrets.get('api-meteo', 'jeton-api').encode('utf-8')).decode('ascii'))")
                .strip())
        .isEqualTo(Base64.getEncoder().encodeToString(value));
    assertThat(
            run("import base64\nprint(base64.b64encode(dbutils.secrets.getBytes('api-meteo', 'jeton-api')).decode('ascii'))")
                .strip())
        .isEqualTo(Base64.getEncoder().encodeToString(value));
    assertThat(run("print(dbutils.secrets.get(scope='api-meteo', key='jeton-api'))").strip())
        .isEqualTo("[REDACTED]");
    assertThat(run("print('token: ' + 'x')")).startsWith("ERROR");
    assertThat(run("print(dbutils.secrets.get('nope', 'x'))")).startsWith("ERROR").contains("nope");
  }

  @Test
  void commandListsMounts() throws Exception {
    String json =
        run(
            """
            import json
            print(json.dumps([{"mountPoint": m.mountPoint, "source": m.source} for m in dbutils.fs.mounts()]))
            """);
    List<Map<String, String>> mounts =
        new ObjectMapper()
            .readValue(json.strip(), new TypeReference<List<Map<String, String>>>() {});
    assertThat(mounts)
        .contains(
            Map.of(
                "mountPoint",
                "/mnt/donnees-brutes",
                "source",
                "abfss://brutes@fsdhpocstorage.dfs.core.windows.net/"));
    assertThat(run("dbutils.fs.mounts()")).contains("MountInfo(mountPoint='/mnt/résultats'");
  }

  @Test
  void contextsNeedARunningCluster() {
    assertThatThrownBy(() ->
            client
                .commandExecution()
                .create(
                    new CreateContext()
                        .setClusterId(SampleWorkspace.SHARED_CLUSTER_ID)
                        .setLanguage(Language.PYTHON)))
        .isInstanceOfSatisfying(
            DatabricksError.class, e -> assertThat(e.getErrorCode()).isEqualTo("INVALID_STATE"));
  }
}
