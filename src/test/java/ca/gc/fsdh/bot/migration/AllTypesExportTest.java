package ca.gc.fsdh.bot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.item.ItemStatus;
import ca.gc.fsdh.bot.migration.item.ProgressListener;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.models.ModelExporter;
import ca.gc.fsdh.bot.migration.secrets.InMemorySecretValues;
import ca.gc.fsdh.bot.migration.secrets.LeadKey;
import ca.gc.fsdh.bot.migration.secrets.OpenPgpSecretSink;
import ca.gc.fsdh.bot.migration.secrets.SecretScopeExporter;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.SecretValueSink;
import ca.gc.fsdh.bot.tools.sandbox.databricks.AclEntry;
import ca.gc.fsdh.bot.tools.sandbox.databricks.DbfsStore;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.RegisteredModel;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SecretScope;
import ca.gc.fsdh.bot.tools.sandbox.databricks.WorkspaceState;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.StatementState;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * All six types, object permissions on, secret values read through command execution, grants
 * through SQL statements: each exported through the real SDK and compared with what the stand-in
 * holds. One export serves every test (the sample is small, the bundle is only read).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllTypesExportTest {
  /**
   * More than one page of every paged list: repos (20 a page), jobs (20), models (100); enough
   * grants for views among the tables.
   */
  static final SampleSpec SPEC = SampleSpec.small().toBuilder().models(105, 2).grants(200).build();

  StandIn s;
  Path out;
  InMemorySecretValues values = new InMemorySecretValues();
  WorkspaceExport.Result result;
  final Map<ResourceType, AtomicLong> found = new ConcurrentHashMap<>();
  final Map<ResourceType, AtomicLong> done = new ConcurrentHashMap<>();
  final AtomicBoolean doneAheadOfFound = new AtomicBoolean();
  final ProgressListener progress =
      new ProgressListener() {
        @Override
        public void discovered(ResourceType type, long total) {
          found.computeIfAbsent(type, t -> new AtomicLong()).accumulateAndGet(total, Math::max);
        }

        @Override
        public void itemDone(ResourceType type, String id, ItemStatus status, boolean resumed) {
          long d = done.computeIfAbsent(type, t -> new AtomicLong()).incrementAndGet();
          var f = found.get(type);
          if (f == null || d > f.get()) doneAheadOfFound.set(true);
        }
      };

  static ExportOptions everything(SecretValueSink sink) {
    return ExportOptions.allTypes()
        .withSecretsCluster(SampleWorkspace.MIGRATION_CLUSTER_ID, sink)
        .withSqlWarehouse(SampleWorkspace.WAREHOUSE_ID)
        .withWorkers(4)
        .withPermissions(true);
  }

  @BeforeAll
  void exportEverything() throws Exception {
    s = new StandIn(FakeDatabricksOptions.builder().noRateLimits().build());
    SampleWorkspace.seed(s.server.state(), SPEC);
    out = Files.createTempDirectory("fsdh-all-");
    result = new WorkspaceExport(s.client, s.server.host()).run(out, everything(values), progress);
  }

  @AfterAll
  void close() {
    values.clear();
    s.close();
  }

  WorkspaceState state() {
    return s.server.state();
  }

  JsonNode json(String file) throws Exception {
    return BundleJson.MAPPER.readTree(out.resolve(file).toFile());
  }

  @Test
  void nothingFailedAndEveryTypeIsInTheManifest() {
    assertThat(result.manifest().failed()).isEmpty();
    assertThat(result.optionProblems()).isEmpty();
    assertThat(result.manifest().counts().keySet())
        .containsExactlyInAnyOrder("notebooks", "repos", "jobs", "secrets", "tableacls", "models");
    result.manifest().counts().forEach((t, c) -> assertThat(c.exported()).as(t).isPositive());
    assertThat(result.manifest().secretValues()).isEqualTo("IN_MEMORY");
  }

  @Test
  void progressNeverShowsMoreDoneThanFoundAndEndsWithBothEqual() {
    assertThat(doneAheadOfFound).isFalse();
    for (ResourceType t : ResourceType.values()) {
      assertThat(done.get(t).get()).as(t.folder()).isEqualTo(found.get(t).get());
    }
    long reported =
        result.manifest().counts().values().stream()
            .mapToLong(c -> c.exported() + c.skipped() + c.failed())
            .sum();
    assertThat(done.values().stream().mapToLong(AtomicLong::get).sum()).isEqualTo(reported);
  }

  @Test
  void secretScopesWithKeysAclsAndBackendAndValuesHeldInMemoryEqualToTheWorkspace()
      throws Exception {
    var store = state().secrets();
    assertThat(result.manifest().counts().get("secrets").exported())
        .isEqualTo(store.scopes().size());
    int valuesCompared = 0;
    for (SecretScope scope : store.scopes()) {
      JsonNode j = json(SecretScopeExporter.scopeFile(scope.name()));
      assertThat(j.get("backend").asText()).isEqualTo(scope.backend());
      Map<String, Long> keys = new TreeMap<>();
      j.get("keys")
          .forEach(k -> keys.put(k.get("key").asText(), k.get("lastUpdatedTimestamp").asLong()));
      Map<String, Long> expectedKeys = new TreeMap<>();
      store.secrets(scope.name()).forEach((k, v) -> expectedKeys.put(k, v.lastUpdated()));
      assertThat(keys).as(scope.name()).isEqualTo(expectedKeys);
      Map<String, String> acls = new TreeMap<>();
      j.get("acls")
          .forEach(a -> acls.put(a.get("principal").asText(), a.get("permission").asText()));
      assertThat(acls).as(scope.name()).isEqualTo(new TreeMap<>(store.acls(scope.name())));
      if (scope.keyVaultBacked()) {
        assertThat(j.get("values").asText()).isEqualTo("IN_KEY_VAULT");
        assertThat(j.get("keyVault").get("dnsName").asText()).isEqualTo(scope.keyVaultDnsName());
        assertThat(j.get("keyVault").get("resourceId").asText())
            .isEqualTo(scope.keyVaultResourceId());
        assertThat(values.scope(scope.name())).isEmpty();
        continue;
      }
      assertThat(j.get("values").asText()).isEqualTo("IN_MEMORY");
      var held = values.scope(scope.name());
      assertThat(held.keySet()).isEqualTo(expectedKeys.keySet());
      for (String key : expectedKeys.keySet()) {
        assertThat(held.get(key))
            .as(scope.name() + "/" + key)
            .isEqualTo(store.value(scope.name(), key).orElseThrow());
        valuesCompared++;
      }
    }
    assertThat(valuesCompared).isEqualTo(SPEC.scopes() * SPEC.keysPerScope());
    assertNoValueIsOnDisk(out);
  }

  /** Not one secret value (nor its base64) in any file of the bundle. */
  void assertNoValueIsOnDisk(Path bundle) throws Exception {
    var needles = new ArrayList<String>();
    for (SecretScope scope : state().secrets().scopes()) {
      state()
          .secrets()
          .secrets(scope.name())
          .values()
          .forEach(v -> {
            needles.add(new String(v.value(), StandardCharsets.ISO_8859_1));
            needles.add(Base64.getEncoder().encodeToString(v.value()));
          });
    }
    try (Stream<Path> files = Files.walk(bundle)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String n : needles) assertThat(text).as(f.toString()).doesNotContain(n);
      }
    }
  }

  @Test
  void secretValuesEncryptedToTheLeadsKeyDecryptToTheWorkspaceValues() throws Exception {
    var lead = new LeadKey();
    Path key = lead.writePublic(Files.createTempFile("lead", ".asc"));
    Path bundle = Files.createTempDirectory("fsdh-offboard-");
    var options =
        everything(OpenPgpSecretSink.fromKeyFile(key)).withTypes(Set.of(ResourceType.SECRETS));
    var r =
        new WorkspaceExport(s.client, s.server.host()).run(bundle, options, ProgressListener.NONE);
    assertThat(r.manifest().failed()).isEmpty();
    assertThat(r.manifest().secretValues()).isEqualTo("OPENPGP");
    var store = state().secrets();
    int scopes = 0;
    for (SecretScope scope : store.scopes()) {
      if (scope.keyVaultBacked()) continue;
      JsonNode j =
          BundleJson.MAPPER.readTree(
              bundle.resolve(SecretScopeExporter.scopeFile(scope.name())).toFile());
      assertThat(j.get("values").asText()).isEqualTo("OPENPGP");
      byte[] clear = lead.decrypt(Files.readAllBytes(bundle.resolve(j.get("valuesFile").asText())));
      JsonNode decrypted = BundleJson.MAPPER.readTree(clear);
      Map<String, byte[]> expected = new HashMap<>();
      store.secrets(scope.name()).forEach((k, v) -> expected.put(k, v.value()));
      assertThat(decrypted.size()).isEqualTo(expected.size());
      expected.forEach((k, v) ->
          assertThat(Base64.getDecoder().decode(decrypted.get(k).asText())).as(k).isEqualTo(v));
      scopes++;
    }
    assertThat(scopes).isEqualTo(SPEC.scopes());
    assertNoValueIsOnDisk(bundle);
  }

  @Test
  void grantsReplayedOnACatalogWithTheSameTablesGiveTheSameGrantStore() throws Exception {
    var source = state().tables();
    assertThat(source.all())
        .extracting(g -> g.objectType())
        .contains("CATALOG$", "ANY_FILE", "ANONYMOUS_FUNCTION", "DATABASE", "TABLE");
    assertThat(source.all())
        .extracting(g -> g.actionType())
        .contains("OWN")
        .anyMatch(a -> a.startsWith("DENIED_"));
    assertThat(source.all())
        .anyMatch(g ->
            g.actionType().equals("OWN")
                && source
                    .tables(g.objectKey().split("\\.")[0])
                    .getOrDefault(g.objectKey().replaceFirst("^[^.]*\\.", ""), "")
                    .equals("VIEW"));

    try (var target = new StandIn(FakeDatabricksOptions.builder().noRateLimits().build())) {
      var t = target.server.state();
      SampleWorkspace.seed(
          t,
          SampleSpec.builder()
              .notebooks(0)
              .folders(1)
              .files(0)
              .jobs(0, 0)
              .repos(0)
              .secrets(0, 0)
              .grants(0)
              .models(0, 1)
              .hugeNotebook(false)
              .build());
      for (String db : source.databases()) {
        t.tables().createDatabase(db);
        source
            .tables(db)
            .forEach((table, kind) -> t.tables().createTable(db, table, kind.equals("VIEW")));
      }
      assertThat(t.tables().all()).isEmpty();
      int statements = 0;
      try (Stream<Path> files = Files.list(out.resolve("tableacls"))) {
        for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".sql"))::iterator) {
          for (String line : Files.readAllLines(f)) {
            if (line.isBlank() || line.startsWith("--")) continue;
            var r =
                target
                    .client
                    .statementExecution()
                    .executeStatement(
                        new ExecuteStatementRequest()
                            .setWarehouseId(SampleWorkspace.WAREHOUSE_ID)
                            .setStatement(line));
            assertThat(r.getStatus().getState())
                .as(line + " " + r.getStatus().getError())
                .isEqualTo(StatementState.SUCCEEDED);
            statements++;
          }
        }
      }
      assertThat(new HashSet<>(t.tables().all())).isEqualTo(new HashSet<>(source.all()));
      // SHOW GRANTS prints views as TABLE; ALTER TABLE is refused on a view by Databricks
      for (String db : source.databases()) {
        String sql = Files.readString(out.resolve("tableacls/" + db + ".sql"));
        source
            .tables(db)
            .forEach((table, kind) -> {
              if (kind.equals("VIEW"))
                assertThat(sql).doesNotContain("TABLE `" + db + "`.`" + table + "`");
            });
      }
      assertThat(statements).isEqualTo(source.all().size());
    }
    assertThat(result.manifest().counts().get("tableacls").exported())
        .isEqualTo(source.databases().size() + 1);
  }

  @Test
  void modelsWithEveryVersionStageTagAndArtifactByteForByte() throws Exception {
    var registry = state().models();
    assertThat(registry.models()).hasSizeGreaterThan(100);
    int artifacts = 0;
    for (RegisteredModel m : registry.models()) {
      String dir = ModelExporter.folder(m.name());
      JsonNode model = json(dir + "/model.json");
      assertThat(model.get("description").asText()).isEqualTo(m.description());
      assertThat(tags(model.get("tags"))).as(m.name()).isEqualTo(m.tags());
      var versions = registry.versions(m.name());
      assertThat(model.get("versions")).hasSize(versions.size());
      for (var v : versions) {
        JsonNode record = json(dir + "/" + v.version() + "/version.json");
        JsonNode version = record.get("version");
        assertThat(version.get("current_stage").asText())
            .as(m.name() + " v" + v.version())
            .isEqualTo(v.stage());
        assertThat(version.get("run_id").asText()).isEqualTo(v.runId());
        assertThat(version.get("source").asText()).isEqualTo(v.source());
        assertThat(tags(version.get("tags"))).isEqualTo(v.tags());
        var expected =
            dbfsFiles(
                state().dbfs(),
                DbfsStore.normalize(v.storageLocation().replaceFirst("^dbfs:", "")));
        assertThat(expected).isNotEmpty();
        assertThat(record.get("artifacts")).hasSize(expected.size());
        for (var e : expected.entrySet()) {
          Path file = out.resolve(dir + "/" + v.version() + "/artifacts" + e.getKey());
          assertThat(Files.readAllBytes(file)).as(file.toString()).isEqualTo(e.getValue());
          artifacts++;
        }
      }
    }
    assertThat(artifacts).isGreaterThan(4 * 200);
    assertThat(result.manifest().counts().get("models").exported())
        .isEqualTo(
            registry.models().size()
                + registry.models().stream()
                    .mapToLong(m -> registry.versions(m.name()).size())
                    .sum());
  }

  static Map<String, String> tags(JsonNode tags) {
    Map<String, String> out = new HashMap<>();
    if (tags != null) tags.forEach(t -> out.put(t.get("key").asText(), t.get("value").asText()));
    return out;
  }

  /** Every file under a DBFS folder: path relative to it, bytes. */
  static Map<String, byte[]> dbfsFiles(DbfsStore dbfs, String root) {
    Map<String, byte[]> files = new TreeMap<>();
    for (var e : dbfs.list(root)) {
      if (e.directory()) {
        dbfsFiles(dbfs, e.path())
            .forEach((k, v) -> files.put(e.path().substring(root.length()) + k, v));
      } else {
        files.put(e.path().substring(root.length()), dbfs.read(e.path()).orElseThrow());
      }
    }
    return files;
  }

  @Test
  void objectPermissionsAreTheDirectOnesWithoutInheritedEntries() throws Exception {
    var perms = state().permissions();
    int withDirect = 0;
    int underAFolderWithDirect = 0;
    for (String line : Files.readAllLines(out.resolve("notebooks/index.jsonl"))) {
      JsonNode item = BundleJson.MAPPER.readTree(line).get("record");
      String kind =
          switch (item.get("objectType").asText()) {
            case "DIRECTORY" -> "directories";
            case "NOTEBOOK" -> "notebooks";
            default -> "files";
          };
      var expected = expected(perms.direct(kind, item.get("objectId").asText()));
      assertThat(entries(item.get("permissions")))
          .as(item.get("path").asText())
          .isEqualTo(expected);
      if (!expected.isEmpty()) withDirect++;
      if (hasDirectAbove(item.get("path").asText())) underAFolderWithDirect++;
    }
    assertThat(withDirect).isGreaterThan(5);
    assertThat(underAFolderWithDirect)
        .as("objects that inherit entries, which must be dropped")
        .isGreaterThan(5);
    for (var job : state().jobs().all()) {
      assertThat(entries(json("jobs/" + job.jobId() + ".json").get("permissions")))
          .isEqualTo(expected(perms.direct("jobs", Long.toString(job.jobId()))))
          .isNotEmpty();
    }
    for (var repo : state().repos().all()) {
      assertThat(entries(json("repos/" + repo.id() + ".json").get("permissions")))
          .isEqualTo(expected(perms.direct("repos", Long.toString(repo.id()))))
          .isNotEmpty();
    }
    for (RegisteredModel m : state().models().models()) {
      assertThat(entries(json(ModelExporter.folder(m.name()) + "/model.json").get("permissions")))
          .isEqualTo(expected(perms.direct("registered-models", m.id())))
          .isNotEmpty();
    }
  }

  boolean hasDirectAbove(String path) {
    for (String p = parent(path); p != null; p = parent(p)) {
      var dir = state().workspace().get(p);
      if (dir.isPresent()
          && !state()
              .permissions()
              .direct("directories", Long.toString(dir.get().id()))
              .isEmpty()) {
        return true;
      }
    }
    return false;
  }

  static String parent(String path) {
    int i = path.lastIndexOf('/');
    return i <= 0 ? null : path.substring(0, i);
  }

  static Set<List<String>> expected(List<AclEntry> direct) {
    Set<List<String>> out = new HashSet<>();
    direct.forEach(e -> out.add(List.of(e.principalField(), e.principal(), e.level())));
    return out;
  }

  static Set<List<String>> entries(JsonNode permissions) {
    assertThat(permissions).as("permissions were read").isNotNull();
    assertThat(permissions.isNull()).as("permissions were read").isFalse();
    Set<List<String>> out = new HashSet<>();
    permissions.forEach(p ->
        out.add(
            List.of(
                p.get("principalType").asText(),
                p.get("principal").asText(),
                p.get("level").asText())));
    assertThat(out).as("no duplicate entries").hasSize(permissions.size());
    return out;
  }
}
