package ca.gc.fsdh.bot.migration.secrets;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.BundleWriter;
import ca.gc.fsdh.bot.migration.bundle.FileRef;
import ca.gc.fsdh.bot.migration.spi.SecretValueSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * Writes the values of each scope to {@code secrets/values/<scope>.json.gpg}, encrypted to the
 * OpenPGP public key the workspace lead provided, so that {@code gpg --decrypt} opens it. The plain
 * JSON ({@code {"key": "base64 of the value"}}) exists only in memory, inside the encrypting
 * stream.
 */
public final class OpenPgpSecretSink implements SecretValueSink {
  private final PGPPublicKey key;

  public OpenPgpSecretSink(PGPPublicKey key) {
    this.key = key;
  }

  /** Reads an armored or binary public key file and picks its first encryption key. */
  public static OpenPgpSecretSink fromKeyFile(Path file) throws IOException {
    try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
      var rings = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
      for (PGPPublicKeyRing ring : rings) {
        for (PGPPublicKey k : ring) {
          if (k.isEncryptionKey() && !k.hasRevocation()) return new OpenPgpSecretSink(k);
        }
      }
    } catch (PGPException e) {
      throw new IOException("not an OpenPGP public key: " + file + " (" + e.getMessage() + ")", e);
    }
    throw new IOException("no encryption key in " + file);
  }

  @Override
  public String mode() {
    return "OPENPGP";
  }

  /** Key id of the recipient, in hex (for the manifest and the report). */
  public String keyId() {
    return Long.toHexString(key.getKeyID()).toUpperCase(Locale.ROOT);
  }

  @Override
  public Optional<FileRef> accept(String scope, Map<String, byte[]> values, BundleWriter bundle)
      throws IOException {
    var encoded = new TreeMap<String, String>();
    values.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v)));
    byte[] plain = BundleJson.MAPPER.writeValueAsBytes(encoded);
    try {
      return Optional.of(
          bundle.write(SecretScopeExporter.valuesFile(scope), out -> encrypt(plain, scope, out)));
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  void encrypt(byte[] plain, String name, OutputStream out) throws IOException {
    var generator =
        new PGPEncryptedDataGenerator(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true)
                .setSecureRandom(new SecureRandom()));
    generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key));
    try (OutputStream encrypted = generator.open(out, new byte[1 << 14])) {
      var literal = new PGPLiteralDataGenerator();
      try (OutputStream data =
          literal.open(
              encrypted, PGPLiteralData.BINARY, name + ".json", new Date(), new byte[1 << 12])) {
        data.write(plain);
      }
    } catch (PGPException e) {
      throw new IOException("OpenPGP encryption failed: " + e.getMessage(), e);
    }
  }
}
