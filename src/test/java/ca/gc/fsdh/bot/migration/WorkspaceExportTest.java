package ca.gc.fsdh.bot.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.BundleManifest;
import ca.gc.fsdh.bot.migration.bundle.ExportJournal;
import ca.gc.fsdh.bot.migration.bundle.JournalEntry;
import ca.gc.fsdh.bot.migration.client.RateLimitGroup;
import ca.gc.fsdh.bot.migration.client.RateLimits;
import ca.gc.fsdh.bot.migration.item.ItemStatus;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.notebooks.WorkspaceLayout;
import ca.gc.fsdh.bot.migration.secrets.InMemorySecretValues;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.NotebookFormat;
import ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FaultRates;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import ca.gc.fsdh.bot.tools.sandbox.databricks.WorkspaceObject;
import com.databricks.sdk.service.workspace.Language;
import com.databricks.sdk.service.workspace.ObjectType;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export through the real SDK from the Databricks stand-in, compared with the stand-in's state. */
class WorkspaceExportTest {
  // Types the stand-in serves so far (secrets, SQL grants, MLflow and permissions are being built).
  static final Set<ResourceType> SERVED =
      EnumSet.of(ResourceType.NOTEBOOKS, ResourceType.REPOS, ResourceType.JOBS);

  @TempDir Path out;

  static ExportOptions options() {
    return ExportOptions.allTypes().withTypes(SERVED).withPermissions(false).withWorkers(4);
  }

  static StandIn standIn(FakeDatabricksOptions.Builder b) {
    return standIn(b, RateLimits.defaults());
  }

  static StandIn standIn(FakeDatabricksOptions.Builder b, RateLimits clientLimits) {
    var s = new StandIn(b.build(), clientLimits);
    SampleWorkspace.seed(s.server.state(), SampleSpec.small());
    return s;
  }

  static List<JournalEntry> journal(Path bundle) throws Exception {
    var entries = new ArrayList<JournalEntry>();
    ExportJournal.forEach(bundle.resolve(ExportJournal.FILE), entries::add);
    return entries;
  }

  static List<WorkspaceObject> exportable(StandIn s) {
    return s.server
        .state()
        .workspace()
        .all()
        .filter(o -> o.type() == ObjectType.NOTEBOOK || o.type() == ObjectType.FILE)
        .filter(o -> !o.path().contains("/Trash/"))
        .filter(o -> o.content().size() <= 10 * 1024 * 1024)
        .filter(o -> !o.path().startsWith("/Repos/"))
        .toList();
  }

  /** Where a notebook (source format) or workspace file lands in the bundle. */
  static String bundleFile(WorkspaceObject o) {
    return o.type() == ObjectType.NOTEBOOK
        ? WorkspaceLayout.notebookFile(
            o.path(), Language.valueOf(o.language().name()), NotebookFormat.SOURCE)
        : WorkspaceLayout.workspaceFile(o.path());
  }

  @Nested
  class Contents {
    @Test
    void notebooksAndFilesAreByteForByteWhatTheWorkspaceHolds() throws Exception {
      try (var s = standIn(FakeDatabricksOptions.builder().noRateLimits())) {
        var result =
            new WorkspaceExport(s.client, s.server.host())
                .run(out, options(), ProgressListener.NONE);

        var objects = exportable(s);
        assertThat(objects).hasSizeGreaterThan(40);
        for (WorkspaceObject o : objects) {
          String file = bundleFile(o);
          assertThat(Files.readAllBytes(out.resolve(file.substring(0))))
              .as(o.path())
              .isEqualTo(o.content().bytes());
        }
        var counts = result.manifest().counts().get("notebooks");
        long dirs =
            s.server
                .state()
                .workspace()
                .all()
                .filter(o -> o.type() == ObjectType.DIRECTORY)
                .filter(o -> !o.path().contains("/Trash") && !o.path().equals("/"))
                .count();
        assertThat(counts.exported()).isEqualTo(objects.size() + dirs);
        assertThat(counts.failed()).isZero();
        assertThat(result.manifest().skipped())
            .extracting(BundleManifest.Item::id)
            .contains(SampleWorkspace.HUGE_NOTEBOOK)
            .anyMatch(id -> id.endsWith("/Trash"));
        assertThat(result.manifest().skipped())
            .filteredOn(i -> i.id().equals(SampleWorkspace.HUGE_NOTEBOOK))
            .singleElement()
            .extracting(BundleManifest.Item::reason)
            .asString()
            .contains("10 MB");
        assertThat(Files.walk(out).map(Path::toString)).noneMatch(p -> p.contains("/Trash/"));
      }
    }

    @Test
    void everyRepoOfEveryPageWithItsGitCoordinates() throws Exception {
      try (var s = standIn(FakeDatabricksOptions.builder().noRateLimits())) {
        new WorkspaceExport(s.client, s.server.host())
            .run(out, options().withTypes(EnumSet.of(ResourceType.REPOS)), ProgressListener.NONE);
        var repos = s.server.state().repos().all();
        assertThat(repos).hasSizeGreaterThan(20);
        for (var r : repos) {
          JsonNode j =
              BundleJson.MAPPER.readTree(out.resolve("repos/" + r.id() + ".json").toFile());
          assertThat(j.get("url").asText()).isEqualTo(r.url());
          assertThat(j.get("provider").asText()).isEqualTo(r.provider());
          assertThat(j.get("branch").asText()).isEqualTo(r.branch());
          assertThat(j.get("path").asText()).isEqualTo(r.path());
          assertThat(j.get("headCommitId").asText()).isEqualTo(r.headCommitId());
        }
        assertThat(Files.readAllLines(out.resolve("repos/index.jsonl"))).hasSize(repos.size());
      }
    }

    @Test
    void jobsWithEveryTaskEvenBeyondAHundred() throws Exception {
      try (var s = standIn(FakeDatabricksOptions.builder().noRateLimits())) {
        new WorkspaceExport(s.client, s.server.host())
            .run(out, options().withTypes(EnumSet.of(ResourceType.JOBS)), ProgressListener.NONE);
        var jobs = s.server.state().jobs().all();
        assertThat(jobs).anyMatch(j -> j.taskCount() > 100);
        for (var job : jobs) {
          JsonNode j =
              BundleJson.MAPPER.readTree(out.resolve("jobs/" + job.jobId() + ".json").toFile());
          JsonNode settings = j.get("settings");
          assertThat(settings.get("name").asText()).isEqualTo(job.name());
          assertThat(settings.get("tasks"))
              .as("tasks of job " + job.jobId())
              .hasSize(job.taskCount());
          var expectedKeys = new ArrayList<String>();
          job.settings().get("tasks").forEach(t -> expectedKeys.add(t.get("task_key").asText()));
          var actualKeys = new ArrayList<String>();
          settings.get("tasks").forEach(t -> actualKeys.add(t.get("task_key").asText()));
          assertThat(actualKeys).containsExactlyInAnyOrderElementsOf(expectedKeys);
        }
        assertThat(Files.readString(out.resolve("manual/jobs-on-all-purpose-clusters.json")))
            .contains(SampleWorkspace.SHARED_CLUSTER_ID);
      }
    }

    @Test
    void manualListsClustersWithTheirConfiguration() throws Exception {
      try (var s = standIn(FakeDatabricksOptions.builder().noRateLimits())) {
        new WorkspaceExport(s.client, s.server.host())
            .run(out, options().withTypes(EnumSet.of(ResourceType.REPOS)), ProgressListener.NONE);
        assertThat(Files.readString(out.resolve("manual/clusters.json")))
            .contains(SampleWorkspace.CONDA_CLUSTER_ID);
        assertThat(Files.readString(out.resolve("manual/instance-pools.json")))
            .contains(SampleWorkspace.POOL_ID);
        assertThat(Files.readString(out.resolve("manual/cluster-policies.json")))
            .contains(SampleWorkspace.POLICY_ID);
        assertThat(Files.readString(out.resolve("manual/README.txt"))).contains("conda");
      }
    }
  }

  /** All six types, permissions on, values read through command execution and held in memory. */
  static ExportOptions everything() {
    return AllTypesExportTest.everything(new InMemorySecretValues());
  }

  /** The per-item call that only the export of that item makes, to count it on the wire. */
  static Optional<String> itemCall(JournalEntry e) {
    JsonNode r = e.record();
    return switch (e.type()) {
      case NOTEBOOKS ->
          r.get("objectType").asText().equals("DIRECTORY")
              ? Optional.of(
                  "GET /api/2.0/permissions/directories/" + r.get("objectId").asText() + "?")
              : Optional.of("GET /api/2.0/workspace/export?" + e.id());
      case REPOS -> Optional.of("GET /api/2.0/permissions/repos/" + e.id() + "?");
      case JOBS -> Optional.of("GET /api/2.0/permissions/jobs/" + e.id() + "?");
      case SECRETS -> Optional.of("GET /api/2.0/secrets/list?" + e.id());
      case MODELS ->
          r.has("artifact_uri")
              ? Optional.of("GET /api/2.0/mlflow/model-versions/get-download-uri?" + e.id())
              : Optional.of(
                  "GET /api/2.0/permissions/registered-models/" + r.get("id").asText() + "?");
      case TABLE_ACLS ->
          Optional.empty(); // statements go in POST bodies; the journal check covers them
    };
  }

  @Nested
  class Resume {
    @Test
    void anExportOfAllSixTypesKilledHalfWayAndRunAgainExportsEachItemExactlyOnce()
        throws Exception {
      try (var s = standIn(FakeDatabricksOptions.builder().noRateLimits())) {
        var done = new AtomicInteger();
        ProgressListener killer =
            new ProgressListener() {
              @Override
              public void itemDone(
                  ResourceType type, String id, ItemStatus status, boolean resumed) {
                if (done.incrementAndGet() == 60)
                  throw new IllegalStateException("killed after 60 items");
              }
            };
        var export = new WorkspaceExport(s.client, s.server.host());
        assertThatThrownBy(() -> export.run(out, everything(), killer))
            .hasMessageContaining("killed");
        var firstRun = journal(out);
        assertThat(firstRun).hasSizeBetween(60, 120);
        assertThat(firstRun.stream().map(JournalEntry::type).distinct().count())
            .as("several types were under way")
            .isGreaterThanOrEqualTo(4);
        assertThat(out.resolve(BundleManifest.FILE)).doesNotExist();

        var resumedItems = new AtomicInteger();
        ProgressListener counting =
            new ProgressListener() {
              @Override
              public void itemDone(
                  ResourceType type, String id, ItemStatus status, boolean resumed) {
                if (resumed) resumedItems.incrementAndGet();
              }
            };
        var result = export.run(out, everything(), counting);
        assertThat(result.resumed())
            .isEqualTo((int) firstRun.stream().filter(e -> e.status().isFinal()).count());
        assertThat(resumedItems.get()).isEqualTo(result.resumed());

        Map<String, Integer> finals = new HashMap<>();
        for (var e : journal(out)) if (e.status().isFinal()) finals.merge(e.key(), 1, Integer::sum);
        assertThat(finals.values()).as("one final journal entry per item").containsOnly(1);
        int checked = 0;
        for (var e : firstRun) {
          if (e.status() != ItemStatus.EXPORTED) continue;
          var call = itemCall(e);
          if (call.isEmpty()) continue;
          assertThat(s.calls(call.get()))
              .as("finished in run 1, never exported again: " + call.get())
              .isEqualTo(1);
          checked++;
        }
        assertThat(checked).isGreaterThan(30);
        for (WorkspaceObject o : exportable(s)) {
          assertThat(s.exportsOf(o.path()))
              .as(o.path())
              .isBetween(1L, 2L); // 2 only if in flight at the kill
        }
        assertThat(result.manifest().totalFailed()).isZero();
        var reference = Files.createTempDirectory("fsdh-ref-");
        var clean =
            new WorkspaceExport(s.client, s.server.host())
                .run(reference, everything(), ProgressListener.NONE);
        assertThat(result.manifest().counts()).isEqualTo(clean.manifest().counts());
        var contentSums = new HashMap<>(result.manifest().checksums());
        var referenceSums = new HashMap<>(clean.manifest().checksums());
        for (var m : List.of(contentSums, referenceSums)) {
          m.keySet()
              .removeIf(k ->
                  k.endsWith("index.jsonl")
                      || k.equals("journal.ndjson")
                      || k.equals("report.jsonl"));
        }
        assertThat(contentSums.keySet())
            .anyMatch(k -> k.startsWith("models/"))
            .anyMatch(k -> k.startsWith("tableacls/"))
            .anyMatch(k -> k.startsWith("secrets/"))
            .anyMatch(k -> k.startsWith("jobs/"));
        assertThat(contentSums).isEqualTo(referenceSums);
      }
    }
  }

  @Nested
  class Faults {
    @Test
    void under429StormsAndServerErrorsAllSixTypesCompleteAndTheReportIsExact() throws Exception {
      var b =
          FakeDatabricksOptions.builder()
              .retryAfterSeconds(1)
              .faults(new FaultRates(0.03, 0.02, 0.01, 7));
      // the client does not pace at all and the server allows 20/s per group: 429 storms
      for (var g : EndpointGroup.values()) {
        if (g.defaultPerSecond() > 0) b.rateLimit(g, 20);
      }
      var unpaced = new EnumMap<RateLimitGroup, Double>(RateLimitGroup.class);
      for (var g : RateLimitGroup.values()) unpaced.put(g, 0.0);
      try (var s = standIn(b, new RateLimits(unpaced, 1))) {
        var values = new InMemorySecretValues();
        var result =
            new WorkspaceExport(s.client, s.server.host())
                .run(out, AllTypesExportTest.everything(values), ProgressListener.NONE);
        var log = s.server.requestLog();
        assertThat(log.totalThrottled()).as("429s happened").isPositive();
        assertThat(result.manifest().failed()).isEmpty();
        var objects = exportable(s);
        for (WorkspaceObject o : objects) {
          String file = bundleFile(o);
          assertThat(Files.readAllBytes(out.resolve(file)))
              .as(o.path())
              .isEqualTo(o.content().bytes());
        }
        var state = s.server.state();
        var counts = result.manifest().counts();
        assertThat(counts.get("repos").exported()).isEqualTo(state.repos().size());
        assertThat(counts.get("jobs").exported()).isEqualTo(state.jobs().size());
        assertThat(counts.get("secrets").exported()).isEqualTo(state.secrets().scopes().size());
        assertThat(counts.get("tableacls").exported())
            .isEqualTo(state.tables().databases().size() + 1);
        assertThat(counts.get("models").exported())
            .isEqualTo(
                state.models().models().size()
                    + state.models().models().stream()
                        .mapToLong(m -> state.models().versions(m.name()).size())
                        .sum());
        for (var scope : state.secrets().scopes()) {
          state
              .secrets()
              .secrets(scope.name())
              .forEach((k, v) -> {
                if (!scope.keyVaultBacked())
                  assertThat(values.scope(scope.name()).get(k)).as(k).isEqualTo(v.value());
              });
        }
        assertThat(Files.readAllLines(result.report()))
            .hasSize(
                (int)
                    counts.values().stream()
                        .mapToLong(c -> c.exported() + c.skipped() + c.failed())
                        .sum());
        values.clear();
      }
    }
  }
}
