package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metastore's Azure storage account as the blob endpoint ({@link FakeBlobStorage}) serves it:
 * block blobs by {@code account/container/path}, uncommitted blocks, and the folders that may no
 * longer be written (a finalized model version's). Bytes are kept exactly as sent.
 */
public final class BlobStore {
  /**
   * {@code abfss://<container>@<account>.dfs.core.windows.net/<path>}, the only form MLflow accepts
   * ({@code azure_data_lake_artifact_repo.py}, {@code _parse_abfss_uri}).
   */
  private static final Pattern ABFSS =
      Pattern.compile("abfss://([^@/]+)@([^./]+)\\.dfs\\.core\\.windows\\.net(?:/(.*))?");

  /** Where a blob lives. {@code path} has no leading slash. */
  public record Location(String account, String container, String path) {
    String key() {
      return account + "/" + container + "/" + path;
    }
  }

  record Blob(
      byte[] bytes,
      String etag,
      long lastModified,
      String contentType,
      Map<String, byte[]> blocks) {}

  private final Map<String, Blob> blobs = new ConcurrentSkipListMap<>();
  private final Map<String, Map<String, byte[]>> uncommitted = new HashMap<>();
  private final Set<String> sealed = new ConcurrentSkipListSet<>();
  private final UserDelegationSas sas = new UserDelegationSas();
  private long etags;

  UserDelegationSas sas() {
    return sas;
  }

  /** The location an {@code abfss://} URI names; its path without leading or trailing slash. */
  public static Location parse(String abfssUri) {
    Matcher m = ABFSS.matcher(abfssUri);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not an abfss://<container>@<account>.dfs.core.windows.net URI: " + abfssUri);
    }
    String path = m.group(3) == null ? "" : m.group(3).replaceAll("^/+|/+$", "");
    return new Location(m.group(2), m.group(1), path);
  }

  /** The bytes of one blob, by its {@code abfss://} URI. */
  public Optional<byte[]> read(String abfssUri) {
    Blob b = blobs.get(parse(abfssUri).key());
    return b == null ? Optional.empty() : Optional.of(b.bytes().clone());
  }

  /** The paths (relative to {@code abfssFolder}) of the blobs under a folder, sorted. */
  public List<String> list(String abfssFolder) {
    String prefix = parse(abfssFolder).key() + "/";
    List<String> out = new ArrayList<>();
    blobs.keySet().stream()
        .filter(k -> k.startsWith(prefix))
        .forEach(k -> out.add(k.substring(prefix.length())));
    return out;
  }

  Optional<Blob> get(Location l) {
    return Optional.ofNullable(blobs.get(l.key()));
  }

  /**
   * Put Blob: the whole blob at once; it replaces what was there (learn.microsoft.com put-blob).
   */
  synchronized Blob put(Location l, byte[] bytes, String contentType) {
    Blob b = new Blob(bytes.clone(), etag(), System.currentTimeMillis(), contentType, Map.of());
    blobs.put(l.key(), b);
    uncommitted.remove(l.key());
    return b;
  }

  /**
   * Put Block: one uncommitted block. Block ids are base64 of at most 64 bytes and all ids of a
   * blob have the same length (learn.microsoft.com put-block); else null and the caller answers
   * 400.
   */
  synchronized String putBlock(Location l, String blockId, byte[] bytes) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(blockId);
    } catch (IllegalArgumentException e) {
      return "InvalidBlockId";
    }
    if (raw.length == 0 || raw.length > 64) {
      return "InvalidBlockId";
    }
    var blocks = uncommitted.computeIfAbsent(l.key(), k -> new LinkedHashMap<>());
    boolean sameLength = blocks.keySet().stream().allMatch(id -> id.length() == blockId.length());
    if (!sameLength) {
      return "InvalidBlobOrBlock";
    }
    blocks.put(blockId, bytes.clone());
    return null;
  }

  /**
   * One entry of a Put Block List body: which list to look in ({@code Latest}, {@code Committed},
   * {@code Uncommitted}) and the id.
   */
  record BlockRef(String list, String id) {}

  /**
   * Put Block List: the blob becomes the listed blocks in order; {@code Latest} takes the
   * uncommitted block if there is one, else the committed one. Empty when a block is missing (400
   * InvalidBlockList). Uncommitted blocks not listed are dropped.
   */
  synchronized Optional<Blob> commit(Location l, List<BlockRef> refs, String contentType) {
    var pending = uncommitted.getOrDefault(l.key(), Map.of());
    Blob old = blobs.get(l.key());
    var committed = old == null ? Map.<String, byte[]>of() : old.blocks();
    Map<String, byte[]> blocks = new LinkedHashMap<>();
    var out = new ByteArrayOutputStream();
    for (BlockRef r : refs) {
      byte[] bytes =
          switch (r.list()) {
            case "Uncommitted" -> pending.get(r.id());
            case "Committed" -> committed.get(r.id());
            default -> pending.containsKey(r.id()) ? pending.get(r.id()) : committed.get(r.id());
          };
      if (bytes == null) {
        return Optional.empty();
      }
      blocks.put(r.id(), bytes);
      out.writeBytes(bytes);
    }
    Blob b =
        new Blob(
            out.toByteArray(), etag(), System.currentTimeMillis(), contentType, Map.copyOf(blocks));
    blobs.put(l.key(), b);
    uncommitted.remove(l.key());
    return Optional.of(b);
  }

  /** No more writes under this folder (a finalized model version). */
  void seal(String abfssFolder) {
    sealed.add(parse(abfssFolder).key() + "/");
  }

  boolean isSealed(Location l) {
    return sealed.stream().anyMatch(p -> l.key().startsWith(p));
  }

  private String etag() {
    return "\"0x8DC" + Long.toHexString(0x1000_0000_0000L + ++etags).toUpperCase() + "\"";
  }
}
