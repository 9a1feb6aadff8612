package ca.gc.fsdh.bot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.client.RateLimitGroup;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.secrets.InMemorySecretValues;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.migration.verify.ItemCheck;
import ca.gc.fsdh.bot.migration.verify.Verifier;
import ca.gc.fsdh.bot.migration.verify.VerifyOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SecretScope;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SecretStore;
import ca.gc.fsdh.bot.tools.sandbox.databricks.WorkspaceState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret scopes at the edges of what Databricks allows, migrated through the real SDK: one with
 * more keys than PROD takes in a scope (1,000), and a Key Vault-backed one whose vault does not let
 * Databricks list its secrets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretScopeEdgesTest {
  static final String FULL = "mille-et-cinq";
  static final String CLOSED_VAULT = "coffre-ferme";

  PocAndProd env;
  CoreMigration.Result result;

  @BeforeAll
  void migrateTheSecrets(@TempDir Path dir) throws Exception {
    var options = FakeDatabricksOptions.builder().noRateLimits();
    // the client's own pacing (30 puts a second) would make 1,005 puts last half a minute
    env =
        new PocAndProd(
            options, options, RateLimits.defaults().with(RateLimitGroup.SECRETS_WRITE, 0));
    var secrets = env.poc.server.state().secrets();
    secrets.createScope(
        new SecretScope(FULL, SecretScope.DATABRICKS, null, null), WorkspaceState.CURRENT_USER);
    // seeding is not held to the limit: this POC scope is over what PROD accepts
    for (int i = 0; i < SecretStore.MAX_SECRETS_PER_SCOPE + 5; i++) {
      secrets.put(
          FULL, String.format("cle-%04d", i), ("valeur-" + i).getBytes(StandardCharsets.UTF_8));
    }
    secrets.createScope(
        new SecretScope(
            CLOSED_VAULT,
            SecretScope.AZURE_KEYVAULT,
            "/subscriptions/0/vaults/ferme",
            "https://ferme.vault.azure.net/"),
        WorkspaceState.CURRENT_USER);
    secrets.putAcl(CLOSED_VAULT, "analystes-coffre", "READ");
    secrets.put(CLOSED_VAULT, "cle-cachee", "x".getBytes(StandardCharsets.UTF_8));
    secrets.refuseVaultListing(CLOSED_VAULT);

    var export =
        ExportOptions.allTypes()
            .withTypes(EnumSet.of(ResourceType.SECRETS))
            .withWorkers(4)
            .withSecretsCluster(SampleWorkspace.MIGRATION_CLUSTER_ID, new InMemorySecretValues());
    var imports =
        ImportOptions.defaults(dir.resolve("import"))
            .withTypes(EnumSet.of(ResourceType.SECRETS))
            .withWorkers(4);
    result =
        env.migrate(
            new CoreMigration.MigrateOptions(
                dir,
                export,
                mapping(),
                imports,
                Optional.empty(),
                Optional.of(PocAndProd.PROD_CLUSTER)));
  }

  MappingFile mapping() {
    var m = env.mapping();
    var vaults = new HashMap<>(m.keyVaults());
    vaults.put(
        CLOSED_VAULT,
        new MappingFile.KeyVault(
            "/subscriptions/0/vaults/ferme-prod", "https://ferme-prod.vault.azure.net/"));
    return new MappingFile(
        m.principals(),
        m.paths(),
        m.clusters(),
        m.instancePools(),
        m.policies(),
        m.warehouses(),
        vaults,
        m.existing());
  }

  @AfterAll
  void stop() {
    env.close();
  }

  @Test
  void aScopeOverTheTargetsLimitFailsNamingOnlyTheKeysLeftOut() {
    assertThat(result.failures())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.id()).isEqualTo(FULL);
          assertThat(f.text())
              .contains("at most 1,000 secrets per scope")
              .contains(
                  "1000 of 1005 value(s) put, 5 refused: "
                      + "cle-1000, cle-1001, cle-1002, cle-1003, cle-1004")
              .doesNotContain("cle-0999")
              .hasSizeLessThan(600);
        });
    assertThat(env.prod.server.state().secrets().secrets(FULL))
        .hasSize(SecretStore.MAX_SECRETS_PER_SCOPE);
    assertThat(result.verification().items())
        .filteredOn(i -> i.id().equals(FULL))
        .singleElement()
        .satisfies(i -> {
          assertThat(i.status()).isEqualTo(ItemCheck.Status.MISMATCH);
          assertThat(i.differences())
              .containsExactly(
                  "5 key(s) missing: cle-1000, cle-1001, cle-1002, cle-1003, cle-1004");
        });
    assertThat(result.verification().text()).doesNotContain("cle-0999");
  }

  @Test
  void aVaultThatRefusesListingStillHasItsScopeAndAclsRecreated() {
    var scope = env.prod.server.state().secrets().scope(CLOSED_VAULT).orElseThrow();
    assertThat(scope.keyVaultDnsName()).isEqualTo("https://ferme-prod.vault.azure.net/");
    assertThat(env.prod.server.state().secrets().acls(CLOSED_VAULT))
        .containsEntry("analystes-coffre", "READ");
    assertThat(result.verification().items())
        .filteredOn(i -> i.id().equals(CLOSED_VAULT))
        .singleElement()
        .satisfies(i -> assertThat(i.status()).isEqualTo(ItemCheck.Status.MATCH));
    assertThat(result.bundle().counts().get("secrets").failed()).isZero();
  }

  @Test
  void verifyComparesTheAclsOfKeyVaultScopesToo() throws Exception {
    env.prod.server.state().secrets().deleteAcl(CLOSED_VAULT, "analystes-coffre");
    try (var bundle = BundleReader.open(result.bundle().dir())) {
      var report =
          new Verifier(env.prod.client, env.prod.server.host())
              .verify(
                  bundle,
                  mapping(),
                  VerifyOptions.defaults().withTypes(EnumSet.of(ResourceType.SECRETS)));
      assertThat(report.items())
          .filteredOn(i -> i.id().equals(CLOSED_VAULT))
          .singleElement()
          .satisfies(i -> {
            assertThat(i.status()).isEqualTo(ItemCheck.Status.MISMATCH);
            assertThat(i.differences()).containsExactly("ACL READ for analystes-coffre is null");
          });
    } finally {
      env.prod.server.state().secrets().putAcl(CLOSED_VAULT, "analystes-coffre", "READ");
    }
  }

  @Test
  void everyScopeIsExportedAndOnlyTheFullOneDiffers() {
    assertThat(result.bundle().counts().get("secrets").exported())
        .isEqualTo(env.poc.server.state().secrets().scopes().size());
    assertThat(result.verification().items())
        .filteredOn(ItemCheck::bad)
        .extracting(ItemCheck::id)
        .containsExactly(FULL);
  }
}
