package ca.gc.fsdh.bot.migration.bundle;

import ca.gc.fsdh.bot.migration.Json;
import ca.gc.fsdh.bot.migration.ResourceType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens a bundle (a directory, or the zip of an offboarding) for import and checks it completely
 * before anything is written to a target: the manifest parses, its format version is one this tool
 * reads, and every file the manifest lists is present with its SHA-256. Files not in the manifest
 * (a README added by the offboarding) are ignored.
 */
public final class BundleReader implements AutoCloseable {
  private final Path root;
  private final BundleManifest manifest;
  private final Path extracted;

  private BundleReader(Path root, BundleManifest manifest, Path extracted) {
    this.root = root;
    this.manifest = manifest;
    this.extracted = extracted;
  }

  /** Opens and verifies a bundle directory or zip; throws {@link BadBundleException} with the reason. */
  public static BundleReader open(Path bundle) throws IOException {
    if (!Files.exists(bundle)) throw new BadBundleException("no bundle at " + bundle);
    if (Files.isDirectory(bundle)) return new BundleReader(bundle.toAbsolutePath().normalize(), verify(bundle), null);
    Path dir = Files.createTempDirectory("fsdh-bundle-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try {
      unzip(bundle, dir);
      return new BundleReader(dir, verify(dir), dir);
    } catch (IOException | RuntimeException e) {
      deleteTree(dir);
      throw e;
    }
  }

  static BundleManifest verify(Path root) throws IOException {
    Path m = root.resolve(BundleManifest.FILE);
    if (!Files.exists(m)) {
      throw new BadBundleException("not a bundle: " + BundleManifest.FILE + " is missing in " + root
          + " (an export that did not finish has no manifest: run the export again to complete it)");
    }
    var tree = Json.MAPPER.readTree(m.toFile());
    int version = tree.path("formatVersion").asInt(-1);
    if (version != BundleManifest.FORMAT_VERSION) {
      throw new BadBundleException("unknown bundle format version " + tree.path("formatVersion")
          + " in " + m + "; this tool reads format " + BundleManifest.FORMAT_VERSION
          + " (use the fsdh-bot version that wrote the bundle)");
    }
    BundleManifest manifest;
    try {
      manifest = Json.MAPPER.treeToValue(tree, BundleManifest.class);
    } catch (IOException e) {
      throw new BadBundleException("damaged manifest " + m + ": " + e.getMessage(), e);
    }
    if (manifest.checksums() == null || manifest.checksums().isEmpty()) {
      throw new BadBundleException("manifest " + m + " lists no files");
    }
    int missing = 0;
    var firstMissing = new StringBuilder();
    for (Map.Entry<String, String> e : manifest.checksums().entrySet()) {
      Path f = root.resolve(e.getKey()).normalize();
      if (!f.startsWith(root.normalize())) throw new BadBundleException("manifest names a path outside the bundle: " + e.getKey());
      if (!Files.isRegularFile(f)) {
        if (missing++ == 0) firstMissing.append(e.getKey());
        continue;
      }
      String actual = BundleFinisher.sha256(f);
      if (!actual.equals(e.getValue())) {
        throw new BadBundleException("checksum mismatch for " + e.getKey() + ": the manifest says "
            + e.getValue() + ", the file has " + actual + ". The bundle was changed or damaged after export; nothing was imported");
      }
    }
    if (missing > 0) {
      throw new BadBundleException(missing + " file(s) listed in the manifest are missing, first " + firstMissing
          + "; the bundle is incomplete; nothing was imported");
    }
    return manifest;
  }

  private static void unzip(Path zip, Path dir) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      var entries = z.entries();
      while (entries.hasMoreElements()) {
        var e = entries.nextElement();
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir)) throw new BadBundleException("zip entry outside the bundle: " + e.getName());
        if (e.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = z.getInputStream(e)) {
          Files.copy(in, target);
        }
      }
    } catch (ZipException e) {
      throw new BadBundleException("not a complete zip file (truncated or damaged): " + zip + " (" + e.getMessage() + ")", e);
    } catch (java.io.EOFException e) {
      throw new BadBundleException("zip file ends too early (truncated): " + zip, e);
    }
  }

  public Path root() {
    return root;
  }

  public BundleManifest manifest() {
    return manifest;
  }

  public Path file(String relative) {
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root)) throw new IllegalArgumentException("path leaves the bundle: " + relative);
    return p;
  }

  public boolean has(ResourceType type) {
    return manifest.types().contains(type.folder()) && Files.exists(root.resolve(type.folder()).resolve(BundleFinisher.INDEX));
  }

  /** Streams the exported items of a type (lines of its {@code index.jsonl}). */
  public void items(ResourceType type, Consumer<JournalEntry> action) throws IOException {
    if (!has(type)) return;
    try (BufferedReader in = Files.newBufferedReader(root.resolve(type.folder()).resolve(BundleFinisher.INDEX), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) action.accept(Json.MAPPER.readValue(line, JournalEntry.class));
      }
    }
  }

  public <T> T json(String relative, Class<T> type) throws IOException {
    return Json.MAPPER.readValue(file(relative).toFile(), type);
  }

  @Override
  public void close() throws IOException {
    if (extracted != null) deleteTree(extracted);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
    }
  }
}
