package ca.gc.fsdh.bot.requests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPPublicKeyRingCollection;

/**
 * Checks that a lead's text is an OpenPGP public key that can encrypt, before a request is saved
 * with it: secret values of an offboarding are encrypted to this key.
 */
public final class OpenPgpPublicKey {
  private OpenPgpPublicKey() {}

  /** The fingerprint (hex) of the first encryption key, or empty if the text is not a usable public key. */
  public static Optional<String> encryptionFingerprint(String armored) {
    if (armored == null || !armored.contains("BEGIN PGP PUBLIC KEY BLOCK")) {
      return Optional.empty();
    }
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
      for (PGPPublicKeyRing ring : new JcaPGPPublicKeyRingCollection(in)) {
        for (PGPPublicKey key : ring) {
          if (key.isEncryptionKey() && !key.hasRevocation()) {
            return Optional.of(org.bouncycastle.util.encoders.Hex.toHexString(key.getFingerprint()).toUpperCase());
          }
        }
      }
      return Optional.empty();
    } catch (IOException | PGPException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
