package ca.gc.fsdh.bot.migration.bundle;

import ca.gc.fsdh.bot.migration.item.ResourceType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Opens a bundle (a directory, or the zip of an offboarding) for import and checks it completely
 * before anything is written to a target: the manifest parses, its format version is one this tool
 * reads, and every file the manifest lists is a plain file of the bundle (no symbolic link) with
 * its SHA-256. A zip is checked before anything is extracted and unpacked with limits (see {@link
 * BundleZip}). Other files of a directory (a README added by the offboarding) are ignored.
 */
public final class BundleReader implements AutoCloseable {
  /** A manifest larger than this is refused unread (one of 100,000 items is about 15 MB). */
  static final long MANIFEST_LIMIT = 64L * 1024 * 1024;

  private final Path root;
  private final BundleManifest manifest;
  private final Path extracted;

  private BundleReader(Path root, BundleManifest manifest, Path extracted) {
    this.root = root;
    this.manifest = manifest;
    this.extracted = extracted;
  }

  /**
   * Opens and verifies a bundle directory or zip; throws {@link BadBundleException} with the
   * reason, in one line.
   */
  public static BundleReader open(Path bundle) throws IOException {
    if (!Files.exists(bundle)) throw new BadBundleException("no bundle at " + bundle);
    if (Files.isDirectory(bundle))
      return new BundleReader(bundle.toAbsolutePath().normalize(), verify(bundle), null);
    Path dir = OwnerOnlyFiles.createTempDirectory("fsdh-bundle-");
    try {
      var manifest = BundleZip.extract(bundle, dir);
      return new BundleReader(dir, manifest, dir);
    } catch (IOException | RuntimeException e) {
      deleteTree(dir);
      throw e;
    }
  }

  static BundleManifest verify(Path root) throws IOException {
    Path m = root.resolve(BundleManifest.FILE);
    if (!Files.exists(m, LinkOption.NOFOLLOW_LINKS)) {
      throw new BadBundleException(
          "not a bundle: "
              + BundleManifest.FILE
              + " is missing in "
              + root
              + " (an export that did not finish has no manifest: run the export again to complete it)");
    }
    if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) throw notPlain(BundleManifest.FILE);
    if (Files.size(m) > MANIFEST_LIMIT)
      throw new BadBundleException(
          m + " is larger than " + MANIFEST_LIMIT + " bytes: not a manifest");
    BundleManifest manifest;
    try (InputStream in = Files.newInputStream(m)) {
      manifest = manifest(in, m.toString());
    }
    Path realRoot = root.toRealPath();
    int missing = 0;
    var firstMissing = new StringBuilder();
    for (Map.Entry<String, String> e : manifest.checksums().entrySet()) {
      Path f = root.resolve(e.getKey()).normalize();
      if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
        if (missing++ == 0) firstMissing.append(e.getKey());
        continue;
      }
      if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
          || !f.toRealPath().startsWith(realRoot)) throw notPlain(e.getKey());
      String actual = BundleFinisher.sha256(f);
      if (!actual.equals(e.getValue())) throw checksumMismatch(e.getKey(), e.getValue(), actual);
    }
    if (missing > 0) throw missing(missing, firstMissing.toString());
    return manifest;
  }

  /**
   * Reads and checks a manifest: its format version, and that every file it lists stays inside the
   * bundle.
   */
  static BundleManifest manifest(InputStream in, String where) throws BadBundleException {
    JsonNode tree;
    BundleManifest manifest;
    try {
      tree = BundleJson.MAPPER.readTree(in);
      if (tree == null || !tree.isObject())
        throw new BadBundleException("damaged manifest " + where + ": not a JSON object");
      JsonNode version = tree.get("formatVersion");
      if (version == null || version.isNull()) {
        throw new BadBundleException(
            "manifest "
                + where
                + " has no formatVersion: not a bundle written by fsdh-bot, or a damaged one");
      }
      if (!version.isInt() || version.asInt() != BundleManifest.FORMAT_VERSION) {
        throw new BadBundleException(
            "unknown bundle format version "
                + oneLine(version.toString(), 40)
                + " in "
                + where
                + "; this tool reads format "
                + BundleManifest.FORMAT_VERSION
                + " (use the fsdh-bot version that wrote the bundle)");
      }
      manifest = BundleJson.MAPPER.treeToValue(tree, BundleManifest.class);
    } catch (JsonProcessingException e) {
      throw new BadBundleException(
          "damaged manifest " + where + ": " + oneLine(e.getOriginalMessage(), 200), e);
    } catch (BadBundleException e) {
      throw e;
    } catch (IOException e) {
      throw new BadBundleException(
          "manifest " + where + " cannot be read: " + oneLine(e.getMessage(), 200), e);
    }
    if (manifest.checksums() == null || manifest.checksums().isEmpty()) {
      throw new BadBundleException("manifest " + where + " lists no files");
    }
    for (String name : manifest.checksums().keySet()) {
      if (leaves(name) || name.equals(BundleManifest.FILE)) {
        throw new BadBundleException(
            "manifest " + where + " names a path that leaves the bundle: " + oneLine(name, 200));
      }
    }
    return manifest;
  }

  /**
   * True when a '/'-separated name would not land strictly inside the bundle: empty, absolute, or
   * with an empty, {@code .} or {@code ..} part. (Backslashes and colons are plain characters of
   * workspace names here, not separators.)
   */
  static boolean leaves(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.indexOf('\0') >= 0) return true;
    for (String part : name.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) return true;
    }
    return false;
  }

  static BadBundleException notPlain(String name) {
    return new BadBundleException(
        oneLine(name, 200)
            + " is a symbolic link or not a plain file; a bundle holds plain files only; nothing was imported");
  }

  static BadBundleException checksumMismatch(String name, String expected, String actual) {
    return new BadBundleException(
        "checksum mismatch for "
            + name
            + ": the manifest says "
            + expected
            + ", the file has "
            + actual
            + ". The bundle was changed or damaged after export; nothing was imported");
  }

  static BadBundleException missing(int count, String first) {
    return new BadBundleException(
        count
            + " file(s) listed in the manifest are missing, first "
            + first
            + "; the bundle is incomplete; nothing was imported");
  }

  /** Text from a bundle, fit for a one-line message. */
  static String oneLine(String text, int max) {
    String flat = text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ");
    return flat.length() <= max ? flat : flat.substring(0, max) + "…";
  }

  public Path root() {
    return root;
  }

  public BundleManifest manifest() {
    return manifest;
  }

  public Path file(String relative) {
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root))
      throw new IllegalArgumentException("path leaves the bundle: " + relative);
    return p;
  }

  public boolean has(ResourceType type) {
    return manifest.types().contains(type.folder())
        && Files.exists(root.resolve(type.folder()).resolve(BundleFinisher.INDEX));
  }

  /** Streams the exported items of a type (lines of its {@code index.jsonl}). */
  public void items(ResourceType type, Consumer<JournalEntry> action) throws IOException {
    if (!has(type)) return;
    try (BufferedReader in =
        Files.newBufferedReader(
            root.resolve(type.folder()).resolve(BundleFinisher.INDEX), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) action.accept(BundleJson.MAPPER.readValue(line, JournalEntry.class));
      }
    }
  }

  public <T> T json(String relative, Class<T> type) throws IOException {
    return BundleJson.MAPPER.readValue(file(relative).toFile(), type);
  }

  @Override
  public void close() throws IOException {
    if (extracted != null) deleteTree(extracted);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator)
        Files.deleteIfExists(p);
    }
  }
}
