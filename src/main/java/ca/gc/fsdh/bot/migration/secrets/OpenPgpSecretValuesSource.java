package ca.gc.fsdh.bot.migration.secrets;

import ca.gc.fsdh.bot.migration.bundle.BundleJson;
import ca.gc.fsdh.bot.migration.bundle.BundleReader;
import ca.gc.fsdh.bot.migration.item.ResourceType;
import ca.gc.fsdh.bot.migration.secrets.SecretKeyException.Reason;
import ca.gc.fsdh.bot.migration.spi.SecretValueSource;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;

/**
 * The secret values of an offboarding bundle, read from {@code secrets/values/<scope>.json.gpg}
 * with the lead's OpenPGP secret key. {@link #open} checks everything before an import writes
 * anything: the key file, the key each file is encrypted to, the passphrase, and each file's
 * integrity and content. Each {@link #values} call decrypts its file again: plain bytes live only
 * in memory, in buffers wiped once parsed, and callers get copies that they wipe.
 */
public final class OpenPgpSecretValuesSource implements SecretValueSource, AutoCloseable {
  // no recycled parser buffers: they would keep decoded text around after the parse
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .recyclerPool(JsonRecyclerPools.nonRecyclingPool())
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private final BundleReader bundle;
  private final Map<String, String> files;
  private volatile Map<Long, PGPPrivateKey> keys;

  private OpenPgpSecretValuesSource(
      BundleReader bundle, Map<String, String> files, Map<Long, PGPPrivateKey> keys) {
    this.bundle = bundle;
    this.files = files;
    this.keys = Map.copyOf(keys);
  }

  /**
   * Opens the values of every scope the bundle holds encrypted, with the secret key in {@code
   * keyFile} (armored or binary) and its passphrase (empty for a key without one; not kept).
   *
   * @throws SecretKeyException one line naming the key file or the bundle file that failed
   */
  public static OpenPgpSecretValuesSource open(BundleReader bundle, Path keyFile, char[] passphrase)
      throws IOException {
    var secretKeys = OpenPgpSecretKeys.read(keyFile);
    Map<String, String> files = valuesFiles(bundle);
    var needed = new HashSet<Long>();
    for (String file : files.values()) needed.add(recipient(bundle, file, secretKeys));
    var source =
        new OpenPgpSecretValuesSource(bundle, files, secretKeys.unlock(needed, passphrase));
    for (String scope : files.keySet())
      source.decrypt(scope).values().forEach(b -> Arrays.fill(b, (byte) 0));
    return source;
  }

  /** Whether the bundle holds any values encrypted to a lead's key. */
  public static boolean hasEncryptedValues(BundleReader bundle) throws IOException {
    return !valuesFiles(bundle).isEmpty();
  }

  /**
   * Scope name to its values file, for the scopes whose values travel encrypted; each file covered
   * by a manifest checksum.
   */
  private static Map<String, String> valuesFiles(BundleReader bundle) throws IOException {
    var files = new LinkedHashMap<String, String>();
    var uncovered = new ArrayList<String>();
    bundle.items(
        ResourceType.SECRETS,
        e -> {
          SecretScopeItem item;
          try {
            item = BundleJson.MAPPER.treeToValue(e.record(), SecretScopeItem.class);
          } catch (IOException ex) {
            throw new UncheckedIOException(ex);
          }
          if (!"OPENPGP".equals(item.values()) || item.valuesFile() == null) return;
          if (!bundle.manifest().checksums().containsKey(item.valuesFile()))
            uncovered.add(item.valuesFile());
          files.put(item.name(), item.valuesFile());
        });
    if (!uncovered.isEmpty()) {
      throw new SecretKeyException(
          Reason.UNREADABLE,
          uncovered.getFirst()
              + " is not listed in the manifest, so its checksum"
              + " was not checked; refused");
    }
    return Map.copyOf(files);
  }

  /** The key id the file is encrypted to that the key file holds. */
  private static long recipient(BundleReader bundle, String file, OpenPgpSecretKeys secretKeys)
      throws SecretKeyException {
    try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(bundle.file(file)))) {
      var ids = new ArrayList<String>();
      for (PGPPublicKeyEncryptedData d : recipients(in, file)) {
        if (secretKeys.holds(keyId(d))) return keyId(d);
        ids.add(OpenPgpSecretKeys.hex(keyId(d)));
      }
      throw new SecretKeyException(
          Reason.WRONG_KEY,
          file
              + " is encrypted to key "
              + String.join(" or ", ids)
              + ", which "
              + secretKeys.file()
              + " does not hold (it holds "
              + String.join(", ", secretKeys.ids())
              + ")");
    } catch (SecretKeyException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw unreadable(file, "cannot be read");
    }
  }

  private static long keyId(PGPPublicKeyEncryptedData d) {
    return d.getKeyIdentifier().getKeyId();
  }

  private static List<PGPPublicKeyEncryptedData> recipients(InputStream in, String file)
      throws IOException {
    var factory = new BcPGPObjectFactory(in);
    Object o = factory.nextObject();
    while (o instanceof PGPMarker) o = factory.nextObject();
    if (!(o instanceof PGPEncryptedDataList list))
      throw unreadable(file, "is not OpenPGP encrypted data");
    var out = new ArrayList<PGPPublicKeyEncryptedData>();
    for (var d : list) if (d instanceof PGPPublicKeyEncryptedData p) out.add(p);
    if (out.isEmpty()) throw unreadable(file, "is not encrypted to a public key");
    return out;
  }

  @Override
  public Optional<Map<String, byte[]>> values(String scope, List<String> wanted)
      throws IOException {
    if (!files.containsKey(scope)) return Optional.empty();
    if (keys.isEmpty()) throw new IllegalStateException("closed");
    Map<String, byte[]> all = decrypt(scope);
    var out = new HashMap<String, byte[]>();
    all.forEach((k, v) -> {
      if (wanted.contains(k)) out.put(k, v);
      else Arrays.fill(v, (byte) 0);
    });
    return Optional.of(out);
  }

  /** Decrypts and parses one scope's file; the plain JSON is wiped before returning. */
  private Map<String, byte[]> decrypt(String scope) throws SecretKeyException {
    String file = files.get(scope);
    var plain = new WipingBuffer();
    var unlocked = keys;
    try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(bundle.file(file)))) {
      PGPPublicKeyEncryptedData data = null;
      for (PGPPublicKeyEncryptedData d : recipients(in, file))
        if (unlocked.containsKey(keyId(d))) data = d;
      if (data == null) throw unreadable(file, "is encrypted to another key than the other files");
      if (!data.isIntegrityProtected())
        throw unreadable(file, "has no integrity protection; refused");
      var factory =
          new BcPGPObjectFactory(
              data.getDataStream(new BcPublicKeyDataDecryptorFactory(unlocked.get(keyId(data)))));
      Object o = factory.nextObject();
      if (o instanceof PGPCompressedData c)
        o = new BcPGPObjectFactory(c.getDataStream()).nextObject(); // as gpg --encrypt writes
      if (!(o instanceof PGPLiteralData literal)) throw unreadable(file, "holds no data");
      literal.getInputStream().transferTo(plain);
      if (!data.verify())
        throw unreadable(file, "fails its integrity check (changed after export)");
      return parse(plain, file);
    } catch (SecretKeyException e) {
      throw e;
    } catch (IOException | PGPException | RuntimeException e) {
      // BouncyCastle says e.g. "checksum mismatch"; its messages never hold the plain text
      throw unreadable(file, "cannot be decrypted (damaged or changed after export)");
    } finally {
      plain.wipe();
    }
  }

  /** {@code {"key": "base64"}} into bytes, without a String per value. */
  private static Map<String, byte[]> parse(WipingBuffer plain, String file)
      throws SecretKeyException {
    var out = new HashMap<String, byte[]>();
    try (JsonParser p = JSON.createParser(plain.bytes(), 0, plain.size())) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not an object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        if (p.nextToken() != JsonToken.VALUE_STRING) throw new IOException("not a string");
        out.put(key, p.getBinaryValue());
      }
      if (p.currentToken() != JsonToken.END_OBJECT) throw new IOException("not an object");
      return out;
    } catch (IOException e) {
      out.values().forEach(b -> Arrays.fill(b, (byte) 0));
      // the parser's message may quote the content: not repeated
      throw unreadable(file, "does not hold the JSON object of values an export writes");
    }
  }

  private static SecretKeyException unreadable(String file, String why) {
    return new SecretKeyException(Reason.UNREADABLE, file + " " + why);
  }

  /**
   * Drops the unlocked keys (PGPPrivateKey cannot wipe its numbers); the bundle stays open for its
   * owner to close.
   */
  @Override
  public void close() {
    keys = Map.of();
  }

  @Override
  public String toString() {
    return "OpenPgpSecretValuesSource[" + files.size() + " scope(s), values hidden]";
  }

  /** A growing byte buffer that overwrites what it held, both when it grows and once read. */
  private static final class WipingBuffer extends OutputStream {
    private byte[] buf = new byte[8192];
    private int count;

    @Override
    public void write(int b) {
      ensure(1);
      buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, buf, count, len);
      count += len;
    }

    private void ensure(int more) {
      if (count + more <= buf.length) return;
      byte[] bigger = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
      Arrays.fill(buf, (byte) 0);
      buf = bigger;
    }

    byte[] bytes() {
      return buf;
    }

    int size() {
      return count;
    }

    void wipe() {
      Arrays.fill(buf, (byte) 0);
      count = 0;
    }
  }
}
