package ca.gc.fsdh.bot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.secrets.InMemorySecretValues;
import ca.gc.fsdh.bot.migration.secrets.InMemorySecretValuesSource;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.migration.verify.ItemCheck;
import ca.gc.fsdh.bot.migration.verify.Verifier;
import ca.gc.fsdh.bot.migration.verify.VerifyOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SecretScope;
import com.databricks.sdk.service.workspace.ObjectType;
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
 * {@code migrate} of the sample workspace, with everything awkward it holds (binary secret values,
 * keys that SHOW GRANTS prints back-quoted, views, names with back-slashes, quotes and emoji), from
 * one stand-in to another through the real SDK: secret values read on the POC cluster and compared
 * on the PROD cluster, grants replayed and checked on the PROD warehouse.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrateSampleTest {
  PocAndProd env;
  CoreMigration.Result result;
  Path work;

  @BeforeAll
  void migrate(@TempDir Path dir) throws Exception {
    env = new PocAndProd(FakeDatabricksOptions.builder().noRateLimits());
    work = dir;
    var export =
        ExportOptions.allTypes()
            .withWorkers(4)
            .withSqlWarehouse(SampleWorkspace.WAREHOUSE_ID)
            .withSecretsCluster(SampleWorkspace.MIGRATION_CLUSTER_ID, new InMemorySecretValues());
    var imports =
        ImportOptions.defaults(dir.resolve("import"))
            .withWorkers(4)
            .withSqlWarehouse(PocAndProd.PROD_WAREHOUSE);
    result =
        env.migrate(
            new CoreMigration.MigrateOptions(
                dir,
                export,
                env.mapping(),
                imports,
                Optional.of(PocAndProd.PROD_WAREHOUSE),
                Optional.of(PocAndProd.PROD_CLUSTER)));
  }

  @AfterAll
  void stop() {
    env.close();
  }

  @Test
  void theSampleMigratesWithoutFailureAndVerifiesClean() {
    assertThat(result.failures()).isEmpty();
    assertThat(result.verification().items().stream().filter(ItemCheck::bad).toList()).isEmpty();
    assertThat(result.ok()).isTrue();
  }

  @Test
  void notebooksAndFilesWithBackSlashesQuotesAndEmojiArriveUnderTheirNamesWithTheirContent()
      throws Exception {
    var poc = env.poc.server.state().workspace();
    var prod = env.prod.server.state().workspace();
    var awkward =
        poc.all()
            .filter(o ->
                o.type() != ObjectType.DIRECTORY
                    && !o.path().contains("/Trash/")
                    && o.path().chars().anyMatch(c -> "\\\"':*?<>|%".indexOf(c) >= 0 || c > 0xFFFF))
            .toList();
    assertThat(awkward)
        .extracting(o -> o.path().substring(o.path().lastIndexOf('/') + 1))
        .contains(
            "Analyse\\brouillon v2",
            "Rapport d'été \"final\" 📊",
            "Étape 1: nettoyage?",
            "notes\\v2.md",
            "données:brutes*?.csv");
    assertThat(poc.get(SampleWorkspace.AWKWARD_FOLDER + "/export.part")).isPresent();
    for (var o : awkward) {
      String target =
          o.path().startsWith("/Shared/")
              ? "/Shared/poc" + o.path().substring("/Shared".length())
              : o.path();
      if (o.path().startsWith("/Users/" + env.renamedUser + "/"))
        target =
            "/Users/"
                + PocAndProd.RENAMED_USER_TO
                + o.path().substring(("/Users/" + env.renamedUser).length());
      var copy = prod.get(target);
      assertThat(copy).as(target).isPresent();
      assertThat(copy.get().content().bytes()).as(target).isEqualTo(o.content().bytes());
    }
    assertThat(prod.get("/Shared/poc/Équipe « Données » 🚀/export.part")).isPresent();
    // the bundle holds them under names every file system keeps; the index says which
    Path files = result.bundle().dir().resolve("notebooks/files/Shared/Équipe « Données » 🚀");
    assertThat(files.resolve("notes%5Cv2.md")).exists();
    assertThat(files.resolve("données%3Abrutes%2A%3F.csv")).exists();
    assertThat(files.resolve("export.par%74")).exists();
  }

  @Test
  void binarySecretValuesArriveByteForByteAndVerifyComparedThem() {
    int binary = 0;
    for (SecretScope s : env.poc.server.state().secrets().scopes()) {
      if (!s.backend().equals(SecretScope.DATABRICKS)) continue;
      for (var e : env.poc.server.state().secrets().secrets(s.name()).entrySet()) {
        byte[] expected = e.getValue().value();
        assertThat(env.prod.server.state().secrets().value(s.name(), e.getKey()))
            .as(s.name() + "/" + e.getKey())
            .hasValueSatisfying(v -> assertThat(v).isEqualTo(expected));
        if (!new String(expected, StandardCharsets.UTF_8)
            .equals(
                new String(expected, StandardCharsets.UTF_8)
                    .codePoints()
                    .filter(c -> c != 0xFFFD)
                    .collect(
                        StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString())) {
          binary++;
        }
      }
    }
    assertThat(binary).as("the sample holds binary values").isPositive();
    assertThat(result.verification().items())
        .filteredOn(i -> i.type().equals("secrets") && i.target().startsWith("scope projet-hydro"))
        .singleElement()
        .satisfies(i -> assertThat(i.status()).isEqualTo(ItemCheck.Status.MATCH));
  }

  @Test
  void aBinaryValueDamagedInTheTargetIsAMismatchNamingTheKeyOnly() throws Exception {
    String scope = "projet-hydro";
    String key = "jeton-api"; // the sample's 48 binary bytes
    byte[] original = env.poc.server.state().secrets().value(scope, key).orElseThrow();
    byte[] before = env.prod.server.state().secrets().value(scope, key).orElseThrow();
    byte[] damaged = new String(original, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    assertThat(damaged).isNotEqualTo(original);
    var held = new InMemorySecretValues();
    var values = new HashMap<String, byte[]>();
    env.poc.server.state().secrets().secrets(scope).forEach((k, v) -> values.put(k, v.value()));
    held.accept(scope, values, null);
    env.prod.server.state().secrets().put(scope, key, damaged);
    try (var bundle = BundleReader.open(result.bundle().dir());
        var expected = new InMemorySecretValuesSource(held, env.poc.client, null)) {
      var report =
          new Verifier(env.prod.client, env.prod.server.host())
              .verify(
                  bundle,
                  env.mapping(),
                  VerifyOptions.defaults()
                      .withTypes(EnumSet.of(ResourceType.SECRETS))
                      .withSecretValues(PocAndProd.PROD_CLUSTER, expected));
      assertThat(report.items())
          .filteredOn(i -> i.target().equals("scope " + scope))
          .singleElement()
          .satisfies(i -> {
            assertThat(i.status()).isEqualTo(ItemCheck.Status.MISMATCH);
            assertThat(i.differences()).containsExactly("value of key " + key + " differs");
          });
    } finally {
      env.prod.server.state().secrets().put(scope, key, before);
    }
  }
}
