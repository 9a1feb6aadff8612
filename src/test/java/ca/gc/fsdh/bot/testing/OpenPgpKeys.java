package ca.gc.fsdh.bot.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * OpenPGP keys as {@code gpg --full-generate-key} makes them, for tests of what a lead hands over:
 * an RSA-4096 primary key that certifies and signs, with an RSA-4096 subkey that encrypts, and the
 * ways such a key goes wrong (expired, sign-only, the secret key instead of the public one).
 *
 * <p>The two RSA-4096 key pairs take seconds to generate, so they are made once per test run and
 * reused with different dates and flags.
 */
public final class OpenPgpKeys {
  private static AsymmetricCipherKeyPair primary;
  private static AsymmetricCipherKeyPair subkey;

  private final PGPKeyRingGenerator ring;

  private OpenPgpKeys(PGPKeyRingGenerator ring) {
    this.ring = ring;
  }

  /** A usable key: created an hour ago, expiring in two years, with an encryption subkey. */
  public static OpenPgpKeys rsa4096() throws Exception {
    return build(Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(730), true);
  }

  /** Created two years ago, valid for one: expired a year ago. */
  public static OpenPgpKeys expired() throws Exception {
    return build(Instant.now().minus(Duration.ofDays(730)), Duration.ofDays(365), true);
  }

  /** A primary key that certifies and signs, and no subkey: it cannot encrypt. */
  public static OpenPgpKeys signOnly() throws Exception {
    return build(Instant.now().minus(Duration.ofHours(1)), Duration.ZERO, false);
  }

  public String armoredPublic() throws IOException {
    return new String(publicKey(true), StandardCharsets.US_ASCII);
  }

  /** As {@code gpg --export} (armored) or without {@code --armor} (binary). */
  public byte[] publicKey(boolean armored) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (OutputStream out = armored ? new ArmoredOutputStream(bytes) : bytes) {
      ring.generatePublicKeyRing().encode(out);
    }
    return bytes.toByteArray();
  }

  /** As {@code gpg --armor --export-secret-keys}. */
  public String armoredSecret() throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var out = new ArmoredOutputStream(bytes)) {
      ring.generateSecretKeyRing().encode(out);
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }

  private static synchronized void generate() {
    if (primary == null) {
      primary = rsa();
      subkey = rsa();
    }
  }

  private static AsymmetricCipherKeyPair rsa() {
    var rsa = new RSAKeyPairGenerator();
    rsa.init(
        new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 4096, 12));
    return rsa.generateKeyPair();
  }

  private static OpenPgpKeys build(Instant created, Duration valid, boolean withSubkey)
      throws Exception {
    generate();
    PGPKeyPair main =
        new BcPGPKeyPair(
            PublicKeyPacket.VERSION_4,
            PublicKeyAlgorithmTags.RSA_GENERAL,
            primary,
            Date.from(created));
    var primaryFlags = new PGPSignatureSubpacketGenerator();
    primaryFlags.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
    if (!valid.isZero()) {
      primaryFlags.setKeyExpirationTime(false, valid.toSeconds());
    }
    var sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
    var generator =
        new PGPKeyRingGenerator(
            PGPSignature.POSITIVE_CERTIFICATION,
            main,
            "Lead <lead@example.gc.ca>",
            sha1,
            primaryFlags.generate(),
            null,
            new BcPGPContentSignerBuilder(
                PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256),
            new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1)
                .build("passphrase".toCharArray()));
    if (withSubkey) {
      var encryptFlags = new PGPSignatureSubpacketGenerator();
      encryptFlags.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
      if (!valid.isZero()) {
        encryptFlags.setKeyExpirationTime(false, valid.toSeconds());
      }
      generator.addSubKey(
          new BcPGPKeyPair(
              PublicKeyPacket.VERSION_4,
              PublicKeyAlgorithmTags.RSA_GENERAL,
              subkey,
              Date.from(created)),
          encryptFlags.generate(),
          null);
    }
    return new OpenPgpKeys(generator);
  }
}
