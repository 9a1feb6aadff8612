package ca.gc.fsdh.bot.migration.secrets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Date;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
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

/**
 * A workspace lead's OpenPGP key pair for tests (RSA 2048, secret key protected by {@link
 * #PASSPHRASE}): the public and secret keys as files, and decryption.
 */
public final class LeadKey {
  public static final String PASSPHRASE = "phrase-de-passe-du-responsable";

  private final PGPKeyPair pair;
  private final PGPKeyRingGenerator ring;

  public LeadKey() throws Exception {
    var rsa = new RSAKeyPairGenerator();
    rsa.init(
        new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 12));
    pair =
        new BcPGPKeyPair(
            PublicKeyPacket.VERSION_4,
            PublicKeyAlgorithmTags.RSA_GENERAL,
            rsa.generateKeyPair(),
            new Date());
    var sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
    ring =
        new PGPKeyRingGenerator(
            PGPSignature.POSITIVE_CERTIFICATION,
            pair,
            "lead <lead@example.gc.ca>",
            sha1,
            null,
            null,
            new BcPGPContentSignerBuilder(
                PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256),
            new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1)
                .build(PASSPHRASE.toCharArray()));
  }

  /** Writes the armored public key (what the lead hands over) and returns its path. */
  public Path writePublic(Path file) throws Exception {
    try (var out = new ArmoredOutputStream(Files.newOutputStream(file))) {
      ring.generatePublicKeyRing().encode(out);
    }
    return file;
  }

  /**
   * Writes the secret key as `gpg --export-secret-keys` does, armored or binary, and returns its
   * path.
   */
  public Path writeSecret(Path file, boolean armored) throws Exception {
    try (var raw = Files.newOutputStream(file);
        var out = armored ? new ArmoredOutputStream(raw) : raw) {
      ring.generateSecretKeyRing().encode(out);
    }
    return file;
  }

  /** The key id, as gpg prints it in long form. */
  public String keyId() {
    return String.format(Locale.ROOT, "%016X", pair.getKeyID());
  }

  /** Decrypts what was encrypted to this key, checking the integrity packet. */
  public byte[] decrypt(byte[] data) throws Exception {
    var list =
        (PGPEncryptedDataList)
            new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(data)))
                .nextObject();
    var enc = (PGPPublicKeyEncryptedData) list.get(0);
    InputStream clear =
        enc.getDataStream(new BcPublicKeyDataDecryptorFactory(pair.getPrivateKey()));
    var literal = (PGPLiteralData) new BcPGPObjectFactory(clear).nextObject();
    var out = new ByteArrayOutputStream();
    literal.getInputStream().transferTo(out);
    if (!enc.verify()) throw new IllegalStateException("integrity check failed");
    return out.toByteArray();
  }
}
