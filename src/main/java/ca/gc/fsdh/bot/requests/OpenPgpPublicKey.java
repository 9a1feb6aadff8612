package ca.gc.fsdh.bot.requests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.util.encoders.Hex;

/**
 * Checks that what a lead handed over (a file or pasted text, armored or binary) is an OpenPGP
 * public key that can encrypt now, before a request is saved with it: secret values of an
 * offboarding are encrypted to this key. Says why not otherwise, so the lead can fix it at once.
 *
 * <p>A key can encrypt when it, or one of its subkeys, is neither revoked nor expired and is
 * flagged for encryption (RFC 4880 §5.2.3.21, key flags 0x04 / 0x08; without flags, its algorithm
 * decides), and its primary key is neither revoked nor expired. Signatures are not verified: the
 * lead gives their own key.
 */
public final class OpenPgpPublicKey {
  private OpenPgpPublicKey() {}

  /** Why a key cannot be used. */
  public enum Problem {
    NOT_A_KEY,
    SECRET_KEY,
    EXPIRED,
    REVOKED,
    CANNOT_ENCRYPT
  }

  /**
   * The outcome: a usable key (its public key ring re-armored, nothing else from the file kept, and
   * the fingerprint of the key that encrypts) or the problem.
   */
  public record Check(String armored, String fingerprint, Problem problem) {
    public boolean usable() {
      return problem == null;
    }

    static Check refused(Problem problem) {
      return new Check(null, null, problem);
    }
  }

  public static Check check(String text, Instant now) {
    return check(text.getBytes(StandardCharsets.UTF_8), now);
  }

  public static Check check(byte[] data, Instant now) {
    Object first;
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(data))) {
      first = new BcPGPObjectFactory(in).nextObject();
    } catch (IOException | RuntimeException e) {
      return Check.refused(Problem.NOT_A_KEY);
    }
    if (first instanceof PGPSecretKeyRing) {
      return Check.refused(Problem.SECRET_KEY);
    }
    if (!(first instanceof PGPPublicKeyRing ring)) {
      return Check.refused(Problem.NOT_A_KEY);
    }
    PGPPublicKey primary = ring.getPublicKey();
    if (primary.hasRevocation()) {
      return Check.refused(Problem.REVOKED);
    }
    if (expired(primary, now)) {
      return Check.refused(Problem.EXPIRED);
    }
    Problem problem = Problem.CANNOT_ENCRYPT;
    for (Iterator<PGPPublicKey> keys = ring.getPublicKeys(); keys.hasNext(); ) {
      PGPPublicKey key = keys.next();
      if (!canEncrypt(key)) {
        continue;
      }
      if (key.hasRevocation()) {
        problem = Problem.REVOKED;
      } else if (expired(key, now)) {
        problem = Problem.EXPIRED;
      } else {
        return new Check(
            armor(ring), Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT), null);
      }
    }
    return Check.refused(problem);
  }

  private static boolean expired(PGPPublicKey key, Instant now) {
    long valid = key.getValidSeconds();
    return valid > 0 && !key.getCreationTime().toInstant().plusSeconds(valid).isAfter(now);
  }

  /**
   * The key flags of its self-signatures (binding for a subkey, certification for a primary), else
   * its algorithm.
   */
  private static boolean canEncrypt(PGPPublicKey key) {
    boolean flagged = false;
    int flags = 0;
    for (Iterator<PGPSignature> sigs = key.getSignatures(); sigs.hasNext(); ) {
      PGPSignature sig = sigs.next();
      boolean self =
          key.isMasterKey()
              ? (sig.isCertification() || sig.getSignatureType() == PGPSignature.DIRECT_KEY)
                  && sig.getKeyID() == key.getKeyID()
              : sig.getSignatureType() == PGPSignature.SUBKEY_BINDING;
      if (self
          && sig.getHashedSubPackets() != null
          && sig.getHashedSubPackets().hasSubpacket(SignatureSubpacketTags.KEY_FLAGS)) {
        flagged = true;
        flags |= sig.getHashedSubPackets().getKeyFlags();
      }
    }
    return flagged
        ? (flags & (KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE)) != 0
        : key.isEncryptionKey();
  }

  private static String armor(PGPPublicKeyRing ring) {
    var bytes = new ByteArrayOutputStream();
    try (var out = new ArmoredOutputStream(bytes)) {
      ring.encode(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }
}
