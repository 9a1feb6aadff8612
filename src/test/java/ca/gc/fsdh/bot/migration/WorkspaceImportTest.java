package ca.gc.fsdh.bot.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.item.ImportOutcome;
import ca.gc.fsdh.bot.migration.item.ItemStatus;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.jobs.JobSettingsMapper;
import ca.gc.fsdh.bot.migration.secrets.InMemorySecretValues;
import ca.gc.fsdh.bot.migration.secrets.InMemorySecretValuesSource;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.ImportOptions;
import ca.gc.fsdh.bot.migration.verify.ItemCheck;
import ca.gc.fsdh.bot.migration.verify.Verifier;
import ca.gc.fsdh.bot.migration.verify.VerifyOptions;
import ca.gc.fsdh.bot.migration.verify.VerifyReport;
import ca.gc.fsdh.bot.tools.sandbox.databricks.Content;
import ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SecretScope;
import ca.gc.fsdh.bot.tools.sandbox.databricks.TableGrant;
import com.databricks.sdk.service.workspace.ObjectType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * POC stand-in, bundle, PROD stand-in, verify: through the real SDK. One export is shared; each
 * test imports into a fresh PROD.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceImportTest {
  @TempDir Path dir;
  PocAndProd env;
  Path bundleDir;
  InMemorySecretValues values;

  @BeforeAll
  void exportOnce(@TempDir Path shared) throws Exception {
    env = new PocAndProd(FakeDatabricksOptions.builder().noRateLimits());
    values = new InMemorySecretValues();
    // values held as the export keeps them for a migration (read here from the POC store directly)
    for (SecretScope s : env.poc.server.state().secrets().scopes()) {
      if (!s.backend().equals(SecretScope.DATABRICKS)) continue;
      var m = new HashMap<String, byte[]>();
      env.poc
          .server
          .state()
          .secrets()
          .secrets(s.name())
          .forEach((k, v) -> m.put(k, v.value().clone()));
      values.accept(s.name(), m, null);
    }
    bundleDir = shared.resolve("bundle");
    var options =
        ExportOptions.allTypes().withWorkers(4).withSqlWarehouse(SampleWorkspace.WAREHOUSE_ID);
    var export =
        new WorkspaceExport(env.poc.client, env.poc.server.host())
            .run(bundleDir, options, ProgressListener.NONE);
    assertThat(export.manifest().totalFailed()).isZero();
  }

  @AfterAll
  void stop() {
    env.close();
  }

  StandIn freshProd() {
    var prod =
        new StandIn(FakeDatabricksOptions.builder().noRateLimits().build(), RateLimits.defaults());
    PocAndProd.prepareProd(env.poc.server.state(), prod.server.state());
    return prod;
  }

  ImportOptions importOptions(Path state) {
    return ImportOptions.defaults(state)
        .withWorkers(4)
        .withSqlWarehouse(PocAndProd.PROD_WAREHOUSE)
        .withSecretValues(new InMemorySecretValuesSource(values, env.poc.client, null));
  }

  ImportResult importInto(StandIn prod, Path state, ProgressListener listener) throws Exception {
    try (var bundle = BundleReader.open(bundleDir)) {
      return new WorkspaceImport(prod.client, prod.server.host())
          .run(bundle, env.mapping(), importOptions(state), listener);
    }
  }

  VerifyReport verify(StandIn prod) throws Exception {
    try (var bundle = BundleReader.open(bundleDir)) {
      return new Verifier(prod.client, prod.server.host())
          .verify(
              bundle,
              env.mapping(),
              VerifyOptions.defaults().withWorkers(4).withSqlWarehouse(PocAndProd.PROD_WAREHOUSE));
    }
  }

  @Test
  void roundTripOfAllSixTypesVerifiesEqualWithTheMappingApplied() throws Exception {
    try (var prod = freshProd()) {
      var result = importInto(prod, dir.resolve("state"), ProgressListener.NONE);
      assertThat(result.failed()).isEmpty();
      for (var type : ResourceType.values()) assertThat(result.counts()).containsKey(type.folder());

      var report = verify(prod);
      assertThat(report.items().stream().filter(ItemCheck::bad).toList()).isEmpty();
      assertThat(report.clean()).isTrue();
      assertThat(report.counts().keySet())
          .containsExactlyInAnyOrder(
              "notebooks", "repos", "jobs", "secrets", "tableacls", "models");

      var state = prod.server.state();
      // the renamed user's home moved, /Shared was rewritten
      assertThat(
              state
                  .workspace()
                  .all()
                  .filter(o -> o.path().startsWith("/Users/" + PocAndProd.RENAMED_USER_TO + "/")))
          .isNotEmpty();
      assertThat(
              state
                  .workspace()
                  .all()
                  .filter(o -> o.path().startsWith("/Users/" + env.renamedUser + "/")))
          .isEmpty();
      assertThat(
              state
                  .workspace()
                  .all()
                  .filter(o ->
                      o.type() == ObjectType.NOTEBOOK
                          && o.path().startsWith("/Shared/")
                          && !o.path().startsWith("/Shared/poc")))
          .isEmpty();
      // every job: tagged with its POC id, schedules paused, no POC cluster id left
      assertThat(state.jobs().all()).hasSize(env.poc.server.state().jobs().all().size());
      for (var job : state.jobs().all()) {
        assertThat(job.settings().path("tags").has(JobSettingsMapper.POC_ID_TAG)).isTrue();
        if (job.settings().has("schedule"))
          assertThat(job.settings().path("schedule").path("pause_status").asText())
              .isEqualTo("PAUSED");
        for (var t : job.settings().path("tasks")) {
          assertThat(t.path("existing_cluster_id").asText(null))
              .as("tasks moved to job clusters")
              .isNull();
          assertThat(t.path("notebook_task").path("notebook_path").asText("/x"))
              .doesNotStartWith("/Users/" + env.renamedUser + "/");
        }
      }
      assertThat(result.pausedJobs()).isPositive();
      // secret values arrived; the Key Vault scope points at the PROD vault
      for (SecretScope s : env.poc.server.state().secrets().scopes()) {
        var target = state.secrets().scope(s.name()).orElseThrow();
        if (s.backend().equals(SecretScope.DATABRICKS)) {
          env.poc
              .server
              .state()
              .secrets()
              .secrets(s.name())
              .forEach((k, v) ->
                  assertThat(state.secrets().value(s.name(), k).orElseThrow())
                      .as(s.name() + "/" + k)
                      .isEqualTo(v.value()));
        } else {
          assertThat(target.keyVaultDnsName()).isEqualTo(PocAndProd.PROD_VAULT_DNS);
        }
      }
      // grants: every POC grant is in PROD, principals renamed
      var renamed =
          env.poc.server.state().tables().all().stream()
              .map(g ->
                  g.principal().equals(env.renamedUser)
                      ? new TableGrant(
                          PocAndProd.RENAMED_USER_TO, g.actionType(), g.objectType(), g.objectKey())
                      : g)
              .toList();
      assertThat(state.tables().all()).containsAll(renamed);
      // models: same versions and stages
      for (var m : env.poc.server.state().models().models()) {
        var pocStages =
            env.poc.server.state().models().versions(m.name()).stream()
                .map(v -> v.version() + v.stage())
                .toList();
        var prodStages =
            state.models().versions(m.name()).stream().map(v -> v.version() + v.stage()).toList();
        assertThat(prodStages).isEqualTo(pocStages);
      }
    }
  }

  @Test
  void verificationReportsEachDifferenceAndMissingItem() throws Exception {
    try (var prod = freshProd()) {
      assertThat(importInto(prod, dir.resolve("state"), ProgressListener.NONE).failed()).isEmpty();
      var notebook =
          prod.server
              .state()
              .workspace()
              .all()
              .filter(o -> o.type() == ObjectType.NOTEBOOK)
              .findFirst()
              .orElseThrow();
      prod.server
          .state()
          .workspace()
          .putNotebook(
              notebook.path(),
              notebook.language(),
              Content.of("print('changed in PROD')".getBytes()));
      long job = prod.server.state().jobs().all().getFirst().jobId();
      prod.client.jobs().delete(job);

      var report = verify(prod);
      assertThat(report.clean()).isFalse();
      assertThat(report.items())
          .anySatisfy(i -> {
            assertThat(i.target()).isEqualTo(notebook.path());
            assertThat(i.status()).isEqualTo(ItemCheck.Status.MISMATCH);
            assertThat(i.differences().getFirst()).contains("source differs");
          });
      assertThat(report.items())
          .anySatisfy(i -> {
            assertThat(i.type()).isEqualTo("jobs");
            assertThat(i.status()).isEqualTo(ItemCheck.Status.MISSING);
          });
      assertThat(report.problems()).isEqualTo(2);
      assertThat(report.text())
          .contains("2 item(s) differ or are missing")
          .contains(notebook.path());
    }
  }

  @Test
  void aSecondImportCreatesNoDuplicates() throws Exception {
    try (var prod = freshProd()) {
      importInto(prod, dir.resolve("first"), ProgressListener.NONE);
      var before = ProdFingerprint.of(prod.server.state());
      // a new state directory: nothing is skipped by the journal, everything is found in the target
      var second = importInto(prod, dir.resolve("second"), ProgressListener.NONE);
      assertThat(second.failed()).isEmpty();
      assertThat(second.total(ImportOutcome.CREATED))
          .as("nothing created twice")
          .isEqualTo(
              second
                  .counts()
                  .getOrDefault("tableacls", Map.of())
                  .getOrDefault(ImportOutcome.CREATED, 0L));
      assertThat(second.counts().get("jobs"))
          .containsEntry(ImportOutcome.OVERWRITTEN, (long) prod.server.state().jobs().all().size());
      assertThat(second.counts().get("models")).containsOnlyKeys(ImportOutcome.SKIPPED);
      assertThat(ProdFingerprint.of(prod.server.state())).isEqualTo(before);
    }
  }

  @Test
  void anImportKilledAtRandomPointsAndResumedEndsLikeAnUninterruptedOne() throws Exception {
    List<String> reference;
    try (var clean = freshProd()) {
      importInto(clean, dir.resolve("clean"), ProgressListener.NONE);
      reference = ProdFingerprint.of(clean.server.state());
    }
    var random = new Random(4);
    try (var prod = freshProd()) {
      Path state = dir.resolve("killed");
      for (int kill = 0; kill < 3; kill++) {
        int at = 5 + random.nextInt(60);
        var done = new AtomicInteger();
        ProgressListener killer =
            new ProgressListener() {
              @Override
              public void itemDone(
                  ResourceType type, String id, ItemStatus status, boolean resumed) {
                if (!resumed && done.incrementAndGet() == at)
                  throw new IllegalStateException("killed after " + at + " items");
              }
            };
        assertThatThrownBy(() -> importInto(prod, state, killer)).hasMessageContaining("killed");
      }
      var finished = importInto(prod, state, ProgressListener.NONE);
      assertThat(finished.failed()).isEmpty();
      assertThat(finished.resumed()).isPositive();
      assertThat(ProdFingerprint.of(prod.server.state())).isEqualTo(reference);
      assertThat(verify(prod).clean()).isTrue();
    }
  }

  @Test
  void aDryRunWritesNothingAndSaysWhatWouldHappen() throws Exception {
    try (var prod = freshProd()) {
      importInto(prod, dir.resolve("done"), ProgressListener.NONE);
      try (var bundle = BundleReader.open(bundleDir)) {
        var again =
            new WorkspaceImport(prod.client, prod.server.host())
                .run(
                    bundle,
                    env.mapping(),
                    importOptions(dir.resolve("dry-again")).withDryRun(true),
                    ProgressListener.NONE);
        assertThat(again.dryRun()).isTrue();
        assertThat(again.counts().get("jobs")).containsOnlyKeys(ImportOutcome.OVERWRITTEN);
        assertThat(again.counts().get("models")).containsOnlyKeys(ImportOutcome.SKIPPED);
        assertThat(ImportReportText.render(again))
            .contains("Dry run (nothing was written)")
            .contains("would create 0");
      }
    }
    try (var prod = freshProd()) {
      var before = ProdFingerprint.of(prod.server.state());
      prod.server.requestLog().reset();
      try (var bundle = BundleReader.open(bundleDir)) {
        var dry =
            new WorkspaceImport(prod.client, prod.server.host())
                .run(
                    bundle,
                    env.mapping(),
                    importOptions(dir.resolve("dry3")).withDryRun(true),
                    ProgressListener.NONE);
        assertThat(dry.total(ImportOutcome.CREATED)).isPositive();
        assertThat(dry.report()).isNull();
      }
      assertThat(ProdFingerprint.of(prod.server.state())).isEqualTo(before);
      for (var g :
          List.of(
              EndpointGroup.WORKSPACE_IMPORT,
              EndpointGroup.WORKSPACE_WRITE,
              EndpointGroup.REPOS_WRITE,
              EndpointGroup.JOBS_CREATE,
              EndpointGroup.JOBS_WRITE,
              EndpointGroup.SECRETS_WRITE,
              EndpointGroup.PERMISSIONS_WRITE,
              EndpointGroup.DBFS)) {
        assertThat(prod.server.requestLog().receivedByGroup().getOrDefault(g, 0L))
            .as(g.name())
            .isZero();
      }
      assertThat(dir.resolve("dry3").resolve("import-journal.ndjson")).doesNotExist();
    }
  }
}
