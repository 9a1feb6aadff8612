package ca.gc.fsdh.bot.migration.secrets;

import ca.gc.fsdh.bot.migration.secrets.SecretKeyException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * The lead's OpenPGP secret key file (armored or binary, as {@code gpg --export-secret-keys} writes
 * it): which key ids it holds, and their private keys unlocked with the passphrase.
 */
final class OpenPgpSecretKeys {
  private final Path file;
  private final PGPSecretKeyRingCollection rings;

  private OpenPgpSecretKeys(Path file, PGPSecretKeyRingCollection rings) {
    this.file = file;
    this.rings = rings;
  }

  static OpenPgpSecretKeys read(Path file) throws SecretKeyException {
    try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
      var rings = new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator());
      if (rings.size() > 0) return new OpenPgpSecretKeys(file, rings);
    } catch (NoSuchFileException e) {
      throw new SecretKeyException(Reason.NOT_A_SECRET_KEY, "no secret key file " + file);
    } catch (IOException | PGPException | RuntimeException e) {
      // a public key, or anything else: BouncyCastle's message says nothing more useful to the lead
    }
    throw new SecretKeyException(
        Reason.NOT_A_SECRET_KEY,
        "not an OpenPGP secret key file: "
            + file
            + " (export it with `gpg --export-secret-keys --armor KEYID`)");
  }

  Path file() {
    return file;
  }

  boolean holds(long keyId) {
    return find(keyId) != null;
  }

  /** The key ids of the file, in hex, for messages. */
  List<String> ids() {
    var ids = new ArrayList<String>();
    for (PGPSecretKeyRing ring : rings) for (PGPSecretKey k : ring) ids.add(hex(k.getKeyID()));
    return ids;
  }

  /** Unlocks the secret key of each id. The passphrase is used here only and not kept. */
  Map<Long, PGPPrivateKey> unlock(Set<Long> keyIds, char[] passphrase) throws SecretKeyException {
    var out = new HashMap<Long, PGPPrivateKey>();
    for (long id : keyIds) {
      PGPSecretKey key = find(id);
      if (key.isPrivateKeyEmpty()) {
        throw new SecretKeyException(
            Reason.NOT_A_SECRET_KEY,
            "the private part of key "
                + hex(id)
                + " is not in "
                + file
                + " (a stub, e.g. of a smart-card key)");
      }
      if (key.getS2KUsage() != 0 && passphrase.length == 0) {
        throw new SecretKeyException(
            Reason.NO_PASSPHRASE,
            "key " + hex(id) + " in " + file + " is protected by a passphrase and none was given");
      }
      try {
        out.put(
            id,
            key.extractPrivateKey(
                new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                    .build(passphrase)));
      } catch (PGPException | RuntimeException e) {
        throw new SecretKeyException(
            Reason.WRONG_PASSPHRASE, "wrong passphrase for key " + hex(id) + " in " + file);
      }
    }
    return out;
  }

  private PGPSecretKey find(long keyId) {
    try {
      return rings.getSecretKey(keyId);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A key id as gpg prints it in long form. */
  static String hex(long keyId) {
    return String.format(Locale.ROOT, "%016X", keyId);
  }
}
