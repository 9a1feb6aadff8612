package ca.gc.fsdh.bot.migration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.CoreMigration;
import ca.gc.fsdh.bot.migration.bundle.BundleFinisher;
import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.BundleManifest;
import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.secrets.LeadKey;
import ca.gc.fsdh.bot.migration.secrets.OpenPgpSecretValuesSource;
import ca.gc.fsdh.bot.migration.secrets.SecretScopeExporter;
import ca.gc.fsdh.bot.migration.spi.ExportOptions;
import ca.gc.fsdh.bot.migration.spi.SecretValueSink;
import ca.gc.fsdh.bot.testing.CommandLineRun;
import ca.gc.fsdh.bot.tools.sandbox.databricks.EndpointGroup;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricks;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksConfig;
import ca.gc.fsdh.bot.tools.sandbox.databricks.FakeDatabricksOptions;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleProd;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleSpec;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SampleWorkspace;
import ca.gc.fsdh.bot.tools.sandbox.databricks.SecretScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An offboarding with the lead's public key, then import and verify with the lead's secret key into
 * fresh PROD stand-ins through the commands: real OpenPGP, the real SDK. One offboarding serves
 * every test (the bundle is only read).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GpgSecretValuesImportTest {
  @TempDir Path dir;
  FakeDatabricks poc;
  LeadKey lead;
  Path publicKey;
  Path zip;
  Path bundleDir;
  Path mapping;

  @BeforeAll
  void offboardWithTheLeadsPublicKey(@TempDir Path shared) throws Exception {
    poc = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build());
    SampleWorkspace.seed(poc.state(), SampleSpec.small());
    lead = new LeadKey();
    publicKey = lead.writePublic(shared.resolve("lead-public.asc"));
    var client = FakeDatabricksConfig.pacedClient(poc);
    var export =
        ExportOptions.allTypes()
            .withTypes(EnumSet.of(ResourceType.SECRETS))
            .withWorkers(4)
            .withSecretsCluster(SampleWorkspace.MIGRATION_CLUSTER_ID, SecretValueSink.NONE);
    var result =
        new CoreMigration()
            .offboard(
                new CoreMigration.Workspace(client, poc.host()),
                new CoreMigration.OffboardOptions(
                    shared.resolve("offboard"), "ABC", export, Optional.of(publicKey)),
                new CoreMigration.Progress() {});
    assertThat(result.bundle().failed()).isEmpty();
    zip = result.zip();
    bundleDir = shared.resolve("offboard/bundle");
    mapping = Files.writeString(shared.resolve("mapping.yaml"), SampleProd.mappingYaml());
    try (var bundle = BundleReader.open(zip)) {
      assertThat(bundle.manifest().secretValues()).isEqualTo("OPENPGP");
    }
  }

  @AfterAll
  void stop() {
    poc.close();
  }

  record Run(int exit, String out, String err) {}

  static Run run(Object command, FakeDatabricks target, Map<String, String> env, String... args) {
    var environment = new HashMap<>(env);
    environment.put("DATABRICKS_TOKEN", target.token());
    CoreCommandEnvironment.given(command, environment::get);
    var r = CommandLineRun.of(new CommandLine(command), args);
    return new Run(r.exitCode(), r.out(), r.err());
  }

  static final Map<String, String> PASSPHRASE = Map.of("FSDH_GPG_PASSPHRASE", LeadKey.PASSPHRASE);

  FakeDatabricks freshProd() {
    var prod = FakeDatabricks.start(FakeDatabricksOptions.builder().noRateLimits().build());
    SampleProd.prepare(poc.state(), prod.state());
    return prod;
  }

  Run importZip(FakeDatabricks prod, Path bundle, Map<String, String> env, String... more) {
    var args =
        new ArrayList<>(
            List.of(
                "--bundle",
                bundle.toString(),
                "--host",
                prod.host(),
                "--mapping",
                mapping.toString(),
                "--state",
                dir.resolve("state-" + System.nanoTime()).toString()));
    args.addAll(List.of(more));
    return run(new ImportCommand(), prod, env, args.toArray(String[]::new));
  }

  /** Runs {@code verify} of the zip with the lead's key, values read back on the PROD cluster. */
  Run verifyZip(FakeDatabricks prod, Path key, String... more) {
    var args =
        new ArrayList<>(
            List.of(
                "--bundle",
                zip.toString(),
                "--host",
                prod.host(),
                "--mapping",
                mapping.toString(),
                "--gpg-secret-key",
                key.toString(),
                "--target-cluster",
                SampleProd.PROD_CLUSTER,
                "--report-dir",
                dir.resolve("verify").toString()));
    args.addAll(List.of(more));
    return run(new VerifyCommand(), prod, PASSPHRASE, args.toArray(String[]::new));
  }

  List<SecretScope> databricksScopes() {
    return poc.state().secrets().scopes().stream()
        .filter(s -> s.backend().equals(SecretScope.DATABRICKS))
        .toList();
  }

  /** Every secret value of the POC, as text, to make sure none reaches an output. */
  List<String> pocValues() {
    var values = new ArrayList<String>();
    for (SecretScope s : databricksScopes())
      poc.state()
          .secrets()
          .secrets(s.name())
          .forEach((k, v) -> values.add(new String(v.value(), StandardCharsets.UTF_8)));
    return values;
  }

  static void assertOneLineWithoutStackTrace(Run r) {
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  static void assertNothingSent(FakeDatabricks prod) {
    assertThat(prod.requestLog().totalReceived()).isZero();
    assertThat(prod.state().secrets().scopes()).isEmpty();
  }

  @Test
  void theHolderOfTheSecretKeyImportsEveryValueByteForByteAndVerifyComparesThem() throws Exception {
    Path armored = lead.writeSecret(dir.resolve("lead-secret.asc"), true);
    Path binary = lead.writeSecret(dir.resolve("lead-secret.gpg"), false);
    try (var prod = freshProd()) {
      var dry =
          importZip(prod, zip, PASSPHRASE, "--gpg-secret-key", armored.toString(), "--dry-run");
      assertThat(dry.exit()).as(dry.err()).isZero();
      assertThat(dry.out()).contains("Dry run (nothing was written)");
      assertThat(prod.requestLog().receivedByGroup().getOrDefault(EndpointGroup.SECRETS_WRITE, 0L))
          .isZero();
      assertThat(prod.state().secrets().scopes()).isEmpty();

      var real = importZip(prod, zip, PASSPHRASE, "--gpg-secret-key", armored.toString());
      assertThat(real.exit()).as(real.err() + real.out()).isZero();
      assertThat(real.err()).doesNotContain("note: this bundle holds secret values");
      int scopes = 0;
      for (SecretScope s : databricksScopes()) {
        var source = poc.state().secrets().secrets(s.name());
        var target = prod.state().secrets().secrets(s.name());
        assertThat(target.keySet()).as(s.name()).isEqualTo(source.keySet()).isNotEmpty();
        source.forEach((k, v) ->
            assertThat(target.get(k).value()).as(s.name() + "/" + k).isEqualTo(v.value()));
        scopes++;
      }
      assertThat(scopes).isEqualTo(SampleSpec.small().scopes());

      var verify = verifyZip(prod, binary, "--json");
      assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
      var secretChecks = new ArrayList<String>();
      BundleJson.MAPPER
          .readTree(verify.out())
          .path("items")
          .forEach(i -> {
            if (i.path("type").asText().equals("secrets"))
              secretChecks.add(i.path("id").asText() + "=" + i.path("status").asText());
          });
      assertThat(secretChecks)
          .as("values compared, not only keys")
          .hasSize(SampleSpec.small().scopes() + 1)
          .allMatch(c -> c.endsWith("=MATCH"));

      for (String output :
          List.of(dry.out(), dry.err(), real.out(), real.err(), verify.out(), verify.err())) {
        assertThat(output).doesNotContain(LeadKey.PASSPHRASE);
        for (String v : pocValues()) assertThat(output).doesNotContain(v);
      }
    }
  }

  @Test
  void aValueChangedInTheTargetIsAMismatchNamingTheKeyOnly() throws Exception {
    Path key = lead.writeSecret(dir.resolve("lead-secret.asc"), true);
    try (var prod = freshProd()) {
      assertThat(importZip(prod, zip, PASSPHRASE, "--gpg-secret-key", key.toString()).exit())
          .isZero();
      var scope = databricksScopes().getFirst().name();
      String key0 = prod.state().secrets().secrets(scope).keySet().iterator().next();
      prod.state().secrets().put(scope, key0, "changed-in-prod".getBytes(StandardCharsets.UTF_8));
      var verify = verifyZip(prod, key);
      assertThat(verify.exit()).isEqualTo(1);
      assertThat(verify.out())
          .contains("value of key " + key0 + " differs")
          .doesNotContain("changed-in-prod");
    }
  }

  @Test
  void aKeyThatIsNotTheRecipientsSaysWhichKeyIsNeededAndWritesNothing() throws Exception {
    var other = new LeadKey();
    Path wrong = other.writeSecret(dir.resolve("other-secret.asc"), true);
    try (var prod = freshProd()) {
      var r = importZip(prod, zip, PASSPHRASE, "--gpg-secret-key", wrong.toString());
      assertThat(r.exit()).isEqualTo(GpgSecretKeyOptions.BAD_SECRET_KEY);
      assertOneLineWithoutStackTrace(r);
      assertThat(r.err())
          .contains("nothing was imported")
          .containsPattern("secrets/values/[^ ]+\\.json\\.gpg is encrypted to key " + lead.keyId())
          .contains(wrong.toString() + " does not hold (it holds " + other.keyId());
      assertNothingSent(prod);
    }
  }

  @Test
  void aWrongOrMissingPassphraseIsAClearErrorThatNeverRepeatsIt() throws Exception {
    Path key = lead.writeSecret(dir.resolve("lead-secret.asc"), true);
    try (var prod = freshProd()) {
      var wrong =
          importZip(
              prod,
              zip,
              Map.of("FSDH_GPG_PASSPHRASE", "not-the-passphrase-42"),
              "--gpg-secret-key",
              key.toString());
      assertThat(wrong.exit()).isEqualTo(GpgSecretKeyOptions.BAD_SECRET_KEY);
      assertOneLineWithoutStackTrace(wrong);
      assertThat(wrong.err())
          .contains("wrong passphrase for key " + lead.keyId() + " in " + key)
          .contains("(the passphrase is read from FSDH_GPG_PASSPHRASE)")
          .doesNotContain("not-the-passphrase-42");

      var missing =
          importZip(
              prod,
              zip,
              PASSPHRASE,
              "--gpg-secret-key",
              key.toString(),
              "--gpg-passphrase-env",
              "LEAD_PASSPHRASE");
      assertThat(missing.exit()).isEqualTo(GpgSecretKeyOptions.BAD_SECRET_KEY);
      assertOneLineWithoutStackTrace(missing);
      assertThat(missing.err())
          .contains("is protected by a passphrase and none was given")
          .contains("read from LEAD_PASSPHRASE, which is not set");

      var verify =
          run(
              new VerifyCommand(),
              prod,
              Map.of("FSDH_GPG_PASSPHRASE", "not-the-passphrase-42"),
              "--bundle",
              zip.toString(),
              "--host",
              prod.host(),
              "--gpg-secret-key",
              key.toString());
      assertThat(verify.exit()).isEqualTo(GpgSecretKeyOptions.BAD_SECRET_KEY);
      assertThat(verify.err()).contains("nothing was verified").contains("wrong passphrase");
      assertNothingSent(prod);
    }
  }

  @Test
  void aPublicKeyGivenAsTheSecretKeyIsRefused() throws Exception {
    try (var prod = freshProd()) {
      var r = importZip(prod, zip, PASSPHRASE, "--gpg-secret-key", publicKey.toString());
      assertThat(r.exit()).isEqualTo(GpgSecretKeyOptions.BAD_SECRET_KEY);
      assertOneLineWithoutStackTrace(r);
      assertThat(r.err())
          .contains("not an OpenPGP secret key file: " + publicKey)
          .contains("gpg --export-secret-keys");
      assertNothingSent(prod);
    }
  }

  @Test
  void aValuesFileChangedAfterExportIsRefusedNamingIt() throws Exception {
    Path key = lead.writeSecret(dir.resolve("lead-secret.asc"), true);
    Path copy = dir.resolve("tampered");
    try (Stream<Path> files = Files.walk(bundleDir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path to = copy.resolve(bundleDir.relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(to);
        else Files.copy(f, to);
      }
    }
    String victim = SecretScopeExporter.valuesFile(databricksScopes().getFirst().name());
    Path file = copy.resolve(victim);
    byte[] bytes = Files.readAllBytes(file);
    String before = BundleFinisher.sha256(file);
    bytes[bytes.length - 30] ^= 0x55; // inside the encrypted data
    Files.write(file, bytes);
    try (var prod = freshProd()) {
      // the manifest's checksum catches the change first
      var caught = importZip(prod, copy, PASSPHRASE, "--gpg-secret-key", key.toString());
      assertThat(caught.exit()).isEqualTo(ImportCommand.BAD_BUNDLE);
      assertThat(caught.err()).contains("checksum mismatch for " + victim);

      // with the checksum forged too, decryption refuses it
      Path manifest = copy.resolve(BundleManifest.FILE);
      Files.writeString(
          manifest, Files.readString(manifest).replace(before, BundleFinisher.sha256(file)));
      var r = importZip(prod, copy, PASSPHRASE, "--gpg-secret-key", key.toString());
      assertThat(r.exit()).as(r.err()).isEqualTo(GpgSecretKeyOptions.BAD_SECRET_KEY);
      assertOneLineWithoutStackTrace(r);
      assertThat(r.err())
          .containsPattern(
              Pattern.quote(victim) + " (cannot be decrypted|fails its integrity check)");
      assertNothingSent(prod);
    }
  }

  @Test
  void withoutTheKeyScopesAndAclsAreImportedAndTheReportSaysTheKeyWouldPutTheValues()
      throws Exception {
    Path key = lead.writeSecret(dir.resolve("lead-secret.asc"), true);
    try (var prod = freshProd()) {
      var r = importZip(prod, zip, Map.of());
      assertThat(r.exit()).as(r.err() + r.out()).isZero();
      assertThat(r.err())
          .contains("note: this bundle holds secret values encrypted to the lead's OpenPGP key");
      assertThat(r.out())
          .contains(
              "encrypted to the lead's OpenPGP key: import with --gpg-secret-key FILE to put them");
      for (SecretScope s : databricksScopes()) {
        assertThat(prod.state().secrets().scope(s.name())).as(s.name()).isPresent();
        assertThat(prod.state().secrets().acls(s.name())).isNotEmpty();
        assertThat(prod.state().secrets().secrets(s.name())).isEmpty();
      }

      // what the report advises: again with the key, a new state and overwrite
      var again =
          importZip(
              prod,
              zip,
              PASSPHRASE,
              "--gpg-secret-key",
              key.toString(),
              "--existing",
              "secrets=overwrite");
      assertThat(again.exit()).as(again.err() + again.out()).isZero();
      for (SecretScope s : databricksScopes()) {
        poc.state()
            .secrets()
            .secrets(s.name())
            .forEach((k, v) ->
                assertThat(prod.state().secrets().value(s.name(), k))
                    .as(s.name() + "/" + k)
                    .hasValueSatisfying(b -> assertThat(b).isEqualTo(v.value())));
      }
    }
  }

  @Test
  void theSourceHandsOutCopiesOfTheKeysAskedForAndHidesThemInItsName() throws Exception {
    Path key = lead.writeSecret(dir.resolve("lead-secret.asc"), true);
    String scope = databricksScopes().getFirst().name();
    var expected = poc.state().secrets().secrets(scope);
    String one = expected.keySet().iterator().next();
    try (var bundle = BundleReader.open(zip);
        var source =
            OpenPgpSecretValuesSource.open(bundle, key, LeadKey.PASSPHRASE.toCharArray())) {
      var first = source.values(scope, List.of(one)).orElseThrow();
      assertThat(first).containsOnlyKeys(one);
      assertThat(first.get(one)).isEqualTo(expected.get(one).value());
      Arrays.fill(first.get(one), (byte) 0); // as the importer does
      assertThat(source.values(scope, List.of(one)).orElseThrow().get(one))
          .isEqualTo(expected.get(one).value());
      assertThat(source.values("no-such-scope", List.of("k"))).isEmpty();
      assertThat(source.toString())
          .contains("values hidden")
          .doesNotContain(new String(expected.get(one).value(), StandardCharsets.UTF_8));
    }
  }
}
