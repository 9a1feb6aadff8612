package ca.gc.fsdh.bot.migration.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.fsdh.bot.migration.bundle.BundleWriter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenPgpSecretSinkTest {
  @TempDir Path dir;

  @Test
  void onlyTheHolderOfThePrivateKeyReadsTheValues() throws Exception {
    var rsa = new RSAKeyPairGenerator();
    rsa.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 12));
    PGPKeyPair pair = new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa.generateKeyPair(), new Date());
    var sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
    var ring = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, "lead <lead@example.gc.ca>", sha1,
        null, null, new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256),
        new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1).build("pw".toCharArray()));
    Path keyFile = dir.resolve("lead.asc");
    try (var out = new ArmoredOutputStream(Files.newOutputStream(keyFile))) {
      ring.generatePublicKeyRing().encode(out);
    }

    var sink = OpenPgpSecretSink.fromKeyFile(keyFile);
    var bundle = new BundleWriter(dir.resolve("bundle"));
    var ref = sink.accept("team scope", Map.of("db-password", "s3cr3t-é".getBytes(StandardCharsets.UTF_8)), bundle).orElseThrow();

    byte[] onDisk = Files.readAllBytes(bundle.resolve(ref.path()));
    assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t").doesNotContain("db-password");
    assertThat(ref.path()).isEqualTo("secrets/values/team+scope.json.gpg");

    String json = decrypt(onDisk, pair);
    assertThat(json).isEqualTo("{\"db-password\":\"" + java.util.Base64.getEncoder()
        .encodeToString("s3cr3t-é".getBytes(StandardCharsets.UTF_8)) + "\"}");
  }

  private static String decrypt(byte[] data, PGPKeyPair pair) throws Exception {
    var factory = new BcPGPObjectFactory(PGPUtil.getDecoderStream(new java.io.ByteArrayInputStream(data)));
    Object o = factory.nextObject();
    var list = (PGPEncryptedDataList) o;
    var enc = (PGPPublicKeyEncryptedData) list.get(0);
    InputStream clear = enc.getDataStream(new BcPublicKeyDataDecryptorFactory(pair.getPrivateKey()));
    var literal = (PGPLiteralData) new BcPGPObjectFactory(clear).nextObject();
    var out = new ByteArrayOutputStream();
    literal.getInputStream().transferTo(out);
    assertThat(enc.verify()).as("integrity packet").isTrue();
    return out.toString(StandardCharsets.UTF_8);
  }
}
