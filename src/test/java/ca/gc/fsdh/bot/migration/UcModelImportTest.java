package ca.gc.fsdh.bot.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.mapping.MappingFile;
import ca.gc.fsdh.bot.migration.models.ModelRegistryChoice;
import ca.gc.fsdh.bot.migration.models.StageAliases;
import ca.gc.fsdh.bot.migration.models.UcModelTarget;
import ca.gc.fsdh.bot.migration.models.UcModelsApi;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.migration.spi.ModelRegistryTarget;
import ca.gc.fsdh.bot.migration.spi.ModelTargetOptions;
import ca.gc.fsdh.bot.migration.verify.ItemCheck;
import ca.gc.fsdh.bot.migration.verify.Verifier;
import ca.gc.fsdh.bot.migration.verify.VerifyOptions;
import ca.gc.fsdh.bot.migration.verify.VerifyReport;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.ModelVersion;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleProd;
import ca.gc.fsdh.bot.tools.sandbox.databricks.UcModelRegistry;
import ca.gc.fsdh.bot.tools.sandbox.databricks.UnityCatalog;
import com.databricks.sdk.service.catalog.DeleteAliasRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workspace-registry models of the POC into a Unity Catalog PROD, through the real SDK, the MLflow
 * UC endpoints and the stand-in's blob endpoint: every version copied with its bytes, stages as
 * aliases, permissions as grants, a crash before finalize resumed without a second version, a
 * version without signature reported. One export is shared; each test imports into a fresh PROD.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UcModelImportTest {
  /** The sample's model that gets a version logged without a signature. */
  static final String UNSIGNED = "modele sans signature";

  @TempDir Path dir;
  PocAndProd env;

  /** The sample's models, every version logged with a signature. */
  Path bundleDir;

  /** The same, plus {@link #UNSIGNED}: v1 without signature, v2 inputs only, v3 complete. */
  Path unsignedBundleDir;

  @BeforeAll
  void exportOnce(@TempDir Path shared) throws Exception {
    env = new PocAndProd(FakeDatabricksOptions.builder().noRateLimits());
    bundleDir = export(shared.resolve("bundle"));
    var poc = env.poc.server.state();
    poc.models().createModel(UNSIGNED, "sans signature", env.renamedUser, Map.of());
    String[] mlmodels = {
      "artifact_path: model\nflavors: {}\n",
      "artifact_path: model\nsignature:\n  inputs: '[{\"type\": \"double\"}]'\n",
      "artifact_path: model\nsignature:\n  inputs: '[{\"type\": \"double\"}]'\n"
          + "  outputs: '[{\"type\": \"double\"}]'\n"
    };
    for (int v = 0; v < mlmodels.length; v++) {
      String source = "dbfs:/databricks/mlflow-tracking/9/run" + v + "/artifacts/model";
      poc.dbfs().put(source + "/MLmodel", mlmodels[v].getBytes(StandardCharsets.UTF_8), true);
      poc.dbfs().put(source + "/model.pkl", new byte[] {1, 2, (byte) v}, true);
      poc.models().createVersion(UNSIGNED, source, "run" + v, "v", env.renamedUser, Map.of());
    }
    unsignedBundleDir = export(shared.resolve("unsigned"));
  }

  Path export(Path to) throws Exception {
    var export =
        new WorkspaceExport(env.poc.client, env.poc.server.host())
            .run(
                to,
                ExportOptions.allTypes().withTypes(Set.of(ResourceType.MODELS)).withWorkers(4),
                ProgressListener.NONE);
    assertThat(export.manifest().totalFailed()).isZero();
    return to;
  }

  @AfterAll
  void stop() {
    env.close();
  }

  record Prod(StandIn standIn, SampleProd.UcTarget target) implements AutoCloseable {
    UnityCatalog uc() {
      return standIn.server.state().unityCatalog();
    }

    @Override
    public void close() {
      standIn.close();
    }
  }

  Prod freshProd(UnityCatalog.Mode mode) {
    var prod =
        new StandIn(FakeDatabricksOptions.builder().noRateLimits().build(), RateLimits.defaults());
    var target = SampleProd.prepareUnityCatalog(env.poc.server.state(), prod.server.state(), mode);
    // the groups of the models' permissions are account groups in PROD
    prod.server.state().unityCatalog().addGroup("lecteurs").addGroup("scientifiques");
    // prove the importer checks signatures itself: this stand-in refuses at finalize otherwise
    prod.server.state().unityCatalog().checkSignatures(true);
    return new Prod(prod, target);
  }

  MappingFile mapping(String modelSchema) {
    var base = env.mapping();
    return new MappingFile(
        base.principals(),
        base.paths(),
        base.clusters(),
        base.instancePools(),
        base.policies(),
        base.warehouses(),
        base.keyVaults(),
        base.existing(),
        base.databases(),
        new MappingFile.Models(null, modelSchema));
  }

  ModelTargetOptions models(Prod prod) {
    return ModelTargetOptions.auto().withBlobEndpoint(prod.standIn().server.blobEndpoint());
  }

  ImportResult importInto(Prod prod, MappingFile mapping, Path state) throws Exception {
    return importInto(prod, bundleDir, mapping, state);
  }

  ImportResult importInto(Prod prod, Path bundleDir, MappingFile mapping, Path state)
      throws Exception {
    try (var bundle = BundleReader.open(bundleDir)) {
      return new WorkspaceImport(prod.standIn().client, prod.standIn().server.host())
          .run(
              bundle,
              mapping,
              ImportOptions.defaults(state)
                  .withTypes(Set.of(ResourceType.MODELS))
                  .withWorkers(4)
                  .withModels(models(prod)),
              ProgressListener.NONE);
    }
  }

  VerifyReport verify(Prod prod, MappingFile mapping) throws Exception {
    return verify(prod, bundleDir, mapping);
  }

  VerifyReport verify(Prod prod, Path bundleDir, MappingFile mapping) throws Exception {
    try (var bundle = BundleReader.open(bundleDir)) {
      return new Verifier(prod.standIn().client, prod.standIn().server.host())
          .verify(
              bundle,
              mapping,
              VerifyOptions.defaults()
                  .withTypes(Set.of(ResourceType.MODELS))
                  .withWorkers(4)
                  .withModels(models(prod)));
    }
  }

  /** POC model name to its version numbers, the unsigned model left out. */
  Map<String, List<ModelVersion>> pocVersions() {
    var out = new TreeMap<String, List<ModelVersion>>();
    var poc = env.poc.server.state().models();
    for (var m : poc.models())
      if (!m.name().equals(UNSIGNED)) out.put(m.name(), poc.versions(m.name()));
    return out;
  }

  static String ucName(String schema, String poc) {
    return schema + "." + poc.toLowerCase().replace(' ', '_');
  }

  /** Every signed POC version is one READY UC version, in order, with the same bytes. */
  void assertEveryVersionCopied(Prod prod, String schema) {
    var uc = prod.uc();
    var registry = uc.models();
    for (var e : pocVersions().entrySet()) {
      String name = ucName(schema, e.getKey());
      List<UcModelRegistry.Version> versions = registry.versions(name);
      assertThat(versions).as(name).hasSize(e.getValue().size());
      for (int i = 0; i < versions.size(); i++) {
        var v = versions.get(i);
        var pv = e.getValue().get(i);
        assertThat(v.version()).isEqualTo(i + 1L);
        assertThat(v.status()).isEqualTo(UcModelRegistry.Status.READY);
        assertThat(v.tags()).containsEntry("fsdh_poc_version", pv.version());
        assertThat(v.source()).isEqualTo("models:/" + e.getKey() + "/" + pv.version());
        for (String file : List.of("MLmodel", "model.pkl", "conda.yaml", "requirements.txt")) {
          byte[] expected =
              env.poc.server.state().dbfs().read(pv.storageLocation() + "/" + file).orElseThrow();
          assertThat(uc.blobs().read(v.storageLocation() + "/" + file))
              .as(name + " v" + v.version() + " " + file)
              .hasValueSatisfying(b -> assertThat(b).isEqualTo(expected));
        }
      }
      // the latest Production version is the champion
      long production =
          e.getValue().stream()
              .filter(v -> v.stage().equals("Production"))
              .mapToLong(v -> Long.parseLong(v.version()))
              .max()
              .orElseThrow();
      var model = registry.model(name).orElseThrow();
      assertThat(model.aliases()).containsEntry(StageAliases.PRODUCTION, production);
      assertThat(uc.grantsOn("function", name))
          .containsEntry("lecteurs", List.of("EXECUTE"))
          .containsKey("scientifiques");
    }
  }

  @Test
  void everyVersionLandsInTheDefaultCatalogOfAPRODWithoutHiveMetastoreAndVerifiesClean()
      throws Exception {
    try (var prod = freshProd(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE)) {
      var mapping = mapping(null);
      var result = importInto(prod, mapping, dir.resolve("state"));
      String schema = SampleProd.PROD_CATALOG + ".default";
      assertThat(result.failed()).isEmpty();
      assertEveryVersionCopied(prod, schema);
      // nothing went to the workspace registry
      assertThat(prod.standIn().server.state().models().models()).isEmpty();

      var report = verify(prod, mapping);
      assertThat(report.items().stream().filter(ItemCheck::bad).toList()).isEmpty();
      assertThat(report.clean()).isTrue();
      assertThat(report.counts()).containsOnlyKeys("models");
    }
  }

  @Test
  void withHiveMetastoreTheMappingFilesSchemaReceivesTheModels() throws Exception {
    try (var prod = freshProd(UnityCatalog.Mode.WITH_HIVE_METASTORE)) {
      String schema = SampleProd.PROD_CATALOG + "." + SampleProd.PROD_MODEL_SCHEMA;
      var mapping = mapping(schema);
      var result = importInto(prod, mapping, dir.resolve("state"));
      assertThat(result.failed()).isEmpty();
      assertEveryVersionCopied(prod, schema);
      assertThat(prod.uc().modelVersions().keySet()).allMatch(n -> n.startsWith(schema + "."));
      assertThat(verify(prod, mapping).clean()).isTrue();
    }
  }

  @Test
  void aVersionUnityCatalogCannotTakeIsReportedWithTheReasonAndNeverWritten() throws Exception {
    try (var prod = freshProd(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE)) {
      var mapping = mapping(null);
      String name = ucName(SampleProd.PROD_CATALOG + ".default", UNSIGNED);
      var result = importInto(prod, unsignedBundleDir, mapping, dir.resolve("state"));
      assertThat(result.failed())
          .extracting(ImportResult.Line::id)
          .containsExactlyInAnyOrder(UNSIGNED + "/1", UNSIGNED + "/2");
      assertThat(result.failed())
          .filteredOn(l -> l.id().equals(UNSIGNED + "/1"))
          .singleElement()
          .satisfies(l -> assertThat(l.text()).contains("logged without a signature"));
      assertThat(result.failed())
          .filteredOn(l -> l.id().equals(UNSIGNED + "/2"))
          .singleElement()
          .satisfies(l -> assertThat(l.text()).contains("signature has inputs only"));
      // only the complete version reached UC, as its version 1; none failed registration there
      assertThat(prod.uc().models().versions(name))
          .singleElement()
          .satisfies(v -> {
            assertThat(v.tags()).containsEntry("fsdh_poc_version", "3");
            assertThat(v.status()).isEqualTo(UcModelRegistry.Status.READY);
          });
      var report = verify(prod, unsignedBundleDir, mapping);
      assertThat(report.items().stream().filter(ItemCheck::bad).toList())
          .extracting(ItemCheck::id, ItemCheck::status)
          .containsExactlyInAnyOrder(
              tuple(UNSIGNED + "/1", ItemCheck.Status.MISSING),
              tuple(UNSIGNED + "/2", ItemCheck.Status.MISSING));
    }
  }

  /** A process that dies at one exact call: the request never reaches PROD. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(String at) {
      super("crashed before " + at);
    }
  }

  @Test
  void aCrashBeforeFinalizeIsResumedWithoutASecondVersion() throws Exception {
    try (var prod = freshProd(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE)) {
      var mapping = mapping(null);
      String schema = SampleProd.PROD_CATALOG + ".default";
      Path state = dir.resolve("crashed");
      // the process dies right before the third finalize: that version created and its files
      // uploaded, but still PENDING_REGISTRATION (versions of other models, on other workers, may
      // be anywhere in their flow)
      var finalizes = new AtomicInteger();
      var crashedAt = new AtomicReference<JsonNode>();
      prod.standIn().beforeSend =
          r -> {
            if (r.getUrl().contains("/model-versions/finalize")
                && finalizes.incrementAndGet() == 3) {
              crashedAt.set(json(r.getBodyString()));
              throw new Crash("finalize");
            }
          };
      assertThatThrownBy(() -> importInto(prod, mapping, state)).hasStackTraceContaining("crashed");
      prod.standIn().beforeSend = r -> {};
      var crashed =
          prod.uc()
              .models()
              .version(
                  crashedAt.get().path("name").asText(), crashedAt.get().path("version").asLong());
      assertThat(crashed.status()).isEqualTo(UcModelRegistry.Status.PENDING_REGISTRATION);
      assertThat(prod.uc().blobs().list(crashed.storageLocation()))
          .as("its files were uploaded before the crash")
          .contains("MLmodel", "model.pkl");

      var resumed = importInto(prod, mapping, state);
      assertThat(resumed.failed()).isEmpty();
      assertThat(resumed.resumed()).isPositive();
      assertEveryVersionCopied(prod, schema);
      assertThat(verify(prod, mapping).clean()).isTrue();

      // a rerun without the journal finds every version by the POC version it records
      var before = prod.uc().modelVersions();
      var again = importInto(prod, mapping, dir.resolve("fresh-state"));
      assertThat(again.counts().get("models"))
          .containsEntry(ImportOutcome.SKIPPED, before.size() + versionCount())
          .doesNotContainKey(ImportOutcome.CREATED);
      assertThat(prod.uc().modelVersions()).isEqualTo(before);
    }
  }

  long versionCount() {
    return pocVersions().values().stream().mapToLong(List::size).sum();
  }

  static JsonNode json(String body) {
    try {
      return new ObjectMapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void verifyNamesTheVersionWhoseAliasOrBytesDiffer() throws Exception {
    try (var prod = freshProd(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE)) {
      var mapping = mapping(null);
      String schema = SampleProd.PROD_CATALOG + ".default";
      importInto(prod, mapping, dir.resolve("state"));
      var first = pocVersions().entrySet().iterator().next();
      String name = ucName(schema, first.getKey());
      long champion = prod.uc().models().model(name).orElseThrow().aliases().get("champion");
      prod.standIn()
          .client
          .registeredModels()
          .deleteAlias(new DeleteAliasRequest().setFullName(name).setAlias("champion"));

      var report = verify(prod, mapping);
      var bad = report.items().stream().filter(ItemCheck::bad).toList();
      assertThat(bad)
          .anySatisfy(i -> {
            assertThat(i.target()).isEqualTo(name + " version " + champion);
            assertThat(i.status()).isEqualTo(ItemCheck.Status.MISMATCH);
            assertThat(i.differences())
                .containsExactly("alias @champion is missing, expected on version " + champion);
          });
      assertThat(bad).hasSize(1);
    }
  }

  @Test
  void theRegistryIsChosenFromTheOptionsTheMappingFileAndPROD() throws Exception {
    var auto = ModelTargetOptions.auto();
    var none = new MappingFile.Models(null, null);
    try (var legacy = new StandIn(FakeDatabricksOptions.builder().noRateLimits().build())) {
      var choice = ModelRegistryChoice.resolve(legacy.client, auto, none);
      assertThat(choice.unityCatalog()).isEmpty();
      assertThat(choice.describe()).contains("no Unity Catalog metastore");
      assertThatThrownBy(() ->
              ModelRegistryChoice.resolve(
                  legacy.client, auto.withRegistry(ModelRegistryTarget.UNITY_CATALOG), none))
          .hasMessageContaining("no Unity Catalog metastore");
    }
    try (var prod = freshProd(UnityCatalog.Mode.WITH_HIVE_METASTORE)) {
      var client = prod.standIn().client;
      assertThat(ModelRegistryChoice.resolve(client, auto, none).unityCatalog())
          .hasValue(new UcModelTarget(SampleProd.PROD_CATALOG, "default"));
      // the mapping file names the schema; the command line's wins over it
      var mapped = new MappingFile.Models(null, "fsdh_prod.modeles");
      assertThat(ModelRegistryChoice.resolve(client, auto, mapped).unityCatalog())
          .hasValue(new UcModelTarget(SampleProd.PROD_CATALOG, "modeles"));
      assertThat(
              ModelRegistryChoice.resolve(client, auto.withSchema("autre.modeles"), mapped)
                  .unityCatalog())
          .hasValue(new UcModelTarget("autre", "modeles"));
      assertThat(
              ModelRegistryChoice.resolve(client, auto, new MappingFile.Models("workspace", null))
                  .unityCatalog())
          .isEmpty();
      assertThatThrownBy(
              () -> ModelRegistryChoice.resolve(client, auto.withSchema("hive_metastore.x"), none))
          .hasMessageContaining("cannot go into hive_metastore");
    }
  }

  @Test
  void theMappingFileSaysWhereModelsGo() throws Exception {
    Path file = dir.resolve("mapping.yml");
    java.nio.file.Files.writeString(
        file, "models:\n  registry: unity-catalog\n  schema: fsdh_prod.modeles\n");
    var models = MappingFile.read(file).models();
    assertThat(models.registry()).isEqualTo("unity-catalog");
    assertThat(models.schema()).isEqualTo("fsdh_prod.modeles");
    assertThat(MappingFile.empty().models()).isEqualTo(new MappingFile.Models(null, null));
  }

  @Test
  void unityCatalogForcedOnAPRODWithoutMetastoreFailsEveryModelWithTheReason() throws Exception {
    try (var legacy = new StandIn(FakeDatabricksOptions.builder().noRateLimits().build())) {
      ImportResult result;
      try (var bundle = BundleReader.open(bundleDir)) {
        result =
            new WorkspaceImport(legacy.client, legacy.server.host())
                .run(
                    bundle,
                    env.mapping(),
                    ImportOptions.defaults(dir.resolve("state"))
                        .withTypes(Set.of(ResourceType.MODELS))
                        .withModels(
                            ModelTargetOptions.auto()
                                .withRegistry(ModelRegistryTarget.UNITY_CATALOG)),
                    ProgressListener.NONE);
      }
      assertThat(result.failed()).hasSize(pocVersions().size() + (int) versionCount());
      assertThat(result.failed())
          .allSatisfy(l -> assertThat(l.text()).contains("no Unity Catalog metastore"));
      assertThat(legacy.server.state().models().models()).isEmpty();
    }
  }

  @Test
  void aVersionRegisteredWithAnotherSourceIsFoundByItsTagsAndNotCopiedTwice() throws Exception {
    try (var prod = freshProd(UnityCatalog.Mode.WITHOUT_HIVE_METASTORE)) {
      var mapping = mapping(null);
      var first = pocVersions().entrySet().iterator().next();
      String poc = first.getKey();
      String pocVersion = first.getValue().getFirst().version();
      String name = ucName(SampleProd.PROD_CATALOG + ".default", poc);
      // someone registered POC version 1 by hand, from elsewhere, keeping the tags
      var api = new UcModelsApi(prod.standIn().client);
      api.createModel(name, null, Map.of());
      api.createVersion(
          name,
          "dbfs:/ailleurs/model",
          null,
          Map.of("fsdh_poc_model", poc, "fsdh_poc_version", pocVersion));

      assertThat(importInto(prod, mapping, dir.resolve("state")).failed()).isEmpty();
      var versions = prod.uc().models().versions(name);
      assertThat(versions).hasSize(first.getValue().size());
      assertThat(versions.getFirst().source()).isEqualTo("dbfs:/ailleurs/model");
      assertThat(versions.getFirst().status()).isEqualTo(UcModelRegistry.Status.READY);
      // every version verifies; the model, found already there, was skipped (models: skip), so its
      // description and grants are the hand-made ones and verify names them
      assertThat(verify(prod, mapping).items().stream().filter(ItemCheck::bad))
          .extracting(ItemCheck::id)
          .containsExactly(poc);
    }
  }
}
