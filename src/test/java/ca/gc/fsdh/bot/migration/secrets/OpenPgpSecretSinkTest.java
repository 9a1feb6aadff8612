package ca.gc.fsdh.bot.migration.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.bundle.BundleWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenPgpSecretSinkTest {
  @TempDir Path dir;

  @Test
  void onlyTheHolderOfThePrivateKeyReadsTheValues() throws Exception {
    var lead = new LeadKey();
    Path keyFile = lead.writePublic(dir.resolve("lead.asc"));

    var sink = OpenPgpSecretSink.fromKeyFile(keyFile);
    assertThat(sink.keyId()).isEqualTo(lead.keyId().replaceFirst("^0+", ""));
    var bundle = new BundleWriter(dir.resolve("bundle"));
    var ref =
        sink.accept(
                "team scope",
                Map.of("db-password", "s3cr3t-é".getBytes(StandardCharsets.UTF_8)),
                bundle)
            .orElseThrow();

    byte[] onDisk = Files.readAllBytes(bundle.resolve(ref.path()));
    assertThat(new String(onDisk, StandardCharsets.ISO_8859_1))
        .doesNotContain("s3cr3t")
        .doesNotContain("db-password");
    assertThat(ref.path()).isEqualTo("secrets/values/team+scope.json.gpg");

    // LeadKey.decrypt checks the integrity packet
    String json = new String(lead.decrypt(onDisk), StandardCharsets.UTF_8);
    assertThat(json)
        .isEqualTo(
            "{\"db-password\":\""
                + Base64.getEncoder().encodeToString("s3cr3t-é".getBytes(StandardCharsets.UTF_8))
                + "\"}");
  }
}
